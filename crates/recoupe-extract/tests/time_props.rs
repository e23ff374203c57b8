//! Property tests of the time finder: no panic on any text, spans on char boundaries that
//! slice to the reported text, sorted and disjoint, with or without a reference date.

use chrono::NaiveDate;
use proptest::prelude::*;
use recoupe_extract::time::{find_times, infer_document_date};
use recoupe_model::Lang;

fn check(text: &str, lang: Lang, reference: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let found = find_times(text, lang, reference);
    let mut last_end = 0;
    for e in &found {
        prop_assert!(text.is_char_boundary(e.span.start));
        prop_assert!(text.is_char_boundary(e.span.end));
        prop_assert!(e.span.start >= last_end, "overlap at {:?}", e.span);
        prop_assert_eq!(e.span.slice(text), e.text.as_str());
        if let Some(r) = &e.resolved {
            prop_assert!(r.start <= r.end);
        }
        last_end = e.span.end;
    }
    Ok(())
}

/// Text built from time words, numbers and punctuation, so rules actually fire.
fn timeish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "le",
        "14",
        "décembre",
        "2016",
        "Samedi",
        "10",
        "ce",
        "jeudi",
        "soir",
        "il",
        "y",
        "a",
        "près",
        "d'un",
        "mois",
        "dans",
        "deux",
        "ou",
        "trois",
        "jours",
        "depuis",
        "le début de",
        "l'offensive",
        "au cours des",
        "dernières",
        "24",
        "heures",
        "sur",
        "par",
        "jour",
        "11/12/2016",
        "31/02",
        "29",
        "février",
        "last",
        "Thursday",
        "since",
        "March",
        "2011",
        "the",
        "27th",
        ".",
        ",",
        "’",
        "é",
        "à",
        "—",
        "1er",
        "-",
        "/",
        "9999",
        "0",
        "hier",
        "semaine",
        "dernière",
        "prochain",
        "the day after tomorrow",
        "in",
        "past",
        "ago",
    ]);
    prop::collection::vec(words, 0..24).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", y in 1i32..4000, d in 1u32..366) {
        let reference = NaiveDate::from_yo_opt(y, d);
        check(&text, Lang::Fr, reference)?;
        check(&text, Lang::En, None)?;
    }

    #[test]
    fn time_words_keep_spans_valid(text in timeish(), y in 1900i32..2100, d in 1u32..366) {
        let reference = NaiveDate::from_yo_opt(y, d);
        check(&text, Lang::Fr, reference)?;
        check(&text, Lang::En, reference)?;
        check(&text, Lang::Fr, None)?;
    }

    #[test]
    fn inference_never_panics(text in timeish(), embed in timeish()) {
        if let Some(got) = infer_document_date(&text, Lang::Fr, &[embed.as_str()]) {
            prop_assert!((0.0..=1.0).contains(&got.confidence));
            for e in &got.evidence {
                if let Some(s) = e.span {
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }
    }
}

#[test]
fn extreme_reference_dates_do_not_panic() {
    for reference in [NaiveDate::MIN, NaiveDate::MAX] {
        for text in [
            "il y a 9999 ans",
            "dans 9999 mois",
            "hier",
            "ce jeudi",
            "2016",
            "depuis mars",
        ] {
            let _ = find_times(text, Lang::Fr, Some(reference));
        }
    }
}
