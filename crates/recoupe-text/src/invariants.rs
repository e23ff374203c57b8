//! The promises a prepared [`Document`] keeps, checked in one place (used by the tests, and
//! available to callers that want to verify documents they did not build).

use recoupe_model::{Document, Span};

use crate::normalize::normalize;

/// Removal kinds that may sit inside a sentence: inline URLs are cut from running text.
pub const INLINE_REMOVALS: [&str; 1] = ["url"];

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Every broken promise of a document, as readable messages (empty when all hold):
/// spans on char boundaries; paragraphs and sentences in order, non-empty, non-overlapping;
/// sentences inside their paragraph; each paragraph and sentence's original text, normalized on
/// its own, equal to its normalized text; no line-level removal inside a sentence.
pub fn check_document(doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    let text = &doc.text;
    let norm = &doc.normalized.text;
    if doc.normalized.map.original_len() != text.len() {
        problems.push("offset map does not cover the original text".to_owned());
    }
    let check_pair = |what: &str, span: Span, n: Span, problems: &mut Vec<String>| {
        if !on_boundaries(text, span) || !on_boundaries(norm, n) {
            problems.push(format!("{what} {span:?}/{n:?} not on char boundaries"));
            return;
        }
        if n.is_empty() {
            problems.push(format!("{what} {n:?} is empty"));
        }
        let again = normalize(span.slice(text)).text;
        if again != n.slice(norm) {
            problems.push(format!(
                "{what} {span:?}: original normalizes to {again:?}, normalized text has {:?}",
                n.slice(norm)
            ));
        }
    };
    let mut prev_end = (0, 0);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_pair(&format!("paragraph {i}"), p.span, p.norm, &mut problems);
        if p.span.start < prev_end.0 || p.norm.start < prev_end.1 {
            problems.push(format!("paragraph {i} overlaps or precedes the one before"));
        }
        prev_end = (p.span.end, p.norm.end);
    }
    let mut prev_end = (0, 0);
    for (i, s) in doc.sentences.iter().enumerate() {
        check_pair(&format!("sentence {i}"), s.span, s.norm, &mut problems);
        if s.span.start < prev_end.0 || s.norm.start < prev_end.1 {
            problems.push(format!("sentence {i} overlaps or precedes the one before"));
        }
        prev_end = (s.span.end, s.norm.end);
        match doc.paragraphs.get(s.paragraph) {
            Some(p) if p.span.contains(s.span) && p.norm.contains(s.norm) => {}
            _ => problems.push(format!(
                "sentence {i} is not inside paragraph {}",
                s.paragraph
            )),
        }
        for r in &doc.removed {
            if !INLINE_REMOVALS.contains(&r.kind.as_str())
                && r.span.start < s.span.end
                && s.span.start < r.span.end
            {
                problems.push(format!(
                    "sentence {i} overlaps removed {} {:?}",
                    r.kind, r.span
                ));
            }
        }
    }
    for r in &doc.removed {
        if !on_boundaries(text, r.span) {
            problems.push(format!("removal {:?} not on char boundaries", r.span));
        }
    }
    for r in &doc.relays {
        if !on_boundaries(text, r.span) {
            problems.push(format!("relay {:?} not on char boundaries", r.span));
        }
    }
    for e in &doc.embeds {
        if !on_boundaries(text, e.span) {
            problems.push(format!("embed {:?} not on char boundaries", e.span));
        }
    }
    problems
}
