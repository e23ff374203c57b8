//! What the corpus tests share: where the example corpus and the shared material are, and
//! reading inputs through the whole per-document pipeline.

use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_model::Document;
use recoupe_text::{TextConfig, prepare};

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/aleppo-2016");
pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

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
