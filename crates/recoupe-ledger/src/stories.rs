//! Stories: documents that report the same events, so that claims are compared only where it
//! makes sense.
//!
//! Each document is described by the parties and places it names (entity canonical names, or
//! the gazetteer id when there is one, so "Alep" and "Aleppo" meet), each weighted by its rarity
//! in the corpus, by its date (publication, else reference date), and by its MinHash signature
//! (see [`crate::reuse`]). Candidate pairs come from an inverted index of the rarer names and
//! from the signatures' LSH buckets, never from all pairs; a pair is linked when its score
//! (see [`pair_score`]) reaches [`LINK_SCORE`] and its dates, when both are known, are at most
//! [`MAX_DAYS_APART`] days apart. Stories are the connected components of the links
//! (union-find).

mod features;
mod union_find;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;
use recoupe_model::Document;
use serde::{Deserialize, Serialize};

use crate::reuse::{self, Fingerprint, minhash};
use features::Features;
use union_find::UnionFind;

/// A pair of documents is linked when its score reaches this.
pub const LINK_SCORE: f64 = 0.4;
/// Documents whose dates are both known and further apart than this are never linked.
pub const MAX_DAYS_APART: i64 = 4;
/// Names found in more documents than this make no candidate pairs (they still count in the
/// score of pairs found otherwise).
pub const MAX_POSTING: usize = 50;
/// Weight of text similarity (estimated Jaccard of shingles) in the score.
pub const TEXT_WEIGHT: f64 = 2.0;
/// Without near-identical text, a link needs at least this many shared names.
pub const MIN_SHARED_NAMES: usize = 2;
/// Estimated Jaccard from which text alone can link two documents.
pub const TEXT_ALONE: f64 = 0.3;
/// Added to the score of two documents whose dates are both known and close.
pub const CLOSE_DATES_BONUS: f64 = 0.15;
/// How many names a story's label lists.
const LABEL_NAMES: usize = 3;

/// Documents about the same events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// 1, 2, … by decreasing size, then by first document.
    pub id: usize,
    /// Indices into the slice given to [`group_stories`], ascending.
    pub documents: Vec<usize>,
    /// The names most documents of the story share, most shared first, joined by ", ".
    pub label: String,
    /// Earliest and latest known date of its documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

/// Every document in exactly one story (a document that matches no other is a story of one).
pub fn group_stories(docs: &[Document]) -> Vec<Story> {
    group_stories_with(docs, &reuse::fingerprints(docs))
}

/// As [`group_stories`], with fingerprints already computed (`prints[i]` is `docs[i]`'s).
pub fn group_stories_with(docs: &[Document], prints: &[Fingerprint]) -> Vec<Story> {
    let features = Features::of(docs);
    let mut sets = UnionFind::new(docs.len());
    // Pairs are scored in parallel, then linked in order.
    let links: Vec<(usize, usize)> = candidate_pairs(&features, prints)
        .into_par_iter()
        .filter(|&(a, b)| linked(&features, prints, a, b))
        .collect();
    for (a, b) in links {
        sets.union(a, b);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for doc in 0..docs.len() {
        groups.entry(sets.find(doc)).or_default().push(doc);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x.first().cmp(&y.first())));
    groups
        .into_iter()
        .enumerate()
        .map(|(i, documents)| {
            let dates = documents
                .iter()
                .filter_map(|&d| features.dates.get(d).copied().flatten());
            let start = dates.clone().min();
            let end = dates.max();
            Story {
                id: i + 1,
                label: features.label(&documents, LABEL_NAMES),
                documents,
                start,
                end,
            }
        })
        .collect()
}

fn candidate_pairs(features: &Features, prints: &[Fingerprint]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for docs in features.postings.values() {
        if docs.len() < 2 || docs.len() > MAX_POSTING {
            continue;
        }
        for (k, &a) in docs.iter().enumerate() {
            for &b in docs.iter().skip(k + 1) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    let signatures: Vec<_> = prints.iter().map(|p| p.signature.clone()).collect();
    pairs.extend(minhash::lsh_pairs(&signatures, reuse::MAX_BUCKET));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn linked(features: &Features, prints: &[Fingerprint], a: usize, b: usize) -> bool {
    let close = match (features.dates.get(a), features.dates.get(b)) {
        (Some(Some(x)), Some(Some(y))) => {
            if (*x - *y).num_days().abs() > MAX_DAYS_APART {
                return false;
            }
            true
        }
        _ => false,
    };
    let text = match (prints.get(a), prints.get(b)) {
        (Some(x), Some(y)) => x.signature.similarity(&y.signature),
        _ => 0.0,
    };
    let (overlap, shared) = features.overlap(a, b);
    (shared >= MIN_SHARED_NAMES || text >= TEXT_ALONE)
        && pair_score(overlap, text, close) >= LINK_SCORE
}

/// The score of a pair: the weighted cosine of the names they mention (each name weighted
/// `ln(1 + N / df)`, in `[0, 1]`), plus [`TEXT_WEIGHT`] times their text similarity, plus
/// [`CLOSE_DATES_BONUS`] when both dates are known and at most [`MAX_DAYS_APART`] days apart.
pub fn pair_score(name_overlap: f64, text_similarity: f64, close_dates: bool) -> f64 {
    let bonus = if close_dates { CLOSE_DATES_BONUS } else { 0.0 };
    name_overlap + TEXT_WEIGHT * text_similarity + bonus
}

/// For tests and reports: the names each document is described by, with their weights.
pub fn document_names(docs: &[Document]) -> Vec<HashMap<String, f64>> {
    let features = Features::of(docs);
    features
        .names
        .iter()
        .map(|keys| {
            keys.iter()
                .map(|k| (k.clone(), features.weight(k)))
                .collect()
        })
        .collect()
}
