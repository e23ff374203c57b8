//! Named entities: people, organisations, places and outlets, with their roles and
//! within-document coreference.
//!
//! [`find_entities`] reads a prepared [`Document`] in one pass over the tokens of its
//! normalized text ([`detect`]): known names come from gazetteers (countries, cities,
//! international organisations, agencies and outlets), other names from capitalized words
//! typed by their context (a courtesy title, a role noun phrase, an apposition, a verb of
//! saying, a preposition of place, a head noun such as "Centre" or "ministère"). Mentions are
//! then grouped into entities ([`coref`]): short forms, acronyms, role descriptions ("le
//! diplomate russe") and pronouns join the entity they refer to, also when the name only
//! comes later in the text. Relayed agencies the text stage found in trailers and bylines
//! ("Sources: RT; AFP") are outlet mentions too.
//!
//! All language knowledge is in `recoupe-lang/data/{fr,en,common}/entities-*.toml`.
//! Every span of the result points into the document's original text.
//!
//! ```
//! use recoupe_extract::entities::{find_entities, entity_at};
//! use recoupe_model::{entity::EntityKind, Document, Lang, LanguageGuess, LanguageOrigin, Source};
//! let text = "Le ministre russe des Affaires étrangères Sergueï Lavrov a parlé. M. Lavrov a ajouté.";
//! let guess = LanguageGuess { lang: Lang::Fr, origin: LanguageOrigin::Flag, confidence: 1.0 };
//! let doc = Document::bare("d".into(), Source::default(), text.into(), guess);
//! let entities = find_entities(&doc);
//! let lavrov = entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
//! assert_eq!(lavrov.canonical, "Sergueï Lavrov");
//! assert_eq!(lavrov.roles[0].title, "ministre des Affaires étrangères");
//! assert_eq!(lavrov.roles[0].country.as_deref(), Some("RU"));
//! let m = lavrov.mentions.iter().find(|m| m.text == "Lavrov").unwrap();
//! assert_eq!(entity_at(&entities, m.span).map(|e| e.id.as_str()), Some(lavrov.id.as_str()));
//! ```

mod coref;
mod detect;
mod lexicon;
mod resolve;
mod token;

use recoupe_model::entity::{Entity, EntityKind, Mention, MentionKind};
use recoupe_model::{Document, Span};

pub(crate) use resolve::resolve_unlisted;
pub use resolve::{entity_at, resolve_mention};

/// Every entity of the document, in order of first mention, with ids "e1", "e2", …
pub fn find_entities(doc: &Document) -> Vec<Entity> {
    let lex = lexicon::lexicon(doc.language.lang);
    let text = doc.normalized.text.as_str();
    let starts: Vec<usize> = doc.sentences.iter().map(|s| s.norm.start).collect();
    // One lowered copy of the text, where the tokens read the lower case of their words.
    let lowered = text.to_ascii_lowercase();
    let toks = token::tokenize(text, &lowered, &lex.elisions, lex.lang, &starts);
    let cands = detect::Detector::new(lex, &toks, text)
        .with_reserved(reserved(doc))
        .run();
    let mut entities = coref::Assembler::new(lex, cands).run(doc);
    add_relays(doc, lex, &mut entities);
    entities
}

/// Normalized spans of the outlets the text stage read in the kept text.
fn reserved(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let byline = doc
        .outlet
        .as_ref()
        .and_then(|o| o.span.map(|s| (s, o.name.as_str())));
    let relays = doc.relays.iter().map(|r| (r.span, r.name.as_str()));
    for (span, name) in relays.chain(byline) {
        let Some(span) = name_span(&doc.text, span, name) else {
            continue;
        };
        let map = &doc.normalized.map;
        let norm = Span::new(map.to_normalized(span.start), map.to_normalized(span.end));
        if norm.slice(&doc.normalized.text) == span.slice(&doc.text) && !norm.is_empty() {
            out.push(norm);
        }
    }
    out
}

/// Agencies named in source trailers, bylines and inline relays, which the text stage reads
/// (and may leave out of the normalized text): outlet mentions.
fn add_relays(doc: &Document, lex: &lexicon::Lexicon, entities: &mut Vec<Entity>) {
    // (span, name, rule, whether it names the same party as the item before it)
    let mut found: Vec<(Span, String, &str, bool)> = doc
        .relays
        .iter()
        .map(|r| (r.span, r.name.clone(), "relay", false))
        .collect();
    if let Some(outlet) = &doc.outlet
        && let Some(span) = outlet.span
    {
        found.push((span, outlet.name.clone(), "byline", false));
    }
    // Embedded posts: their author and handle ("— RT France (@RTenfrancais)").
    for embed in &doc.embeds {
        let slice = embed.span.slice(&doc.text);
        let mut previous = false;
        for name in [&embed.author, &embed.handle].into_iter().flatten() {
            let name = name.trim_start_matches('@');
            if let Some(off) = slice.find(name).filter(|_| !name.is_empty()) {
                let start = embed.span.start + off;
                let span = Span::new(start, start + name.len());
                found.push((span, name.to_owned(), "embed-author", previous));
                previous = true;
            }
        }
    }
    let mut last: Option<usize> = None;
    for (span, name, rule, same_as_last) in found {
        let Some(span) = name_span(&doc.text, span, &name) else {
            continue;
        };
        let taken = entities
            .iter()
            .flat_map(|e| &e.mentions)
            .any(|m| m.span.start < span.end && span.start < m.span.end);
        if taken {
            continue;
        }
        let text = span.slice(&doc.text).to_owned();
        let known = resolve::known_phrase(lex, &text);
        let gazetteer_id = known.as_ref().map(|k| k.0.clone());
        let canonical = known.as_ref().map_or_else(|| text.clone(), |k| k.1.clone());
        let acronym = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let mention = Mention {
            span,
            text: text.clone(),
            kind: if acronym {
                MentionKind::Acronym
            } else {
                MentionKind::Name
            },
            rule: format!("entities/{}/{rule}", lex.lang.code()),
        };
        let existing = match last.filter(|_| same_as_last) {
            Some(k) => Some(k),
            None => entities.iter().position(|e| {
                (gazetteer_id.is_some() && e.gazetteer_id == gazetteer_id)
                    || e.canonical == canonical
            }),
        };
        match existing.and_then(|k| entities.get_mut(k).map(|e| (k, e))) {
            Some((k, e)) => {
                e.mentions.push(mention);
                e.mentions.sort_by_key(|m| (m.span.start, m.span.end));
                last = Some(k);
            }
            None => {
                last = Some(entities.len());
                let country = known.and_then(|k| k.2);
                entities.push(Entity {
                    id: format!("e{}", entities.len() + 1),
                    kind: EntityKind::Outlet,
                    canonical,
                    aliases: Vec::new(),
                    mentions: vec![mention],
                    roles: Vec::new(),
                    country,
                    gazetteer_id,
                });
            }
        }
    }
}

/// The span of `name` inside `span` (a trailer item may hold more than the name).
fn name_span(text: &str, span: Span, name: &str) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    if s.trim().is_empty() {
        return None;
    }
    match s.find(name) {
        Some(off) => Some(Span::new(span.start + off, span.start + off + name.len())),
        None => {
            let trimmed = s.trim();
            let off = s.find(trimmed)?;
            Some(Span::new(
                span.start + off,
                span.start + off + trimmed.len(),
            ))
        }
    }
}
