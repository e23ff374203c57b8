//! Properties of the quotes stage on arbitrary text: no panic, every span on char boundaries
//! of the original text, content inside its marks, speaker text equal to its span.

use proptest::prelude::*;
use recoupe_extract::quotes::{find_quote_marks, find_speech};
use recoupe_model::InputDocument;
use recoupe_text::{TextConfig, prepare};

/// Text made of the pieces quotations are built from, so the rules fire often.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("« ".to_owned()),
        Just(" »".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‹".to_owned()),
        Just(", a déclaré ".to_owned()),
        Just(", a-t-il poursuivi".to_owned()),
        Just(" selon ".to_owned()),
        Just(" a indiqué que ".to_owned()),
        Just(", lit-on dans le communiqué du ".to_owned()),
        Just("le ministre russe".to_owned()),
        Just("M. Lavrov".to_owned()),
        Just("Igor Konachenkov, porte-parole".to_owned()),
        Just(" : ".to_owned()),
        Just(". ".to_owned()),
        Just("\n\n".to_owned()),
        Just("• Brita Hali Hasan, maire d'Alep\n".to_owned()),
        Just(" said ".to_owned()),
        Just("l’".to_owned()),
        "[a-zA-Zéè' ,.«»\"-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_sound(text in pieces()) {
        let doc = prepare(InputDocument { text, ..Default::default() }, &TextConfig::default());
        let ok = |s: recoupe_model::Span| {
            s.start <= s.end
                && s.end <= doc.text.len()
                && doc.text.is_char_boundary(s.start)
                && doc.text.is_char_boundary(s.end)
        };
        for s in find_speech(&doc) {
            prop_assert!(ok(s.content), "{:?}", s);
            if let Some(m) = s.marks {
                prop_assert!(ok(m));
                prop_assert!(m.contains(s.content), "content outside marks: {:?}", s);
            }
            if let Some(c) = &s.cue {
                prop_assert!(ok(c.span));
            }
            if let Some(sp) = &s.speaker {
                prop_assert!(ok(sp.span));
                prop_assert_eq!(sp.span.slice(&doc.text), sp.text.as_str());
            }
            prop_assert!((0.0..=1.0).contains(&s.confidence));
        }
        for m in find_quote_marks(&doc) {
            prop_assert!(ok(m.span));
        }
    }
}
