//! Property tests of `find_quantities`: it never panics, its spans are sorted, disjoint,
//! inside the text and on char boundaries, and the three spaces used as thousands
//! separators give the same value.

use proptest::prelude::*;
use recoupe_extract::numbers::find_quantities;
use recoupe_model::Lang;

fn check_spans(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let qs = find_quantities(text, lang);
    let mut last_end = 0;
    for q in &qs {
        prop_assert!(q.span.start < q.span.end, "empty span {:?}", q.span);
        prop_assert!(q.span.end <= text.len());
        prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        prop_assert!(
            q.span.start >= last_end,
            "overlap or disorder at {:?}",
            q.span
        );
        prop_assert_eq!(q.span.slice(text), q.text.as_str());
        for p in &q.parts {
            prop_assert!(
                q.span.contains(p.span),
                "part {:?} outside {:?}",
                p.span,
                q.span
            );
        }
        last_end = q.span.end;
    }
    Ok(())
}

/// Text made of the pieces numbers are made of, so the grammar is exercised.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,4}",
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("%".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("plus de ".to_string()),
        Just("près de ".to_string()),
        Just("entre ".to_string()),
        Just(" et ".to_string()),
        Just(" à ".to_string()),
        Just("vingt".to_string()),
        Just("quatre".to_string()),
        Just("cent".to_string()),
        Just("mille".to_string()),
        Just("millions".to_string()),
        Just("un".to_string()),
        Just("tiers".to_string()),
        Just("dizaines".to_string()),
        Just(" de ".to_string()),
        Just("km".to_string()),
        Just("€".to_string()),
        Just("$".to_string()),
        Just("décembre".to_string()),
        Just("XIIIe".to_string()),
        Just("e".to_string()),
        Just("h".to_string()),
        Just("https://".to_string()),
        Just("@".to_string()),
        Just("é".to_string()),
        Just("hundred".to_string()),
        Just(" and ".to_string()),
        Just("half".to_string()),
        Just("^".to_string()),
        Just("½".to_string()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        check_spans(&text, Lang::Fr)?;
        check_spans(&text, Lang::En)?;
        check_spans(&text, Lang::Other)?;
    }

    #[test]
    fn number_like_text_keeps_spans_valid(text in newsy()) {
        check_spans(&text, Lang::Fr)?;
        check_spans(&text, Lang::En)?;
    }

    #[test]
    fn separator_does_not_change_the_value(
        head in 1u32..1000,
        tail in 0u32..1000,
        sep in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}"]),
        noun in prop::sample::select(vec!["civils", "personnes", "enfants"]),
    ) {
        let text = format!("Au total, {head}{sep}{tail:03} {noun} ont été évacués.");
        let qs = find_quantities(&text, Lang::Fr);
        let want = f64::from(head * 1000 + tail);
        prop_assert_eq!(qs.len(), 1, "{:?}", qs);
        prop_assert_eq!(qs[0].value, Some(want));
        let plain = find_quantities(&text.replace(sep, " "), Lang::Fr);
        prop_assert_eq!(plain[0].value, qs[0].value);
    }
}
