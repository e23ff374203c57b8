//! A small tokenizer for the numbers stage: runs of letters, runs of ASCII digits, and single
//! other characters, with byte spans into the text and whether whitespace came before.
//! Words carry a folded key (lower case, accents removed, typographic apostrophes and dashes
//! unified) so that data files match "Près", "pres" and "près" alike.

use std::borrow::Cow;

use crate::chars::{ascii_run, char_at, class, is_alphabetic, push_lowercase};

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

/// The folded form of `s`, borrowed when folding changes nothing.
fn fold_cow(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold(s))
    }
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
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut gap = false;
    let mut i = 0;
    // Walked by byte offsets: ASCII chars, the common case, are never decoded.
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            gap = true;
            i += c.len_utf8();
            continue;
        }
        // `plain`: the token is its own key (lower-case ASCII letters, or one ASCII mark
        // other than the backtick), known without reading it again.
        let (kind, end, plain) = if is_word_char(c) {
            let mut plain = c.is_ascii_lowercase();
            let mut end = i + c.len_utf8();
            loop {
                let (run_end, seen) = ascii_run(bytes, end, class::ALPHA);
                plain &= seen & class::UPPER == 0;
                end = run_end;
                match char_at(text, end) {
                    Some(d) if !d.is_ascii() && is_word_char(d) => {
                        plain = false;
                        end += d.len_utf8();
                    }
                    _ => break,
                }
            }
            (TokKind::Word, end, plain)
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            (TokKind::Digits, end, true)
        } else {
            (TokKind::Punct, i + c.len_utf8(), c.is_ascii() && c != '`')
        };
        let raw = text.get(i..end).unwrap_or("");
        let key = if plain {
            Cow::Borrowed(raw)
        } else {
            fold_cow(raw)
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

/// The keys of a data-file phrase, tokenized like the text.
pub(crate) fn tokenize_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .into_iter()
        .map(|t| t.key.into_owned())
        .collect()
}
