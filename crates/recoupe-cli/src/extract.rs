//! `recoupe extract`: read, prepare and print every document.

use std::io::{BufWriter, Write};

use anyhow::Result;
use recoupe_extract::annotate;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_text::{TextConfig, prepare};

use crate::report::Outcome;
use crate::{ExtractArgs, InputArgs};

pub fn ingest_config(args: &InputArgs) -> IngestConfig {
    IngestConfig {
        input_format: args.input_format.map(Into::into),
        max_file_bytes: args.max_file_size,
    }
}

pub fn text_config(args: &InputArgs) -> TextConfig {
    TextConfig {
        lang: args.lang.map(Into::into),
    }
}

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let ingest = ingest_config(&args.input);
    let text = text_config(&args.input);
    let mut outcome = Outcome::new(args.input.quiet);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for item in read_inputs(&args.input.paths, &ingest) {
        match item {
            Item::Problem(diagnostic) => outcome.problem(&diagnostic),
            Item::Document(input) => {
                let mut document = prepare(input, &text);
                annotate(&mut document);
                outcome.document_diagnostics(&document.source.label(), &document.diagnostics);
                outcome.documents += 1;
                if args.pretty {
                    serde_json::to_writer_pretty(&mut out, &document)?;
                } else {
                    serde_json::to_writer(&mut out, &document)?;
                }
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    outcome.summary();
    Ok(outcome)
}
