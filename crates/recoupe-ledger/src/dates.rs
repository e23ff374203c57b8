//! Corpus-level dates: a document with neither a publication date nor a confident date of its
//! own gets one from its story.
//!
//! The dated documents of the story (publication or reference dates) give a window. Every day
//! of that window, widened by [`MARGIN_DAYS`] on each side (and every alternative the
//! document's own inference proposed inside it), is tried as the document's date: the
//! document's time expressions are resolved again against that day, and the day scores by how
//! well they fit it ([`fit`]): a year-less date that falls on it, a weekday ("ce mercredi")
//! that is its weekday, no weekday–date conflict. The best day wins; the confidence says how
//! many dated documents vouch for the window and how far ahead the winner is.

mod fit;

use chrono::{Days, NaiveDate};
use rayon::prelude::*;
use recoupe_model::Document;
use serde::{Deserialize, Serialize};

use crate::reuse::document_date;
use crate::stories::Story;

/// How far outside its story's dated window a document's date may lie.
pub const MARGIN_DAYS: u64 = 3;
/// A window longer than this (a story chained across months) gives no candidates of its own:
/// only the document's own alternatives inside it are tried.
pub const MAX_WINDOW_DAYS: i64 = 45;

/// A date given to a document from the documents of its story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusDate {
    /// Index into the slice given to [`infer_corpus_dates`].
    pub document: usize,
    pub date: NaiveDate,
    /// In `[0, 1]`.
    pub confidence: f64,
    /// Why, in plain words: the window and the expressions that fit the date.
    pub evidence: String,
}

/// A date for every document that has no publication date and no confident date of its own,
/// and belongs to a story with at least one dated document.
///
/// Confidence: 0.15 when nothing in the text fits one day better than the others (the date
/// is then the middle of the window); else `0.1 + 0.05 × (dated documents, at most 4) + 0.6 ×
/// (lead over the runner-up day, at most 1)`, at most 0.95.
pub fn infer_corpus_dates(docs: &[Document], stories: &[Story]) -> Vec<CorpusDate> {
    // Undated documents with the dated documents of their story; each is dated in parallel.
    let mut tasks: Vec<(usize, Vec<NaiveDate>)> = Vec::new();
    for story in stories {
        let dated: Vec<(usize, NaiveDate)> = story
            .documents
            .iter()
            .filter_map(|&d| Some((d, docs.get(d).and_then(document_date)?)))
            .collect();
        for &d in &story.documents {
            let Some(doc) = docs.get(d) else { continue };
            if doc.published.is_some() || doc.annotations.reference_date.is_some() {
                continue;
            }
            let others: Vec<NaiveDate> = dated
                .iter()
                .filter(|(o, _)| *o != d)
                .map(|(_, date)| *date)
                .collect();
            tasks.push((d, others));
        }
    }
    let mut out: Vec<CorpusDate> = tasks
        .into_par_iter()
        .filter_map(|(d, others)| {
            let found = date_in_story(docs.get(d)?, &others)?;
            Some(CorpusDate {
                document: d,
                ..found
            })
        })
        .collect();
    out.sort_by_key(|c| c.document);
    out
}

fn date_in_story(doc: &Document, dated: &[NaiveDate]) -> Option<CorpusDate> {
    let (first, last) = (*dated.iter().min()?, *dated.iter().max()?);
    let low = first.checked_sub_days(Days::new(MARGIN_DAYS))?;
    let high = last.checked_add_days(Days::new(MARGIN_DAYS))?;
    let mut candidates: Vec<NaiveDate> = Vec::new();
    if (last - first).num_days() <= MAX_WINDOW_DAYS {
        candidates.extend(low.iter_days().take_while(|d| *d <= high));
    }
    if let Some(inferred) = &doc.annotations.inferred_date {
        candidates.extend(
            std::iter::once(inferred.date)
                .chain(inferred.alternatives.iter().copied())
                .filter(|d| (low..=high).contains(d)),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    let context = fit::Context::of(doc);
    let mut scored: Vec<(f64, NaiveDate, Vec<String>)> = candidates
        .into_iter()
        .map(|day| {
            let (score, reasons) = fit::fit(doc, &context, day, (first, last));
            (score, day, reasons)
        })
        .collect();
    // Best score first; among equals, the day nearest the middle of the window.
    let middle = first + (last - first) / 2;
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(
                (x.1 - middle)
                    .num_days()
                    .abs()
                    .cmp(&(y.1 - middle).num_days().abs()),
            )
            .then(x.1.cmp(&y.1))
    });
    let (best, date, reasons) = scored.first()?.clone();
    let runner_up = scored.get(1).map_or(0.0, |s| s.0);
    let text_evidence = !reasons.is_empty();
    let vouching = dated.len().min(4) as f64;
    let confidence = if text_evidence {
        (0.1 + 0.05 * vouching + 0.6 * ((best - runner_up) / fit::STRONG).min(1.0)).min(0.95)
    } else {
        0.15
    };
    let mut evidence = format!(
        "consensus of {} dated document{} of the same story: {first} … {last}",
        dated.len(),
        if dated.len() == 1 { "" } else { "s" }
    );
    if text_evidence {
        for r in &reasons {
            evidence.push_str("; ");
            evidence.push_str(r);
        }
    } else {
        evidence.push_str("; nothing in the text places it more precisely (middle of the window)");
    }
    let ties: Vec<String> = scored
        .iter()
        .skip(1)
        .filter(|s| text_evidence && s.0 >= best)
        .map(|s| s.1.to_string())
        .collect();
    if !ties.is_empty() {
        evidence.push_str(&format!("; fits {} equally well", ties.join(", ")));
    }
    if let Some(inferred) = &doc.annotations.inferred_date
        && inferred.date != date
    {
        evidence.push_str(&format!(
            "; the text alone suggested {} (confidence {:.2})",
            inferred.date, inferred.confidence
        ));
    }
    Some(CorpusDate {
        document: 0,
        date,
        confidence: (confidence * 100.0).round() / 100.0,
        evidence,
    })
}
