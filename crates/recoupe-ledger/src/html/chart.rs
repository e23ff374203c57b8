//! The timeline chart of one measure, as inline SVG: dates on x, figures on y, each point
//! drawn at its central value with its qualifier's interval as an error bar, coloured by the
//! party behind it, and labelled with its origin and outlet.
//!
//! Labels are placed greedily: beside their point, then nudged up or down until they no
//! longer overlap a label already placed (with a leader line back to the point), so that
//! several figures reported the same day stay readable. Text widths are estimated, since
//! the chart is drawn without a browser.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::escape::{escape, shorten};
use super::number;

/// One figure to draw.
pub struct Point {
    pub claim: usize,
    pub date: NaiveDate,
    /// Where the marker sits: the figure's value, else the middle of its interval.
    pub value: f64,
    /// The interval the qualifier allows ([value, value] for an exact figure).
    pub low: f64,
    pub high: f64,
    pub color: &'static str,
    /// Copied from an earlier report: drawn hollow.
    pub copy: bool,
    /// Involved in a check that found a problem: ringed in red.
    pub flagged: bool,
    /// Who stands behind the figure and who relayed it (each shortened on the chart); no
    /// outlet when the outlet is the origin.
    pub origin: String,
    pub outlet: Option<String>,
    /// Everything about the point, for the tooltip.
    pub tooltip: String,
}

const WIDTH: f64 = 860.0;
const HEIGHT: f64 = 270.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 46.0;
const FONT: f64 = 11.0;
/// Estimated advance of one character at [`FONT`] (a sans-serif average).
const CHAR_WIDTH: f64 = 6.1;
const LINE: f64 = 14.0;

/// A rectangle taken by a label.
#[derive(Clone, Copy)]
struct Box2 {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Box2 {
    fn overlaps(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// The SVG of the chart; empty when there is nothing to draw.
pub fn timeline(title: &str, points: &[Point]) -> String {
    let (Some(first), Some(last)) = (
        points.iter().map(|p| p.date).min(),
        points.iter().map(|p| p.date).max(),
    ) else {
        return String::new();
    };
    // x: one day of margin on each side so that no point sits on an axis.
    let d0 = i64::from(first.num_days_from_ce()) - 1;
    let d1 = i64::from(last.num_days_from_ce()) + 1;
    let days = (d1 - d0).max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x_of = |d: NaiveDate| LEFT + (i64::from(d.num_days_from_ce()) - d0) as f64 / days * plot_w;
    // y: from zero (these are counts) to a round number above the highest interval.
    let top = points
        .iter()
        .map(|p| p.high.max(p.value))
        .fold(0.0_f64, f64::max);
    let bottom = points
        .iter()
        .map(|p| p.low.min(p.value))
        .fold(0.0_f64, f64::min);
    let step = nice_step((top - bottom).max(1.0) / 5.0);
    let y_min = (bottom / step).floor() * step;
    let y_max = ((top * 1.08) / step).ceil().max(1.0) * step;
    let y_of = |v: f64| TOP + (y_max - v) / (y_max - y_min) * plot_h;

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="timeline" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title),
        escape(title)
    );
    // Horizontal grid and y ticks.
    let mut v = y_min;
    while v <= y_max + step / 2.0 {
        let y = y_of(v);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"></line><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            escape(&number(v))
        );
        v += step;
    }
    // Date ticks: every day when few, else a round number of days.
    let tick_days = [1, 2, 7, 14, 30, 61, 91, 182, 365]
        .into_iter()
        .find(|s| (d1 - d0) / s <= 10)
        .unwrap_or(730);
    let mut d = d0 + 1;
    let mut last_year = None;
    while d < d1 {
        if let Some(date) = NaiveDate::from_num_days_from_ce_opt(d as i32) {
            let x = x_of(date);
            // The year is written under the first tick and whenever it changes.
            let label = if last_year == Some(date.year()) {
                date.format("%b %-d").to_string()
            } else {
                last_year = Some(date.year());
                date.format("%b %-d, %Y").to_string()
            };
            let _ = write!(
                svg,
                r#"<line class="grid vertical" x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}"></line><text class="tick" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                TOP + plot_h,
                TOP + plot_h + 18.0,
                escape(&label)
            );
        }
        d += tick_days;
    }
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}"></line><line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}"></line>"#,
        TOP + plot_h,
        WIDTH - RIGHT,
        TOP + plot_h,
        TOP + plot_h
    );

    // Points reported the same day are spread a little so that none hides another.
    let mut xs = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        let same: Vec<usize> = (0..points.len())
            .filter(|&j| points[j].date == p.date)
            .collect();
        let rank = same.iter().position(|&j| j == i).unwrap_or(0) as f64;
        let spread = (same.len() as f64 - 1.0) / 2.0;
        xs.push(x_of(p.date) + (rank - spread) * 9.0);
    }

    // Error bars and markers first, labels over them.
    for (p, &x) in points.iter().zip(&xs) {
        let y = y_of(p.value);
        let _ = write!(
            svg,
            r#"<g class="point"><title>{}</title>"#,
            escape(&p.tooltip)
        );
        if p.high > p.low {
            let (ylo, yhi) = (y_of(p.low), y_of(p.high));
            let _ = write!(
                svg,
                r#"<line class="bar" stroke="{c}" x1="{x:.1}" y1="{ylo:.1}" x2="{x:.1}" y2="{yhi:.1}"></line><line class="bar" stroke="{c}" x1="{:.1}" y1="{ylo:.1}" x2="{:.1}" y2="{ylo:.1}"></line><line class="bar" stroke="{c}" x1="{:.1}" y1="{yhi:.1}" x2="{:.1}" y2="{yhi:.1}"></line>"#,
                x - 4.0,
                x + 4.0,
                x - 4.0,
                x + 4.0,
                c = p.color
            );
        }
        if p.flagged {
            let _ = write!(
                svg,
                r#"<circle class="flag" cx="{x:.1}" cy="{y:.1}" r="9"></circle>"#
            );
        }
        let fill = if p.copy { "#ffffff" } else { p.color };
        let _ = write!(
            svg,
            r#"<circle class="marker" cx="{x:.1}" cy="{y:.1}" r="5" fill="{fill}" stroke="{}"></circle></g>"#,
            p.color
        );
    }

    let mut placed: Vec<Box2> = Vec::new();
    // Markers are obstacles too.
    for (p, &x) in points.iter().zip(&xs) {
        let y = y_of(p.value);
        placed.push(Box2 {
            x0: x - 6.0,
            y0: y - 6.0,
            x1: x + 6.0,
            y1: y + 6.0,
        });
    }
    // One label per origin and day ("La DH (own figure) ×7"), at its highest point; labels
    // placed from the top of the chart down, so that nudges go in one direction.
    let mut groups: Vec<(String, usize, usize)> = Vec::new(); // text, anchor, count
    for (i, p) in points.iter().enumerate() {
        let text = match &p.outlet {
            Some(outlet) => format!("{} · {}", shorten(&p.origin, 30), shorten(outlet, 22)),
            None => format!("{} (own figure)", shorten(&p.origin, 30)),
        };
        let same = groups
            .iter_mut()
            .find(|(t, a, _)| *t == text && points.get(*a).is_some_and(|q| q.date == p.date));
        match same {
            Some((_, anchor, n)) => {
                *n += 1;
                if points.get(*anchor).is_some_and(|q| q.value < p.value) {
                    *anchor = i;
                }
            }
            None => groups.push((text, i, 1)),
        }
    }
    groups.sort_by(|a, b| {
        let ya = points.get(a.1).map_or(0.0, |p| y_of(p.value));
        let yb = points.get(b.1).map_or(0.0, |p| y_of(p.value));
        ya.total_cmp(&yb).then(a.1.cmp(&b.1))
    });
    let mut omitted = 0;
    for (text, i, n) in groups {
        let (Some(p), Some(&x)) = (points.get(i), xs.get(i)) else {
            continue;
        };
        let y = y_of(p.value);
        let text = if n > 1 { format!("{text} ×{n}") } else { text };
        let w = text.chars().count() as f64 * CHAR_WIDTH;
        // Right of the point unless that runs off the chart.
        let right_first = x + 10.0 + w <= WIDTH - RIGHT;
        let mut chosen = None;
        'search: for k in 0..12 {
            let dy = if k % 2 == 0 { 1.0 } else { -1.0 } * f64::from((k + 1) / 2) * LINE;
            for right in [right_first, !right_first] {
                let x0 = if right { x + 10.0 } else { x - 10.0 - w };
                let b = Box2 {
                    x0,
                    y0: y + dy - FONT,
                    x1: x0 + w,
                    y1: y + dy + 3.0,
                };
                let inside =
                    b.x0 >= 2.0 && b.x1 <= WIDTH - 2.0 && b.y0 >= 2.0 && b.y1 <= TOP + plot_h;
                if inside && !placed.iter().any(|o| o.overlaps(&b)) {
                    chosen = Some((b, right, dy));
                    break 'search;
                }
            }
        }
        // No room: the label is left out rather than drawn over another (the point keeps
        // its tooltip and its row in the table).
        let Some((b, right, dy)) = chosen else {
            omitted += 1;
            continue;
        };
        placed.push(b);
        if dy != 0.0 {
            let lx = if right { b.x0 - 1.0 } else { b.x1 + 1.0 };
            let _ = write!(
                svg,
                r#"<line class="leader" x1="{x:.1}" y1="{y:.1}" x2="{lx:.1}" y2="{:.1}"></line>"#,
                y + dy - 4.0
            );
        }
        let _ = write!(
            svg,
            r#"<text class="label" x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            if right { b.x0 } else { b.x1 },
            y + dy,
            if right { "start" } else { "end" },
            escape(&text)
        );
    }
    if omitted > 0 {
        let _ = write!(
            svg,
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{omitted} label{} left out for room: every figure is in the table</text>"#,
            WIDTH - RIGHT,
            HEIGHT - 4.0,
            if omitted == 1 { "" } else { "s" }
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A round step (1, 2 or 5 times a power of ten) near `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    (nice * magnitude).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(2_300.0), 5_000.0);
        assert_eq!(nice_step(1_800.0), 2_000.0);
        assert_eq!(nice_step(0.3), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn no_points_no_chart() {
        assert!(timeline("m", &[]).is_empty());
    }
}
