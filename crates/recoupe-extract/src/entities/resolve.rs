//! Looking entities up by span: the entity a mention belongs to ([`entity_at`]), and the
//! entity a mention found by another stage refers to ([`resolve_mention`]): a pronoun or a
//! role description a quotation's speaker line uses, which [`super::find_entities`] may not
//! have listed.

use recoupe_model::entity::{Entity, EntityKind, MentionKind};
use recoupe_model::{Document, Span};

use super::detect::Detector;
use super::lexicon::{Gender, Lexicon, lexicon};
use super::token::tokenize_plain;

/// The entity one of whose mentions equals or covers `span`; failing that, the entity of the
/// largest mention inside `span` (a speaker phrase "le ministre russe … Sergueï Lavrov"
/// holds the name).
pub fn entity_at(entities: &[Entity], span: Span) -> Option<&Entity> {
    let mut best: Option<(&Entity, usize)> = None;
    for e in entities {
        for m in &e.mentions {
            if m.span == span {
                return Some(e);
            }
            if m.span.contains(span) && best.is_none_or(|(_, len)| m.span.len() < len) {
                best = Some((e, m.span.len()));
            }
        }
    }
    if let Some((e, _)) = best {
        return Some(e);
    }
    let mut inside: Option<(&Entity, usize, bool)> = None;
    for e in entities {
        for m in &e.mentions {
            if !span.contains(m.span) || m.span.is_empty() {
                continue;
            }
            let named = matches!(m.kind, MentionKind::Name | MentionKind::Acronym);
            let better = inside.is_none_or(|(_, len, was_named)| {
                (named && !was_named) || (named == was_named && m.span.len() > len)
            });
            if better {
                inside = Some((e, m.span.len(), named));
            }
        }
    }
    inside.map(|(e, _, _)| e)
}

/// The id of the entity a mention at `span` (original text) refers to: the entity listing
/// it, else, for a pronoun or a role description, the nearest compatible person (or, for
/// "l'organisation", organisation) mentioned before it, or after it when none is before;
/// for a name, the entity whose name ends with the same word.
pub fn resolve_mention(doc: &Document, entities: &[Entity], span: Span) -> Option<String> {
    if let Some(e) = entity_at(entities, span) {
        return Some(e.id.clone());
    }
    let text = doc.text.get(span.start..span.end)?;
    let lex = lexicon(doc.language.lang);
    let toks = tokenize_plain(text, &lex.elisions, lex.lang);
    let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| t.text).collect();

    // A pronoun, possibly inverted ("a-t-il").
    if let [w] = words.as_slice() {
        let last = w.rsplit('-').next().unwrap_or(w);
        if let Some(&gender) = lex.pronouns.get(last) {
            return nearest(entities, span, |e| {
                e.kind == EntityKind::Person && gender_fits(entity_gender(lex, e), gender)
            });
        }
    }

    // A description ("le diplomate russe", "l'organisation").
    let cands = Detector::new(lex, &toks, text).run();
    for c in &cands {
        if c.mention != MentionKind::Description {
            continue;
        }
        if c.kind == EntityKind::Organisation {
            let head = c.head.clone();
            return nearest(entities, span, |e| {
                e.kind == EntityKind::Organisation
                    && (c.generic
                        || head.as_deref().is_some_and(|h| {
                            e.canonical.to_lowercase().split_whitespace().next() == Some(h)
                        }))
            });
        }
        if let Some(role) = &c.role {
            return nearest(entities, span, |e| {
                e.kind == EntityKind::Person
                    && !e.roles.is_empty()
                    && role.requires.iter().all(|r| gives(lex, e).contains(r))
                    && compatible(e.country.as_deref(), role.country.as_deref())
            });
        }
    }

    // A name: the entity whose canonical name or alias ends with its last word.
    let last = words.last()?;
    entities
        .iter()
        .find(|e| {
            std::iter::once(&e.canonical)
                .chain(&e.aliases)
                .any(|n| n.split_whitespace().last() == Some(last))
        })
        .map(|e| e.id.clone())
}

/// The gazetteer entry a short text is exactly: (id, canonical name, country).
pub(super) fn known_phrase(lex: &Lexicon, text: &str) -> Option<(String, String, Option<String>)> {
    let toks = tokenize_plain(text, &lex.elisions, lex.lang);
    let d = Detector::new(lex, &toks, text);
    let (end, p) = d.gazetteer_at(0)?;
    (end == toks.len()).then(|| (p.id.clone(), p.canonical.clone(), p.country.clone()))
}

fn nearest(entities: &[Entity], span: Span, ok: impl Fn(&Entity) -> bool) -> Option<String> {
    let mut before: Option<(usize, &Entity)> = None;
    let mut after: Option<(usize, &Entity)> = None;
    for e in entities.iter().filter(|e| ok(e)) {
        for m in &e.mentions {
            let s = m.span.start;
            if s < span.start {
                if before.is_none_or(|(b, _)| s > b) {
                    before = Some((s, e));
                }
            } else if s >= span.end && after.is_none_or(|(a, _)| s < a) {
                after = Some((s, e));
            }
        }
    }
    before.or(after).map(|(_, e)| e.id.clone())
}

/// What an entity's roles say about it ("minister", "diplomacy"), read from the role titles.
fn gives(lex: &Lexicon, e: &Entity) -> Vec<String> {
    let mut out = Vec::new();
    for r in &e.roles {
        let toks = tokenize_plain(&r.title, &lex.elisions, lex.lang);
        for (i, t) in toks.iter().enumerate() {
            if let Some(nouns) = lex.roles.get(&t.lower) {
                for n in nouns {
                    let fits = n
                        .words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w));
                    if fits {
                        out.extend(n.gives.iter().cloned());
                        break;
                    }
                }
            }
            if let Some(domains) = lex.domains.get(&t.lower) {
                for (words, classes) in domains {
                    let fits = words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w));
                    if fits {
                        out.extend(classes.iter().cloned());
                    }
                }
            }
        }
    }
    out
}

/// The gender an entity's pronoun mentions give it.
fn entity_gender(lex: &Lexicon, e: &Entity) -> Option<Gender> {
    e.mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Pronoun)
        .find_map(|m| lex.pronouns.get(m.text.as_str()).copied().flatten())
}

fn gender_fits(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}
