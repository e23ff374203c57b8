//! Throughput of the time finder on a JSONL corpus (`text` field), single thread:
//! `cargo run --release -p recoupe-extract --example time_throughput -- ../shared/corpora/fr-press-1122.jsonl`.
//! Language data is compiled before the clock starts; the reference date is the one the peer
//! pipeline uses (2016-12-09), so both resolve relative expressions.

use std::time::Instant;

use recoupe_extract::time::find_times;
use recoupe_model::Lang;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/fr-press-1122.jsonl".to_owned());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let reference = chrono::NaiveDate::from_ymd_opt(2016, 12, 9);
    // Warm-up: compiles the rules (a one-off cost, like the peer's model loading).
    let warm = Instant::now();
    let _ = find_times("ce jeudi", Lang::Fr, reference);
    let load = warm.elapsed().as_secs_f64();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let start = Instant::now();
        found = texts
            .iter()
            .map(|t| find_times(t, Lang::Fr, reference).len())
            .sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "recoupe time: {} docs, {mb:.2} MB, load {load:.2}s, process {best:.3}s (best of 3), {:.1} docs/s, {:.2} MB/s, {found} expressions",
        texts.len(),
        texts.len() as f64 / best,
        mb / best
    );
}
