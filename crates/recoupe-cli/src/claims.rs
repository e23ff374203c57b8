//! `recoupe claims`: read, prepare and annotate every document, and print its claims as a
//! table for people, JSON Lines for programs (one claim per line, with the document it comes
//! from) or CSV for spreadsheets.

use std::io::{BufWriter, Write};

use anyhow::Result;
use recoupe_extract::annotate;
use recoupe_ingest::{Item, read_inputs};
use recoupe_model::claim::{CLAIM_SCHEMA, Claim, Modality, WindowKind};
use recoupe_text::prepare;
use serde::Serialize;

use crate::extract::{ingest_config, text_config};
use crate::report::Outcome;
use crate::{ClaimsArgs, ClaimsFormat};

/// One claim with the document it was read from, as printed by `--format json`.
#[derive(Serialize)]
struct Line<'a> {
    schema: &'static str,
    document: &'a str,
    source: String,
    #[serde(flatten)]
    claim: &'a Claim,
}

const COLUMNS: &[&str] = &[
    "source",
    "figure",
    "value",
    "qualifier",
    "counted",
    "category",
    "predicate",
    "predicate_category",
    "modality",
    "window",
    "place",
    "part_of",
    "speaker",
    "organisation",
    "attribution",
    "outlet",
    "date",
];

const TABLE_HEADER: [&str; 9] = [
    "figure",
    "qualifier",
    "counted",
    "predicate",
    "window",
    "place",
    "speaker",
    "outlet",
    "date",
];

pub fn run(args: &ClaimsArgs) -> Result<Outcome> {
    let ingest = ingest_config(&args.input);
    let text = text_config(&args.input);
    let mut outcome = Outcome::new(args.input.quiet);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ClaimsFormat::Csv => writeln!(out, "{}", COLUMNS.join(","))?,
        ClaimsFormat::Table => {
            let h = TABLE_HEADER;
            writeln!(
                out,
                "{:<24} {:<10} {:<22} {:<32} {:<24} {:<12} {:<28} {:<20} {}",
                h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]
            )?
        }
        ClaimsFormat::Json => {}
    }
    for item in read_inputs(&args.input.paths, &ingest) {
        match item {
            Item::Problem(diagnostic) => outcome.problem(&diagnostic),
            Item::Document(input) => {
                let mut document = prepare(input, &text);
                annotate(&mut document);
                let label = document.source.label();
                outcome.document_diagnostics(&label, &document.diagnostics);
                outcome.documents += 1;
                for claim in &document.annotations.claims {
                    match args.format {
                        ClaimsFormat::Json => {
                            let line = Line {
                                schema: CLAIM_SCHEMA,
                                document: &document.id,
                                source: label.clone(),
                                claim,
                            };
                            serde_json::to_writer(&mut out, &line)?;
                            out.write_all(b"\n")?;
                        }
                        ClaimsFormat::Csv => {
                            let row: Vec<String> =
                                fields(&label, claim).iter().map(|f| csv_field(f)).collect();
                            writeln!(out, "{}", row.join(","))?;
                        }
                        ClaimsFormat::Table => table_row(&mut out, claim)?,
                    }
                }
            }
        }
    }
    out.flush()?;
    outcome.summary();
    Ok(outcome)
}

fn window(claim: &Claim) -> String {
    let t = &claim.time;
    let kind = match t.kind {
        WindowKind::Point => "point".to_owned(),
        WindowKind::Last24h => "last_24h".to_owned(),
        WindowKind::Last => format!("last_{}h", t.hours.unwrap_or(0)),
        WindowKind::PerDay => "per_day".to_owned(),
        WindowKind::Cumulative => match &t.since {
            Some(since) => format!("since {since}"),
            None => "cumulative".to_owned(),
        },
        WindowKind::Unknown => "unknown".to_owned(),
    };
    match t.end {
        Some(end) => format!("{kind} → {end}"),
        None => kind,
    }
}

fn value(claim: &Claim) -> String {
    let f = &claim.figure;
    let n = |v: f64| format!("{v}");
    match (f.value, f.best, f.low, f.high) {
        (Some(v), ..) => n(v),
        (None, Some(b), ..) => n(b),
        (None, None, Some(l), Some(h)) => format!("{}–{}", n(l), n(h)),
        (None, None, Some(l), None) => format!("≥{}", n(l)),
        (None, None, None, Some(h)) => format!("≤{}", n(h)),
        _ => String::new(),
    }
}

fn label<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn fields(source: &str, c: &Claim) -> Vec<String> {
    let a = &c.attribution;
    vec![
        source.to_owned(),
        c.figure.text.clone(),
        value(c),
        label(&c.figure.qualifier),
        c.counted
            .as_ref()
            .map(|x| x.text.clone())
            .unwrap_or_default(),
        c.counted
            .as_ref()
            .map(|x| x.category.clone())
            .unwrap_or_default(),
        c.predicate
            .as_ref()
            .map(|x| x.text.clone())
            .unwrap_or_default(),
        c.predicate
            .as_ref()
            .map(|x| x.category.clone())
            .unwrap_or_default(),
        c.predicate
            .as_ref()
            .map(|x| label(&x.modality))
            .unwrap_or_default(),
        window(c),
        c.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        c.part_of.map(|p| p.to_string()).unwrap_or_default(),
        a.speaker.clone().unwrap_or_default(),
        a.organisation.clone().unwrap_or_default(),
        label(&a.how),
        c.outlet.clone().unwrap_or_default(),
        c.date.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// RFC 4180: quote a field that holds a comma, a quote or a line break.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Cuts a cell to `width` characters, marking the cut.
fn cell(text: &str, width: usize) -> String {
    let text = text.replace(['\n', '\r'], " ");
    if text.chars().count() <= width {
        text
    } else {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn table_row(out: &mut impl Write, c: &Claim) -> std::io::Result<()> {
    let a = &c.attribution;
    let counted = c
        .counted
        .as_ref()
        .map(|x| format!("{} ({})", x.text, x.category))
        .unwrap_or_default();
    let predicate = c
        .predicate
        .as_ref()
        .map(|x| match x.modality {
            // What did not happen, or not yet, must not read as done.
            Modality::Done => format!("{} ({})", x.text, x.category),
            m => format!("{} ({}, {})", x.text, x.category, label(&m)),
        })
        .unwrap_or_default();
    let speaker = match (&a.speaker, &a.organisation) {
        (Some(s), _) => s.clone(),
        (None, Some(o)) if !a.unattributed => o.clone(),
        _ => format!("[{}]", label(&a.how)),
    };
    writeln!(
        out,
        "{:<24} {:<10} {:<22} {:<32} {:<24} {:<12} {:<28} {:<20} {}",
        cell(&c.figure.text, 24),
        cell(&label(&c.figure.qualifier), 10),
        cell(&counted, 22),
        cell(&predicate, 32),
        cell(&window(c), 24),
        cell(c.place.as_ref().map_or("", |p| p.name.as_str()), 12),
        cell(&speaker, 28),
        cell(c.outlet.as_deref().unwrap_or(""), 20),
        c.date.map(|d| d.to_string()).unwrap_or_default(),
    )
}
