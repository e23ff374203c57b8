//! Runs every annotator over a document and puts the results, mapped back to the original
//! text, into `Document::annotations`: numbers per sentence and time over the normalized
//! text, then entities and speech over the whole document, each speaker mention linked to
//! its entity, and finally the claims built from all of it.

use recoupe_model::annotations::{ReferenceDate, ReferenceOrigin};
use recoupe_model::time::InferredDate;
use recoupe_model::{Document, Lang, Span};

use crate::entities::{entity_at, find_entities, resolve_unlisted};
use crate::numbers::find_quantities;
use crate::quotes::find_speech;
use crate::time::{TimeMatches, find_times, infer_document_date_of};

/// An inferred date below this confidence is reported but not used to resolve relative
/// expressions: a wrong reference would turn every "jeudi" into a wrong date.
const MIN_INFERRED_CONFIDENCE: f64 = 0.5;

/// Annotates every sentence of `doc`. Annotators read the normalized sentence (plain spaces,
/// one apostrophe); their spans are moved to the original text before they are stored, so
/// `span.slice(&doc.text)` is always the evidence as written.
pub fn annotate(doc: &mut Document) {
    let lang = rules_language(doc.language.lang);
    // Time rules run once over the whole normalized text: their automata cost more to start
    // than to run, and no rule crosses a line break, so sentences need not be fed one by one.
    // Their matches do not depend on the reference date, so date inference and the final
    // resolution share them.
    let time_matches = TimeMatches::new(&doc.normalized.text, lang);
    let inferred = if doc.published.is_none() {
        infer_date(doc, &time_matches)
    } else {
        None
    };
    let reference = match (&doc.published, &inferred) {
        (Some(published), _) => Some(ReferenceDate {
            date: published.date_naive(),
            origin: ReferenceOrigin::Published,
        }),
        (None, Some(i)) if i.confidence >= MIN_INFERRED_CONFIDENCE => Some(ReferenceDate {
            date: i.date,
            origin: ReferenceOrigin::Inferred,
        }),
        _ => None,
    };
    let mut quantities = Vec::new();
    let mut times = Vec::new();
    for sentence in &doc.sentences {
        let Some(text) = doc
            .normalized
            .text
            .get(sentence.norm.start..sentence.norm.end)
        else {
            continue;
        };
        let offset = sentence.norm.start;
        for mut q in find_quantities(text, lang) {
            q.span = to_original(doc, q.span, offset);
            set_text(&mut q.text, q.span.slice(&doc.text));
            for part in &mut q.parts {
                part.span = to_original(doc, part.span, offset);
            }
            quantities.push(q);
        }
    }
    for mut t in time_matches.resolve(reference.map(|r| r.date)) {
        t.span = doc.normalized.to_original(t.span);
        set_text(&mut t.text, t.span.slice(&doc.text));
        times.push(t);
    }
    headline_annotations(
        doc,
        lang,
        reference.map(|r| r.date),
        &mut quantities,
        &mut times,
    );
    quantities.sort_by_key(|q| (q.span.start, q.span.end));
    times.sort_by_key(|t| (t.span.start, t.span.end));
    let entities = find_entities(doc);
    let mut speech = find_speech(doc);
    for item in &mut speech {
        if let Some(speaker) = &item.speaker {
            item.speaker_entity = entity_at(&entities, speaker.span)
                .map(|e| e.id.clone())
                // `entity_at` found nothing: resolved without asking it again.
                .or_else(|| resolve_unlisted(doc, &entities, speaker.span));
        }
    }
    doc.annotations.quantities = quantities;
    doc.annotations.times = times;
    doc.annotations.entities = entities;
    doc.annotations.speech = speech;
    doc.annotations.reference_date = reference;
    doc.annotations.inferred_date = inferred;
    doc.annotations.claims = crate::claims::find_claims(doc);
}

/// Kinds of removed lines that are headlines: a title repeated in the text and "Lire aussi"
/// links. The text stage takes them out of the normalized text, but their figures are claims
/// of the outlet, so their quantities and times are found on the original text.
pub(crate) const HEADLINE_REMOVALS: &[&str] = &["duplicate-title", "read-also"];

/// Quantities and times of the headline removals, with spans in the original text (the
/// finders accept raw text with no-break spaces and curly apostrophes).
fn headline_annotations(
    doc: &Document,
    lang: Lang,
    reference: Option<chrono::NaiveDate>,
    quantities: &mut Vec<recoupe_model::quantity::Quantity>,
    times: &mut Vec<recoupe_model::time::TimeExpression>,
) {
    for removal in doc
        .removed
        .iter()
        .filter(|r| HEADLINE_REMOVALS.contains(&r.kind.as_str()))
    {
        let Some(text) = doc.text.get(removal.span.start..removal.span.end) else {
            continue;
        };
        let offset = removal.span.start;
        for mut q in find_quantities(text, lang) {
            q.span = q.span.shift(offset);
            set_text(&mut q.text, q.span.slice(&doc.text));
            for part in &mut q.parts {
                part.span = part.span.shift(offset);
            }
            quantities.push(q);
        }
        for mut t in find_times(text, lang, reference) {
            t.span = t.span.shift(offset);
            set_text(&mut t.text, t.span.slice(&doc.text));
            times.push(t);
        }
    }
}

/// The document's date from its normalized text and the dates of its embeds, with evidence
/// spans moved to the original text.
fn infer_date(doc: &Document, matches: &TimeMatches) -> Option<InferredDate> {
    let embed_dates: Vec<&str> = doc
        .embeds
        .iter()
        .filter_map(|e| e.date_text.as_deref())
        .collect();
    let mut inferred = infer_document_date_of(matches, &embed_dates, None)?;
    for evidence in &mut inferred.evidence {
        if let Some(span) = evidence.span {
            let span = doc.normalized.to_original(span);
            evidence.span = Some(span);
            evidence.text = span.slice(&doc.text).to_owned();
        }
    }
    for conflict in &mut inferred.conflicts {
        conflict.span = doc.normalized.to_original(conflict.span);
        conflict.text = conflict.span.slice(&doc.text).to_owned();
    }
    Some(inferred)
}

/// The language whose rules apply: documents in other languages get the French rules, the
/// language recoupe knows best, rather than none.
fn rules_language(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::En,
        Lang::Fr | Lang::Other => Lang::Fr,
    }
}

fn to_original(doc: &Document, span: Span, sentence_offset: usize) -> Span {
    doc.normalized.to_original(span.shift(sentence_offset))
}

/// Puts `text` in `dst` in place of its text: the stages' quantities and times carry their
/// normalized text, whose buffer is reused for the original's (one allocation and one free
/// less for each of some 45 k annotations a round).
fn set_text(dst: &mut String, text: &str) {
    dst.clear();
    dst.push_str(text);
}
