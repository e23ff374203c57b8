//! The whole per-document pipeline (read, prepare, annotate) over a JSONL corpus, a fixed
//! number of rounds, single thread, like the `pipeline` bench of recoupe-cli but with a fixed
//! amount of work, so `perf stat` can count its cycles: prints each round's time and the best.
//!
//! cargo run --release -p recoupe-extract --example pipeline_rounds -- [corpus.jsonl] [rounds]

use std::time::Instant;

use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_text::{TextConfig, prepare};

/// The allocator of the `recoupe` binary, so the rounds measure what the binary runs.
#[global_allocator]
static ALLOCATOR: recoupe_alloc::MiMalloc = recoupe_alloc::MiMalloc;

fn main() {
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/fr-press-1122.jsonl"
    );
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| default.to_owned());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64;
    let inputs = vec![path];
    let (ingest, text) = (IngestConfig::default(), TextConfig::default());
    let mut best = f64::MAX;
    for round in 0..rounds {
        let start = Instant::now();
        let mut quantities = 0;
        for item in read_inputs(&inputs, &ingest) {
            if let Item::Document(input) = item {
                let mut doc = prepare(input, &text);
                recoupe_extract::annotate(&mut doc);
                quantities += doc.annotations.quantities.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        best = best.min(secs);
        println!(
            "round {round}: {:.1} ms, {:.2} MiB/s ({quantities} quantities)",
            secs * 1e3,
            bytes / (1 << 20) as f64 / secs
        );
    }
    println!(
        "best: {:.1} ms, {:.2} MiB/s",
        best * 1e3,
        bytes / (1 << 20) as f64 / best
    );
}
