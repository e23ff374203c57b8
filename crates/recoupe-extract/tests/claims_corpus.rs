//! Claims over real text and arbitrary text: the 1122-article press corpus (no panic,
//! counts of claims and attributed claims), and property tests (no panic, spans on char
//! boundaries, part_of pointing to an earlier claim).

use recoupe_extract::annotate;
use recoupe_ingest::{IngestConfig, Item, read_inputs};
use recoupe_model::{Document, InputDocument};
use recoupe_text::{TextConfig, prepare};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn check(doc: &Document) {
    let claims = &doc.annotations.claims;
    for (i, c) in claims.iter().enumerate() {
        let mut spans = vec![c.figure.span, c.evidence];
        spans.extend(c.counted.as_ref().map(|x| x.span));
        spans.extend(c.predicate.as_ref().map(|x| x.span));
        spans.extend(c.place.as_ref().map(|x| x.span));
        spans.extend(c.attribution.cue);
        spans.extend(c.time.evidence);
        for s in spans {
            assert!(s.start <= s.end && s.end <= doc.text.len(), "{s:?}");
            assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        }
        assert!(c.evidence.contains(c.figure.span));
        assert!(c.quantity < doc.annotations.quantities.len());
        // A parent always comes earlier, so the links cannot form a cycle.
        if let Some(p) = c.part_of {
            assert!(p < i, "part_of {p} of claim {i}");
        }
    }
}

#[test]
fn press_corpus() {
    let path = format!("{SHARED}/corpora/fr-press-1122.jsonl");
    if !std::path::Path::new(&path).exists() {
        eprintln!("skipped: ../shared not found");
        return;
    }
    let (mut documents, mut claims, mut attributed, mut counted, mut predicated) = (0, 0, 0, 0, 0);
    for item in read_inputs(&[path], &IngestConfig::default()) {
        let Item::Document(input) = item else {
            continue;
        };
        let mut doc = prepare(input, &TextConfig::default());
        annotate(&mut doc);
        check(&doc);
        documents += 1;
        for c in &doc.annotations.claims {
            claims += 1;
            attributed += usize::from(!c.attribution.unattributed);
            counted += usize::from(c.counted.is_some());
            predicated += usize::from(c.predicate.is_some());
        }
    }
    println!(
        "fr-press-1122: {documents} documents, {claims} claims, {attributed} attributed, \
         {counted} with a counted thing, {predicated} with a predicate"
    );
    assert!(documents > 1000 && claims > 0);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text_gives_sound_claims(text in "([0-9 ,.«»'’a-zéèA-Z]{0,12}|dont|y compris|selon|civils|enfants|évacués|plus de|\n){0,40}") {
        let mut doc = prepare(InputDocument { text, ..InputDocument::default() }, &TextConfig::default());
        annotate(&mut doc);
        check(&doc);
    }
}
