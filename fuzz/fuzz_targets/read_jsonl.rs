//! Arbitrary bytes through the jsonl reader: it must never panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe_ingest::{IngestConfig, read_bytes};
use recoupe_model::InputFormat;

fuzz_target!(|data: &[u8]| {
    let config = IngestConfig {
        max_file_bytes: 1 << 20,
        ..IngestConfig::default()
    };
    let _ = read_bytes(InputFormat::Jsonl, "fuzz", data, &config);
});
