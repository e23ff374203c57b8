//! Looking entities up by span: the entity a mention belongs to ([`entity_at`]), and the
//! entity a mention found by another stage refers to ([`resolve_mention`]): a pronoun or a
//! role description a quotation's speaker line uses, which [`super::find_entities`] may not
//! have listed.

use recoupe_model::entity::{Entity, EntityKind, MentionKind};
use recoupe_model::{Document, Span};

use super::detect::Detector;
use super::lexicon::{Gender, Lexicon, lexicon};
use super::token::{Tok, tokenize_plain};

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
    resolve_unlisted(doc, entities, span)
}

/// [`resolve_mention`] for a span [`entity_at`] was already asked about and found no entity
/// for: a caller that tried `entity_at` first does not pay again for its scan of every
/// mention of the document.
pub(crate) fn resolve_unlisted(doc: &Document, entities: &[Entity], span: Span) -> Option<String> {
    let text = doc.text.get(span.start..span.end)?;
    let lex = lexicon(doc.language.lang);
    let toks = tokenize_plain(text, &lex.elisions, lex.lang);
    let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| t.text).collect();

    // A pronoun, possibly inverted ("a-t-il"); an object pronoun ("selon lui"); "it".
    if let [w] = words.as_slice() {
        let last = w.rsplit('-').next().unwrap_or(w);
        let lower = last.to_lowercase();
        let gender = lex
            .pronouns
            .get(last)
            .or_else(|| lex.object_pronouns.get(&lower));
        if let Some(&gender) = gender {
            return nearest(entities, span, |e| {
                e.kind == EntityKind::Person && gender_fits(entity_gender(lex, e), gender)
            });
        }
        if lex.org_pronouns.contains(&lower) {
            return organisation_before(doc, lex, entities, span);
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
                is_organisation(e) && (c.generic || head.as_deref().is_some_and(|h| has_word(e, h)))
            });
        }
        if let Some(role) = &c.role {
            let fits = nearest(entities, span, |e| {
                e.kind == EntityKind::Person
                    && titled(e)
                    && role.requires.iter().all(|r| gives(lex, e).contains(r))
                    && compatible(e.country.as_deref(), role.country.as_deref())
            });
            // A person the text names without a role may still be the one described, when
            // no titled person is nearer.
            return fits.or_else(|| {
                nearest(entities, span, |e| {
                    e.kind == EntityKind::Person
                        && compatible(e.country.as_deref(), role.country.as_deref())
                })
                .filter(|id| entities.iter().any(|e| &e.id == id && !titled(e)))
            });
        }
    }

    // "The centre": a determiner and the head noun of an organisation's name.
    if let Some(head) = head_description(lex, &toks, 0, toks.len()) {
        return nearest(entities, span, |e| is_organisation(e) && has_word(e, &head));
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

/// What "it" stands for: the organisation named or described last before it, in its
/// sentence or the one before. A description ("The Russian ministry … it said") resolves by its
/// head noun, or to nothing: "it" does not skip the phrase it refers to.
fn organisation_before(
    doc: &Document,
    lex: &Lexicon,
    entities: &[Entity],
    span: Span,
) -> Option<String> {
    let k = doc
        .sentences
        .iter()
        .rposition(|s| s.span.start <= span.start)?;
    let from = doc.sentences.get(k.saturating_sub(1))?.span.start;
    let window = Span::new(from, span.start);
    let text = doc.text.get(from..span.start)?;
    let toks = tokenize_plain(text, &lex.elisions, lex.lang);
    // The last "determiner … head" phrase of the window, as (start, head).
    let described = (0..toks.len())
        .rev()
        .find_map(|i| {
            (i + 2..=(i + 4).min(toks.len()))
                .find_map(|to| head_description(lex, &toks, i, to))
                .map(|h| (i, h))
        })
        .and_then(|(i, h)| toks.get(i).map(|t| (from + t.start, h)));
    let named = entities
        .iter()
        .filter(|e| is_organisation(e))
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e)))
        .filter(|(m, _)| window.contains(*m))
        .max_by_key(|(m, _)| m.start);
    match (named, described) {
        (Some((m, e)), d) if d.as_ref().is_none_or(|(s, _)| m.end > *s) => Some(e.id.clone()),
        (_, Some((s, head))) => nearest(entities, Span::new(s, s), |e| {
            is_organisation(e) && has_word(e, &head)
        }),
        _ => None,
    }
}

/// The head noun (lower case) of a phrase "determiner [adjectives or names] head" found in
/// `toks[from..to]` and ending at `to`: "The centre", "the Russian ministry".
fn head_description(lex: &Lexicon, toks: &[Tok], from: usize, to: usize) -> Option<String> {
    let words = toks.get(from..to)?;
    if !words.iter().all(|t| t.word) {
        return None;
    }
    let (first, rest) = words.split_first()?;
    let (last, middle) = rest.split_last()?;
    if !lex.determiners.contains_key(&first.lower) || middle.len() > 2 {
        return None;
    }
    let middle_ok = middle
        .iter()
        .all(|t| lex.adjectives.contains_key(&t.lower) || lex.org_adjectives.contains(&t.lower));
    let is_head = lex.org_heads_lower.contains(&last.lower)
        || lex
            .lowercase_heads
            .iter()
            .any(|h| h.len() == 1 && h.first().map(String::as_str) == Some(&*last.lower));
    (middle_ok && is_head).then(|| last.lower.to_string())
}

fn is_organisation(e: &Entity) -> bool {
    matches!(e.kind, EntityKind::Organisation | EntityKind::Outlet)
}

/// Whether one of the entity's names holds `word` (lower case) as a word.
fn has_word(e: &Entity, word: &str) -> bool {
    let names = e
        .mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Acronym))
        .map(|m| m.text.as_str())
        .chain(std::iter::once(e.canonical.as_str()))
        .chain(e.aliases.iter().map(String::as_str));
    names
        .flat_map(str::split_whitespace)
        .any(|w| w.to_lowercase() == word)
}

/// Whether the text gives the person a role: by a title with the name or by a description
/// that joined them.
fn titled(e: &Entity) -> bool {
    !e.roles.is_empty()
        || e.mentions
            .iter()
            .any(|m| m.kind == MentionKind::Description)
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
    let descriptions = e
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Description)
        .map(|m| m.text.as_str());
    for title in e.roles.iter().map(|r| r.title.as_str()).chain(descriptions) {
        let toks = tokenize_plain(title, &lex.elisions, lex.lang);
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
