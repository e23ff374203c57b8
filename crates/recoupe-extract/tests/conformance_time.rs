//! Conformance with Recognizers-Text's French and English date specs: prints the pass table
//! (`cargo test -p recoupe-extract --test conformance_time -- --nocapture`) and fails when
//! the supported DateExtractor cases fall under the target.

#[path = "conformance_time/runner.rs"]
#[allow(dead_code)]
mod runner;

/// Target on the cases Recognizers-Text's own implementation supports (relaxed spans).
const TARGET: f64 = 85.0;

#[test]
fn recognizers_text_dates() {
    let Some(dir) = runner::spec_dir() else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    let (scores, _) = runner::score_all(&dir);
    println!("{}", runner::table(&scores));
    for s in scores.iter().filter(|s| s.file.ends_with("/DateExtractor")) {
        assert!(
            s.relaxed_rate() >= TARGET,
            "{}: {:.1} % of supported cases pass, target {TARGET} %",
            s.file,
            s.relaxed_rate()
        );
    }
}
