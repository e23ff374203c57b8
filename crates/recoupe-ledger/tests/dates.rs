//! Corpus-level dates: undated documents dated from their story.

mod common;

use common::{EXAMPLES, load, shared};
use std::time::Instant;

use chrono::NaiveDate;
use recoupe_ledger::dates::infer_corpus_dates;
use recoupe_ledger::stories::{Story, group_stories};

#[test]
fn seed_001_is_dated_from_the_example_corpus() {
    let Some(seed) = shared("seeds/001_55bf73d2735a4965.txt") else {
        return;
    };
    let docs = load(&[EXAMPLES.to_owned(), seed]);
    let target = docs
        .iter()
        .position(|d| d.source.path.as_deref().is_some_and(|p| p.contains("001_")))
        .unwrap();
    // On its own, the seed has no confident date (a weekday fits several years).
    assert!(docs[target].published.is_none());
    assert!(docs[target].annotations.reference_date.is_none());
    let stories = group_stories(&docs);
    let dates = infer_corpus_dates(&docs, &stories);
    for d in &dates {
        println!(
            "{} → {} ({:.2}): {}",
            docs[d.document].source.label(),
            d.date,
            d.confidence,
            d.evidence
        );
    }
    let found = dates.iter().find(|d| d.document == target).unwrap();
    assert_eq!(found.date, NaiveDate::from_ymd_opt(2016, 12, 14).unwrap());
    assert!(found.confidence >= 0.5, "{found:?}");
    assert!(found.evidence.contains("mercredi"), "{}", found.evidence);
    assert!(found.evidence.contains("14 décembre"), "{}", found.evidence);
    // Only undated documents get a corpus date.
    for d in &dates {
        assert!(docs[d.document].published.is_none());
        assert!(docs[d.document].annotations.reference_date.is_none());
        assert!((0.0..=1.0).contains(&d.confidence));
    }
}

#[test]
fn a_story_without_dated_documents_dates_nothing() {
    let Some(seed) = shared("seeds/001_55bf73d2735a4965.txt") else {
        return;
    };
    let docs = load(&[seed]);
    let stories = vec![Story {
        id: 1,
        documents: vec![0],
        label: String::new(),
        start: None,
        end: None,
    }];
    assert!(infer_corpus_dates(&docs, &stories).is_empty());
}

#[test]
fn press_corpus() {
    let Some(path) = shared("corpora/fr-press-1122.jsonl") else {
        return;
    };
    let docs = load(&[path]);
    let stories = group_stories(&docs);
    let start = Instant::now();
    let dates = infer_corpus_dates(&docs, &stories);
    let elapsed = start.elapsed();
    let undated = docs
        .iter()
        .filter(|d| d.published.is_none() && d.annotations.reference_date.is_none())
        .count();
    let sure = dates.iter().filter(|d| d.confidence >= 0.5).count();
    println!(
        "{} documents, {undated} without a date: {} dated from their story ({sure} with confidence ≥ 0.5) in {elapsed:?}",
        docs.len(),
        dates.len()
    );
    for d in dates.iter().take(5) {
        println!(
            "  {} → {} ({:.2}): {}",
            docs[d.document].id, d.date, d.confidence, d.evidence
        );
    }
    assert!(dates.len() <= undated);
}
