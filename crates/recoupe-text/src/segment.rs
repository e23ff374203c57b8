//! Paragraphs and sentences, found on the normalized text and mapped back to the original.
//!
//! **Paragraphs.** Every line of the normalized text is a paragraph: news pages put one
//! paragraph per line, and scraped text often loses blank lines (the seeds use single line
//! breaks between paragraphs). Soft-wrapped text (a paragraph cut at 72 columns) is not joined.
//!
//! **Sentences.** A sentence ends at `.`, `!`, `?` or `…` (runs like `?!` or `...` count as
//! one), followed by the closing quotation marks or brackets that belong to it (`. »` keeps its
//! `»`), then a space and a character that can start a sentence: a capital, a digit, an opening
//! quotation mark or bracket, a dash. A period does not end a sentence after an abbreviation of
//! the document's language (`M.`, `Mme`, `Mr.`, `Gen.`, from data) or after a single capital
//! (initials: `J. F. Kennedy`); an ellipsis in brackets (`(…)`, `[...]`) marks a cut, not an
//! end. A line without final punctuation (a title, a signature) is a sentence of its own, since
//! a sentence never crosses a line.

use std::collections::HashSet;

use recoupe_model::{Normalized, Segment, Sentence, Span};

/// Paragraph spans of a normalized text (normalized coordinates).
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let breaks = text.match_indices('\n').map(|(i, _)| i);
    for i in breaks.chain(std::iter::once(text.len())) {
        if let Some(span) = trim(text, Span::new(start, i)) {
            out.push(span);
        }
        start = i + 1;
    }
    out
}

/// The span without surrounding whitespace, or `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + trimmed.len()))
}

/// Length of the sentence-final punctuation mark at byte `i`, if there is one.
fn terminator_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some(3),
        _ => None,
    }
}

/// Where the next possible terminator starts at or after `from`. Terminators are ASCII or
/// "…" (E2 80 A6), so a vectorized byte search finds them without decoding; a lead byte E2 of
/// another character is returned too and rejected by [`terminator_at`].
fn next_terminator(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let ascii = memchr::memchr3(b'.', b'!', b'?', rest);
    let bound = ascii.and_then(|a| rest.get(..a)).unwrap_or(rest);
    memchr::memchr(0xE2, bound).or(ascii).map(|k| from + k)
}

/// Marks that close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | ')' | ']' | '\'' | '"' | '”')
}

/// Characters that can start a sentence.
fn can_start(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '"' | '“' | '(' | '[' | '-' | '—' | '–' | '•' | '¿' | '¡'
        )
}

/// Sentence spans inside one paragraph of `text` (normalized coordinates, within `para`).
pub fn sentence_spans(text: &str, para: Span, abbreviations: &HashSet<String>) -> Vec<Span> {
    let p = para.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = p.as_bytes();
    let mut i = 0;
    while let Some(found) = next_terminator(bytes, i) {
        i = found;
        let Some(c) = terminator_at(bytes, i) else {
            i += 1;
            continue;
        };
        // The whole run of final punctuation.
        let mut end = i + c;
        while let Some(d) = terminator_at(bytes, end) {
            end += d;
        }
        let run = &p[i..end];
        let before = &p[..i];
        i = end;
        if (run == "…" || run == "...") && before.ends_with(['(', '[']) {
            continue;
        }
        if run == "." && is_abbreviation(before, abbreviations) {
            continue;
        }
        // Closing marks that belong to the sentence; French puts a space before "»" (". »").
        let mut close = end;
        loop {
            let rest = &p[close..];
            let trimmed = rest.trim_start_matches(' ');
            match rest.chars().next() {
                Some(d) if is_closer(d) => close += d.len_utf8(),
                _ if trimmed.starts_with('»') => close = p.len() - trimmed.len() + '»'.len_utf8(),
                _ => break,
            }
        }
        let rest = &p[close..];
        let after = rest.trim_start_matches(' ');
        if after.len() == rest.len() && !glued_start(before, after) {
            continue; // no space: "7.1", "U.S.A", "!»,"
        }
        match after.chars().next() {
            Some(d) if can_start(d) => {
                if let Some(s) = trim(p, Span::new(start, close)) {
                    out.push(s.shift(para.start));
                }
                start = p.len() - after.len();
                i = start;
            }
            _ => {}
        }
    }
    if let Some(s) = trim(p, Span::new(start, p.len())) {
        out.push(s.shift(para.start));
    }
    out
}

/// Whether a sentence starts right after the final punctuation with no space, as scraped
/// texts often have it: an opening quotation mark ("cette source.« Une quarantaine") or a
/// capitalized word after a lower-case word or a percentage ("de 26%.Un lien est établi").
/// Not after a capital ("U.S.A"), nor a capital before a capital ("l'ONU.Fr").
fn glued_start(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    match next.next() {
        Some('«' | '“') => true,
        Some(c) if c.is_uppercase() => {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let lower_word = word.chars().count() >= 2 && word.chars().all(char::is_lowercase);
            next.next().is_some_and(char::is_lowercase) && (lower_word || before.ends_with('%'))
        }
        _ => false,
    }
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str, abbreviations: &HashSet<String>) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital || abbreviations.contains(word)
}

/// Paragraphs and sentences of a normalized text, with original spans.
pub fn segment(
    normalized: &Normalized,
    abbreviations: &HashSet<String>,
) -> (Vec<Segment>, Vec<Sentence>) {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for (index, para) in paragraph_spans(&normalized.text).into_iter().enumerate() {
        paragraphs.push(Segment {
            span: normalized.to_original(para),
            norm: para,
        });
        for norm in sentence_spans(&normalized.text, para, abbreviations) {
            sentences.push(Sentence {
                span: normalized.to_original(norm),
                norm,
                paragraph: index,
            });
        }
    }
    (paragraphs, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let abbr: HashSet<String> = ["M", "Mr", "Mme"].iter().map(|s| s.to_string()).collect();
        paragraph_spans(text)
            .into_iter()
            .flat_map(|p| sentence_spans(text, p, &abbr))
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn basic_sentences() {
        assert_eq!(
            split("Il dit. M. Lavrov répond. « Oui. » Puis 7.1 ha. (…) Il part"),
            [
                "Il dit.",
                "M. Lavrov répond.",
                "« Oui. »",
                "Puis 7.1 ha.",
                "(…) Il part"
            ]
        );
        assert_eq!(
            split("Titre sans point\nJ. F. Kennedy est là."),
            ["Titre sans point", "J. F. Kennedy est là."]
        );
        assert_eq!(
            split(
                "a dit cette source.« Une quarantaine. » Hausse de 26%.Un lien. Pas U.S.A ni lemonde.fr"
            ),
            [
                "a dit cette source.",
                "« Une quarantaine. »",
                "Hausse de 26%.",
                "Un lien.",
                "Pas U.S.A ni lemonde.fr"
            ]
        );
        assert_eq!(
            split("« Pourquoi ? », dit-il."),
            ["« Pourquoi ? », dit-il."]
        );
    }
}
