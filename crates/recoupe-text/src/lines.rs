//! Lines of the original text, with their spans, and the comparison key used to match them
//! against boilerplate markers.

use recoupe_model::Span;

/// One line of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line without its line break.
    pub text: &'a str,
    /// Span of `text`.
    pub content: Span,
    /// Span of the line with its line break (`\n`, `\r\n` or `\r`).
    pub full: Span,
}

impl Line<'_> {
    /// Whether the line has nothing but spaces.
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(is_blank_char)
    }
}

/// Splits a text into lines, keeping `\r\n` and lone `\r` as line breaks.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue; // the "\n" of a "\r\n" already taken
        }
        let brk = if bytes.get(i..i + 2) == Some(b"\r\n") {
            2
        } else {
            1
        };
        out.push(Line {
            text: &text[start..i],
            content: Span::new(start, i),
            full: Span::new(start, i + brk),
        });
        start = i + brk;
    }
    if start < text.len() {
        out.push(Line {
            text: &text[start..],
            content: Span::new(start, text.len()),
            full: Span::new(start, text.len()),
        });
    }
    out
}

/// Spaces of any width, and invisible characters, that count as nothing on a line.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Zero-width characters and soft hyphens: dropped by normalization.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// A line as compared with markers: trimmed, lowercase, single plain spaces, straight
/// apostrophes, invisible characters dropped.
pub fn line_key(line: &str) -> String {
    line_key_prefix(line, usize::MAX)
}

/// The first `max_chars` characters (at least) of a line's key, when more is not needed:
/// matching against markers never looks further than the longest marker and one character,
/// and long lines are not lowercased in full for that.
pub fn line_key_prefix(line: &str, max_chars: usize) -> String {
    let mut key = String::with_capacity(line.len().min(max_chars.saturating_mul(2)));
    let mut chars = 0usize;
    let mut space = false;
    for c in line.chars() {
        if chars >= max_chars {
            break;
        }
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !key.is_empty();
            continue;
        }
        if space {
            key.push(' ');
            chars += 1;
            space = false;
        }
        chars += 1;
        // Most lines are ASCII: no table look-ups for them.
        if c.is_ascii() {
            key.push(match c {
                '`' => '\'',
                c => c.to_ascii_lowercase(),
            });
            continue;
        }
        let c = match c {
            '’' | '‘' | 'ʼ' | '´' => '\'',
            c => c,
        };
        key.extend(c.to_lowercase());
    }
    key
}

/// The chars of [`line_key`], one at a time: two keys compared this way are read only up to
/// their first difference, where building both read the two lines to their ends (the first
/// lines of an article, compared as a possible repeated title, are often whole paragraphs).
pub fn line_key_chars(line: &str) -> KeyChars<'_> {
    KeyChars {
        chars: line.chars(),
        space: false,
        nonempty: false,
        pending: None,
    }
}

/// Iterator returned by [`line_key_chars`].
pub struct KeyChars<'a> {
    chars: std::str::Chars<'a>,
    /// A space is owed before the next char.
    space: bool,
    /// A char was given (spaces before the first are dropped).
    nonempty: bool,
    /// The rest of a char's lower case, or the whole of it after an owed space.
    pending: Option<std::char::ToLowercase>,
}

impl Iterator for KeyChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.pending.as_mut().and_then(Iterator::next) {
            return Some(c);
        }
        self.pending = None;
        loop {
            let c = self.chars.next()?;
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                self.space = self.nonempty;
                continue;
            }
            self.nonempty = true;
            // As in `line_key_prefix`: straight apostrophes, lower case (the ASCII lower
            // case there is this one too).
            let c = match c {
                '`' | '’' | '‘' | 'ʼ' | '´' => '\'',
                c => c,
            };
            let mut lower = c.to_lowercase();
            if self.space {
                self.space = false;
                self.pending = Some(lower);
                return Some(' ');
            }
            let first = lower.next();
            self.pending = Some(lower);
            return first;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_breaks() {
        let text = "a\r\nb\n\nc";
        let ls = lines(text);
        assert_eq!(ls.len(), 4);
        assert_eq!(ls[0].full.slice(text), "a\r\n");
        assert_eq!(ls[0].text, "a");
        assert!(ls[2].is_blank());
        assert_eq!(ls[3].full.slice(text), "c");
    }

    #[test]
    fn keys_ignore_case_and_spacing() {
        assert_eq!(line_key("  Par\u{a0}Euronews \u{200B}"), "par euronews");
        assert_eq!(line_key("PUBLICITÉ"), "publicité");
        assert_eq!(line_key("l’Onu"), "l'onu");
        assert_eq!(line_key_prefix("  Lire   aussi : la suite", 7), "lire au");
    }

    #[test]
    fn key_chars_give_the_key() {
        let lines = [
            "",
            "   ",
            " \u{200B} ",
            "Lire aussi :\tLa SUITE\r",
            "\u{200B}PUBLICITÉ\u{a0} \u{2009}l’Onu `x` \u{1c}\u{85}Ǆ İ ß ẞ",
            "a\u{0b}b\u{0c}c\u{1f}d\u{7f}e  İstanbul  ",
        ];
        for line in lines {
            assert_eq!(line_key_chars(line).collect::<String>(), line_key(line));
        }
    }
}
