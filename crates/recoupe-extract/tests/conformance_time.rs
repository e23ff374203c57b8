//! Conformance with Recognizers-Text's French and English date specs: prints the pass table
//! (`cargo test -p recoupe-extract --test conformance_time -- --nocapture`) and fails when a
//! file's supported cases fall under its floor.

#[path = "conformance_time/runner.rs"]
#[allow(dead_code)]
mod runner;

/// The target on the cases Recognizers-Text's own implementation supports.
const TARGET: f64 = 85.0;

/// Floors per file on supported cases, (strict, relaxed) in %: the target where a file reaches
/// it, the measured rate rounded down elsewhere, so a regression fails the test.
const FLOORS: [(&str, f64, f64); 8] = [
    ("French/DateExtractor", 82.0, TARGET),
    ("French/DatePeriodExtractor", 69.0, 72.0),
    ("French/DateParser", 81.0, 81.0),
    ("French/DatePeriodParser", 58.0, 61.0),
    ("English/DateExtractor", TARGET, TARGET),
    ("English/DatePeriodExtractor", 76.0, 83.0),
    ("English/DateParser", 78.0, 79.0),
    ("English/DatePeriodParser", 41.0, 41.0),
];

#[test]
fn recognizers_text_dates() {
    let Some(dir) = runner::spec_dir() else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    let (scores, _) = runner::score_all(&dir);
    println!("{}", runner::table(&scores));
    for (file, strict, relaxed) in FLOORS {
        let Some(s) = scores.iter().find(|s| s.file == file) else {
            panic!("{file}: no score");
        };
        assert!(
            s.strict_rate() >= strict && s.relaxed_rate() >= relaxed,
            "{file}: {:.1} % strict / {:.1} % relaxed of supported cases pass, floors {strict} / {relaxed} %",
            s.strict_rate(),
            s.relaxed_rate()
        );
    }
}
