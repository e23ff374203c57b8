//! `recoupe eval`: precision, recall and F1 against the hand-annotated gold set.

use std::path::PathBuf;

use anyhow::{Result, bail};
use recoupe_eval::{EvalConfig, evaluate};

use crate::EvalArgs;
use crate::report::Outcome;

pub fn run(args: &EvalArgs) -> Result<Outcome> {
    let repo = args.repo.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut config = EvalConfig::for_repository(repo);
    if let Some(shared) = &args.shared {
        config.shared_dir = Some(shared.clone());
    }
    if !config.gold_dir.is_dir() {
        bail!(
            "no gold set at {} (run from the repository root, or give --repo)",
            config.gold_dir.display()
        );
    }
    let report = evaluate(&config);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_markdown());
    }
    let mut outcome = Outcome::new(true);
    outcome.errors = report.problems.len();
    Ok(outcome)
}
