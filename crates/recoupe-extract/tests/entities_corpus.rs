//! Runs `find_entities` over real text: the five seed articles and the fr-press-1122 corpus
//! of `../shared`, and the example corpus `examples/aleppo-2016` through the readers. Checks
//! that nothing panics and that every mention matches its span, and prints counts.

use std::path::Path;

use recoupe_extract::entities::find_entities;
use recoupe_ingest::{IngestConfig, read_inputs};
use recoupe_model::entity::EntityKind;
use recoupe_model::{Document, InputDocument};
use recoupe_text::{TextConfig, prepare};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/aleppo-2016");

#[derive(Default, Debug)]
struct Counts {
    documents: usize,
    person: usize,
    organisation: usize,
    place: usize,
    outlet: usize,
    group: usize,
    mentions: usize,
}

fn tally(doc: &Document, counts: &mut Counts) {
    let entities = find_entities(doc);
    counts.documents += 1;
    for e in &entities {
        match e.kind {
            EntityKind::Person => counts.person += 1,
            EntityKind::Organisation => counts.organisation += 1,
            EntityKind::Place => counts.place += 1,
            EntityKind::Outlet => counts.outlet += 1,
            EntityKind::Group => counts.group += 1,
        }
        for m in &e.mentions {
            counts.mentions += 1;
            assert_eq!(
                m.span.slice(&doc.text),
                m.text,
                "mention off its span in {}",
                doc.id
            );
        }
    }
}

fn from_text(text: String) -> Document {
    prepare(
        InputDocument {
            text,
            ..InputDocument::default()
        },
        &TextConfig::default(),
    )
}

#[test]
fn seeds_and_example_corpus() {
    let mut counts = Counts::default();
    let inputs = [EXAMPLES.to_owned()];
    for item in read_inputs(&inputs, &IngestConfig::default()) {
        if let Some(d) = item.document() {
            tally(&prepare(d.clone(), &TextConfig::default()), &mut counts);
        }
    }
    assert_eq!(
        counts.documents, 10,
        "the example corpus holds ten documents"
    );
    let seeds = Path::new(SHARED).join("seeds");
    let Ok(dir) = std::fs::read_dir(&seeds) else {
        println!("example corpus: {counts:?}");
        println!("skipped: ../shared not found");
        return;
    };
    for entry in dir.flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            tally(&from_text(text), &mut counts);
        }
    }
    println!("examples and seeds: {counts:?}");
    assert!(counts.person >= 10 && counts.organisation >= 10 && counts.place >= 10);
}

#[test]
fn press_corpus_1122() {
    let path = Path::new(SHARED).join("corpora/fr-press-1122.jsonl");
    if !path.is_file() {
        println!("skipped: ../shared not found");
        return;
    }
    let mut counts = Counts::default();
    let inputs = [path.to_string_lossy().into_owned()];
    for item in read_inputs(&inputs, &IngestConfig::default()) {
        if let Some(d) = item.document() {
            tally(&prepare(d.clone(), &TextConfig::default()), &mut counts);
        }
    }
    println!("fr-press-1122: {counts:?}");
    assert!(counts.documents > 1000);
}
