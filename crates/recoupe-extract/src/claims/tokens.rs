//! Words and punctuation of a sentence, lower-cased, with byte spans into the text they were
//! cut from. An elided article keeps its apostrophe ("d'", "l'") so lexicon phrases written
//! with one match.

use crate::chars::{ascii_run, char_at, class, is_alphanumeric, is_uppercase, push_lowercase};

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
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        let start = pos;
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            // Runs of ASCII letters and digits are read on bytes; whether the word has
            // capitals or other chars is learnt on the way, so its key is not scanned again.
            let (mut ascii, mut upper) = (true, false);
            let mut end = start;
            loop {
                let (run_end, seen) = ascii_run(bytes, end, class::ALNUM);
                upper |= seen & class::UPPER != 0;
                end = run_end;
                let Some(d) = char_at(text, end) else {
                    break;
                };
                if d == '*' {
                    end += 1;
                } else if d == '-' {
                    if !char_at(text, end + 1).is_some_and(is_alphanumeric) {
                        break;
                    }
                    end += 1;
                } else if !d.is_ascii() && is_alphanumeric(d) {
                    ascii = false;
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            // An apostrophe right after a word elides it: keep it on the word ("d'", "l'").
            if let Some(d) = char_at(text, end)
                && is_apostrophe(d)
            {
                ascii &= d == '\'';
                end += d.len_utf8();
            }
            let word = text.get(start..end).unwrap_or("");
            let key = match (ascii, upper) {
                (true, false) => word.to_owned(),
                (true, true) => word.to_ascii_lowercase(),
                _ => key_of(word),
            };
            tokens.push(Token {
                start,
                end,
                key,
                is_word: true,
                capitalized: is_uppercase(c),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, char by char: the fast one must cut and key alike.
    fn reference(text: &str) -> Vec<Token> {
        let char_at = |pos: usize| text.get(pos..).and_then(|s| s.chars().next());
        let mut tokens = Vec::new();
        let mut pos = 0;
        while let Some(c) = char_at(pos) {
            let start = pos;
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = start + c.len_utf8();
                while let Some(d) = char_at(end) {
                    let inner_hyphen =
                        d == '-' && char_at(end + 1).is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || inner_hyphen || d == '*' {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                if let Some(d) = char_at(end)
                    && is_apostrophe(d)
                {
                    end += d.len_utf8();
                }
                let word = &text[start..end];
                tokens.push(Token {
                    start,
                    end,
                    key: word.to_lowercase().replace(['’', 'ʼ'], "'"),
                    is_word: true,
                    capitalized: c.is_uppercase(),
                });
                pos = end;
            } else {
                let end = start + c.len_utf8();
                tokens.push(Token {
                    start,
                    end,
                    key: text[start..end].to_owned(),
                    is_word: false,
                    capitalized: false,
                });
                pos = end;
            }
        }
        tokens
    }

    #[test]
    fn same_as_the_reference() {
        let texts = [
            "",
            "L'ONU a recensé 1 200 morts à Alep-Est, selon l’OSDH (d'après l’AFP).",
            "Plus de 3,5 millions d’euros* ont été -- versés - à l'État ; Ὀδυσσεύς ΣΑΣ",
            "C.N.N. a dit : « 12-13 morts » aujourd'hui—demain… x-  y- -z a*b* é-ç ÉTÉ",
            "mot’ mot' motʼ 'mot ’ ʼ ² ½ İstanbul ǅemal ﬁn Straße ÀÞ×÷",
            "trailing-",
            "a\u{a0}b\u{2009}c\td\ne",
        ];
        for text in texts {
            assert_eq!(tokenize(text), reference(text), "{text:?}");
        }
        // Every short string over a small alphabet of the cases that matter.
        let alphabet = [
            'a', 'B', '1', '-', '*', '\'', '’', 'é', 'É', ' ', '.', 'ʼ', 'Σ',
        ];
        let mut text = String::new();
        for n in 0..alphabet.len().pow(4) {
            text.clear();
            let mut k = n;
            for _ in 0..4 {
                text.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            assert_eq!(tokenize(&text), reference(&text), "{text:?}");
        }
    }
}
