//! Reads inputs with `read_inputs` and prints each item as one JSON line, then the throughput
//! on standard error:
//!
//!     cargo run -p recoupe-ingest --example ingest -- PATH... [> items.jsonl]
//!     cargo run -p recoupe-ingest --example ingest -- --quiet PATH...   (throughput only)

use std::io::Write;
use std::time::Instant;

use recoupe_ingest::{IngestConfig, Item, read_inputs};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.first().is_some_and(|a| a == "--quiet");
    if quiet {
        args.remove(0);
    }
    let start = Instant::now();
    let (mut docs, mut problems, mut bytes) = (0usize, 0usize, 0usize);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for item in read_inputs(&args, &IngestConfig::default()) {
        match &item {
            Item::Document(d) => {
                docs += 1;
                bytes += d.text.len();
                if !quiet {
                    let _ = serde_json::to_writer(&mut out, d);
                    let _ = writeln!(out);
                }
            }
            Item::Problem(p) => {
                problems += 1;
                eprintln!("{p}");
            }
        }
    }
    let _ = out.flush();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{docs} documents, {problems} problems, {:.2} MB of text in {secs:.3} s: {:.1} MB/s, {:.0} docs/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9),
        docs as f64 / secs.max(1e-9)
    );
}
