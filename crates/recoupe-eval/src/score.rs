//! Counts of matches and the figures drawn from them.

use serde::Serialize;

/// True positives, false positives and false negatives of one task.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One line of the report: a task, its score, and what it measures.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub task: String,
    pub score: Score,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub description: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    pub rows: Vec<Row>,
    /// Gold files or documents that could not be used, and why.
    pub problems: Vec<String>,
}

impl Report {
    pub fn push(&mut self, task: &str, description: &str, score: Score) {
        self.rows.push(Row {
            task: task.to_owned(),
            score,
            precision: score.precision(),
            recall: score.recall(),
            f1: score.f1(),
            description: description.to_owned(),
        });
    }

    pub fn row(&self, task: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.task == task)
    }

    /// A Markdown table, readable in a terminal.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "Gold documents evaluated: {}\n\n| task | P | R | F1 | tp | fp | fn | what is compared |\n|---|---|---|---|---|---|---|---|\n",
            self.documents
        );
        for r in &self.rows {
            out += &format!(
                "| {} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} |\n",
                r.task,
                r.precision,
                r.recall,
                r.f1,
                r.score.tp,
                r.score.fp,
                r.score.fn_,
                r.description
            );
        }
        for p in &self.problems {
            out += &format!("\nproblem: {p}");
        }
        if !self.problems.is_empty() {
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let s = Score {
            tp: 8,
            fp: 2,
            fn_: 2,
        };
        assert!((s.precision() - 0.8).abs() < 1e-9);
        assert!((s.recall() - 0.8).abs() < 1e-9);
        assert!((s.f1() - 0.8).abs() < 1e-9);
        assert_eq!(Score::default().f1(), 0.0);
    }
}
