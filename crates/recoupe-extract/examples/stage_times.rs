//! Where the extract stage spends its time, stage by stage, on a JSONL corpus, single thread:
//! the documents are prepared beforehand, then each annotator runs over all of them (best of
//! five rounds), the way `annotate` calls it. Claims read the annotations of a first full
//! `annotate`. Reading and preparing are not timed.
//!
//! cargo run --release -p recoupe-extract --example stage_times -- [corpus.jsonl]

use std::time::Instant;

use recoupe_extract::claims::find_claims;
use recoupe_extract::entities::{entity_at, find_entities, resolve_mention};
use recoupe_extract::numbers::find_quantities;
use recoupe_extract::quotes::find_speech;
use recoupe_extract::time::{TimeMatches, find_times, infer_document_date_of};
use recoupe_model::{Document, Lang};
use recoupe_text::{TextConfig, prepare};

mod common;

fn lang_of(doc: &Document) -> Lang {
    match doc.language.lang {
        Lang::En => Lang::En,
        _ => Lang::Fr,
    }
}

/// Best time of five rounds of `f` over every document, in milliseconds.
fn best(docs: &[Document], mut f: impl FnMut(&Document) -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let start = Instant::now();
        n = docs.iter().map(&mut f).sum();
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
    }
    (best, n)
}

fn main() {
    let inputs = common::corpus();
    let bytes: usize = inputs.iter().map(|d| d.text.len()).sum();
    let config = TextConfig::default();
    let docs: Vec<Document> = inputs.iter().map(|d| prepare(d.clone(), &config)).collect();
    let annotated: Vec<Document> = docs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            recoupe_extract::annotate(&mut d);
            d
        })
        .collect();

    let mut rows: Vec<(&str, f64, usize)> = Vec::new();
    let (ms, n) = best(&docs, |d| {
        let lang = lang_of(d);
        d.sentences
            .iter()
            .filter_map(|s| d.normalized.text.get(s.norm.start..s.norm.end))
            .map(|t| find_quantities(t, lang).len())
            .sum()
    });
    rows.push(("numbers (find_quantities per sentence)", ms, n));
    let (ms, n) = best(&docs, |d| {
        TimeMatches::new(&d.normalized.text, lang_of(d))
            .resolve(None)
            .len()
    });
    rows.push(("time: TimeMatches::new + one resolve", ms, n));
    let (ms, n) = best(&docs, |d| {
        let m = TimeMatches::new(&d.normalized.text, lang_of(d));
        usize::from(infer_document_date_of(&m, &[], None).is_some())
    });
    rows.push(("time: TimeMatches::new + date inference", ms, n));
    let (ms, n) = best(&docs, |d| find_entities(d).len());
    rows.push(("entities (find_entities)", ms, n));
    let (ms, n) = best(&docs, |d| find_speech(d).len());
    rows.push(("quotes (find_speech)", ms, n));
    let (ms, n) = best(&annotated, |d| find_claims(d).len());
    rows.push(("claims (find_claims)", ms, n));
    let (ms, n) = best(&docs, |d| {
        let mut d = d.clone();
        recoupe_extract::annotate(&mut d);
        d.annotations.claims.len()
    });
    rows.push(("whole annotate (with a clone of the document)", ms, n));
    let (ms, n) = best(&docs, |d| {
        let lang = lang_of(d);
        d.removed
            .iter()
            .filter(|r| matches!(r.kind.as_str(), "duplicate-title" | "read-also"))
            .filter_map(|r| d.text.get(r.span.start..r.span.end))
            .map(|t| find_quantities(t, lang).len() + find_times(t, lang, None).len())
            .sum()
    });
    rows.push(("headlines (numbers and times of removed titles)", ms, n));
    let (ms, n) = best(&annotated, |d| {
        let entities = &d.annotations.entities;
        d.annotations
            .speech
            .iter()
            .filter_map(|s| s.speaker.as_ref())
            .filter(|sp| {
                entity_at(entities, sp.span).is_some()
                    || resolve_mention(d, entities, sp.span).is_some()
            })
            .count()
    });
    rows.push(("speakers (entity_at, resolve_mention)", ms, n));
    let (ms, n) = best(&docs, |d| d.clone().sentences.len());
    rows.push(("a clone of the document", ms, n));
    let mb = bytes as f64 / (1 << 20) as f64;
    for (name, ms, n) in rows {
        println!(
            "{name:<50} {ms:8.1} ms {:7.1} MiB/s  ({n})",
            mb / (ms / 1e3)
        );
    }
}
