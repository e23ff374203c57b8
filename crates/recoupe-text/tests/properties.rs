//! Property tests: whatever the text, `prepare` does not panic, every span is on char
//! boundaries and every documented invariant holds.

use proptest::prelude::*;
use recoupe_model::{InputDocument, Span};
use recoupe_text::{TextConfig, check_document, normalize, prepare, tokenize};

/// Pieces that exercise the rules: quotes of every kind, spaces of every width, hashtags,
/// URLs, boilerplate lines, abbreviations, multibyte letters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéàü0-9 .,;:!?'\"#*_()«»“”‘’\u{a0}\u{202f}\u{200b}\n\r\t…-]{1,12}",
        Just("https://t.co/x1#y".to_owned()),
        Just("www.rt.com".to_owned()),
        Just("\nPUBLICITÉ\n".to_owned()),
        Just("\nPartager cet articleDiscussion\n".to_owned()),
        Just("\nLire aussi : Un titre\n".to_owned()),
        Just("\n— RT France (@RTenfrancais) 11 décembre 2016\n".to_owned()),
        Just("\nSources: RT; AFP".to_owned()),
        Just("\nPar Euronews\n".to_owned()),
        Just("\nÀ découvrir également\n".to_owned()),
        Just(" M. Lavrov. Mr. X. ".to_owned()),
        Just("(AFP) ".to_owned()),
        Just("“_".to_owned()),
        Just("_”".to_owned()),
        Just("articleDiscussion".to_owned()),
        Just("l'AFP.T-Shirts".to_owned()),
        Just(" (…) ".to_owned()),
        Just("日本語 ".to_owned()),
        Just(". #Russie".to_owned()),
        Just("\n#Alep #Syrie\n".to_owned()),
        Just("\nPar Le Veilleur du Levant\n".to_owned()),
        Just("\nPar Jean Dupont\n".to_owned()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prepare_keeps_its_invariants(text in text(), title in proptest::option::of("[A-Za-zé ]{0,12}")) {
        let doc = prepare(
            InputDocument { text: text.clone(), title, ..InputDocument::default() },
            &TextConfig::default(),
        );
        let problems = check_document(&doc);
        prop_assert!(problems.is_empty(), "{:?}: {:#?}", text, problems);
        for t in tokenize(&doc.normalized.text) {
            prop_assert!(on_boundaries(&doc.normalized.text, t.span) && !t.span.is_empty());
        }
    }

    #[test]
    fn normalization_maps_every_span_to_boundaries(text in text()) {
        let n = normalize(&text);
        prop_assert_eq!(n.map.original_len(), text.len());
        let mut bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).step_by(3).collect();
        bounds.push(n.text.len());
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                prop_assert!(on_boundaries(&text, n.to_original(Span::new(a, b))));
            }
        }
        // Normalizing twice changes nothing more.
        prop_assert_eq!(normalize(&n.text).text, n.text.clone());
    }
}
