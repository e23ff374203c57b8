//! Measures: claims that measure the same thing. The key is predicate family × counted
//! category × place × window kind; a claim about Alep-Est belongs to the Alep-Est measure
//! only (the checks decide when levels of the place hierarchy are compared).
//!
//! Each measure's series is ordered by the date its claims' windows end (else the document's
//! date); undated claims come last and are flagged.

use std::collections::BTreeMap;

use recoupe_model::claim::{Modality, WindowKind};

use crate::ledger::{LedgerClaim, Measure, SeriesPoint};

/// The measure key of a claim, or none when it says nothing about what it counts.
pub fn key(claim: &LedgerClaim) -> Option<(String, String, Option<String>, WindowKind)> {
    let counted = claim.counted_category.clone()?;
    let mut predicate = claim
        .predicate_family
        .clone()
        .unwrap_or_else(|| "unspecified".to_owned());
    // Plans, estimates and forecasts are not counts of what happened: their own measures.
    if let Some(m) = claim.modality.filter(|m| *m != Modality::Done) {
        predicate = format!("{predicate} ({})", modality_name(m));
    }
    Some((predicate, counted, claim.place.clone(), claim.window))
}

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Done => "done",
        Modality::Planned => "planned",
        Modality::Estimated => "estimated",
        Modality::Expected => "expected",
        Modality::Hypothetical => "hypothetical",
        Modality::Negated => "negated",
    }
}

/// Group the claims into measures and record each claim's measure.
pub fn group(claims: &mut [LedgerClaim]) -> Vec<Measure> {
    // Keyed by the window's name: the model's enum has no order.
    // The story comes first, so claims of different stories never share a measure.
    type Key = (usize, String, String, Option<String>, &'static str);
    let mut groups: BTreeMap<Key, (WindowKind, Vec<usize>)> = BTreeMap::new();
    for c in claims.iter() {
        if let Some((p, n, place, w)) = key(c) {
            groups
                .entry((c.story, p, n, place, w.name()))
                .or_insert_with(|| (w, Vec::new()))
                .1
                .push(c.id);
        }
    }
    let mut measures = Vec::with_capacity(groups.len());
    for ((story, predicate, counted, place, _), (window, mut ids)) in groups {
        // Dated first, by date; then undated; ties in corpus order.
        ids.sort_by_key(|id| {
            let c = &claims[*id];
            (c.date.is_none(), c.date, c.document, c.claim)
        });
        let id = measures.len();
        let series = ids
            .iter()
            .map(|cid| {
                claims[*cid].measure = Some(id);
                SeriesPoint {
                    claim: *cid,
                    date: claims[*cid].date,
                    undated: claims[*cid].date.is_none(),
                }
            })
            .collect();
        let label = format!(
            "{predicate} × {counted} × {} × {}",
            place.as_deref().unwrap_or("(no place)"),
            window.name()
        );
        measures.push(Measure {
            id,
            story,
            predicate,
            counted,
            place,
            window,
            label,
            series,
        });
    }
    measures
}
