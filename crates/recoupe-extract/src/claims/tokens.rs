//! Words and punctuation of a sentence, lower-cased, with byte spans into the text they were
//! cut from. An elided article keeps its apostrophe ("d'", "l'") so lexicon phrases written
//! with one match.

use crate::chars::{is_alphanumeric, push_lowercase};

/// One word or punctuation mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets into the tokenized text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased form used for matching.
    pub key: String,
    pub is_word: bool,
    /// Written with a capital first letter (a name, or a sentence's first word).
    pub capitalized: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Cuts `text` into words (letters, digits, inner hyphens and dots between digits, and a
/// trailing `*` for lexicon prefixes) and single punctuation marks; spaces are dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let char_at = |pos: usize| text.get(pos..).and_then(|s| s.chars().next());
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some(c) = char_at(pos) {
        let start = pos;
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let mut end = start + c.len_utf8();
            while let Some(d) = char_at(end) {
                let inner_hyphen = d == '-' && char_at(end + 1).is_some_and(is_alphanumeric);
                if is_alphanumeric(d) || inner_hyphen || d == '*' {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            // An apostrophe right after a word elides it: keep it on the word ("d'", "l'").
            if let Some(d) = char_at(end)
                && is_apostrophe(d)
            {
                end += d.len_utf8();
            }
            tokens.push(Token {
                start,
                end,
                key: key_of(text.get(start..end).unwrap_or("")),
                is_word: true,
                capitalized: c.is_uppercase(),
            });
            pos = end;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                start,
                end,
                key: text.get(start..end).unwrap_or("").to_owned(),
                is_word: false,
                capitalized: false,
            });
            pos = end;
        }
    }
    tokens
}

/// A word as lexicons key it: lower case, straight apostrophe (one allocation; ASCII words,
/// most of them, are lowered byte by byte).
fn key_of(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let key = lowercase(word);
    if key.contains(['’', 'ʼ']) {
        key.replace(['’', 'ʼ'], "'")
    } else {
        key
    }
}

/// `word.to_lowercase()`, char by char when every char is ASCII or Latin-1 (where no char
/// lowers differently at the end of a word, as a capital sigma does).
fn lowercase(word: &str) -> String {
    if !word.chars().all(|c| u32::from(c) <= 0xFF) {
        return word.to_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_lowercase(c, &mut out);
    }
    out
}

/// Index of the first token that ends after `pos`, i.e. the token at or after `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.end <= pos)
}
