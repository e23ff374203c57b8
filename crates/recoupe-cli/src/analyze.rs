//! `recoupe analyze`: read, prepare and annotate every document of a corpus, build its
//! ledger (measures, checks, independence of sources, relays) and print it as Markdown for a
//! terminal, as JSON (the whole ledger, `recoupe.ledger/1`) or as one standalone HTML page,
//! on standard output or in the file `--output` names.
//!
//! Long runs show a progress bar on standard error counting the documents read; it is drawn
//! only when standard error is a terminal (indicatif hides it otherwise, so logs and pipes
//! stay clean) and never with `--quiet`. The run ends with a summary and, when inputs could
//! not be read, the list of what was skipped and why.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use recoupe_extract::annotate;
use recoupe_ingest::{Item, read_inputs};
use recoupe_ledger::{Ledger, LedgerConfig, build_ledger, html, report};
use recoupe_model::document::Document;
use recoupe_model::{Diagnostic, Severity};
use recoupe_text::prepare;

use crate::extract::{ingest_config, text_config};
use crate::report::Outcome;
use crate::{AnalyzeArgs, AnalyzeFormat};

/// Documents read before a batch is annotated: enough to keep every core busy, few enough
/// that problems are reported soon after their input is read.
const BATCH: usize = 256;

pub fn run(args: &AnalyzeArgs) -> Result<Outcome> {
    let ingest = ingest_config(&args.input);
    let text = text_config(&args.input);
    let mut outcome = Outcome::new(args.input.quiet);
    let bar = progress_bar(args.input.quiet);
    let mut skipped: Vec<Diagnostic> = Vec::new();
    let mut documents = Vec::new();
    // Inputs are read in order, a batch at a time; the documents of a batch are prepared and
    // annotated in parallel (rayon, one thread per core) and kept in input order, so the
    // ledger is the same whatever the number of threads.
    let mut items = read_inputs(&args.input.paths, &ingest).peekable();
    while items.peek().is_some() {
        let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
        let annotated: Vec<Result<Document, Box<Diagnostic>>> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Problem(diagnostic) => Err(Box::new(diagnostic)),
                Item::Document(input) => {
                    let mut document = prepare(input, &text);
                    annotate(&mut document);
                    Ok(document)
                }
            })
            .collect();
        for result in annotated {
            match result {
                Err(diagnostic) => {
                    // Messages go above the bar, not through it.
                    bar.suspend(|| outcome.problem(&diagnostic));
                    if diagnostic.severity == Severity::Error {
                        skipped.push(*diagnostic);
                    }
                }
                Ok(document) => {
                    bar.suspend(|| {
                        outcome
                            .document_diagnostics(&document.source.label(), &document.diagnostics)
                    });
                    outcome.documents += 1;
                    bar.inc(1);
                    documents.push(document);
                }
            }
        }
    }
    bar.set_message("documents read; cross-checking the ledger…");
    let ledger = build_ledger(&documents, &LedgerConfig::default());
    bar.finish_and_clear();
    write_report(args, &ledger, &documents)?;
    outcome.summary();
    if !args.input.quiet {
        skipped_summary(&skipped);
    }
    Ok(outcome)
}

/// A counter of documents read (the total is unknown until every input is opened: a
/// directory or a JSONL file holds any number of them).
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} {msg} [{elapsed}]") {
        bar.set_style(style);
    }
    bar.set_message("documents read");
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn write_report(args: &AnalyzeArgs, ledger: &Ledger, documents: &[Document]) -> Result<()> {
    let mut out: BufWriter<Box<dyn Write>> = match &args.output {
        Some(path) => BufWriter::new(Box::new(
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => BufWriter::new(Box::new(std::io::stdout().lock())),
    };
    match args.format {
        AnalyzeFormat::Md => out.write_all(report::markdown(ledger).as_bytes())?,
        AnalyzeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, ledger)?;
            out.write_all(b"\n")?;
        }
        AnalyzeFormat::Html => {
            out.write_all(html::render_with_documents(ledger, documents).as_bytes())?
        }
    }
    out.flush()?;
    Ok(())
}

/// The inputs that could not be read, once more at the end where they cannot be missed.
fn skipped_summary(skipped: &[Diagnostic]) {
    if skipped.is_empty() {
        return;
    }
    eprintln!(
        "recoupe: {} input{} skipped:",
        skipped.len(),
        if skipped.len() == 1 { "" } else { "s" }
    );
    for d in skipped {
        let place = match (&d.source, &d.record) {
            (Some(s), Some(r)) => format!("{s} [{r}]"),
            (Some(s), None) => s.clone(),
            _ => "(input)".to_owned(),
        };
        eprintln!("  - {place}: {}", d.message);
    }
}
