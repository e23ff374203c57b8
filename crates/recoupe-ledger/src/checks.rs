//! Cross-checks of the ledger's claims, each with the claims involved and a plain-language
//! explanation quoting the figures as written:
//!
//! - `agreement` / `conflict`: claims of one measure at one time (same date, or both undated
//!   in one document) whose intervals all overlap / are disjoint (conflicts only between
//!   documents: one document's distinct figures are different things). Across levels of
//!   the place hierarchy only agreement is reported (a part is expected to be smaller than its whole).
//! - `subset_violation`: a part ("dont 2 934 enfants") larger than its whole, a subset
//!   category (children) larger than its superset (civilians), or a place larger than the
//!   place containing it, for one predicate, window and time.
//! - `cumulative_decrease` / `cumulative_jump`: a total that falls, or that is off by
//!   [`LedgerConfig::jump_factor`] or more from a total around it.
//! - `daily_sum_mismatch`: 24-hour figures between two totals that cannot add up to their
//!   difference.
//! - `copy`: a claim whose sentence an earlier document of another outlet already carried.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use chrono::NaiveDate;
use recoupe_model::Span;
use recoupe_model::claim::WindowKind;

use crate::ledger::{Check, CheckKind, LedgerClaim, LedgerConfig, LedgerDocument, Measure};
use crate::vocab::{VOCAB, fold};

/// When two claims count as "at the same time".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum When {
    Day(NaiveDate),
    /// Undated: only claims of the same document share a time.
    Doc(usize),
}

fn when(c: &LedgerClaim) -> When {
    c.date.map_or(When::Doc(c.document), When::Day)
}

fn overlap(a: [f64; 2], b: [f64; 2]) -> bool {
    a[0] <= b[1] && b[0] <= a[1]
}

fn quote(c: &LedgerClaim) -> String {
    format!("\"{}\" ({}, {})", c.figure, c.origin, c.outlet)
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

fn fmt_number(x: f64) -> String {
    let n = x.round() as i64;
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn interval_text(i: [f64; 2]) -> String {
    if i[0] == i[1] {
        fmt_number(i[0])
    } else {
        format!("{}–{}", fmt_number(i[0]), fmt_number(i[1]))
    }
}

/// A claim that takes part in numeric checks: it has an interval and is not a copy.
/// The interval a claim is compared with, or none when it must not be compared: a copy (its
/// original is), a vague figure, a figure that states no event (no predicate), and a figure
/// of a thing no category covers ("other"). Such claims are shown in their measure but never
/// checked: on general news they are where unrelated figures meet.
fn usable(c: &LedgerClaim) -> Option<[f64; 2]> {
    // An event outside the vocabulary ("other": "ont défilé", "ont assisté") is not
    // identified enough to compare two figures of it.
    let states_an_event = c
        .predicate_family
        .as_deref()
        .is_some_and(|f| f != OTHER_CATEGORY);
    let counts_a_known_thing = c
        .counted_category
        .as_deref()
        .is_some_and(|k| k != OTHER_CATEGORY);
    if c.copy_of.is_some() || !states_an_event || !counts_a_known_thing {
        None
    } else {
        c.interval
    }
}

/// The counted category of nouns no lexicon entry covers, and the predicate category of
/// events no lexicon entry covers.
const OTHER_CATEGORY: &str = "other";

/// A share of a whole ("30 %", "la moitié", "un sur trois", "7,5 sur 10") rather than a count
/// or an amount: a percent, or a figure without a unit strictly between 0 and 1. A share is
/// never a part, a whole or a total: shares of different wholes cannot be compared.
fn is_share(c: &LedgerClaim) -> bool {
    c.unit.as_deref() == Some("percent")
        || (c.unit.is_none() && c.value.is_some_and(|v| v > 0.0 && v < 1.0))
}

/// Two figures on one scale: the same unit (a count has none), both shares or neither.
fn same_scale(a: &LedgerClaim, b: &LedgerClaim) -> bool {
    a.unit == b.unit && is_share(a) == is_share(b)
}

/// Totals "depuis janvier" and "depuis début décembre": both windows' starts are written,
/// and they differ (as written and as resolved), so the totals count over different spans.
fn different_starts(a: &LedgerClaim, b: &LedgerClaim) -> bool {
    match (a.since.as_deref(), b.since.as_deref()) {
        (Some(x), Some(y)) if !x.trim().is_empty() && !y.trim().is_empty() => {
            fold(x) != fold(y) && (a.window_start.is_none() || a.window_start != b.window_start)
        }
        _ => false,
    }
}

/// A total whose window began more than [`LedgerConfig::max_total_lead_days`] before `from`
/// (the other figure's window start or date): it counts events beyond that figure's.
fn began_long_before(total: &LedgerClaim, from: Option<NaiveDate>, config: &LedgerConfig) -> bool {
    match (total.window_start, from) {
        (Some(start), Some(from)) => (from - start).num_days() > config.max_total_lead_days,
        _ => false,
    }
}

/// Two claims of one document in different sentences: a document lists different events
/// (a recap, an enumeration, the toll of an earlier attack), so its figures are compared
/// with each other only when they share a sentence.
fn different_sentences_of_one_document(a: &LedgerClaim, b: &LedgerClaim) -> bool {
    a.document == b.document && a.evidence_span != b.evidence_span
}

/// A passage of one document found again in a later document of another outlet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopiedPassage {
    pub original: usize,
    pub original_span: Span,
    pub copy: usize,
    pub copy_span: Span,
}

/// Evidence sentences repeated word for word (case, accents and spacing aside) by documents
/// of different outlets, the earlier document (by date, then corpus order) being the
/// original. This catches short copied sentences the text-reuse detector may leave out.
fn repeated_sentences(claims: &[LedgerClaim], documents: &[LedgerDocument]) -> Vec<CopiedPassage> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|i| {
        let d = &documents[claims[*i].document];
        (
            d.date.is_none(),
            d.date,
            claims[*i].document,
            claims[*i].claim,
        )
    });
    let mut passages = Vec::new();
    for i in order {
        let c = &claims[i];
        let key = fold(&c.evidence);
        if key.len() < 20 {
            continue;
        }
        match first.get(&key) {
            None => {
                first.insert(key, i);
            }
            Some(&o) => {
                let orig = &claims[o];
                if orig.document != c.document && orig.outlet != c.outlet {
                    let p = CopiedPassage {
                        original: orig.document,
                        original_span: orig.evidence_span,
                        copy: c.document,
                        copy_span: c.evidence_span,
                    };
                    if !passages.contains(&p) {
                        passages.push(p);
                    }
                }
            }
        }
    }
    passages
}

/// Link the claims of copied passages (from text reuse, then repeated sentences) to their
/// originals and report each copy.
pub fn copies(
    claims: &mut [LedgerClaim],
    documents: &[LedgerDocument],
    mut passages: Vec<CopiedPassage>,
) -> Vec<Check> {
    passages.extend(repeated_sentences(claims, documents));
    link_copies(claims, &passages)
}

/// Link every claim inside a copied passage to the claim of the original passage with the
/// same value and categories at the same place in the passage; one `copy` check per linked
/// claim. A claim that counts nothing and states no event (a list number, a stray figure) is
/// not a statement and is never reported as copied.
pub fn link_copies(claims: &mut [LedgerClaim], passages: &[CopiedPassage]) -> Vec<Check> {
    let within = |s: Span, p: Span| s.start >= p.start && s.end <= p.end;
    // The claims of each document (ledger ids are in document order), so that a passage
    // looks only at its two documents' claims.
    let mut of_document: HashMap<usize, Vec<usize>> = HashMap::new();
    for c in claims.iter() {
        of_document.entry(c.document).or_default().push(c.id);
    }
    let none = Vec::new();
    let mut checks = Vec::new();
    for p in passages {
        let originals: Vec<usize> = of_document
            .get(&p.original)
            .unwrap_or(&none)
            .iter()
            .copied()
            .filter(|&o| within(claims[o].figure_span, p.original_span))
            .collect();
        for &i in of_document.get(&p.copy).unwrap_or(&none) {
            let c = &claims[i];
            if !within(c.figure_span, p.copy_span) || c.copy_of.is_some() || !states_something(c) {
                continue;
            }
            let found = originals.iter().copied().find(|o| {
                let o = &claims[*o];
                o.value == c.value
                    && o.counted_category == c.counted_category
                    && same_place_in_passage(
                        o.figure_span.start - p.original_span.start,
                        c.figure_span.start - p.copy_span.start,
                    )
            });
            if let Some(o) = found {
                let (orig, copy) = (&claims[o], &claims[i]);
                checks.push(Check {
                    kind: CheckKind::Copy,
                    measure: copy.measure,
                    date: copy.date,
                    claims: vec![o, i],
                    explanation: format!(
                        "\"{}\" in {} repeats the passage published earlier by {} ({}): \
                         one statement, counted once, not a confirmation.",
                        copy.figure,
                        copy.outlet,
                        orig.outlet,
                        date_text(documents_date(orig)),
                    ),
                    rule: "ledger/copy/shared-passage".to_owned(),
                });
                claims[i].copy_of = Some(o);
            }
        }
    }
    checks
}

/// A claim that counts something or states an event.
fn states_something(c: &LedgerClaim) -> bool {
    c.counted.is_some() || c.predicate.is_some()
}

/// Offsets of two figures in their passages (original and copy) that point at the same
/// words: the passages are the same words, but spacing, entities and markup may differ, so
/// the offsets may drift by a few bytes, more the further into the passage.
fn same_place_in_passage(a: usize, b: usize) -> bool {
    const BYTES: usize = 16;
    const DRIFT: f64 = 0.03;
    a.abs_diff(b) as f64 <= BYTES as f64 + DRIFT * a.max(b) as f64
}

fn documents_date(c: &LedgerClaim) -> Option<NaiveDate> {
    c.date
}

/// Every numeric check.
///
/// Claims are compared only within their story (a measure never mixes stories), so the
/// work is per story, in parallel, and grows with the corpus, not with its square; the
/// checks come out in story order, whatever the number of threads.
pub fn run(claims: &[LedgerClaim], measures: &[Measure], config: &LedgerConfig) -> Vec<Check> {
    let mut by_story: BTreeMap<usize, (Vec<&LedgerClaim>, Vec<&Measure>)> = BTreeMap::new();
    for c in claims {
        by_story.entry(c.story).or_default().0.push(c);
    }
    for m in measures {
        by_story.entry(m.story).or_default().1.push(m);
    }
    let per_story: Vec<Vec<Check>> = by_story
        .into_par_iter()
        .map(|(_, (story_claims, story_measures))| {
            let mut checks = Vec::new();
            for m in &story_measures {
                agreement_conflict(claims, m, config, &mut checks);
            }
            across_places(claims, &story_measures, &mut checks);
            subsets(claims, &story_measures, &mut checks);
            cumulative(&story_claims, config, &mut checks);
            checks
        })
        .collect();
    let mut checks: Vec<Check> = per_story.into_iter().flatten().collect();
    part_of(claims, &mut checks);
    checks
}

fn agreement_conflict(
    claims: &[LedgerClaim],
    m: &Measure,
    config: &LedgerConfig,
    checks: &mut Vec<Check>,
) {
    // One group per time and scale: a percent and a count of one measure are not comparable.
    type At<'a> = (When, Option<&'a str>, bool);
    let mut at: HashMap<At, Vec<usize>> = HashMap::new();
    for p in &m.series {
        let c = &claims[p.claim];
        if usable(c).is_some() {
            at.entry((when(c), c.unit.as_deref(), is_share(c)))
                .or_default()
                .push(c.id);
        }
    }
    let mut groups: Vec<(At, Vec<usize>)> = at.into_iter().collect();
    groups.sort_by_key(|(_, ids)| ids.first().copied());
    for (_, ids) in groups {
        // The same figure repeated within one document is one statement.
        let mut distinct: Vec<usize> = Vec::new();
        for id in &ids {
            let c = &claims[*id];
            if !distinct
                .iter()
                .any(|d| claims[*d].document == c.document && claims[*d].value == c.value)
            {
                distinct.push(*id);
            }
        }
        if distinct.len() < 2 {
            continue;
        }
        let enumerates = |doc: usize| {
            distinct
                .iter()
                .filter(|d| claims[**d].document == doc)
                .count()
                > 1
        };
        let mut conflicted = false;
        for (i, a) in distinct.iter().enumerate() {
            for b in &distinct[i + 1..] {
                let (ca, cb) = (&claims[*a], &claims[*b]);
                let (Some(ia), Some(ib)) = (ca.interval, cb.interval) else {
                    continue;
                };
                // Distinct figures in one document at one time are most often different
                // things (an enumeration, a recap): only documents contradict each other,
                // and a document that lists several figures ("vingt bus et dix
                // ambulances") contradicts no one with them.
                if !overlap(ia, ib)
                    && ca.document != cb.document
                    && !different_starts(ca, cb)
                    && !began_long_before(ca, cb.window_start.or(cb.date), config)
                    && !began_long_before(cb, ca.window_start.or(ca.date), config)
                    && !enumerates(ca.document)
                    && !enumerates(cb.document)
                {
                    conflicted = true;
                    checks.push(Check {
                        kind: CheckKind::Conflict,
                        measure: Some(m.id),
                        date: ca.date,
                        claims: vec![*a, *b],
                        explanation: format!(
                            "{} and {} report {} on {} but cannot both be right: \
                             {} allows {}, {} allows {}.",
                            quote(ca),
                            quote(cb),
                            m.label,
                            date_text(ca.date),
                            ca.figure,
                            interval_text(ia),
                            cb.figure,
                            interval_text(ib)
                        ),
                        rule: "ledger/conflict/disjoint-intervals".to_owned(),
                    });
                }
            }
        }
        let compatible = distinct.iter().enumerate().all(|(i, a)| {
            distinct[i + 1..].iter().all(|b| {
                matches!((claims[*a].interval, claims[*b].interval), (Some(x), Some(y)) if overlap(x, y))
            })
        });
        // Different figures of one sentence are different things ("au moins 278 seraient
        // morts et 302 sont revenus"), never an agreement; a headline and its article's body
        // ("près de 8 500" and "8 461") may agree.
        let sentences = distinct
            .iter()
            .map(|d| (claims[*d].document, claims[*d].evidence_span))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if !conflicted && compatible && sentences > 1 {
            let first = &claims[distinct[0]];
            let figures: Vec<String> = distinct.iter().map(|i| quote(&claims[*i])).collect();
            checks.push(Check {
                kind: CheckKind::Agreement,
                measure: Some(m.id),
                date: first.date,
                claims: distinct.clone(),
                explanation: format!(
                    "{} agree on {} ({}): their intervals, read from their qualifiers, overlap.",
                    figures.join(" and "),
                    m.label,
                    date_text(first.date)
                ),
                rule: "ledger/agreement/overlapping-intervals".to_owned(),
            });
        }
    }
}

/// Pairs of measures alike but for their places, the first's place inside the second's.
fn nested_measures<'a>(
    measures: &'a [&'a Measure],
) -> impl Iterator<Item = (&'a Measure, &'a Measure)> + 'a {
    measures.iter().copied().flat_map(move |inner| {
        measures.iter().copied().filter_map(move |outer| {
            let (Some(pi), Some(po)) = (&inner.place, &outer.place) else {
                return None;
            };
            (pi != po
                && inner.predicate == outer.predicate
                && inner.counted == outer.counted
                && inner.window == outer.window
                && VOCAB.place_contains(po, pi))
            .then_some((inner, outer))
        })
    })
}

fn across_places(claims: &[LedgerClaim], measures: &[&Measure], checks: &mut Vec<Check>) {
    for (inner, outer) in nested_measures(measures) {
        for pi in &inner.series {
            for po in &outer.series {
                let (a, b) = (&claims[pi.claim], &claims[po.claim]);
                let (Some(ia), Some(ib)) = (usable(a), usable(b)) else {
                    continue;
                };
                if when(a) != when(b)
                    || !same_scale(a, b)
                    || different_sentences_of_one_document(a, b)
                {
                    continue;
                }
                if ia[0] > ib[1] && !is_share(a) {
                    checks.push(Check {
                        kind: CheckKind::SubsetViolation,
                        measure: Some(inner.id),
                        date: a.date,
                        claims: vec![a.id, b.id],
                        explanation: format!(
                            "{} for {} is larger than {} for {}, which contains it.",
                            quote(a),
                            inner.place.as_deref().unwrap_or(""),
                            quote(b),
                            outer.place.as_deref().unwrap_or("")
                        ),
                        rule: "ledger/subset/place".to_owned(),
                    });
                } else if overlap(ia, ib) && a.document != b.document {
                    checks.push(Check {
                        kind: CheckKind::Agreement,
                        measure: Some(inner.id),
                        date: a.date,
                        claims: vec![a.id, b.id],
                        explanation: format!(
                            "{} about {} and {} about {} agree ({}): the places are nested \
                             and the intervals overlap.",
                            quote(a),
                            inner.place.as_deref().unwrap_or(""),
                            quote(b),
                            outer.place.as_deref().unwrap_or(""),
                            date_text(a.date)
                        ),
                        rule: "ledger/agreement/nested-places".to_owned(),
                    });
                }
            }
        }
    }
}

fn subsets(claims: &[LedgerClaim], measures: &[&Measure], checks: &mut Vec<Check>) {
    for sub in measures {
        let Some(sup_cat) = VOCAB.superset(&sub.counted) else {
            continue;
        };
        for sup in measures.iter().filter(|s| {
            s.counted == sup_cat
                && s.predicate == sub.predicate
                && s.window == sub.window
                && match (&s.place, &sub.place) {
                    (Some(o), Some(i)) => VOCAB.place_contains(o, i),
                    (None, None) => true,
                    _ => false,
                }
        }) {
            for ps in &sub.series {
                for pp in &sup.series {
                    let (a, b) = (&claims[ps.claim], &claims[pp.claim]);
                    let (Some(ia), Some(ib)) = (usable(a), usable(b)) else {
                        continue;
                    };
                    // Within one document, `part_of` says what is part of what; categories
                    // are compared across documents.
                    if when(a) == when(b)
                        && same_scale(a, b)
                        && !is_share(a)
                        && a.document != b.document
                        && ia[0] > ib[1]
                    {
                        checks.push(Check {
                            kind: CheckKind::SubsetViolation,
                            measure: Some(sub.id),
                            date: a.date,
                            claims: vec![a.id, b.id],
                            explanation: format!(
                                "{} {} are more than {} {} for the same event, place and time, \
                                 though {} are a subset of {}.",
                                quote(a),
                                sub.counted,
                                quote(b),
                                sup.counted,
                                sub.counted,
                                sup.counted
                            ),
                            rule: "ledger/subset/category".to_owned(),
                        });
                    }
                }
            }
        }
    }
}

fn part_of(claims: &[LedgerClaim], checks: &mut Vec<Check>) {
    for c in claims {
        let Some(p) = c.part_of.and_then(|p| claims.get(p)) else {
            continue;
        };
        // Only counts or amounts of a known thing on one scale: "dont 34 %" after "77 %" is
        // a share of another whole, and a part of "other" things says nothing checkable.
        let known = |x: &LedgerClaim| {
            x.counted_category
                .as_deref()
                .is_some_and(|k| k != OTHER_CATEGORY)
        };
        // A part is stated with its whole ("13 346 habitants …, dont 5 831 enfants"); a
        // link to another sentence is more likely a misread than a contradiction.
        let one_sentence = c.document == p.document && c.evidence_span == p.evidence_span;
        if !known(c) || !known(p) || !same_scale(c, p) || is_share(c) || !one_sentence {
            continue;
        }
        if let (Some(ic), Some(ip)) = (c.interval, p.interval)
            && ic[0] > ip[1]
        {
            checks.push(Check {
                kind: CheckKind::SubsetViolation,
                measure: c.measure,
                date: c.date,
                claims: vec![c.id, p.id],
                explanation: format!(
                    "{} is given as part of {} but is larger than it.",
                    quote(c),
                    quote(p)
                ),
                rule: "ledger/subset/part-of".to_owned(),
            });
        }
    }
}

/// Claims the cumulative checks compare (of one story, by construction): same predicate
/// family, counted category and modality, on one scale (never a share: a share is not a
/// total), and places known and nested. Without a place on both sides a total of a country
/// and a figure of one event would meet.
fn comparable(a: &LedgerClaim, b: &LedgerClaim) -> bool {
    !different_starts(a, b)
        && a.predicate_family == b.predicate_family
        && a.counted_category == b.counted_category
        && a.modality == b.modality
        && same_scale(a, b)
        && !is_share(a)
        && match (&a.place, &b.place) {
            (Some(x), Some(y)) => VOCAB.place_contains(x, y) || VOCAB.place_contains(y, x),
            _ => false,
        }
}

/// Counted categories that are never totals of events: a duration or an age ("une
/// trentaine d'années") does not add up over time.
const NOT_TOTALS: &[&str] = &["duration"];

fn may_be_total(c: &LedgerClaim) -> bool {
    c.counted_category
        .as_deref()
        .is_some_and(|k| !NOT_TOTALS.contains(&k))
        && usable(c).is_some()
}

/// Jumps, decreases and daily sums among the claims of one story.
fn cumulative(claims: &[&LedgerClaim], config: &LedgerConfig, checks: &mut Vec<Check>) {
    let totals: Vec<&LedgerClaim> = claims
        .iter()
        .copied()
        .filter(|c| c.window == WindowKind::Cumulative && may_be_total(c))
        .collect();
    let candidates = claims.iter().copied().filter(|c| {
        matches!(c.window, WindowKind::Cumulative | WindowKind::Unknown) && may_be_total(c)
    });
    // The latest date of the story: when a figure has none, the story's is the nearest.
    let story_end = claims.iter().filter_map(|c| c.date).max();
    let mut jumped: Vec<usize> = Vec::new();
    for x in candidates {
        let Some(ix) = x.interval else { continue };
        // A figure without a window that matches a 24-hour figure of its time is that
        // daily figure, not a total.
        if x.window == WindowKind::Unknown
            && claims.iter().any(|d| {
                d.window == WindowKind::Last24h
                    && when(d) == when(x)
                    && comparable(d, x)
                    && d.interval.is_some_and(|i| overlap(i, ix))
            })
        {
            continue;
        }
        // The total that is furthest above this figure, among those around it in time.
        let mut worst: Option<(&LedgerClaim, f64)> = None;
        for r in &totals {
            if r.id == x.id || r.document == x.document || !comparable(x, r) {
                continue;
            }
            match (x.date, r.date) {
                (Some(dx), Some(dr)) if (dx - dr).num_days().abs() > config.jump_window_days => {
                    continue;
                }
                (Some(_), Some(_)) => {}
                // Without both dates nothing shows the two are close in time: only one
                // party's own figures are compared (the same ministry giving totals an order
                // of magnitude apart).
                _ if x.party.is_none() || x.party != r.party => continue,
                _ => {}
            }
            // A total that began long before the figure (its window's start, else its date,
            // else the story's last date) counts events beyond it.
            if began_long_before(r, x.window_start.or(x.date).or(story_end), config) {
                continue;
            }
            let Some(ir) = r.interval else { continue };
            let ratio = ir[0] / ix[1].max(1.0);
            if ratio >= config.jump_factor && worst.is_none_or(|(_, w)| ratio > w) {
                worst = Some((r, ratio));
            }
        }
        if let Some((r, ratio)) = worst {
            jumped.push(x.id);
            let daily = daily_hint(claims, x, ix);
            checks.push(Check {
                kind: CheckKind::CumulativeJump,
                measure: x.measure,
                date: x.date,
                claims: vec![x.id, r.id],
                explanation: format!(
                    "{} ({}) is {:.0} times smaller than the total {} ({}); a total cannot be \
                     an order of magnitude off the totals around it.{}",
                    quote(x),
                    date_text(x.date),
                    ratio,
                    quote(r),
                    date_text(r.date),
                    daily
                ),
                rule: "ledger/cumulative/jump".to_owned(),
            });
        }
    }
    // Decreases: a later total, for the same or a broader place, below an earlier one.
    for a in &totals {
        for b in &totals {
            let (Some(da), Some(db)) = (a.date, b.date) else {
                continue;
            };
            if da >= db || !comparable(a, b) || jumped.contains(&b.id) || jumped.contains(&a.id) {
                continue;
            }
            let (Some(pa), Some(pb)) = (&a.place, &b.place) else {
                continue;
            };
            if !VOCAB.place_contains(pb, pa) {
                continue;
            }
            if let (Some(ia), Some(ib)) = (a.interval, b.interval)
                && ib[1] < ia[0]
            {
                checks.push(Check {
                    kind: CheckKind::CumulativeDecrease,
                    measure: b.measure,
                    date: b.date,
                    claims: vec![a.id, b.id],
                    explanation: format!(
                        "The total falls from {} on {} to {} on {}: a cumulative total \
                         cannot decrease.",
                        quote(a),
                        da,
                        quote(b),
                        db
                    ),
                    rule: "ledger/cumulative/decrease".to_owned(),
                });
            }
        }
    }
    daily_sums(claims, &totals, &jumped, config, checks);
}

/// "It is the size of the 24-hour figures" when it is.
fn daily_hint(claims: &[&LedgerClaim], x: &LedgerClaim, ix: [f64; 2]) -> String {
    let daily: Vec<&LedgerClaim> = claims
        .iter()
        .copied()
        .filter(|d| d.window == WindowKind::Last24h && comparable(d, x) && d.interval.is_some())
        .collect();
    let lo = daily
        .iter()
        .filter_map(|d| d.interval.map(|i| i[0]))
        .fold(f64::MAX, f64::min);
    let hi = daily
        .iter()
        .filter_map(|d| d.interval.map(|i| i[1]))
        .fold(0.0, f64::max);
    if daily.is_empty() || ix[1] < lo / 2.0 || ix[0] > hi * 2.0 {
        return String::new();
    }
    let mut figures: Vec<&str> = daily.iter().map(|d| d.figure.as_str()).collect();
    figures.dedup();
    figures.truncate(4);
    format!(
        " It is the size of the 24-hour figures ({}): a daily count reported as a total?",
        figures.join(", ")
    )
}

fn daily_sums(
    claims: &[&LedgerClaim],
    totals: &[&LedgerClaim],
    jumped: &[usize],
    config: &LedgerConfig,
    checks: &mut Vec<Check>,
) {
    let t = config.daily_sum_tolerance;
    for a in totals {
        // The next total after `a`, same measure family, not itself an anomaly.
        let next = totals
            .iter()
            .filter(|b| {
                b.date.zip(a.date).is_some_and(|(db, da)| db > da)
                    && comparable(a, b)
                    && a.place == b.place
                    && !jumped.contains(&b.id)
            })
            .min_by_key(|b| b.date);
        let (Some(b), Some(da)) = (next, a.date) else {
            continue;
        };
        let (Some(db), Some(ia), Some(ib)) = (b.date, a.interval, b.interval) else {
            continue;
        };
        if jumped.contains(&a.id) {
            continue;
        }
        // One 24-hour figure per day strictly after `a` up to `b`'s day.
        let mut days: HashMap<NaiveDate, &LedgerClaim> = HashMap::new();
        for d in claims.iter().copied().filter(|d| {
            d.window == WindowKind::Last24h
                && comparable(d, a)
                && usable(d).is_some()
                && d.date.is_some_and(|x| x > da && x <= db)
        }) {
            if let Some(day) = d.date {
                days.entry(day).or_insert(d);
            }
        }
        if days.is_empty() {
            continue;
        }
        let span_days = usize::try_from((db - da).num_days()).unwrap_or(0);
        let complete = days.len() >= span_days;
        let sum = days.values().fold([0.0, 0.0], |s, d| {
            let i = d.interval.unwrap_or([0.0, 0.0]);
            [s[0] + i[0], s[1] + i[1]]
        });
        let change = [(ib[0] - ia[1]).max(0.0), (ib[1] - ia[0]).max(0.0)];
        let widened = [change[0] * (1.0 - t), change[1] * (1.0 + t)];
        let mismatch = if complete {
            !overlap(sum, widened)
        } else {
            sum[0] > widened[1]
        };
        if mismatch {
            let mut ids = vec![a.id, b.id];
            let mut daily: Vec<&&LedgerClaim> = days.values().collect();
            daily.sort_by_key(|d| d.date);
            ids.extend(daily.iter().map(|d| d.id));
            let listed: Vec<String> = daily.iter().map(|d| quote(d)).collect();
            checks.push(Check {
                kind: CheckKind::DailySumMismatch,
                measure: b.measure,
                date: b.date,
                claims: ids,
                explanation: format!(
                    "Between {} ({}) and {} ({}) the total grows by {}, but the 24-hour \
                     figures of {} of the {} days ({}) add up to {} (tolerance {:.0}%).",
                    quote(a),
                    da,
                    quote(b),
                    db,
                    interval_text(change),
                    days.len(),
                    span_days,
                    listed.join(", "),
                    interval_text(sum),
                    t * 100.0
                ),
                rule: if complete {
                    "ledger/daily-sum/complete".to_owned()
                } else {
                    "ledger/daily-sum/partial-exceeds".to_owned()
                },
            });
        }
    }
}
