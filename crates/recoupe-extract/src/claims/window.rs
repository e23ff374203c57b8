//! The time window of a figure, from the time expressions of its sentence: the last 24 hours,
//! a rate per day, a total since a start, else one point in time (the date the sentence
//! gives, or the document's date), else unknown.

use chrono::NaiveDate;
use recoupe_model::Span;
use recoupe_model::claim::{TimeWindow, WindowKind};
use recoupe_model::time::{TimeExpression, TimeKind, TimeUnit, Window};

/// `times` are the time expressions of the sentence; `cumulative_marker` is set when the
/// sentence says "déjà" or "depuis" without a window the time stage recognised.
pub fn find(
    times: &[&TimeExpression],
    reference: Option<NaiveDate>,
    cumulative_marker: bool,
) -> (TimeWindow, &'static str) {
    let empty = |kind| TimeWindow {
        kind,
        hours: None,
        since: None,
        start: None,
        end: None,
        evidence: None,
    };
    for t in times {
        let Some(window) = &t.window else { continue };
        let (start, end) = t
            .resolved
            .as_ref()
            .map_or((None, reference), |r| (Some(r.start), Some(r.end)));
        let mut w = empty(WindowKind::Unknown);
        w.evidence = Some(t.span);
        w.start = start;
        w.end = end;
        match window {
            Window::Last { amount, unit } => match hours(*amount, *unit) {
                Some(24) => w.kind = WindowKind::Last24h,
                Some(h) => {
                    w.kind = WindowKind::Last;
                    w.hours = Some(h);
                }
                None => continue,
            },
            Window::Within { amount, unit } if hours(*amount, *unit) == Some(24) => {
                w.kind = WindowKind::Last24h;
            }
            Window::Per {
                unit: TimeUnit::Day,
            } => {
                w.kind = WindowKind::PerDay;
                w.start = None;
                w.end = None;
            }
            Window::Since { anchor, date } => {
                w.kind = WindowKind::Cumulative;
                w.since = Some(anchor.clone());
                w.start = *date;
                w.end = reference;
            }
            _ => continue,
        }
        return (w, "window/time-expression");
    }
    if cumulative_marker {
        let mut w = empty(WindowKind::Cumulative);
        w.end = reference;
        return (w, "window/cumulative-marker");
    }
    let dated = times
        .iter()
        .find(|t| matches!(t.kind, TimeKind::Date | TimeKind::Relative) && t.resolved.is_some());
    if let Some(t) = dated
        && let Some(r) = &t.resolved
    {
        let mut w = empty(WindowKind::Point);
        w.start = Some(r.start);
        w.end = Some(r.end);
        w.evidence = Some(t.span);
        return (w, "window/point-dated");
    }
    match reference {
        Some(date) => {
            let mut w = empty(WindowKind::Point);
            w.end = Some(date);
            (w, "window/point-reference")
        }
        None => (empty(WindowKind::Unknown), "window/unknown"),
    }
}

fn hours(amount: Option<u32>, unit: TimeUnit) -> Option<u32> {
    let n = amount?;
    match unit {
        TimeUnit::Hour => Some(n),
        TimeUnit::Day => n.checked_mul(24),
        _ => None,
    }
}

/// Whether a quantity lies inside a time expression ("24" of "les dernières 24 heures").
pub fn inside_time(times: &[TimeExpression], span: Span) -> bool {
    times
        .iter()
        .any(|t| t.span.start <= span.start && span.end <= t.span.end)
}
