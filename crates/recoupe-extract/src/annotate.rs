//! Runs every annotator over a document's sentences and puts the results, mapped back to
//! the original text, into `Document::annotations`.

use recoupe_model::{Document, Lang, Span};

use crate::numbers::find_quantities;

/// Annotates every sentence of `doc`. Annotators read the normalized sentence (plain spaces,
/// one apostrophe); their spans are moved to the original text before they are stored, so
/// `span.slice(&doc.text)` is always the evidence as written.
pub fn annotate(doc: &mut Document) {
    let lang = rules_language(doc.language.lang);
    let mut quantities = Vec::new();
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
            q.text = q.span.slice(&doc.text).to_owned();
            for part in &mut q.parts {
                part.span = to_original(doc, part.span, offset);
            }
            quantities.push(q);
        }
    }
    doc.annotations.quantities = quantities;
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
