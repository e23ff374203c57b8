//! A small tokenizer for the numbers stage: runs of letters, runs of ASCII digits, and single
//! other characters, with byte spans into the text and whether whitespace came before.
//! Words carry a folded key (lower case, accents removed, typographic apostrophes and dashes
//! unified) so that data files match "Près", "pres" and "près" alike.

use std::borrow::Cow;

use crate::chars::{
    ascii_class, ascii_run, ascii_word_run, char_at, class, is_alphabetic, lowercase_is_itself,
    push_lowercase,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Digits,
    Punct,
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace between the previous token and this one.
    pub gap: bool,
    /// Folded text for words and punctuation, the digits themselves for digits: borrowed
    /// from the text when folding leaves it as it is (digits, lower-case ASCII words).
    pub key: Cow<'t, str>,
}

fn is_word_char(c: char) -> bool {
    is_alphabetic(c) || matches!(c, '²' | '³' | 'µ')
}

/// Folds one character: lower case, no accent, one apostrophe, one dash.
fn fold_char(c: char, out: &mut String) {
    // ASCII letters of accented words: lowered at once, not after every arm below.
    if c.is_ascii() && c != '`' {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let m = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' => 'y',
        '’' | '‘' | 'ʼ' | '\'' | '`' => '\'',
        '‐' | '‑' | '‒' | '-' => '-',
        '–' | '—' | '−' => '–',
        _ => {
            push_lowercase(c, out);
            return;
        }
    };
    out.push(m);
}

/// The folded form of a whole string (used for data-file entries).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The common case: the same mapping as `fold_char`, on bytes.
        let mut out = s.to_ascii_lowercase();
        if out.as_bytes().contains(&b'`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    fold_chars(s)
}

/// `fold` of a string known to hold a non-ASCII character.
fn fold_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The key of a one-character punctuation token that is not ASCII: what `fold` makes of
/// it, borrowed from the text or a constant for the marks folding maps to another.
fn punct_key(c: char, raw: &str) -> Cow<'_, str> {
    match c {
        '’' | '‘' | 'ʼ' => Cow::Borrowed("'"),
        '‐' | '‑' | '‒' => Cow::Borrowed("-"),
        '–' | '—' | '−' => Cow::Borrowed("–"),
        _ if lowercase_is_itself(c) => Cow::Borrowed(raw),
        _ => Cow::Owned(fold(raw)),
    }
}

/// Whether an ASCII byte is whitespace (`char::is_whitespace` on ASCII).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Splits `text` into words, digit runs and single marks. Walked by bytes: ASCII, nearly
/// all of the text, is classed from a table and never decoded, and a token's key is known
/// from what was seen on the way (lower-case ASCII words, digits and ASCII marks are their
/// own keys), so only capitalized or accented words are folded.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut gap = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (kind, end, key) = if b < 0x80 {
            let first = ascii_class(b);
            if first & class::ALPHA != 0 {
                // ASCII letters, then, in a few words, more letters past a non-ASCII one.
                let (run_end, upper) = ascii_word_run(bytes, i, false);
                let end = if bytes.get(run_end).is_some_and(|&b| b >= 0x80) {
                    word_end(text, run_end)
                } else {
                    run_end
                };
                let ascii = end == run_end;
                let raw = text.get(i..end).unwrap_or("");
                let key = if ascii && !upper {
                    Cow::Borrowed(raw)
                } else if ascii {
                    Cow::Owned(raw.to_ascii_lowercase())
                } else {
                    Cow::Owned(fold_chars(raw))
                };
                (TokKind::Word, end, key)
            } else if first & class::DIGIT != 0 {
                let (end, _) = ascii_run(bytes, i + 1, class::DIGIT);
                (
                    TokKind::Digits,
                    end,
                    Cow::Borrowed(text.get(i..end).unwrap_or("")),
                )
            } else if is_ascii_space(b) {
                gap = true;
                i += 1;
                continue;
            } else if b == b'`' {
                (TokKind::Punct, i + 1, Cow::Borrowed("'"))
            } else {
                (
                    TokKind::Punct,
                    i + 1,
                    Cow::Borrowed(text.get(i..i + 1).unwrap_or("")),
                )
            }
        } else {
            let Some(c) = char_at(text, i) else {
                break;
            };
            let len = c.len_utf8();
            if c.is_whitespace() {
                gap = true;
                i += len;
                continue;
            }
            if is_word_char(c) {
                let end = word_end(text, i);
                let raw = text.get(i..end).unwrap_or("");
                (TokKind::Word, end, Cow::Owned(fold_chars(raw)))
            } else {
                let raw = text.get(i..i + len).unwrap_or("");
                (TokKind::Punct, i + len, punct_key(c, raw))
            }
        };
        toks.push(Tok {
            start: i,
            end,
            kind,
            gap,
            key,
        });
        gap = false;
        i = end;
    }
    toks
}

/// The end of a word that goes on at byte `pos` with a character that may not be ASCII:
/// letters (and "²", "³", "µ"), ASCII or not.
fn word_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        pos = ascii_word_run(bytes, pos, false).0;
        match bytes.get(pos) {
            Some(&b) if b >= 0x80 => match char_at(text, pos) {
                Some(d) if is_word_char(d) => pos += d.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// The keys of a data-file phrase, tokenized like the text.
pub(crate) fn tokenize_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .into_iter()
        .map(|t| t.key.into_owned())
        .collect()
}
