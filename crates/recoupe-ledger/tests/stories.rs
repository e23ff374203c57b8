//! Stories on the example corpus with the seeds, and on the press corpus.

mod common;

use common::{EXAMPLES, SHARED, load, shared};
use std::time::Instant;

use recoupe_ledger::stories::{Story, group_stories};

fn story_of(stories: &[Story], doc: usize) -> usize {
    stories
        .iter()
        .find(|s| s.documents.contains(&doc))
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("document {doc} in no story"))
}

fn check_partition(stories: &[Story], n: usize) {
    let mut all: Vec<usize> = stories.iter().flat_map(|s| s.documents.clone()).collect();
    all.sort_unstable();
    assert_eq!(
        all,
        (0..n).collect::<Vec<_>>(),
        "every document in exactly one story"
    );
}

#[test]
fn the_aleppo_documents_form_one_story() {
    let mut inputs = vec![EXAMPLES.to_owned()];
    let seeds = format!("{SHARED}/seeds");
    let with_seeds = std::path::Path::new(&seeds).exists();
    if with_seeds {
        inputs.push(seeds);
    } else {
        println!("skipped the seeds: ../shared not found");
    }
    let docs = load(&inputs);
    let stories = group_stories(&docs);
    check_partition(&stories, docs.len());
    for s in &stories {
        let names: Vec<_> = s
            .documents
            .iter()
            .map(|&d| docs[d].source.label())
            .collect();
        println!(
            "story {} [{}] {:?}..{:?}: {names:?}",
            s.id, s.label, s.start, s.end
        );
    }
    let first = story_of(&stories, 0);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(
            story_of(&stories, i),
            first,
            "{} is not with the other Aleppo documents",
            doc.source.label()
        );
    }
    let story = &stories[first - 1];
    assert!(story.label.contains("Alep"), "label {}", story.label);
    assert!(story.start <= story.end);
}

#[test]
fn press_corpus() {
    let Some(path) = shared("corpora/fr-press-1122.jsonl") else {
        return;
    };
    let docs = load(&[path]);
    let start = Instant::now();
    let stories = group_stories(&docs);
    let elapsed = start.elapsed();
    check_partition(&stories, docs.len());
    let mut sizes: Vec<usize> = stories.iter().map(|s| s.documents.len()).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let singles = sizes.iter().filter(|&&s| s == 1).count();
    println!(
        "{} documents: {} stories ({} of one document) in {:?}; largest: {:?}",
        docs.len(),
        stories.len(),
        singles,
        elapsed,
        &sizes[..sizes.len().min(15)]
    );
    for s in stories.iter().take(8) {
        println!(
            "  story {} ({} docs) [{}] {:?}..{:?}",
            s.id,
            s.documents.len(),
            s.label,
            s.start,
            s.end
        );
    }
    // One story swallowing the corpus would make the grouping useless.
    assert!(
        sizes.first().is_some_and(|&s| s < docs.len() / 4),
        "{sizes:?}"
    );
}

/// Regression: the second item of `03-echo-2016-12-10.rss` names the Russian reconciliation
/// centre in full ("… des parties") where the others shorten it, and many names of its own;
/// on the ten example documents alone it was a story of one, so its "13 346" was compared
/// with nothing.
#[test]
fn the_example_corpus_alone_is_one_story() {
    let docs = load(&[EXAMPLES.to_owned()]);
    let stories = group_stories(&docs);
    check_partition(&stories, docs.len());
    assert_eq!(
        stories.len(),
        1,
        "{:?}",
        stories
            .iter()
            .map(|s| (&s.label, &s.documents))
            .collect::<Vec<_>>()
    );
}
