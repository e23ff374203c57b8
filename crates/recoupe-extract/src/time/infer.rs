//! Document date inference, for documents whose metadata carries no date.
//!
//! Evidence, strongest first: dates of embedded posts (a tweet is published before the article
//! that quotes it), full dates in the text, year-less dates whose weekday is consistent with a
//! year ("Samedi 10 décembre" is a Saturday in 2016 and 2022, not in 2017), year-less dates
//! matching a weekday said of the same week ("ce mercredi" … "le 14 décembre"), and other
//! year-less dates placed in the year found. The date chosen is the day that has the most
//! evidence weight on it and in the week before it (articles report recent days), later days
//! winning ties. Without any explicit year, weekday consistency picks the most recent fitting
//! year up to the current year (or the year closest to `near_year`, a corpus-level hint), and
//! the other fitting years are given as alternatives with a lower confidence.

use chrono::{Datelike, NaiveDate};
use recoupe_model::time::{
    Conflict, Evidence, EvidenceSource, Granularity, InferredDate, TimeExpression, TimeKind,
};
use recoupe_model::{Lang, Span};

use super::calendar::weekday_years;
use super::{TimeMatches, find_times};

const EMBED_WEIGHT: f64 = 1.0;
/// A full date in the text: articles cite past and coming dates as often as their own day
/// (on the press corpus, one such date alone fell within a month of the URL's date in only a
/// few cases), so it weighs little unless a weekday vouches for it.
const TEXT_DATE_WEIGHT: f64 = 0.3;
const TEXT_WEEKDAY_DATE_WEIGHT: f64 = 0.6;
const WEEKDAY_WEIGHT: f64 = 0.8;
const SAME_WEEK_WEIGHT: f64 = 0.5;
const YEARLESS_WEIGHT: f64 = 0.3;
/// How many days before the document's date its evidence may lie.
const LOOKBACK_DAYS: i64 = 7;
const YEARS_BACK: i32 = 30;

struct Item {
    date: NaiveDate,
    weight: f64,
    evidence: Evidence,
}

/// The document's date from its text and the dates of its embeds (as written, e.g.
/// "11 décembre 2016"); `None` when nothing in them is dated.
pub fn infer_document_date(text: &str, lang: Lang, embeds_dates: &[&str]) -> Option<InferredDate> {
    infer_document_date_near(text, lang, embeds_dates, None)
}

/// As [`infer_document_date`], with a year the corpus suggests, used only to choose among
/// years that a weekday makes equally possible.
pub fn infer_document_date_near(
    text: &str,
    lang: Lang,
    embeds_dates: &[&str],
    near_year: Option<i32>,
) -> Option<InferredDate> {
    infer_document_date_of(&TimeMatches::new(text, lang), embeds_dates, near_year)
}

/// As [`infer_document_date_near`], on a text already matched (so that the caller can resolve
/// the same matches against the date found without matching the text again).
pub fn infer_document_date_of(
    matches: &TimeMatches,
    embeds_dates: &[&str],
    near_year: Option<i32>,
) -> Option<InferredDate> {
    let lang = matches.lang;
    let mut items: Vec<Item> = Vec::new();
    for written in embeds_dates {
        for e in find_times(written, lang, None) {
            if let Some(date) = full_date(&e) {
                items.push(Item {
                    date,
                    weight: EMBED_WEIGHT,
                    evidence: evidence(&e, None, EvidenceSource::Embed, Some(date)),
                });
            }
        }
    }
    let plain = matches.resolve_and_keep(None);
    for e in plain.iter() {
        if let Some(date) = full_date(e) {
            items.push(Item {
                date,
                weight: if e.weekday.is_some() && e.conflict.is_none() {
                    TEXT_WEEKDAY_DATE_WEIGHT
                } else {
                    TEXT_DATE_WEIGHT
                },
                evidence: evidence(e, Some(e), EvidenceSource::Text, Some(date)),
            });
        }
    }
    // The year: from explicit dates, else from weekday consistency.
    let cap = near_year.unwrap_or_else(|| chrono::Utc::now().year());
    let mut from_weekdays_only = false;
    let mut alternatives_years: Vec<i32> = Vec::new();
    let anchor = match latest(&items) {
        Some(d) => d,
        None => {
            let years = weekday_year_votes(matches, &plain, cap);
            let best = years.first().copied()?;
            from_weekdays_only = true;
            alternatives_years = years.into_iter().skip(1).take(3).collect();
            NaiveDate::from_ymd_opt(best, 7, 1)?
        }
    };
    // Place year-less dates around the anchor.
    let placed = matches.resolve_and_keep(Some(anchor));
    let weekdays_said: Vec<usize> = placed
        .iter()
        .filter(|e| names_this_weeks_day(e))
        .filter_map(|e| e.weekday.map(|w| w.index()))
        .collect();
    let yearless = yearless_spans(&plain);
    let mut conflicts = Vec::new();
    for e in placed.iter() {
        if let Some(c) = &e.conflict {
            conflicts.push(Conflict {
                span: e.span,
                text: e.text.clone(),
                weekday: c.clone(),
            });
        }
        if e.kind != TimeKind::Date || !yearless.contains(&e.span) {
            continue;
        }
        let Some(r) = &e.resolved else { continue };
        if !matches!(r.granularity, Granularity::Day | Granularity::PartOfDay) {
            continue;
        }
        let actual = r.start.weekday().num_days_from_monday() as usize;
        let (weight, source) = match e.weekday {
            Some(w) if w.index() == actual => (WEEKDAY_WEIGHT, EvidenceSource::WeekdayConsistency),
            None if weekdays_said.contains(&actual) => {
                (SAME_WEEK_WEIGHT, EvidenceSource::WeekdayConsistency)
            }
            _ => (YEARLESS_WEIGHT, EvidenceSource::YearlessDate),
        };
        items.push(Item {
            date: r.start,
            weight,
            evidence: evidence(e, Some(e), source, Some(r.start)),
        });
    }
    // The day with the most weight on it and in the week before it.
    let score = |day: NaiveDate| -> f64 {
        items
            .iter()
            .filter(|i| {
                let gap = (day - i.date).num_days();
                (0..=LOOKBACK_DAYS).contains(&gap)
            })
            .map(|i| i.weight)
            .sum()
    };
    let mut best: Option<(NaiveDate, f64)> = None;
    for i in &items {
        let s = score(i.date);
        if best.is_none_or(|(d, bs)| s > bs + 1e-9 || ((s - bs).abs() <= 1e-9 && i.date > d)) {
            best = Some((i.date, s));
        }
    }
    let (date, total) = best?;
    let mut confidence = (1.0 - 0.5f64.powf(total)).min(0.95);
    if from_weekdays_only {
        confidence *= 0.5;
    }
    confidence = (confidence - 0.1 * conflicts.len() as f64).max(0.05);
    let evidence = items
        .into_iter()
        .filter(|i| (0..=LOOKBACK_DAYS).contains(&(date - i.date).num_days()))
        .map(|i| i.evidence)
        .collect();
    let alternatives = alternatives_years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, date.month(), date.day()))
        .collect();
    Some(InferredDate {
        date,
        confidence,
        evidence,
        conflicts,
        alternatives,
    })
}

/// A day-precise date with its own year (resolved without reference).
fn full_date(e: &TimeExpression) -> Option<NaiveDate> {
    let r = e.resolved.as_ref()?;
    (e.kind == TimeKind::Date && matches!(r.granularity, Granularity::Day | Granularity::PartOfDay))
        .then_some(r.start)
}

/// "ce mercredi" / "this Wednesday": a weekday the text places in the document's own week.
/// A bare weekday ("mercredi") is too often another week's to date the document.
fn names_this_weeks_day(e: &TimeExpression) -> bool {
    e.kind == TimeKind::Relative
        && e.weekday.is_some()
        && (e.rule.ends_with("/weekday-ce") || e.rule.ends_with("/weekday-this"))
}

/// Spans of dates that need a reference to be placed (no year written).
fn yearless_spans(plain: &[TimeExpression]) -> Vec<Span> {
    plain
        .iter()
        .filter(|e| e.kind == TimeKind::Date && e.resolved.is_none())
        .map(|e| e.span)
        .collect()
}

fn latest(items: &[Item]) -> Option<NaiveDate> {
    // Embeds first: they cannot postdate the article.
    items
        .iter()
        .filter(|i| i.evidence.source == EvidenceSource::Embed)
        .map(|i| i.date)
        .max()
        .or_else(|| items.iter().map(|i| i.date).max())
}

/// Years that the text's weekdays make possible, best first: year-less dates written with a
/// weekday, and year-less dates falling on a weekday the text names ("ce mercredi").
fn weekday_year_votes(matches: &TimeMatches, plain: &[TimeExpression], cap: i32) -> Vec<i32> {
    // Resolve against any reference just to read day and month back.
    let Some(probe) = NaiveDate::from_ymd_opt(2000, 7, 1) else {
        return Vec::new();
    };
    let probed = matches.resolve_and_keep(Some(probe));
    let said: Vec<usize> = plain
        .iter()
        .filter(|e| names_this_weeks_day(e))
        .filter_map(|e| e.weekday.map(|w| w.index()))
        .collect();
    let yearless = yearless_spans(plain);
    let mut votes: std::collections::BTreeMap<i32, u32> = Default::default();
    for e in probed.iter().filter(|e| yearless.contains(&e.span)) {
        let Some(r) = &e.resolved else { continue };
        let (d, m) = (r.start.day(), r.start.month());
        let weekdays: Vec<usize> = match e.weekday {
            Some(w) => vec![w.index()],
            None => said.clone(),
        };
        for wd in weekdays {
            for y in weekday_years(d, m, wd, cap - YEARS_BACK, cap, cap) {
                *votes.entry(y).or_default() += 1;
            }
        }
    }
    let mut years: Vec<(i32, u32)> = votes.into_iter().collect();
    years.sort_by_key(|(y, n)| (std::cmp::Reverse(*n), (y - cap).abs(), -y));
    years.into_iter().map(|(y, _)| y).collect()
}

fn evidence(
    e: &TimeExpression,
    in_text: Option<&TimeExpression>,
    source: EvidenceSource,
    date: Option<NaiveDate>,
) -> Evidence {
    Evidence {
        span: in_text.map(|t| t.span),
        text: e.text.clone(),
        source,
        date,
        rule: e.rule.clone(),
    }
}
