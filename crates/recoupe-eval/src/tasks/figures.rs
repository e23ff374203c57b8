//! Figures: does recoupe find every figure the gold lists, and only those, with the right
//! value? A prediction matches a gold figure when their spans overlap (greedy, in text
//! order); figures marked `doubtful` count neither way.

use recoupe_model::Span;
use recoupe_model::quantity::Quantity;

use crate::EvalConfig;
use crate::documents::Corpus;
use crate::gold::{FigureFile, GoldFigure, read_all};
use crate::locate::{nth, overlaps};
use crate::score::{Report, Score};

pub fn evaluate(config: &EvalConfig, corpus: &Corpus, report: &mut Report) {
    let mut problems = Vec::new();
    let files: Vec<(_, FigureFile)> = read_all(&config.gold_dir.join("figures"), &mut problems);
    let mut found = Score::default();
    let mut valued = Score::default();
    let mut documents = 0;
    for (path, file) in files {
        let Some(doc) = corpus.get(&file.source, &file.record) else {
            continue;
        };
        documents += 1;
        let mut gold = Vec::new();
        for figure in &file.figure {
            match nth(&doc.text, &figure.text, figure.occurrence) {
                Some(span) => gold.push((span, figure)),
                None => problems.push(format!(
                    "{}: figure {} ({:?}, occurrence {}) not found in the document",
                    path.display(),
                    figure.id,
                    figure.text,
                    figure.occurrence
                )),
            }
        }
        let predicted: Vec<&Quantity> = doc
            .annotations
            .quantities
            .iter()
            .filter(|q| q.is_figure)
            .collect();
        let (f, v) = score_document(&gold, &predicted);
        found.add(f);
        valued.add(v);
    }
    report.documents = report.documents.max(documents);
    report.push(
        "figure",
        "a figure is found where the gold has one (spans overlap)",
        found,
    );
    report.push(
        "figure+value",
        "… with the gold's qualifier and its low/best/high values",
        valued,
    );
    for p in problems {
        corpus.problem(p);
    }
}

fn score_document(gold: &[(Span, &GoldFigure)], predicted: &[&Quantity]) -> (Score, Score) {
    let mut used = vec![false; predicted.len()];
    let mut found = Score::default();
    let mut valued = Score::default();
    for (span, figure) in gold {
        let hit = predicted
            .iter()
            .enumerate()
            .find(|(i, q)| !used[*i] && overlaps(q.span, *span))
            .map(|(i, q)| (i, *q));
        match hit {
            Some((i, q)) => {
                used[i] = true;
                if figure.doubtful {
                    continue;
                }
                found.tp += 1;
                if same_value(figure, q) {
                    valued.tp += 1;
                } else {
                    valued.fp += 1;
                    valued.fn_ += 1;
                }
            }
            None if figure.doubtful => {}
            None => {
                found.fn_ += 1;
                valued.fn_ += 1;
            }
        }
    }
    let spurious = used.iter().filter(|u| !**u).count();
    found.fp += spurious;
    valued.fp += spurious;
    (found, valued)
}

fn same_value(gold: &GoldFigure, q: &Quantity) -> bool {
    let qualifier = serde_json::to_value(q.qualifier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let close = |g: Option<f64>, p: Option<f64>| match (g, p) {
        (None, _) => true,
        (Some(g), Some(p)) => (g - p).abs() <= 1e-6 * g.abs().max(1.0),
        (Some(_), None) => false,
    };
    qualifier == gold.qualifier
        && close(gold.best, q.best)
        && close(gold.low, q.low)
        && close(gold.high, q.high)
}
