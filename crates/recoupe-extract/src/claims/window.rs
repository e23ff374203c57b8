//! The time window of a figure, from the time expressions of its sentence: the last 24 hours,
//! a rate per day, a total since a start (from the time annotations, else from window
//! markers of the lexicon), else one point in time (the date the sentence gives, nearest
//! before the figure). Without any of these, a count of a done process (people evacuated)
//! has an unknown window, and any other figure (a vote, a plan, a length) is one event: a
//! point at the document's date, if known.

use chrono::NaiveDate;
use recoupe_model::Span;
use recoupe_model::claim::{TimeWindow, WindowKind};
use recoupe_model::time::{TimeExpression, TimeKind, TimeUnit, Window};

/// Window markers of a sentence that the time annotations may have missed.
pub struct Markers {
    /// "déjà", "depuis", "au total": a total to date.
    pub cumulative: bool,
    /// "en une journée", "in 24 hours".
    pub last_24h: bool,
}

/// `times` are the time expressions of the sentence, `reference` the date the sentence is
/// told from (the paragraph's last date, else the document's), `figure` the figure's span, `process`
/// whether the figure counts a done process (people evacuated) rather than one event.
pub fn find(
    times: &[&TimeExpression],
    reference: Option<NaiveDate>,
    markers: &Markers,
    figure: Span,
    process: bool,
) -> (TimeWindow, &'static str) {
    let empty = |kind| TimeWindow {
        kind,
        hours: None,
        since: None,
        start: None,
        end: None,
        evidence: None,
    };
    let mut by_distance: Vec<&&TimeExpression> = times.iter().collect();
    by_distance.sort_by_key(|t| distance(t.span, figure));
    for t in by_distance {
        let Some(window) = &t.window else { continue };
        let (start, end) = match (&t.resolved, reference) {
            (Some(r), Some(anchor)) if r.end != anchor && anchored(window) => {
                (r.start.checked_add_signed(anchor - r.end), Some(anchor))
            }
            (Some(r), _) => (Some(r.start), Some(r.end)),
            (None, _) => (None, reference),
        };
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
    let dated = nearest_date(times, figure);
    if markers.last_24h {
        let mut w = empty(WindowKind::Last24h);
        w.end = dated
            .and_then(|t| t.resolved.as_ref())
            .map(|r| r.end)
            .or(reference);
        w.evidence = dated.map(|t| t.span);
        return (w, "window/last-24h-marker");
    }
    if markers.cumulative {
        let mut w = empty(WindowKind::Cumulative);
        w.end = reference;
        return (w, "window/cumulative-marker");
    }
    if let Some(t) = dated
        && let Some(r) = &t.resolved
    {
        let mut w = empty(WindowKind::Point);
        w.start = Some(r.start);
        w.end = Some(r.end);
        w.evidence = Some(t.span);
        return (w, "window/point-dated");
    }
    if process {
        return (empty(WindowKind::Unknown), "window/unstated-process");
    }
    let mut w = empty(WindowKind::Point);
    w.end = reference;
    if reference.is_some() {
        (w, "window/point-reference")
    } else {
        (w, "window/point-event")
    }
}

/// Windows that end on the day they are told from ("les dernières 24 heures"): moved to the
/// sentence's anchor date when the time stage resolved them against another day.
fn anchored(window: &Window) -> bool {
    matches!(window, Window::Last { .. } | Window::Within { .. })
}

/// Bytes between two spans (0 when they touch or overlap).
fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The resolved date of the sentence nearest before the figure ("Le 9 décembre, … 8 461 … ;
/// le 11 décembre, … 13346"), else the first one after it.
fn nearest_date<'a>(times: &[&'a TimeExpression], figure: Span) -> Option<&'a TimeExpression> {
    let dated = || {
        times.iter().copied().filter(|t| {
            matches!(t.kind, TimeKind::Date | TimeKind::Relative) && t.resolved.is_some()
        })
    };
    dated()
        .filter(|t| t.span.end <= figure.start)
        .max_by_key(|t| t.span.end)
        .or_else(|| dated().find(|t| t.span.start >= figure.end))
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
