//! Text reuse on the example corpus, on unrelated texts and on the press corpus.

mod common;

use common::{EXAMPLES, load, shared};
use std::time::Instant;

use recoupe_ledger::reuse::{MIN_WORDS, find_reuse};
use recoupe_model::Document;

fn position(docs: &[Document], file: &str, record: Option<&str>) -> usize {
    docs.iter()
        .position(|d| {
            d.source.path.as_deref().is_some_and(|p| p.ends_with(file))
                && (record.is_none() || d.source.record.as_deref() == record)
        })
        .unwrap_or_else(|| panic!("{file} {record:?} not read"))
}

/// Word-level view used to compare a passage with the sentences it should contain.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_relay_copies_three_sentences_of_the_quotidien() {
    let docs = load(&[EXAMPLES.to_owned()]);
    let relay = position(&docs, "06-agregat-2016-12-15.jsonl", Some("line 1"));
    let quotidien = position(&docs, "04-quotidien-2016-12-14.html", None);
    let found: Vec<_> = find_reuse(&docs)
        .into_iter()
        .filter(|p| {
            (p.a, p.b) == (relay.min(quotidien), relay.max(quotidien)) && p.words >= MIN_WORDS
        })
        .collect();
    assert!(!found.is_empty(), "no passage shared by 04 and 06/1");
    let copied: String = found
        .iter()
        .map(|p| {
            let span = if p.a == relay { p.a_span } else { p.b_span };
            words(span.slice(&docs[relay].text))
        })
        .collect::<Vec<_>>()
        .join(" ");
    // The three sentences the manifest lists as copied.
    let manifest = std::fs::read_to_string(format!("{EXAMPLES}/expected.toml")).unwrap();
    let table: toml::Table = toml::from_str(&manifest).unwrap();
    let sentences = copied_sentences(&table);
    assert!(sentences.len() >= 3, "manifest lists {sentences:?}");
    for s in &sentences {
        assert!(copied.contains(&words(s)), "not found as shared: {s}");
    }
    for p in &found {
        assert_eq!(p.earlier, Some(quotidien), "04 came first");
        assert!(!p.same_outlet);
        let a = p.a_span.slice(&docs[p.a].text);
        let b = p.b_span.slice(&docs[p.b].text);
        assert_eq!(words(a), words(b));
    }
}

/// The `sentence` of every `reuses` entry of the manifest.
fn copied_sentences(table: &toml::Table) -> Vec<String> {
    let Some(toml::Value::Array(documents)) = table.get("document") else {
        return Vec::new();
    };
    documents
        .iter()
        .filter_map(|d| d.get("reuses")?.as_array())
        .flatten()
        .filter_map(|r| Some(r.get("sentence")?.as_str()?.to_owned()))
        .collect()
}

#[test]
fn unrelated_documents_share_nothing() {
    let dir = std::env::temp_dir().join(format!("recoupe-reuse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        "Le conseil municipal a voté mardi le budget de la piscine, qui rouvrira au printemps après deux ans de travaux et une rallonge de trois millions d'euros.",
        "La récolte de pommes a été plus faible que prévu cette année dans la vallée, selon la coopérative, qui accuse la grêle du mois de juin et la sécheresse de l'été.",
        "The orchestra announced its new season on Monday, with twelve concerts, a tour in Asia and a festival of contemporary music in the old harbour warehouses.",
    ];
    let mut inputs = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let path = dir.join(format!("{i}.txt"));
        std::fs::write(&path, t).unwrap();
        inputs.push(path.display().to_string());
    }
    let docs = load(&inputs);
    assert_eq!(docs.len(), 3);
    assert!(find_reuse(&docs).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn press_corpus() {
    let Some(path) = shared("corpora/fr-press-1122.jsonl") else {
        return;
    };
    let docs = load(&[path]);
    let start = Instant::now();
    let passages = find_reuse(&docs);
    let elapsed = start.elapsed();
    let pairs: std::collections::BTreeSet<_> = passages.iter().map(|p| (p.a, p.b)).collect();
    let same = passages.iter().filter(|p| p.same_outlet).count();
    println!(
        "{} documents: {} shared passages between {} pairs ({} same outlet) in {:?}",
        docs.len(),
        passages.len(),
        pairs.len(),
        same,
        elapsed
    );
    for p in &passages {
        assert!(p.a < p.b);
        assert!(p.words >= MIN_WORDS);
        let a = p.a_span.slice(&docs[p.a].text);
        let b = p.b_span.slice(&docs[p.b].text);
        assert!(!a.is_empty() && !b.is_empty());
        // The original spans may enclose text the normalization removed (an "(AFP)" credit,
        // an embed); the passage starts and ends on the same words in both.
        let (wa, wb) = (words(a), words(b));
        let edge = |s: &str, n: usize| s.split(' ').take(n).collect::<Vec<_>>().join(" ");
        let tail = |s: &str, n: usize| s.rsplit(' ').take(n).collect::<Vec<_>>().join(" ");
        assert_eq!(edge(&wa, 4), edge(&wb, 4));
        assert_eq!(tail(&wa, 4), tail(&wb, 4));
    }
}
