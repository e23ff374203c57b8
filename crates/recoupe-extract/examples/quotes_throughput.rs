//! Throughput of the quotes stage on one core: reads a corpus (default: the 1122-article
//! press corpus), prepares every document, then times `find_speech` alone.
//!
//! `cargo run --release -p recoupe-extract --example quotes_throughput -- [FILE]`

use std::time::{Duration, Instant};

use recoupe_extract::quotes::find_speech;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_text::{TextConfig, prepare};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/fr-press-1122.jsonl"
        )
        .to_owned()
    });
    let docs: Vec<_> = read_inputs(std::slice::from_ref(&path), &IngestConfig::default())
        .filter_map(|item| match item {
            Item::Document(d) => Some(prepare(d, &TextConfig::default())),
            Item::Problem(_) => None,
        })
        .collect();
    if docs.is_empty() {
        eprintln!("no documents in {path}");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.normalized.text.len()).sum();
    // Warm-up: loads the language data.
    let _ = find_speech(&docs[0]);
    let rounds = 5;
    let mut best = Duration::MAX;
    let mut items = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        items = docs.iter().map(|d| find_speech(d).len()).sum::<usize>();
        best = best.min(start.elapsed());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {:.2} MB normalized text, {items} speech items; find_speech best of {rounds}: {:.3} s = {:.1} MB/s",
        docs.len(),
        mb,
        best.as_secs_f64(),
        mb / best.as_secs_f64()
    );
}
