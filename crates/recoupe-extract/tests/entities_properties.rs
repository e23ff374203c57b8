//! Property tests of `find_entities`: no panic on any text, every span on char boundaries of
//! the original text, every mention's text equal to the text under its span, ids unique.

use proptest::prelude::*;
use recoupe_extract::entities::{entity_at, find_entities, resolve_mention};
use recoupe_model::InputDocument;
use recoupe_text::{TextConfig, prepare};

fn check(text: String) {
    let doc = prepare(
        InputDocument {
            text,
            ..InputDocument::default()
        },
        &TextConfig::default(),
    );
    let entities = find_entities(&doc);
    let mut ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), entities.len(), "duplicate entity ids");
    for e in &entities {
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(doc.text.is_char_boundary(m.span.start));
            assert!(doc.text.is_char_boundary(m.span.end));
            assert_eq!(m.span.slice(&doc.text), m.text);
            assert!(entity_at(&entities, m.span).is_some());
            let _ = resolve_mention(&doc, &entities, m.span);
        }
        for r in &e.roles {
            assert!(doc.text.is_char_boundary(r.span.start));
            assert!(doc.text.is_char_boundary(r.span.end));
        }
    }
}

/// Words that exercise the rules: titles, roles, heads, particles, pronouns, quotes.
const WORDS: &[&str] = &[
    "M.",
    "Mme",
    "Mr.",
    "le",
    "la",
    "l'",
    "ministre",
    "russe",
    "des",
    "Affaires",
    "étrangères",
    "Sergueï",
    "Lavrov",
    "porte-parole",
    "du",
    "ministère",
    "de",
    "Défense",
    ",",
    ".",
    "«",
    "»",
    "Centre",
    "pour",
    "réconciliation",
    "en",
    "Syrie",
    "(OSCE)",
    "Alep-Est",
    "el-Assad",
    "il",
    "a-t-il",
    "a",
    "déclaré",
    "Jeudi",
    "Publicité",
    "Onu",
    "Staffan",
    "à",
    "Al-Tall",
    "\n",
    "é",
    "’",
    "\u{a0}",
    "Foreign",
    "Minister",
    "the",
    "said",
    "he",
    "Conseil",
    "et",
    "AFP",
];

proptest! {
    #[test]
    fn arbitrary_text_never_breaks(text in "\\PC{0,200}") {
        check(text);
    }

    #[test]
    fn word_salad_never_breaks(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..60)) {
        check(words.join(" "));
    }
}
