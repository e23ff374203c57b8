//! The quotes stage over real text: the five seed articles and the demonstration corpus
//! (printing what is found, and checking the quotations every reader agrees on), and the
//! 1122-article press corpus (no panic, spans on char boundaries, counts).

use std::path::Path;

use recoupe_extract::quotes::find_speech;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_model::speech::{Speech, SpeechKind};
use recoupe_model::{Document, InputDocument};
use recoupe_text::{TextConfig, prepare};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/aleppo-2016");

fn doc_of(text: &str) -> Document {
    prepare(
        InputDocument {
            text: text.to_owned(),
            ..Default::default()
        },
        &TextConfig::default(),
    )
}

fn check_spans(doc: &Document, items: &[Speech]) {
    for s in items {
        let mut spans = vec![s.content];
        spans.extend(s.marks);
        spans.extend(s.cue.as_ref().map(|c| c.span));
        spans.extend(s.speaker.as_ref().map(|m| m.span));
        for span in spans {
            assert!(
                span.start <= span.end && span.end <= doc.text.len(),
                "{span:?}"
            );
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        }
        if let Some(m) = s.marks {
            assert!(m.contains(s.content), "content outside marks: {s:?}");
        }
    }
}

fn show(label: &str, doc: &Document, items: &[Speech]) {
    println!("== {label}: {} items", items.len());
    for s in items {
        let content = s.content.slice(&doc.text);
        let short: String = content.chars().take(70).collect();
        println!(
            "  {:?} [{}] {:?} <- {:?} ({:?}) cue {:?} ({:.2})",
            s.kind,
            s.rule,
            short,
            s.speaker.as_ref().map(|m| m.text.as_str()),
            s.speaker.as_ref().map(|m| m.kind),
            s.cue.as_ref().map(|c| c.lemma.as_str()),
            s.confidence
        );
    }
}

#[test]
fn seeds() {
    let dir = Path::new(SHARED).join("seeds");
    if !dir.is_dir() {
        println!("skipped: ../shared not found");
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut total = 0;
    let mut attributed = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("seed");
        let doc = doc_of(&text);
        let items = find_speech(&doc);
        check_spans(&doc, &items);
        show(&p.display().to_string(), &doc, &items);
        total += items.len();
        attributed += items.iter().filter(|s| s.speaker.is_some()).count();
    }
    println!("seeds: {total} items, {attributed} with a speaker");
    // Every quotation of the seeds that has marks and a cue names its speaker.
    assert!(total >= 20, "too few speech items in the seeds: {total}");
}

#[test]
fn example_corpus() {
    let inputs = vec![EXAMPLES.to_owned()];
    let mut docs = 0;
    let mut direct = 0;
    for item in read_inputs(&inputs, &IngestConfig::default()) {
        let Item::Document(input) = item else {
            continue;
        };
        let label = input.source.label();
        let doc = prepare(input, &TextConfig::default());
        let items = find_speech(&doc);
        check_spans(&doc, &items);
        show(&label, &doc, &items);
        docs += 1;
        direct += items
            .iter()
            .filter(|s| s.kind == SpeechKind::Direct && s.speaker.is_some())
            .count();
    }
    println!("example corpus: {docs} documents, {direct} attributed direct quotations");
    assert!(docs >= 8);
    assert!(direct >= 5);
}

#[test]
fn press_corpus() {
    let path = Path::new(SHARED).join("corpora/fr-press-1122.jsonl");
    if !path.is_file() {
        println!("skipped: ../shared not found");
        return;
    }
    let inputs = vec![path.display().to_string()];
    let (mut docs, mut bytes) = (0usize, 0usize);
    let mut by_kind = std::collections::BTreeMap::new();
    let mut with_speaker = 0usize;
    let mut total = 0usize;
    for item in read_inputs(&inputs, &IngestConfig::default()) {
        let Item::Document(input) = item else {
            continue;
        };
        let doc = prepare(input, &TextConfig::default());
        let items = find_speech(&doc);
        check_spans(&doc, &items);
        docs += 1;
        bytes += doc.text.len();
        total += items.len();
        with_speaker += items.iter().filter(|s| s.speaker.is_some()).count();
        for s in &items {
            *by_kind.entry(format!("{:?}", s.kind)).or_insert(0usize) += 1;
        }
    }
    println!(
        "press corpus: {docs} documents, {bytes} bytes, {total} speech items ({with_speaker} with a speaker), {by_kind:?}"
    );
    assert!(docs > 1000);
    assert!(total > docs, "fewer speech items than documents: {total}");
}
