//! Throughput of `find_entities` on a JSONL corpus, single thread: megabytes of original
//! text per second for `find_entities` alone (documents prepared beforehand) and for
//! `prepare` + `find_entities`. Reading the file is not timed.
//!
//! cargo run --release -p recoupe-extract --example entities_throughput -- [corpus.jsonl]

use std::time::Instant;

use recoupe_extract::entities::find_entities;
use recoupe_model::Document;
use recoupe_model::entity::EntityKind;
use recoupe_text::{TextConfig, prepare};

mod common;

fn main() {
    let inputs = common::corpus();
    let bytes: usize = inputs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let config = TextConfig::default();
    let docs: Vec<Document> = inputs.iter().map(|d| prepare(d.clone(), &config)).collect();
    // Warm-up: load the lexicons outside the timed loops.
    let _ = find_entities(&docs[0]);

    let rounds = 5;
    let mut counts = [0usize; 5];
    let start = Instant::now();
    for _ in 0..rounds {
        counts = [0; 5];
        for d in &docs {
            for e in find_entities(d) {
                let k = match e.kind {
                    EntityKind::Person => 0,
                    EntityKind::Organisation => 1,
                    EntityKind::Place => 2,
                    EntityKind::Outlet => 3,
                    EntityKind::Group => 4,
                };
                counts[k] += 1;
            }
        }
    }
    let alone = start.elapsed().as_secs_f64() / f64::from(rounds);

    let start = Instant::now();
    for _ in 0..rounds {
        for d in &inputs {
            let doc = prepare(d.clone(), &config);
            std::hint::black_box(find_entities(&doc));
        }
    }
    let with_prepare = start.elapsed().as_secs_f64() / f64::from(rounds);

    println!("documents: {}, {:.2} MB of original text", docs.len(), mb);
    println!(
        "entities per pass: {} persons, {} organisations, {} places, {} outlets, {} groups",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    );
    println!(
        "find_entities alone:       {:.3} s  {:.1} MB/s",
        alone,
        mb / alone
    );
    println!(
        "prepare + find_entities:   {:.3} s  {:.1} MB/s",
        with_prepare,
        mb / with_prepare
    );
}
