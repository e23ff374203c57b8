//! How well a candidate day fits a document: its time expressions resolved again with that
//! day as the document's date.

use chrono::{Datelike, NaiveDate};
use recoupe_extract::time::find_times;
use recoupe_model::time::{TimeExpression, TimeKind};
use std::collections::HashSet;

use recoupe_model::Document;

/// A year-less date that falls on the candidate day (the article's own day, usually).
const SAME_DAY: f64 = 1.0;
/// A year-less date in the few days before it (the article looks back).
const DAYS_BEFORE: f64 = 0.3;
const DAYS_BEFORE_MAX: i64 = 3;
/// A date after the candidate day: articles rarely date what has not happened yet.
const AFTER: f64 = -0.5;
/// "ce mercredi": the article's own day is a Wednesday.
const THIS_WEEKDAY: f64 = 0.8;
/// A bare weekday ("Jeudi soir") on the day, or one or two days before it.
const WEEKDAY_SAME: f64 = 0.4;
const WEEKDAY_BEFORE: f64 = 0.2;
/// A written weekday that does not match its date in the candidate's year.
const CONFLICT: f64 = -0.8;
/// Inside the window of the story's dated documents rather than in its margins.
const INSIDE_WINDOW: f64 = 0.1;
/// A score gap that makes the winner certain (used to scale the confidence).
pub const STRONG: f64 = 1.0;

/// What is tried against every candidate day: the normalized text of each sentence holding a
/// time expression, and the expressions that carry their own year.
pub struct Context<'d> {
    sentences: Vec<&'d str>,
    own_year: HashSet<String>,
}

impl<'d> Context<'d> {
    pub fn of(doc: &'d Document) -> Context<'d> {
        let own_year = doc
            .annotations
            .times
            .iter()
            .filter(|t| own_year(t, doc))
            .map(|t| t.text.trim().to_owned())
            .collect();
        Context {
            sentences: dated_sentences(doc),
            own_year,
        }
    }
}

fn dated_sentences(doc: &Document) -> Vec<&str> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let holds = doc
            .annotations
            .times
            .iter()
            .any(|t| s.span.contains(t.span));
        if holds && let Some(text) = doc.normalized.text.get(s.norm.start..s.norm.end) {
            out.push(text);
        }
    }
    out
}

/// The score of `day` as the document's date, and the reasons that speak for it.
pub fn fit(
    doc: &Document,
    context: &Context,
    day: NaiveDate,
    window: (NaiveDate, NaiveDate),
) -> (f64, Vec<String>) {
    let mut score = if (window.0..=window.1).contains(&day) {
        INSIDE_WINDOW
    } else {
        0.0
    };
    let mut reasons = Vec::new();
    let weekday = day.format("%A");
    for text in &context.sentences {
        for t in find_times(text, doc.language.lang, Some(day)) {
            if context.own_year.contains(t.text.trim()) {
                continue;
            }
            match t.kind {
                TimeKind::Date => {
                    if t.conflict.is_some() {
                        score += CONFLICT;
                        continue;
                    }
                    let Some(r) = &t.resolved else { continue };
                    if r.start != r.end && r.end < day {
                        continue;
                    }
                    let gap = (day - r.start).num_days();
                    if gap == 0 {
                        score += SAME_DAY;
                        reasons.push(format!("'{}' falls on {day}", t.text.trim()));
                    } else if (1..=DAYS_BEFORE_MAX).contains(&gap) {
                        score += DAYS_BEFORE;
                    } else if gap < 0 {
                        score += AFTER;
                    }
                }
                TimeKind::Relative => {
                    let Some(w) = t.weekday else { continue };
                    let back =
                        (7 + day.weekday().num_days_from_monday() as i64 - w.index() as i64) % 7;
                    if back == 0 {
                        // "ce mercredi" names the article's own day; a bare "mercredi" may
                        // name any day of its week.
                        score += if t.rule.ends_with("-ce") {
                            THIS_WEEKDAY
                        } else {
                            WEEKDAY_SAME
                        };
                        reasons.push(format!(
                            "weekday '{}' fits {day} ({weekday})",
                            t.text.trim()
                        ));
                    } else if back <= 2 {
                        score += WEEKDAY_BEFORE;
                    }
                }
                _ => {}
            }
        }
    }
    (score, reasons)
}

/// The expression carries its own year ("en mars 2011", "11 décembre 2016"): it says nothing
/// about which day the document was written.
fn own_year(t: &TimeExpression, doc: &Document) -> bool {
    find_times(&t.text, doc.language.lang, None)
        .iter()
        .any(|u| u.resolved.is_some())
}
