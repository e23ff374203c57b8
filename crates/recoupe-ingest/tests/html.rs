//! Runs the page cases of `testdata/html/cases.toml` through `read_inputs`.

use std::path::PathBuf;

use recoupe_ingest::{IngestConfig, Item, read_inputs};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    paragraphs: usize,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/html"))
}

#[test]
fn html_cases() {
    let text = std::fs::read_to_string(dir().join("cases.toml")).expect("cases.toml");
    let cases: Cases = toml::from_str(&text).expect("valid cases");
    assert!(!cases.case.is_empty());
    for case in cases.case {
        let path = dir().join(&case.file).display().to_string();
        let items: Vec<Item> = read_inputs(&[path], &IngestConfig::default()).collect();
        let [Item::Document(doc)] = items.as_slice() else {
            panic!("{}: expected one document, got {items:?}", case.file)
        };
        let f = &case.file;
        assert_eq!(doc.title, case.title, "{f}: title");
        assert_eq!(doc.outlet, case.outlet, "{f}: outlet");
        assert_eq!(doc.source.url, case.url, "{f}: url");
        assert_eq!(doc.lang, case.lang, "{f}: lang");
        assert_eq!(
            doc.published.map(|d| d.to_rfc3339()),
            case.published,
            "{f}: published"
        );
        let paragraphs = doc
            .text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count();
        assert!(
            paragraphs >= case.paragraphs,
            "{f}: {paragraphs} paragraphs in {:?}",
            doc.text
        );
        assert!(!doc.text.contains("\n\n\n"), "{f}: at most one blank line");
        for s in &case.contains {
            assert!(
                doc.text.contains(s.as_str()),
                "{f}: missing {s:?} in {:?}",
                doc.text
            );
        }
        for s in &case.absent {
            assert!(
                !doc.text.contains(s.as_str()),
                "{f}: kept {s:?} in {:?}",
                doc.text
            );
        }
        let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, case.warnings, "{f}: diagnostics");
    }
}
