//! Document date inference on inline texts and on the seed articles of ../shared.

use chrono::NaiveDate;
use recoupe_extract::time::{infer_document_date, infer_document_date_near};
use recoupe_model::Lang;
use recoupe_model::time::EvidenceSource;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn seed(prefix: &str) -> Option<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");
    let entries = std::fs::read_dir(dir).ok()?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) {
            return std::fs::read_to_string(e.path()).ok();
        }
    }
    None
}

#[test]
fn embed_date_and_weekday_agree() {
    let text = "Samedi 10 décembre, l'armée a offert aux rebelles de quitter la ville.";
    let got = infer_document_date(text, Lang::Fr, &["11 décembre 2016"]).unwrap();
    assert_eq!(got.date, d(2016, 12, 11));
    assert!(got.conflicts.is_empty());
    let sources: Vec<_> = got.evidence.iter().map(|e| e.source).collect();
    assert!(sources.contains(&EvidenceSource::Embed));
    assert!(sources.contains(&EvidenceSource::WeekdayConsistency));
    assert!(got.confidence > 0.6, "{}", got.confidence);
}

#[test]
fn inconsistent_weekday_is_reported() {
    let text = "Vendredi 10 décembre 2016, les bus sont partis.";
    let got = infer_document_date(text, Lang::Fr, &[]).unwrap();
    assert_eq!(got.date, d(2016, 12, 10));
    assert_eq!(got.conflicts.len(), 1);
}

#[test]
fn nothing_dated_gives_nothing() {
    assert!(infer_document_date("Les combats continuent.", Lang::Fr, &[]).is_none());
}

#[test]
fn seeds() {
    let (Some(s001), Some(s004)) = (seed("001_"), seed("004_")) else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    // 004: a tweet of 11 December 2016 and "Samedi 10 décembre" (a Saturday in 2016).
    let got = infer_document_date(&s004, Lang::Fr, &["11 décembre 2016"]).unwrap();
    assert!(
        (d(2016, 12, 11)..=d(2016, 12, 14)).contains(&got.date),
        "{got:?}"
    );
    assert!(got.evidence.iter().any(|e| e.text == "Samedi 10 décembre"));
    // 001: "ce mercredi" and "dans la matinée du 14 décembre" — 14 December is a Wednesday
    // in 2016 (and 2022, 2011…): the years are candidates, a corpus hint chooses.
    let got = infer_document_date(&s001, Lang::Fr, &[]).unwrap();
    let mut years: Vec<i32> = got
        .alternatives
        .iter()
        .map(|a| a.format("%Y").to_string().parse().unwrap())
        .collect();
    years.push(got.date.format("%Y").to_string().parse().unwrap());
    assert!(years.contains(&2016), "{got:?}");
    assert_eq!(got.date.format("%m-%d").to_string(), "12-14");
    let hinted = infer_document_date_near(&s001, Lang::Fr, &[], Some(2016)).unwrap();
    assert_eq!(hinted.date, d(2016, 12, 14));
    assert!(
        hinted
            .evidence
            .iter()
            .any(|e| e.source == EvidenceSource::WeekdayConsistency)
    );
}
