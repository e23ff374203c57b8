//! What the measuring examples share: the corpus they read.

use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_model::InputDocument;

/// The documents of the file named as first argument, else of the press corpus beside the
/// project; exits when there are none.
pub fn corpus() -> Vec<InputDocument> {
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/fr-press-1122.jsonl"
    );
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| default.to_owned());
    let inputs: Vec<InputDocument> =
        read_inputs(std::slice::from_ref(&path), &IngestConfig::default())
            .filter_map(|item| item.document().cloned())
            .collect();
    if inputs.is_empty() {
        eprintln!("no documents in {path}");
        std::process::exit(1);
    }
    inputs
}
