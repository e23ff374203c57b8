//! Text reuse: passages shared word for word between documents, with which came first.
//!
//! Method, in three steps that each stay close to linear in the size of the corpus:
//! 1. every document's normalized text becomes lower-cased words and 8-word shingles
//!    ([`words`]); punctuation and the kind of space do not matter;
//! 2. candidate pairs come from an inverted index of *winnowed* shingle hashes (any shared run
//!    of at least [`MIN_WORDS`] words shares one), plus the pairs whose MinHash signatures
//!    share an LSH bucket ([`minhash`]); hashes found in more than [`MAX_POSTING`] documents
//!    are page furniture or stock phrases and make no pairs;
//! 3. each candidate pair is aligned exactly: runs of consecutive equal shingles on the same
//!    diagonal are extended into maximal passages, then mapped back to the original text.

pub mod minhash;
pub mod words;

use rustc_hash::FxHashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rayon::prelude::*;
use recoupe_model::{Document, Span};
use serde::{Deserialize, Serialize};

pub use minhash::Signature;
use words::{SHINGLE_WORDS, Words};

/// Window of the winnowing, in shingles.
pub const WINNOW_WINDOW: usize = 4;
/// A shared passage must be at least this many words long; winnowing guarantees that every
/// run this long is found.
pub const MIN_WORDS: usize = SHINGLE_WORDS + WINNOW_WINDOW - 1;
/// A hash present in more documents than this makes no candidate pairs.
pub const MAX_POSTING: usize = 50;
/// An LSH bucket with more documents than this makes no candidate pairs.
pub const MAX_BUCKET: usize = 50;
/// A shingle repeated more often than this within one document is not used to align.
const MAX_REPEATS: usize = 8;

/// A passage two documents share word for word (case and punctuation aside).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Index of the first document in the slice given to [`find_reuse`] (`a < b`).
    pub a: usize,
    /// The passage in `a`'s original text.
    pub a_span: Span,
    pub b: usize,
    pub b_span: Span,
    /// Length of the passage in words.
    pub words: usize,
    /// The document that came first (`a` or `b`) by publication date, else by reference date;
    /// `None` when a date is unknown or both are the same.
    pub earlier: Option<usize>,
    /// Both documents come from the same outlet (a site repeating itself, not a relay).
    pub same_outlet: bool,
}

/// Words, shingles and MinHash signature of one document, computed once and shared by the
/// reuse and story stages.
#[derive(Clone, Debug, Default)]
pub struct Fingerprint {
    pub words: Words,
    pub shingles: Vec<u64>,
    pub signature: Signature,
}

impl Fingerprint {
    pub fn of(doc: &Document) -> Fingerprint {
        let words = Words::of(doc);
        let shingles = words.shingles();
        let signature = Signature::of(&shingles);
        Fingerprint {
            words,
            shingles,
            signature,
        }
    }
}

/// The fingerprints of a corpus, in document order (computed in parallel).
pub fn fingerprints(docs: &[Document]) -> Vec<Fingerprint> {
    docs.par_iter().map(Fingerprint::of).collect()
}

/// Every passage of at least [`MIN_WORDS`] words shared by two documents of `docs`, ordered
/// by document pair and position.
pub fn find_reuse(docs: &[Document]) -> Vec<SharedPassage> {
    find_reuse_with(docs, &fingerprints(docs))
}

/// As [`find_reuse`], with fingerprints already computed (`prints[i]` is `docs[i]`'s).
///
/// Candidate pairs are aligned in parallel; the passages keep the pairs' order.
pub fn find_reuse_with(docs: &[Document], prints: &[Fingerprint]) -> Vec<SharedPassage> {
    let per_pair: Vec<Vec<SharedPassage>> = candidate_pairs(prints)
        .par_iter()
        .map(|&(a, b)| pair_passages(docs, prints, a, b))
        .collect();
    per_pair.into_iter().flatten().collect()
}

/// The shared passages of documents `a` and `b`.
fn pair_passages(
    docs: &[Document],
    prints: &[Fingerprint],
    a: usize,
    b: usize,
) -> Vec<SharedPassage> {
    let (Some(da), Some(db), Some(pa), Some(pb)) =
        (docs.get(a), docs.get(b), prints.get(a), prints.get(b))
    else {
        return Vec::new();
    };
    let mut passages = Vec::new();
    let earlier = earlier_of(da, db).map(|first| if first { a } else { b });
    let same_outlet = match (&da.outlet, &db.outlet) {
        (Some(x), Some(y)) => x.name.eq_ignore_ascii_case(&y.name),
        _ => false,
    };
    for (i, j, n) in align(pa, pb) {
        let words = n + SHINGLE_WORDS - 1;
        let (Some(a_span), Some(b_span)) = (
            run_span(da, &pa.words, i, words),
            run_span(db, &pb.words, j, words),
        ) else {
            continue;
        };
        passages.push(SharedPassage {
            a,
            a_span,
            b,
            b_span,
            words,
            earlier,
            same_outlet,
        });
    }
    passages
}

/// Pairs of documents that may share a passage: winnowed hashes in common, or an LSH bucket.
fn candidate_pairs(prints: &[Fingerprint]) -> Vec<(usize, usize)> {
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (doc, p) in prints.iter().enumerate() {
        let mut chosen = words::winnow(&p.shingles, WINNOW_WINDOW);
        chosen.sort_unstable();
        chosen.dedup();
        for h in chosen {
            index.entry(h).or_default().push(doc);
        }
    }
    let mut pairs = Vec::new();
    for docs in index.values() {
        if docs.len() < 2 || docs.len() > MAX_POSTING {
            continue;
        }
        for (k, &a) in docs.iter().enumerate() {
            for &b in docs.iter().skip(k + 1) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    let signatures: Vec<Signature> = prints.iter().map(|p| p.signature.clone()).collect();
    pairs.extend(minhash::lsh_pairs(&signatures, MAX_BUCKET));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Maximal runs of equal consecutive shingles: `(first shingle in a, first in b, shingles)`,
/// at least long enough to make [`MIN_WORDS`] words, and checked word by word.
fn align(a: &Fingerprint, b: &Fingerprint) -> Vec<(usize, usize, usize)> {
    let mut at: FxHashMap<u64, Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(b.shingles.len(), Default::default());
    for (j, h) in b.shingles.iter().enumerate() {
        at.entry(*h).or_default().push(j);
    }
    let min_shingles = MIN_WORDS + 1 - SHINGLE_WORDS;
    let mut runs = Vec::new();
    for (i, h) in a.shingles.iter().enumerate() {
        let Some(js) = at.get(h) else { continue };
        if js.len() > MAX_REPEATS {
            continue;
        }
        for &j in js {
            // Only start a run where the previous shingles differ: the run is maximal.
            let continues = i > 0
                && j > 0
                && a.shingles.get(i - 1).is_some()
                && a.shingles.get(i - 1) == b.shingles.get(j - 1);
            if continues {
                continue;
            }
            let mut n = 1;
            while a.shingles.get(i + n).is_some() && a.shingles.get(i + n) == b.shingles.get(j + n)
            {
                n += 1;
            }
            let words = n + SHINGLE_WORDS - 1;
            let same_words = a.words.hashes.get(i..i + words) == b.words.hashes.get(j..j + words);
            if n >= min_shingles && same_words {
                runs.push((i, j, n));
            }
        }
    }
    runs
}

/// The original-text span of `count` words starting at word `first`.
fn run_span(doc: &Document, words: &Words, first: usize, count: usize) -> Option<Span> {
    let start = words.spans.get(first)?;
    let end = words.spans.get(first + count.checked_sub(1)?)?;
    let span = doc.normalized.to_original(Span::new(start.start, end.end));
    (doc.text.get(span.start..span.end).is_some() && !span.is_empty()).then_some(span)
}

/// `Some(true)` when `a` came before `b`, `Some(false)` when after, `None` when unknown or
/// the same. Publication times are compared when both have one; else reference dates.
pub(crate) fn earlier_of(a: &Document, b: &Document) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.published, b.published) {
        return order(x, y);
    }
    match (document_date(a), document_date(b)) {
        (Some(x), Some(y)) if x != y => Some(x < y),
        _ => None,
    }
}

fn order(x: DateTime<FixedOffset>, y: DateTime<FixedOffset>) -> Option<bool> {
    (x != y).then_some(x < y)
}

/// The date a document is known by: its publication date, else its reference date (the
/// confident inferred date).
pub fn document_date(doc: &Document) -> Option<NaiveDate> {
    doc.published
        .map(|p| p.date_naive())
        .or(doc.annotations.reference_date.map(|r| r.date))
}
