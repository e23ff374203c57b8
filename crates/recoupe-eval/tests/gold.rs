//! Runs the evaluation on the gold set and holds the line: a score that falls below its floor
//! fails the build. Floors are today's measured values, rounded down; raise them as quality
//! improves.

use std::path::PathBuf;

use recoupe_eval::{EvalConfig, evaluate};

#[test]
fn scores_do_not_regress() {
    let repo = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let config = EvalConfig::for_repository(repo);
    if config.shared_dir.is_none() {
        eprintln!("skipped: ../shared not found (seed gold files need it)");
    }
    let report = evaluate(&config);
    println!("{}", report.to_markdown());
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.contains("../shared not found")),
        "{:?}",
        report.problems
    );
    let floors: &[(&str, f64)] = &[
        ("figure", 0.98),
        ("figure+value", 0.98),
        ("claim", 0.98),
        ("claim+counted", 0.98),
        ("claim+counted+predicate", 0.94),
        ("claim+attribution", 0.95),
        ("claim+part_of", 1.0),
        ("claim+window", 0.88),
    ];
    for (task, floor) in floors {
        let row = report.row(task).expect("every task is reported");
        assert!(row.f1 >= *floor, "{task}: F1 {:.3} < {floor}", row.f1);
    }
}
