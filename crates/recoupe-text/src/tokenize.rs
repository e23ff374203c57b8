//! Tokens: words, numbers, punctuation and symbols, with spans into the text they come from.
//!
//! Words are runs of letters and digits that start with a letter, joined across a hyphen
//! between letters (`Alep-Est`, `a-t-il`); an apostrophe is a token of its own (`l`, `'`,
//! `armée`), so elisions need no word list. Numbers are runs of digits joined across a `.` or
//! `,` between digits (`7,1`, `3.5`); the thousands space of `8 461` is left to the numbers
//! stage. Everything else that is not a space is one token per character.

use recoupe_model::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    /// `%`, currency signs, `°`, `+`, `@`, `#`…
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// The tokens of a text, spans relative to `text`.
pub fn tokenize(text: &str) -> impl Iterator<Item = Token> + '_ {
    Tokens { text, pos: 0 }
}

struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '%' | '‰'
            | '€'
            | '$'
            | '£'
            | '¥'
            | '₽'
            | '°'
            | '+'
            | '='
            | '<'
            | '>'
            | '±'
            | '×'
            | '÷'
            | '§'
            | '&'
            | '@'
            | '#'
            | '|'
            | '~'
            | '^'
            | '*'
            | '©'
            | '®'
            | '™'
    )
}

/// Length of the run at the start of `s` whose chars satisfy `keep(prev, c, next)`.
fn run_len(s: &str, keep: impl Fn(char, char, Option<char>) -> bool) -> usize {
    let mut chars = s.char_indices().peekable();
    let Some((_, mut prev)) = chars.next() else {
        return 0;
    };
    let mut len = prev.len_utf8();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if !keep(prev, c, next) {
            break;
        }
        len = i + c.len_utf8();
        prev = c;
    }
    len
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.text.get(self.pos..)?;
        let skipped = rest.len() - rest.trim_start().len();
        self.pos += skipped;
        let rest = &rest[skipped..];
        let c = rest.chars().next()?;
        let (len, kind) = if c.is_alphabetic() {
            let len = run_len(rest, |prev, c, next| {
                c.is_alphanumeric()
                    || is_mark(c)
                    || (c == '-' && prev.is_alphabetic() && next.is_some_and(char::is_alphabetic))
                    || (prev == '-' && c.is_alphabetic())
            });
            (len, TokenKind::Word)
        } else if c.is_numeric() {
            let len = run_len(rest, |prev, c, next| {
                c.is_numeric()
                    || (matches!(c, '.' | ',') && next.is_some_and(|n| n.is_ascii_digit()))
                    || (matches!(prev, '.' | ',') && c.is_numeric())
            });
            (len, TokenKind::Number)
        } else if is_symbol(c) {
            (c.len_utf8(), TokenKind::Symbol)
        } else {
            (c.len_utf8(), TokenKind::Punctuation)
        };
        let span = Span::new(self.pos, self.pos + len);
        self.pos += len;
        Some(Token { span, kind })
    }
}

/// Combining marks that follow a letter (decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_punctuation() {
        use TokenKind::*;
        assert_eq!(
            toks("l'Alep-Est: 7,1 ha, 5km (50%)."),
            [
                ("l", Word),
                ("'", Punctuation),
                ("Alep-Est", Word),
                (":", Punctuation),
                ("7,1", Number),
                ("ha", Word),
                (",", Punctuation),
                ("5", Number),
                ("km", Word),
                ("(", Punctuation),
                ("50", Number),
                ("%", Symbol),
                (")", Punctuation),
                (".", Punctuation),
            ]
        );
    }
}
