//! Infers the date of every document of a JSONL corpus (`id`, `text`) and prints one JSON line
//! per document (`id`, `date`, `confidence`, evidence count, conflicts), to compare with dates
//! known elsewhere (metadata, URLs):
//! `cargo run -p recoupe-extract --example time_infer_corpus -- ../shared/corpora/fr-press-1122.jsonl`.

use recoupe_extract::time::infer_document_date;
use recoupe_model::Lang;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/fr-press-1122.jsonl".to_owned());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    for line in data.lines() {
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = doc.get("id").cloned().unwrap_or_default();
        let text = doc.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let got = infer_document_date(text, Lang::Fr, &[]);
        let out = serde_json::json!({
            "id": id,
            "date": got.as_ref().map(|g| g.date.to_string()),
            "confidence": got.as_ref().map(|g| g.confidence),
            "evidence": got.as_ref().map_or(0, |g| g.evidence.len()),
            "conflicts": got.as_ref().map_or(0, |g| g.conflicts.len()),
        });
        println!("{out}");
    }
}
