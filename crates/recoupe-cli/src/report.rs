//! What a run tells on standard error: problems as they happen, a summary at the end, and
//! the exit status that says whether anything failed.

use std::process::ExitCode;

use recoupe_model::{Diagnostic, Severity};

/// Counts what a run read and what went wrong.
#[derive(Debug, Default)]
pub struct Outcome {
    pub documents: usize,
    pub errors: usize,
    pub warnings: usize,
    quiet: bool,
}

impl Outcome {
    pub fn new(quiet: bool) -> Outcome {
        Outcome {
            quiet,
            ..Outcome::default()
        }
    }

    /// Reports a problem with an input (a file or a record that could not be read).
    pub fn problem(&mut self, diagnostic: &Diagnostic) {
        self.count(diagnostic, None);
    }

    /// Reports what was repaired or dropped inside a document that was read.
    pub fn document_diagnostics(&mut self, label: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            self.count(d, Some(label));
        }
    }

    fn count(&mut self, d: &Diagnostic, label: Option<&str>) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => return,
        }
        if self.quiet && d.severity != Severity::Error {
            return;
        }
        match (label, &d.source) {
            (Some(label), None) => {
                let mut d = d.clone();
                d.source = Some(label.to_owned());
                eprintln!("recoupe: {d}");
            }
            _ => eprintln!("recoupe: {d}"),
        }
    }

    pub fn summary(&self) {
        if self.quiet {
            return;
        }
        eprintln!(
            "recoupe: {} document{}, {} error{}, {} warning{}",
            self.documents,
            plural(self.documents),
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings),
        );
    }

    /// 0 when every input was read, 1 when something could not be.
    pub fn exit_code(&self) -> ExitCode {
        if self.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
