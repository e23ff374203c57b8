//! Named cases kept as data: text-file titles (`testdata/titles.toml`) and date values
//! (`testdata/dates.toml`), run through the public readers.

use recoupe_ingest::{IngestConfig, Item, read_bytes};
use recoupe_model::{InputDocument, InputFormat};
use serde::Deserialize;

#[derive(Deserialize)]
struct File<T> {
    case: Vec<T>,
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    let path = format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: File<T> = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(!file.case.is_empty(), "{path}: no case");
    file.case
}

fn one_document(format: InputFormat, bytes: &[u8]) -> InputDocument {
    let items = read_bytes(format, "case", bytes, &IngestConfig::default());
    match items.as_slice() {
        [Item::Document(d)] => d.clone(),
        other => panic!("expected one document: {other:?}"),
    }
}

#[derive(Deserialize)]
struct TitleCase {
    name: String,
    text: String,
    title: Option<String>,
}

#[test]
fn titles() {
    for case in load::<TitleCase>("titles.toml") {
        let doc = one_document(InputFormat::Text, case.text.as_bytes());
        assert_eq!(doc.title, case.title, "{}", case.name);
        assert_eq!(doc.text, case.text, "{}: text kept intact", case.name);
    }
}

#[derive(Deserialize)]
struct DateCase {
    value: String,
    expected: Option<String>,
}

#[test]
fn dates() {
    for case in load::<DateCase>("dates.toml") {
        let line = serde_json::json!({"date": case.value, "text": "x"}).to_string();
        let doc = one_document(InputFormat::Jsonl, line.as_bytes());
        assert_eq!(
            doc.published.map(|d| d.to_rfc3339()),
            case.expected,
            "{:?}",
            case.value
        );
        let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
        if case.expected.is_some() {
            assert!(codes.is_empty(), "{:?}: {codes:?}", case.value);
            assert!(!doc.metadata.contains_key("date"));
        } else {
            assert_eq!(codes, ["ingest/unparsed-date"], "{:?}", case.value);
            assert_eq!(
                doc.metadata.get("date").and_then(|v| v.as_str()),
                Some(case.value.as_str())
            );
        }
    }
}
