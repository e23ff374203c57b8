//! Who says a figure: the quotation or reported speech whose words contain it, else a
//! "selon" or reported speech of its sentence, else a named party before a stance verb, else
//! the source of the sentence just before it in the same paragraph, else the outlet behind a headline,
//! else the outlet itself, marked unattributed. Speech is not detected again here: the
//! speech annotations and their linked speakers are read as they are.
//!
//! A removed headline line (a repeated title, a "Lire aussi" link) has no speech annotation:
//! its source is the name after a "selon" cue of the line, else the outlet.
//!
//! A person whose roles name no organisation gets one from the role title and its country
//! (`claims-roles.toml`): "le ministre russe des Affaires étrangères" speaks for the
//! "ministère russe des Affaires étrangères".

use recoupe_model::Span;
use recoupe_model::claim::{Attribution, AttributionHow};
use recoupe_model::entity::{Entity, EntityKind};
use recoupe_model::speech::{Speech, SpeechKind};

use super::lexicon::Lexicon;
use super::tokens::{tokenize, tokenize_prefix};

/// The attribution of a figure in a removed headline line `text`: the party named after a
/// "selon" cue (an entity of the document when one bears that name, else the words as
/// written without their article), else the outlet.
pub fn headline(
    lex: &Lexicon,
    entities: &[Entity],
    text: &str,
    outlet: Option<&str>,
) -> (Attribution, &'static str) {
    let toks = tokenize(text);
    let Some(hit) = lex.selon.all(&toks).into_iter().next() else {
        return (
            outlet_attribution(outlet, AttributionHow::Headline),
            "attribution/headline-outlet",
        );
    };
    let mut i = hit.end;
    while toks
        .get(i)
        .is_some_and(|t| lex.articles.iter().any(|a| *a == t.key.replace('’', "'")))
    {
        i += 1;
    }
    let start = toks.get(i).map_or(text.len(), |t| t.start);
    let rest = text.get(start..).unwrap_or("");
    let end = rest
        .find([',', ';', ':', '(', '|', '–', '—', '.'])
        .unwrap_or(rest.len());
    let named = rest.get(..end).unwrap_or("").trim();
    if named.is_empty() {
        return (
            outlet_attribution(outlet, AttributionHow::Headline),
            "attribution/headline-outlet",
        );
    }
    let mut a = Attribution {
        speaker: None,
        organisation: None,
        entities: Vec::new(),
        how: AttributionHow::Headline,
        cue: None,
        unattributed: false,
    };
    match entity_named(entities, named) {
        Some(e) => fill_from_entity(&mut a, e, entities, lex),
        None => a.organisation = Some(named.to_owned()),
    }
    (a, "attribution/headline-selon")
}

/// The entity of the document one of whose names (canonical, aliases, mentions) begins
/// `named`, the longest such name winning.
fn entity_named<'a>(entities: &'a [Entity], named: &str) -> Option<&'a Entity> {
    let named = named.to_lowercase();
    entities
        .iter()
        .filter(|e| e.kind != EntityKind::Group)
        .filter_map(|e| {
            std::iter::once(e.canonical.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .chain(e.mentions.iter().map(|m| m.text.as_str()))
                .map(str::to_lowercase)
                .filter(|n| !n.is_empty() && named.starts_with(n.as_str()))
                .map(|n| n.len())
                .max()
                .map(|len| (len, e))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e)
}

/// The attribution of a figure at `figure` in a sentence spanning `sentence`, whose
/// paragraph starts at `paragraph_start`; `previous_sentence_start` is the start of the
/// sentence before it in the paragraph (the sentence's own start when there is none), and
/// `chained` the source of a figure of that previous sentence, if a source stands behind it.
#[allow(clippy::too_many_arguments)]
pub fn find(
    lex: &Lexicon,
    speech: &[Speech],
    entities: &[Entity],
    figure: Span,
    sentence: Span,
    sentence_text: &str,
    paragraph_start: usize,
    previous_sentence_start: usize,
    chained: Option<&Attribution>,
    headline: bool,
    outlet: Option<&str>,
) -> (Attribution, &'static str) {
    let enclosing = speech
        .iter()
        .filter(|s| s.content.contains(figure))
        .min_by_key(|s| s.content.len());
    if let Some(s) = enclosing {
        let mut a = from_speech(s, entities, lex);
        if headline {
            a.how = AttributionHow::Headline;
            return (a, "attribution/headline-source");
        }
        return (a, "attribution/enclosing-speech");
    }
    if headline {
        return self::headline(lex, entities, sentence_text, outlet);
    }
    let in_sentence: Vec<&Speech> = speech
        .iter()
        .filter(|s| s.cue.as_ref().is_some_and(|c| sentence.contains(c.span)))
        .filter(|s| s.speaker.is_some() || s.speaker_entity.is_some())
        .collect();
    if let Some(s) = in_sentence.iter().find(|s| is_selon(lex, s)) {
        return (
            from_speech(s, entities, lex),
            "attribution/selon-in-sentence",
        );
    }
    if let Some(s) = in_sentence.iter().find(|s| s.kind == SpeechKind::Reported) {
        return (
            from_speech(s, entities, lex),
            "attribution/reported-in-sentence",
        );
    }
    if let Some(a) = stance_subject(lex, sentence_text, entities, sentence) {
        return (a, "attribution/stance-subject");
    }
    // Only the sentence's first words are read: not the whole sentence for every figure.
    let toks = tokenize_prefix(sentence_text, 0, lex.background.max_len());
    if lex.background.at(&toks, 0).is_some() {
        return (
            outlet_attribution(outlet, AttributionHow::Outlet),
            "attribution/outlet-background",
        );
    }
    let earlier = speech
        .iter()
        .filter(|s| {
            s.content.start >= paragraph_start
                && s.content.end <= sentence.start
                && s.content.end >= previous_sentence_start
        })
        .filter(|s| s.speaker.is_some() || s.speaker_entity.is_some())
        .max_by_key(|s| s.content.end);
    if let Some(s) = earlier {
        return (
            from_speech(s, entities, lex),
            "attribution/carried-over-in-paragraph",
        );
    }
    if let Some(a) = chained {
        return (a.clone(), "attribution/carried-over-in-paragraph");
    }
    (
        outlet_attribution(outlet, AttributionHow::Outlet),
        "attribution/outlet",
    )
}

fn outlet_attribution(outlet: Option<&str>, how: AttributionHow) -> Attribution {
    Attribution {
        speaker: None,
        organisation: outlet.map(str::to_owned),
        entities: Vec::new(),
        how,
        cue: None,
        unattributed: true,
    }
}

fn from_speech(s: &Speech, entities: &[Entity], lex: &Lexicon) -> Attribution {
    let how = match s.kind {
        SpeechKind::Direct | SpeechKind::Partial | SpeechKind::Block => AttributionHow::DirectQuote,
        SpeechKind::Document => AttributionHow::Document,
        SpeechKind::Reported => {
            if is_selon(lex, s) {
                AttributionHow::Selon
            } else {
                AttributionHow::Reported
            }
        }
    };
    let mut a = Attribution {
        speaker: None,
        organisation: None,
        entities: Vec::new(),
        how,
        cue: s.cue.as_ref().map(|c| c.span),
        unattributed: false,
    };
    let entity = s
        .speaker_entity
        .as_deref()
        .and_then(|id| entities.iter().find(|e| e.id == id));
    match entity {
        Some(e) => fill_from_entity(&mut a, e, entities, lex),
        None => {
            if let Some(m) = &s.speaker {
                use recoupe_model::speech::SpeakerKind;
                match m.kind {
                    SpeakerKind::Name => a.speaker = Some(m.text.clone()),
                    SpeakerKind::Organisation | SpeakerKind::Document => {
                        a.organisation = Some(m.text.clone())
                    }
                    SpeakerKind::Description | SpeakerKind::Pronoun => {}
                }
            }
        }
    }
    a
}

/// Speaker and organisation from the entity that speaks: a person with the organisation of
/// one of its roles (named by the text, else derived from the role title and country), or an
/// organisation.
fn fill_from_entity(a: &mut Attribution, e: &Entity, entities: &[Entity], lex: &Lexicon) {
    if e.kind != EntityKind::Person {
        a.organisation = Some(e.canonical.clone());
        a.entities.push(e.id.clone());
        return;
    }
    a.speaker = Some(e.canonical.clone());
    a.entities.push(e.id.clone());
    let named = e
        .roles
        .iter()
        .filter_map(|r| r.organisation.as_deref())
        .find_map(|id| entities.iter().find(|o| o.id == id));
    if let Some(o) = named {
        a.organisation = Some(o.canonical.clone());
        a.entities.push(o.id.clone());
        return;
    }
    a.organisation = e.roles.iter().find_map(|r| {
        let country = r.country.as_deref().or(e.country.as_deref());
        lex.roles.organisation(&r.title, country)
    });
}

/// A reported speech whose cue is "selon", "d'après", "according to".
fn is_selon(lex: &Lexicon, s: &Speech) -> bool {
    s.kind == SpeechKind::Reported
        && s.cue.as_ref().is_some_and(|c| {
            let lemma = c.lemma.to_lowercase().replace('’', "'");
            lex.selon_lemmas.contains(&lemma)
        })
}

/// A named party opening the sentence right before a verb of expectation or plan ("Moscou
/// compte sur …"): the source of the sentence's figures, as reported speech. `text` is the
/// sentence's text; its tokens are read only as far as the cue may reach.
fn stance_subject(
    lex: &Lexicon,
    text: &str,
    entities: &[Entity],
    sentence: Span,
) -> Option<Attribution> {
    let first = tokenize_prefix(text, 0, 1);
    let first = first.first()?;
    let start = sentence.start + first.start;
    let (entity, mention) = entities
        .iter()
        .filter(|e| e.kind != EntityKind::Group)
        .find_map(|e| {
            e.mentions
                .iter()
                .find(|m| m.span.start == start)
                .map(|m| (e, m))
        })?;
    // The tokens up to the mention's end and as many after as the longest cue has.
    let bound = mention.span.end.saturating_sub(sentence.start);
    let toks = tokenize_prefix(text, bound, lex.stance.max_len());
    let toks = toks.as_slice();
    let next = toks
        .iter()
        .position(|t| sentence.start + t.start >= mention.span.end)?;
    let cue = lex.stance.at(toks, next)?;
    let cue_span = match (toks.get(cue.start), toks.get(cue.end.saturating_sub(1))) {
        (Some(a), Some(b)) => Some(Span::new(sentence.start + a.start, sentence.start + b.end)),
        _ => None,
    };
    let mut a = Attribution {
        speaker: None,
        organisation: None,
        entities: Vec::new(),
        how: AttributionHow::Reported,
        cue: cue_span,
        unattributed: false,
    };
    fill_from_entity(&mut a, entity, entities, lex);
    Some(a)
}
