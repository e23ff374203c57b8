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
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            let brk = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            out.push(Line {
                text: &text[start..i],
                content: Span::new(start, i),
                full: Span::new(start, i + brk),
            });
            i += brk;
            start = i;
        } else {
            i += 1;
        }
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
    let mut key = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !key.is_empty();
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        let c = match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            c => c,
        };
        key.extend(c.to_lowercase());
    }
    key
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
    }
}
