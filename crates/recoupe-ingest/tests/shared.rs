//! Reads the real inputs under `../shared`: the 1,122-article JSONL corpus (none lost) and the
//! five seed articles (titles only where the first line is a headline).

use std::path::PathBuf;

use recoupe_ingest::{IngestConfig, Item, read_inputs};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared not found");
        None
    }
}

#[test]
fn press_corpus_loses_no_document() {
    let Some(shared) = shared() else { return };
    let path = shared.join("corpora/fr-press-1122.jsonl");
    let items: Vec<Item> =
        read_inputs(&[path.display().to_string()], &IngestConfig::default()).collect();
    let problems: Vec<_> = items.iter().filter_map(Item::problem).collect();
    assert!(problems.is_empty(), "{problems:?}");
    let docs: Vec<_> = items.iter().filter_map(Item::document).collect();
    assert_eq!(docs.len(), 1122);
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(
            d.source.record.as_deref(),
            Some(format!("line {}", i + 1).as_str())
        );
        assert!(d.given_id.is_some(), "line {}", i + 1);
        assert!(!d.text.trim().is_empty());
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert!(
            d.metadata.contains_key("country"),
            "unknown fields are kept"
        );
    }
}

#[test]
fn seeds_read_with_titles_only_where_declared_by_layout() {
    let Some(shared) = shared() else { return };
    let pattern = shared.join("seeds/*.txt").display().to_string();
    let docs: Vec<_> = read_inputs(&[pattern], &IngestConfig::default())
        .map(|item| match item {
            Item::Document(d) => d,
            Item::Problem(p) => panic!("{p}"),
        })
        .collect();
    assert_eq!(docs.len(), 5);
    let by_name = |prefix: &str| {
        docs.iter()
            .find(|d| {
                d.source
                    .path
                    .as_deref()
                    .is_some_and(|p| p.rsplit('/').next().is_some_and(|f| f.starts_with(prefix)))
            })
            .unwrap_or_else(|| panic!("no seed {prefix}"))
    };
    assert_eq!(
        by_name("002").title.as_deref(),
        Some("Alep : la Russie annonce une suspension de l'offensive militaire syrienne")
    );
    assert_eq!(by_name("000").title, None);
    assert_eq!(by_name("001").title, None);
    for d in &docs {
        let original = std::fs::read_to_string(d.source.path.as_deref().unwrap_or_default())
            .unwrap_or_default();
        assert_eq!(d.text, original, "text is kept intact");
        assert_eq!(d.outlet, None);
        assert_eq!(d.published, None);
    }
}
