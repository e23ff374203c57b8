//! Arbitrary text through the text stage: `prepare` must never panic, and every promise it
//! makes about spans (char boundaries, order, sentences that normalize alone) must hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe_model::InputDocument;
use recoupe_text::{TextConfig, check_document, prepare};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = prepare(
        InputDocument {
            text: text.to_owned(),
            ..InputDocument::default()
        },
        &TextConfig::default(),
    );
    let problems = check_document(&doc);
    assert!(problems.is_empty(), "{problems:#?}");
});
