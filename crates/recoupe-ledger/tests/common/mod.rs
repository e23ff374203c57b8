//! What the corpus tests share: where the example corpus and the shared material are, and
//! reading inputs through the whole per-document pipeline.
// Each test file uses a part of this module.
#![allow(dead_code)]

use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_model::Document;
use recoupe_text::{TextConfig, prepare};

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/aleppo-2016");
pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// The path of `relative` inside `../shared`, or `None` (saying the test is skipped) when
/// the shared material is absent, as it is in a user's clone.
pub fn shared(relative: &str) -> Option<String> {
    let path = format!("{SHARED}/{relative}");
    if std::path::Path::new(&path).exists() {
        Some(path)
    } else {
        println!("skipped: ../shared not found");
        None
    }
}

/// Every document of `inputs`, prepared and annotated.
pub fn load(inputs: &[String]) -> Vec<Document> {
    read_inputs(inputs, &IngestConfig::default())
        .filter_map(|item| item.document().cloned())
        .map(|input| {
            let mut doc = prepare(input, &TextConfig::default());
            recoupe_extract::annotate(&mut doc);
            doc
        })
        .collect()
}
