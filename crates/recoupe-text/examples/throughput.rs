//! Measures the text stage over the press corpus of `../shared`:
//! `cargo run --release -p recoupe-text --example throughput [FILE.jsonl] [--prepare-only]`
//!
//! Prints MB/s (of article text, one core) for boilerplate + normalization + segmentation, for
//! language identification alone (two-step, and the trigram step alone), and for the whole of
//! `prepare` (with language identification, relays and outlet). `--prepare-only` measures
//! `prepare` alone, for profiling.

use std::time::Instant;

use recoupe_model::{InputDocument, Lang, LanguageGuess};
use recoupe_text::{
    TextConfig, abbreviations, detect_language, detect_language_trigrams, find_boilerplate,
    normalize_with, prepare, segment,
};

#[derive(serde::Deserialize)]
struct Article {
    outlet: Option<String>,
    url: Option<String>,
    text: String,
}

const ROUNDS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let prepare_only = args.iter().any(|a| a == "--prepare-only");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpora/fr-press-1122.jsonl"
            )
            .to_owned()
        });
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let articles: Vec<Article> = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb = (bytes * ROUNDS) as f64 / 1e6;
    println!(
        "{} documents, {:.2} MB, {ROUNDS} rounds",
        articles.len(),
        bytes as f64 / 1e6
    );

    if !prepare_only {
        let start = Instant::now();
        let mut sentences = 0;
        for _ in 0..ROUNDS {
            for a in &articles {
                let found = find_boilerplate(&a.text, None);
                let spans: Vec<_> = found.removals.iter().map(|r| r.span).collect();
                let (normalized, _) = normalize_with(&a.text, &spans);
                sentences += segment(&normalized, abbreviations(Lang::Fr)).1.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "boilerplate+normalize+segment: {:.1} MB/s ({} sentences per round)",
            mb / secs,
            sentences / ROUNDS
        );

        let texts: Vec<String> = articles
            .iter()
            .map(|a| normalize_with(&a.text, &[]).0.text)
            .collect();
        type Detect = fn(&str) -> LanguageGuess;
        let detectors: [(&str, Detect); 2] = [
            ("two-step", detect_language),
            ("trigrams alone", detect_language_trigrams),
        ];
        for (name, detect) in detectors {
            let start = Instant::now();
            let mut french = 0;
            for _ in 0..ROUNDS {
                french += texts.iter().filter(|t| detect(t).lang == Lang::Fr).count();
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "language ({name}): {:.1} MB/s ({} French per round)",
                mb / secs,
                french / ROUNDS
            );
        }
    }

    let start = Instant::now();
    let mut relays = 0;
    for _ in 0..ROUNDS {
        for a in &articles {
            let input = InputDocument {
                outlet: a.outlet.clone(),
                text: a.text.clone(),
                source: recoupe_model::Source {
                    url: a.url.clone(),
                    ..Default::default()
                },
                ..InputDocument::default()
            };
            relays += prepare(input, &TextConfig::default()).relays.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "prepare (with language identification): {:.1} MB/s ({} relays per round)",
        mb / secs,
        relays / ROUNDS
    );
}
