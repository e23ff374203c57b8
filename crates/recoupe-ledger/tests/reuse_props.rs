//! Properties of text reuse on generated texts: no panic, spans on char boundaries, and a
//! passage planted in two documents is found with the same words on both sides.

use proptest::prelude::*;
use recoupe_ledger::reuse::{MIN_WORDS, find_reuse};
use recoupe_model::{Document, InputDocument, Source};
use recoupe_text::{TextConfig, prepare};

fn doc(name: &str, text: String) -> Document {
    prepare(
        InputDocument {
            source: Source {
                path: Some(name.to_owned()),
                ..Source::default()
            },
            text,
            ..InputDocument::default()
        },
        &TextConfig::default(),
    )
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

const POOL: &[&str] = &[
    "Alep",
    "évacués",
    "civils",
    "« selon",
    "le",
    "Centre »",
    "8\u{202f}461",
    "d’Alep",
    "été",
    "ça,",
    "Ω",
    "enfants",
    "—",
    "les",
    "dernières",
    "24",
    "heures.",
    "Über",
    "ministère",
    "x",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn planted_passages_are_found(a in text(), b in text(), shared in prop::collection::vec(0u32..100_000, 12..30)) {
        let passage: String = shared.iter().map(|n| format!("mot{n}")).collect::<Vec<_>>().join(" ");
        let docs = vec![
            doc("a.txt", format!("{a} {passage} {b}")),
            doc("b.txt", format!("{b} {passage}. {a}")),
        ];
        let found = find_reuse(&docs);
        for p in &found {
            for (d, span) in [(p.a, p.a_span), (p.b, p.b_span)] {
                let text = &docs[d].text;
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            prop_assert!(p.words >= MIN_WORDS);
            let wa = words(p.a_span.slice(&docs[p.a].text));
            let wb = words(p.b_span.slice(&docs[p.b].text));
            prop_assert_eq!(wa.len(), p.words);
            prop_assert_eq!(wa, wb);
        }
        let planted = words(&passage).join(" ");
        prop_assert!(
            found.iter().any(|p| words(p.a_span.slice(&docs[p.a].text)).join(" ").contains(&planted)),
            "planted passage not found"
        );
    }
}
