//! `recoupe analyze`: read, prepare and annotate every document of a corpus, build its
//! ledger (measures, checks, independence of sources, relays) and print it as Markdown for a
//! terminal or as JSON (the whole ledger, `recoupe.ledger/1`).

use std::io::{BufWriter, Write};

use anyhow::Result;
use recoupe_extract::annotate;
use recoupe_ingest::{Item, read_inputs};
use recoupe_ledger::{LedgerConfig, build_ledger, report};
use recoupe_text::prepare;

use crate::extract::{ingest_config, text_config};
use crate::report::Outcome;
use crate::{AnalyzeArgs, AnalyzeFormat};

pub fn run(args: &AnalyzeArgs) -> Result<Outcome> {
    let ingest = ingest_config(&args.input);
    let text = text_config(&args.input);
    let mut outcome = Outcome::new(args.input.quiet);
    let mut documents = Vec::new();
    for item in read_inputs(&args.input.paths, &ingest) {
        match item {
            Item::Problem(diagnostic) => outcome.problem(&diagnostic),
            Item::Document(input) => {
                let mut document = prepare(input, &text);
                annotate(&mut document);
                outcome.document_diagnostics(&document.source.label(), &document.diagnostics);
                outcome.documents += 1;
                documents.push(document);
            }
        }
    }
    let ledger = build_ledger(&documents, &LedgerConfig::default());
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        AnalyzeFormat::Md => out.write_all(report::markdown(&ledger).as_bytes())?,
        AnalyzeFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &ledger)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    outcome.summary();
    Ok(outcome)
}
