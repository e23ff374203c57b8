//! A small tokenizer for the numbers stage: runs of letters, runs of ASCII digits, and single
//! other characters, with byte spans into the text and whether whitespace came before.
//! Words carry a folded key (lower case, accents removed, typographic apostrophes and dashes
//! unified) so that data files match "Près", "pres" and "près" alike.

use std::borrow::Cow;

use crate::chars::{
    ascii_class, ascii_run, ascii_word_run, char_len_at, class, is_alphabetic, lowercase_is_itself,
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

/// `fold` of a string known to hold a non-ASCII character. Walked by bytes: ASCII and the
/// two-byte Latin-1 letters ("é", "à", "ç"), nearly all of French words, are folded from a
/// table without decoding; other characters go through `fold_char`.
fn fold_chars(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            out.push(if b == b'`' {
                '\''
            } else {
                char::from(b.to_ascii_lowercase())
            });
            i += 1;
            continue;
        }
        if b == 0xC3
            && let Some(&second) = bytes.get(i + 1)
            && let Some(&folded) = LATIN1_FOLDS.get(usize::from(second.wrapping_sub(0x80)))
        {
            out.push(folded);
            i += 2;
            continue;
        }
        let Some((c, len)) = char_len_at(s, i) else {
            break;
        };
        fold_char(c, &mut out);
        i += len;
    }
    out
}

/// `fold_char` of U+00C0..U+00FF, indexed by the second byte of their UTF-8 form less 0x80.
static LATIN1_FOLDS: [char; 64] = {
    let mut table = ['\0'; 64];
    let mut k = 0;
    while k < 64 {
        let c = 0xC0 + k as u32;
        let folded = match c {
            // à â ä á À Â Ä Á
            0xE0 | 0xE2 | 0xE4 | 0xE1 | 0xC0 | 0xC2 | 0xC4 | 0xC1 => 'a' as u32,
            // é è ê ë É È Ê Ë
            0xE9 | 0xE8 | 0xEA | 0xEB | 0xC9 | 0xC8 | 0xCA | 0xCB => 'e' as u32,
            // î ï í Î Ï
            0xEE | 0xEF | 0xED | 0xCE | 0xCF => 'i' as u32,
            // ô ö ó Ô Ö
            0xF4 | 0xF6 | 0xF3 | 0xD4 | 0xD6 => 'o' as u32,
            // ù û ü ú Ù Û Ü
            0xF9 | 0xFB | 0xFC | 0xFA | 0xD9 | 0xDB | 0xDC => 'u' as u32,
            // ç Ç
            0xE7 | 0xC7 => 'c' as u32,
            // ÿ
            0xFF => 'y' as u32,
            // Other capitals but × are one code point above their lower case.
            0xC0..=0xDE if c != 0xD7 => c + 0x20,
            _ => c,
        };
        table[k] = match char::from_u32(folded) {
            Some(f) => f,
            None => '\0',
        };
        k += 1;
    }
    table
};

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
/// own keys), so only capitalized or accented words are folded. `lowered` is
/// `text.to_ascii_lowercase()`: a capitalized ASCII word's key is read there, where lowering
/// it word by word cost an allocation for each.
pub(crate) fn tokenize<'t>(text: &'t str, lowered: &'t str) -> Vec<Tok<'t>> {
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
                    match lowered.get(i..end) {
                        Some(key) => Cow::Borrowed(key),
                        None => Cow::Owned(raw.to_ascii_lowercase()),
                    }
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
            let Some((c, len)) = char_len_at(text, i) else {
                break;
            };
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
            Some(&b) if b >= 0x80 => match char_len_at(text, pos) {
                Some((d, len)) if is_word_char(d) => pos += len,
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// The keys of a data-file phrase, tokenized like the text.
pub(crate) fn tokenize_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase, &phrase.to_ascii_lowercase())
        .into_iter()
        .map(|t| t.key.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold_chars` one character at a time: what `LATIN1_FOLDS` must agree with.
    fn fold_chars_slowly(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            fold_char(c, &mut out);
        }
        out
    }

    /// The byte walk folds every character as the character walk does.
    #[test]
    fn fold_chars_is_fold_chars_slowly() {
        let mut all = String::new();
        for c in (0u32..0x600)
            .chain(0x2000..0x2100)
            .filter_map(char::from_u32)
        {
            all.push(c);
            let single = format!("é{c}Ab`");
            assert_eq!(fold_chars(&single), fold_chars_slowly(&single), "{c:?}");
        }
        assert_eq!(fold_chars(&all), fold_chars_slowly(&all));
        for word in [
            "Été", "ÉCOLE", "à", "Œuvre", "naïve", "Ñandú", "×÷", "ÿÞß", "µm²",
        ] {
            assert_eq!(fold_chars(word), fold_chars_slowly(word), "{word}");
        }
    }
}
