//! The place a figure is about: the place mention of its sentence nearest to it, else the
//! document's most mentioned place. Places that speak ("Moscou a annoncé") are not places a
//! figure is about.

use std::collections::BTreeSet;

use recoupe_model::Span;
use recoupe_model::claim::{Place, PlaceOrigin};
use recoupe_model::entity::{Entity, EntityKind};

/// Place entities that can be the place of a figure: places, minus those that speak.
pub fn candidates<'a>(entities: &'a [Entity], speakers: &BTreeSet<&str>) -> Vec<&'a Entity> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place && !speakers.contains(e.id.as_str()))
        .collect()
}

/// The nearest place mention in `sentence` to `figure`.
pub fn in_sentence(places: &[&Entity], sentence: Span, figure: Span) -> Option<Place> {
    let distance = |m: Span| {
        if m.start >= figure.end {
            m.start - figure.end
        } else {
            figure.start.saturating_sub(m.end)
        }
    };
    places
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .filter(|(_, m)| sentence.contains(m.span))
        .min_by_key(|(_, m)| distance(m.span))
        .map(|(e, m)| Place {
            name: e.canonical.clone(),
            entity: e.id.clone(),
            span: m.span,
            origin: PlaceOrigin::Sentence,
        })
}

/// The place the document mentions most (first mentioned on a tie).
pub fn main_place(places: &[&Entity]) -> Option<Place> {
    let mut best: Option<&Entity> = None;
    for e in places {
        if best.is_none_or(|b| e.mentions.len() > b.mentions.len()) {
            best = Some(e);
        }
    }
    let e = best?;
    let m = e.mentions.first()?;
    Some(Place {
        name: e.canonical.clone(),
        entity: e.id.clone(),
        span: m.span,
        origin: PlaceOrigin::Document,
    })
}
