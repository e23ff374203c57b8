//! Evaluation against the gold set in `gold/`: hand annotations of the five seed articles
//! (`../shared/seeds`) and of the example corpus (`examples/aleppo-2016`).
//!
//! [`evaluate`] reads every gold file, runs the pipeline on the document it names, matches
//! predictions to annotations with the rules written in `gold/README.md` and
//! `gold/figures/README.md`, and returns precision, recall and F1 per task.

mod documents;
mod gold;
mod locate;
mod score;
mod tasks;

use std::path::PathBuf;

pub use score::{Report, Row, Score};

/// Where the gold files and the documents they annotate are.
#[derive(Clone, Debug)]
pub struct EvalConfig {
    /// The `gold/` directory.
    pub gold_dir: PathBuf,
    /// The repository root: gold `source`s starting with `examples/` are relative to it.
    pub repo_dir: PathBuf,
    /// The shared test material: gold `source`s starting with `seeds/` are relative to it.
    /// Seed gold files are skipped (and reported) when it is `None` or absent.
    pub shared_dir: Option<PathBuf>,
}

impl EvalConfig {
    /// The layout of a checkout: `gold/` and `examples/` in the repository, `../shared` beside it.
    pub fn for_repository(repo_dir: PathBuf) -> EvalConfig {
        let shared = repo_dir.join("../shared");
        EvalConfig {
            gold_dir: repo_dir.join("gold"),
            shared_dir: shared.is_dir().then_some(shared),
            repo_dir,
        }
    }
}

/// Scores every task on every gold document that can be found.
pub fn evaluate(config: &EvalConfig) -> Report {
    let mut report = Report::default();
    let corpus = documents::Corpus::new(config);
    tasks::figures::evaluate(config, &corpus, &mut report);
    tasks::entities::evaluate(config, &corpus, &mut report);
    tasks::speech::evaluate(config, &corpus, &mut report);
    report.problems.extend(corpus.problems());
    report
}
