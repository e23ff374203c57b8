//! Throughput of `find_quantities` on a JSONL corpus (one `{"text": …}` per line), single
//! thread. Prints documents, megabytes, quantities found and MB/s (parsing excluded).
//!
//! cargo run --release -p recoupe-extract --example numbers_throughput -- [corpus.jsonl] [lang]

use std::time::Instant;

use recoupe_extract::numbers::find_quantities;
use recoupe_model::Lang;

fn main() {
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/fr-press-1122.jsonl"
    );
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| default.to_string());
    let lang = args
        .next()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::Fr);
    let raw = match std::fs::read_to_string(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Warm-up: load the lexicon outside the timed loop.
    let _ = find_quantities("1", lang);
    let rounds = 5;
    let mut found = 0;
    let mut figures = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        found = 0;
        figures = 0;
        for t in &texts {
            let qs = find_quantities(t, lang);
            found += qs.len();
            figures += qs.iter().filter(|q| q.is_figure).count();
        }
    }
    let secs = start.elapsed().as_secs_f64() / f64::from(rounds);
    // What was found, by kind (one more pass, untimed); NUMBERS_DUMP=N prints the first N.
    let mut dump: usize = std::env::var("NUMBERS_DUMP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut kinds = std::collections::BTreeMap::new();
    for t in &texts {
        for q in find_quantities(t, lang) {
            if dump > 0 {
                dump -= 1;
                println!(
                    "{:?}\t{:?}\t{:?}\t{:?}\t{}",
                    q.text,
                    q.kind,
                    q.qualifier,
                    q.best.or(q.low),
                    q.rule
                );
            }
            let kind = serde_json::to_string(&q.kind).unwrap_or_default();
            *kinds.entry(kind).or_insert(0usize) += 1;
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "numbers: {} docs, {mb:.2} MB, {found} quantities ({figures} figures), {secs:.3} s per pass, {:.1} MB/s, {:.0} docs/s",
        texts.len(),
        mb / secs,
        texts.len() as f64 / secs
    );
    println!("by kind: {kinds:?}");
}
