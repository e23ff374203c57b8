//! Words and punctuation of a sentence, lower-cased, with byte spans into the text they were
//! cut from. An elided article keeps its apostrophe ("d'", "l'") so lexicon phrases written
//! with one match.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use crate::chars::{ascii_run, char_at, class, is_alphanumeric, is_uppercase, push_lowercase};

/// One word or punctuation mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets into the tokenized text.
    pub start: usize,
    pub end: usize,
    /// Lower-cased form used for matching.
    pub key: Key,
    pub is_word: bool,
    /// Written with a capital first letter (a name, or a sentence's first word).
    pub capitalized: bool,
}

/// Quotation marks that open and close a quotation (the straight mark does both).
pub const QUOTE_OPEN: [&str; 3] = ["«", "“", "\""];
pub const QUOTE_CLOSE: [&str; 3] = ["»", "”", "\""];

impl Token {
    /// Whether the token is a quotation mark, opening or closing.
    pub fn is_quote_mark(&self) -> bool {
        !self.is_word
            && (QUOTE_OPEN.contains(&self.key.as_str()) || QUOTE_CLOSE.contains(&self.key.as_str()))
    }
}

/// A token's key, read as a `&str`: a stretch of one buffer that holds the keys of all the
/// tokens of a text, so a text costs one allocation, not one a token.
#[derive(Clone)]
pub struct Key {
    keys: Rc<str>,
    start: u32,
    end: u32,
}

impl Key {
    #[inline]
    pub fn as_str(&self) -> &str {
        let range = self.start as usize..self.end as usize;
        debug_assert!(self.keys.get(range.clone()).is_some());
        // SAFETY: a key is made only by `key_at`, from the lengths of its buffer before and
        // after the key was pushed, so both ends are char boundaries inside the buffer; the
        // buffer (an `Rc<str>`) and the private fields never change after. Checked slicing
        // here cost 25 M instructions a round: keys are read at every look-up of the claims
        // stage.
        unsafe { self.keys.get_unchecked(range) }
    }
}

impl Deref for Key {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Cuts `text` into words (letters, digits, inner hyphens and dots between digits, and a
/// trailing `*` for lexicon prefixes) and single punctuation marks; spaces are dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_prefix(text, usize::MAX, 0)
}

/// The first tokens of `text`: those that start before byte `bound`, and `extra` more. The
/// tokenizer reads left to right, so they are the first tokens of [`tokenize`]: a lexicon
/// entry matched at a token among them matches alike when `extra` is its length in tokens.
pub fn tokenize_prefix(text: &str, bound: usize, mut extra: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    let capacity = bound.min(text.len()) / 5 + 1 + extra;
    let mut tokens = Vec::with_capacity(capacity);
    // The keys' buffer starts with the text in ASCII lower case: there, at its own offsets,
    // lies the key of every ASCII word and of every mark, so only the keys of other words
    // (lowered char by char, apostrophes straightened) are written, after it.
    let mut keys = String::with_capacity(text.len() + text.len() / 4 + extra * 8);
    keys.push_str(text);
    keys.make_ascii_lowercase();
    // The tokens share the keys' buffer once it is complete; this one stands in until then.
    let none: Rc<str> = Rc::from("");
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        let start = pos;
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if start >= bound {
            if extra == 0 {
                break;
            }
            extra -= 1;
        }
        if is_alphanumeric(c) {
            // Runs of ASCII letters and digits are read on bytes; whether the word has other
            // chars is learnt on the way, so its key is not scanned again.
            let mut ascii = true;
            let mut end = start;
            loop {
                let (run_end, _) = ascii_run(bytes, end, class::ALNUM);
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
            let (key_start, key_end) = if ascii {
                (start, end)
            } else {
                let key_start = keys.len();
                push_key(text.get(start..end).unwrap_or(""), &mut keys);
                (key_start, keys.len())
            };
            tokens.push(Token {
                start,
                end,
                key: key_at(&none, key_start, key_end),
                is_word: true,
                capitalized: is_uppercase(c),
            });
            pos = end;
        } else {
            // A mark is its own key: lowering leaves it as it is.
            let end = start + c.len_utf8();
            tokens.push(Token {
                start,
                end,
                key: key_at(&none, start, end),
                is_word: false,
                capitalized: false,
            });
            pos = end;
        }
    }
    let keys: Rc<str> = Rc::from(keys);
    for t in &mut tokens {
        t.key.keys = Rc::clone(&keys);
    }
    tokens
}

/// A key of the buffer `keys` from byte `start` to byte `end` (none past 4 GiB: the empty key).
fn key_at(keys: &Rc<str>, start: usize, end: usize) -> Key {
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(start), Ok(end)) => Key {
            keys: Rc::clone(keys),
            start,
            end,
        },
        _ => Key {
            keys: Rc::clone(keys),
            start: 0,
            end: 0,
        },
    }
}

/// Pushes `word` lowered, an ASCII word (copied, then lowered in place).
fn push_ascii_lowercase(word: &str, keys: &mut String) {
    let from = keys.len();
    keys.push_str(word);
    if let Some(pushed) = keys.get_mut(from..) {
        pushed.make_ascii_lowercase();
    }
}

/// Pushes `word` as lexicons key it: lower case, straight apostrophe (ASCII words, most of
/// them, are lowered byte by byte).
fn push_key(word: &str, keys: &mut String) {
    if word.is_ascii() {
        push_ascii_lowercase(word, keys);
        return;
    }
    // Latin-1 and the two curly apostrophes, most non-ASCII words: char by char (no char
    // there lowers differently at the end of a word, as a capital sigma does).
    if word
        .chars()
        .all(|c| u32::from(c) <= 0xFF || matches!(c, '’' | 'ʼ'))
    {
        for c in word.chars() {
            match c {
                '’' | 'ʼ' => keys.push('\''),
                _ => push_lowercase(c, keys),
            }
        }
        return;
    }
    keys.push_str(&word.to_lowercase().replace(['’', 'ʼ'], "'"));
}

/// Index of the first token that ends after `pos`, i.e. the token at or after `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.end <= pos)
}

/// The tokens `[start, end)` a span of the tokenized text covers.
pub fn token_range(tokens: &[Token], span: recoupe_model::Span) -> (usize, usize) {
    (token_at(tokens, span.start), token_at(tokens, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token as the reference builds it: offsets, key, is a word, capitalized.
    type Plain = (usize, usize, String, bool, bool);

    fn plain(tokens: Vec<Token>) -> Vec<Plain> {
        tokens
            .into_iter()
            .map(|t| (t.start, t.end, t.key.to_string(), t.is_word, t.capitalized))
            .collect()
    }

    /// The tokenizer as first written, char by char: the fast one must cut and key alike.
    fn reference(text: &str) -> Vec<Plain> {
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
                tokens.push((
                    start,
                    end,
                    word.to_lowercase().replace(['’', 'ʼ'], "'"),
                    true,
                    c.is_uppercase(),
                ));
                pos = end;
            } else {
                let end = start + c.len_utf8();
                tokens.push((start, end, text[start..end].to_owned(), false, false));
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
            assert_eq!(plain(tokenize(text)), reference(text), "{text:?}");
            // A prefix is the start of the whole.
            let all = plain(tokenize(text));
            for bound in 0..=text.len() {
                for extra in 0..3 {
                    let prefix = plain(tokenize_prefix(text, bound, extra));
                    let want = all.iter().filter(|t| t.0 < bound).count() + extra;
                    assert_eq!(prefix[..], all[..want.min(all.len())], "{text:?} {bound}");
                }
            }
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
            assert_eq!(plain(tokenize(&text)), reference(&text), "{text:?}");
        }
    }
}
