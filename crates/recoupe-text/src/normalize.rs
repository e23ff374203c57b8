//! Normalization: rewrites the original text for matching while keeping a byte-exact map back.
//!
//! What it does, character by character (every rule is local: it looks at the last character
//! written and the next original character only, so normalizing a sentence on its own gives the
//! same text as normalizing the whole document and cutting the sentence out):
//!
//! - removes the spans it is given (boilerplate lines) and every bare URL;
//! - one apostrophe: `’ ‘ ʼ ` ´` → `'` (Euronews writes `l‘évacuation`);
//! - one pair of quotation marks, the French one: opening `“ „ ‹ «` → `«`, closing `” › »` →
//!   `»`; a straight `"` opens when it follows a space or the start and is followed by a
//!   non-space, closes when it is followed by a space, punctuation or the end, and otherwise
//!   opens when a letter or digit follows. Keeping opening and closing marks apart lets the quote
//!   stage pair them without guessing;
//! - spaces: no-break, narrow no-break, thin and other spaces and tabs → one plain space per run
//!   ("8 461" with U+202F becomes "8 461"), none at the start or end of a line, none between a
//!   removed URL and the punctuation after it;
//! - line breaks: CRLF and CR → LF; at most one blank line in a row; none at the start or end;
//! - invisible characters (zero-width spaces and joiners, BOM, soft hyphen) removed;
//! - hashtags read as words: `#Alep` → `Alep` (a `#` after a letter or digit, or inside a URL,
//!   is kept);
//! - markdown markers: `_` or `*` right after an opening or before a closing quotation mark
//!   (`“_Nous … souhaitent._”`), and `*` ending a line, removed;
//! - hyphens U+2010 and U+2011 → `-`;
//! - glued words, where a line break was lost when the page was scraped, get a space back:
//!   (a) a word of at least four lowercase letters followed by a capitalized word of at least
//!   three letters (`articleDiscussion`, `mortsLes`) — never a word that has a capital already
//!   (`McDonald`, `iPhone`) or fewer than four letters before the capital (`dAlep`);
//!   (b) `.`, `!` or `?` right after a word of at least two letters and right before a capital
//!   followed by a letter or hyphen (`l'AFP.T-Shirts`, `France.Le`) — never between initials
//!   (`U.S.A`) or digits (`7.1`).

use recoupe_model::{Normalized, NormalizedBuilder, Span};

use crate::lines::is_invisible;
use crate::urls::find_urls;

/// The normalized form of a text, with nothing removed but URLs and invisible characters.
pub fn normalize(text: &str) -> Normalized {
    normalize_with(text, &[]).0
}

/// Normalizes `text`, leaving out the given spans (sorted, non-overlapping, on char boundaries)
/// and every bare URL. Returns the normalized text and the URL spans it left out.
pub fn normalize_with(text: &str, remove: &[Span]) -> (Normalized, Vec<Span>) {
    normalize_walk(text, remove, true)
}

/// [`normalize_with`], with or without the bulk copy of plain runs (without it, every
/// character takes the general path: the tests hold the fast path to it).
fn normalize_walk(text: &str, remove: &[Span], bulk: bool) -> (Normalized, Vec<Span>) {
    let urls: Vec<Span> = find_urls(text)
        .into_iter()
        .filter(|u| !remove.iter().any(|r| r.start < u.end && u.start < r.end))
        .collect();
    let mut removals: Vec<Span> = remove
        .iter()
        .copied()
        .filter(|r| {
            r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
                && r.start < r.end
        })
        .chain(urls.iter().copied())
        .collect();
    removals.sort();
    let mut walker = Walker {
        text,
        b: NormalizedBuilder::new(text),
        removals: &removals,
        next_removal: 0,
        newlines: 2,
        last: Last::Start,
        lower_run: Some(0),
        bulk,
    };
    walker.run();
    (walker.b.finish(), urls)
}

/// What was written last, for the decisions about spaces and line breaks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet.
    Start,
    Space,
    Newline,
    Text(char),
}

struct Walker<'a, 'r> {
    text: &'a str,
    b: NormalizedBuilder<'a>,
    removals: &'r [Span],
    next_removal: usize,
    /// Line breaks written since the last text (2 at the start: none may be written there).
    newlines: u8,
    last: Last,
    /// Lowercase letters written since the start of the current word, `None` when the word has
    /// a capital or a digit (for glued words).
    lower_run: Option<usize>,
    /// Whether plain runs are copied at once (see [`Walker::bulk`]).
    bulk: bool,
}

/// Line breaks, including Unicode's line and paragraph separators.
fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Horizontal spaces of any width.
fn is_space(c: char) -> bool {
    c.is_whitespace() && !is_break(c)
}

fn is_opening(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‹' | '"')
}

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | '"')
}

/// ASCII bytes that the bulk copy takes whatever surrounds them: lowercase letters, digits
/// and punctuation no rule looks at.
const COPIED_AS_IS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(b as u8,
            b'a'..=b'z' | b'0'..=b'9' | b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'\''
            | b'-' | b'.' | b'/' | b'%' | b'!' | b'?' | b'+' | b'=' | b'&' | b'@' | b'$' | b'<'
            | b'>');
        b += 1;
    }
    table
};

/// Where the plainest stretch of a bulk run started at `pos` ends, from `from` on: bytes
/// [`COPIED_AS_IS`] holds, and single spaces inside the run before a visible ASCII byte
/// (which [`Walker::bulk`] copies too). Its own loop, whose few values stay in registers;
/// any other byte is left to the caller.
#[inline]
fn copied_run_end(bytes: &[u8], pos: usize, from: usize) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let plain = COPIED_AS_IS[usize::from(b)]
            || b == b' ' && i > pos && matches!(bytes.get(i + 1), Some(0x21..=0x7e));
        if !plain {
            break;
        }
        i += 1;
    }
    i
}

/// `lower_run` (see [`Walker`]) after writing `copied`, from its value `before`: what counts
/// is the word `copied` ends with, read backwards.
fn lower_run_after(copied: &str, before: Option<usize>) -> Option<usize> {
    let mut lower = 0;
    for c in copied.chars().rev() {
        if c.is_lowercase() {
            lower += 1;
        } else if c.is_alphanumeric() {
            // A capital or a digit in the word: no glued word can follow it.
            return None;
        } else {
            return Some(lower);
        }
    }
    before.map(|n| n + lower)
}

impl Walker<'_, '_> {
    fn removal_at(&self, pos: usize) -> Option<Span> {
        self.removals
            .get(self.next_removal)
            .copied()
            .filter(|r| r.start <= pos)
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    /// The first character at or after `pos` that is not a horizontal space, looking past
    /// removed spans (a bounded number of them); and whether a removal was skipped.
    fn next_significant(&self, mut pos: usize, skip_breaks: bool) -> (Option<char>, bool) {
        let mut r = self.next_removal;
        let mut skipped = false;
        for _ in 0..64 {
            if let Some(span) = self.removals.get(r)
                && span.start <= pos
            {
                pos = pos.max(span.end);
                r += 1;
                skipped = true;
                continue;
            }
            match self.char_at(pos) {
                Some(c) if is_space(c) || is_invisible(c) || (skip_breaks && is_break(c)) => {
                    pos += c.len_utf8()
                }
                other => return (other, skipped),
            }
        }
        (None, skipped)
    }

    /// The next character at or after `pos` that will be kept: removed spans and invisible
    /// characters are looked past, so a rule sees what the normalized text will hold.
    fn next_kept(&self, pos: usize) -> Option<char> {
        self.next_kept_past(pos, |_| false)
    }

    /// Like [`Self::next_kept`], also looking past characters that `skip` accepts (a bounded
    /// number of them, so a long run costs no more than a short one).
    fn next_kept_past(&self, pos: usize, skip: impl Fn(char) -> bool) -> Option<char> {
        self.next_kept_at(pos, skip).map(|(_, c)| c)
    }

    /// Like [`Self::next_kept_past`], with the character's position.
    fn next_kept_at(&self, mut pos: usize, skip: impl Fn(char) -> bool) -> Option<(usize, char)> {
        let mut r = self.next_removal;
        for _ in 0..32 {
            if let Some(span) = self.removals.get(r)
                && span.start <= pos
            {
                pos = pos.max(span.end);
                r += 1;
                continue;
            }
            match self.char_at(pos)? {
                c if is_invisible(c) || skip(c) => pos += c.len_utf8(),
                c => return Some((pos, c)),
            }
        }
        None
    }

    fn write_text(&mut self, c: char) {
        self.last = Last::Text(c);
        self.newlines = 0;
        if c.is_lowercase() {
            self.lower_run = self.lower_run.map(|n| n + 1);
        } else if c.is_alphanumeric() {
            self.lower_run = None;
        } else {
            self.lower_run = Some(0);
        }
    }

    fn copy(&mut self, c: char) {
        self.b.copy(c.len_utf8());
        self.write_text(c);
    }

    fn replace(&mut self, c: char, with: char) {
        let mut buf = [0u8; 4];
        self.b.replace(c.len_utf8(), with.encode_utf8(&mut buf));
        self.write_text(with);
    }

    fn run(&mut self) {
        loop {
            let pos = self.b.position();
            if let Some(r) = self.removal_at(pos) {
                self.b.remove(r.end.saturating_sub(pos));
                self.next_removal += 1;
                continue;
            }
            let Some(c) = self.char_at(pos) else {
                break;
            };
            if self.bulk && self.bulk(pos) {
                continue;
            }
            if is_break(c) {
                self.line_break(pos, c);
            } else if is_space(c) {
                self.spaces(pos);
            } else if is_invisible(c) {
                self.b.remove(c.len_utf8());
            } else {
                self.visible(pos, c);
            }
        }
    }

    /// Copies at once a run of characters that no rule rewrites: lowercase letters (accented
    /// ones too), digits, plain punctuation, capitals that cannot start a glued word, and
    /// single spaces between them. Most of a text goes through here; everything else takes the
    /// character-by-character path. Returns whether anything was copied.
    ///
    /// The loop reads bytes only: what was written last is the byte before (or `self.last`
    /// at the start), and the state of the rules (`last`, `lower_run`) is worked out once
    /// from the end of the run, not kept up at every byte.
    fn bulk(&mut self, pos: usize) -> bool {
        let limit = self
            .removals
            .get(self.next_removal)
            .map_or(self.text.len(), |r| r.start.max(pos))
            .min(self.text.len());
        let bytes = &self.text.as_bytes()[..limit];
        let mut i = pos;
        loop {
            // Most bytes: skipped in a loop of their own, whose few values stay in registers.
            i = copied_run_end(bytes, pos, i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            match b {
                // A capital after a space, a digit or another capital is never glued.
                b'A'..=b'Z' if !self.may_glue_before(bytes, pos, i) => i += 1,
                // A single space between two visible characters stays as it is. Within the
                // run the byte before is never a space: a space is copied only when a visible
                // character follows it.
                b' ' if (i > pos || matches!(self.last, Last::Text(_)))
                    && i + 1 < limit
                    && self.plain_after_space(i + 1) =>
                {
                    i += 1
                }
                // A lowercase letter outside ASCII ("é", "à") is copied as it is.
                0x80.. => match self.char_at(i) {
                    Some(c) if c.is_lowercase() => i += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        if i == pos {
            return false;
        }
        self.b.copy(i - pos);
        let copied = &self.text[pos..i];
        self.lower_run = lower_run_after(copied, self.lower_run);
        self.last = match copied.chars().next_back() {
            Some(' ') => Last::Space,
            Some(c) => Last::Text(c),
            None => self.last,
        };
        self.newlines = 0;
        true
    }

    /// Whether the character written before the capital at `i` (inside a bulk run started at
    /// `pos`) may make it a glued word: a lowercase letter or the end of a sentence.
    fn may_glue_before(&self, bytes: &[u8], pos: usize, i: usize) -> bool {
        if i == pos {
            return matches!(self.last, Last::Text(p) if p.is_lowercase() || matches!(p, '.' | '!' | '?'));
        }
        // A non-ASCII byte before is the end of a lowercase letter the run copied.
        matches!(bytes[i - 1], b'a'..=b'z' | b'.' | b'!' | b'?' | 0x80..)
    }

    /// Whether the character at `pos` keeps a single space before it as it is: visible, and
    /// neither a space, an invisible character nor a line break.
    fn plain_after_space(&self, pos: usize) -> bool {
        match self.text.as_bytes().get(pos) {
            Some(0x21..=0x7e) => true,
            Some(0x80..) => self
                .char_at(pos)
                .is_some_and(|c| !c.is_whitespace() && !is_invisible(c)),
            _ => false,
        }
    }

    fn line_break(&mut self, pos: usize, c: char) {
        let len = if c == '\r' && self.char_at(pos + 1) == Some('\n') {
            2
        } else {
            c.len_utf8()
        };
        let (next, _) = self.next_significant(pos + len, true);
        let keep = self.newlines < 2 && next.is_some();
        if !keep {
            self.b.remove(len);
            return;
        }
        if len == 1 && c == '\n' {
            self.b.copy(1);
        } else {
            self.b.replace(len, "\n");
        }
        self.newlines += 1;
        self.last = Last::Newline;
        self.lower_run = Some(0);
    }

    fn spaces(&mut self, pos: usize) {
        let end = pos
            + self.text[pos..]
                .char_indices()
                .find(|&(_, c)| !is_space(c))
                .map_or(self.text.len() - pos, |(i, _)| i);
        // A removal starting inside the run cuts it.
        let end = self
            .removals
            .get(self.next_removal)
            .map_or(end, |r| end.min(r.start.max(pos)));
        let (next, skipped) = self.next_significant(end, false);
        let wanted = matches!(self.last, Last::Text(_))
            && match next {
                None => false,
                Some(c) if is_break(c) => false,
                Some(c) => !(skipped && matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')')),
            };
        if !wanted || end == pos {
            self.b.remove(end - pos);
            return;
        }
        let first = self.char_at(pos).map_or(1, char::len_utf8);
        if self.text[pos..].starts_with(' ') {
            self.b.copy(1);
        } else {
            self.b.replace(first, " ");
        }
        self.b.remove(end - pos - first);
        self.last = Last::Space;
        self.lower_run = Some(0);
    }

    fn visible(&mut self, pos: usize, c: char) {
        let prev = match self.last {
            Last::Text(p) => Some(p),
            _ => None,
        };
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' => self.replace(c, '\''),
            '“' | '„' | '‹' => self.replace(c, '«'),
            '”' | '›' => self.replace(c, '»'),
            '"' => {
                // Markdown markers next to the quote are removed: look past them.
                let next = self.next_kept_past(pos + 1, |m| m == '_' || m == '*');
                let after_space = prev.is_none_or(|p| matches!(p, '(' | '[' | '—' | '–' | '-'));
                let before_space =
                    next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]…".contains(n));
                let opening = if after_space && !before_space {
                    true
                } else if before_space && !after_space {
                    false
                } else {
                    next.is_some_and(char::is_alphanumeric)
                };
                self.replace(c, if opening { '«' } else { '»' });
            }
            '#' if prev.is_none_or(|p| !p.is_alphanumeric() && p != '&')
                && self
                    .next_kept_past(pos, |m| m == '#')
                    .is_some_and(char::is_alphabetic) =>
            {
                self.b.remove(1);
            }
            '_' | '*'
                if prev.is_some_and(is_opening)
                    || self
                        .next_kept_past(pos, |m| m == '_' || m == '*')
                        .is_some_and(is_closing) =>
            {
                self.b.remove(1);
            }
            '*' if prev.is_some_and(char::is_alphabetic)
                && self.next_significant(pos + 1, false).0.is_none_or(is_break) =>
            {
                self.b.remove(1);
            }
            '\u{2010}' | '\u{2011}' => self.replace(c, '-'),
            _ => {
                if c.is_uppercase() && self.glued_before(pos, prev) {
                    self.b.insert(" ");
                }
                self.copy(c);
            }
        }
    }

    /// Whether a space was lost before the capital `c` at `pos` (see the module doc).
    fn glued_before(&self, pos: usize, prev: Option<char>) -> bool {
        let Some(prev) = prev else {
            return false;
        };
        let after = &self.text[pos..];
        if prev.is_lowercase() {
            // (a) a lowercase word of four letters or more, then a capitalized word; its
            // letters are read as kept, past invisible characters ("comaA\u{200b}aà").
            if self.lower_run.is_none_or(|n| n < 4) {
                return false;
            }
            let capital = after.chars().next().map_or(1, char::len_utf8);
            let second = self.next_kept_at(pos + capital, |_| false);
            let third = second.and_then(|(at, c)| self.next_kept_at(at + c.len_utf8(), |_| false));
            return [second, third]
                .iter()
                .all(|k| k.is_some_and(|(_, c)| c.is_lowercase()));
        }
        if matches!(prev, '.' | '!' | '?') {
            // (b) end of a sentence glued to the next one.
            let out = self.b.output();
            let before = out.strip_suffix(prev).unwrap_or(out);
            let word: usize = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .take(2)
                .count();
            let next = after
                .chars()
                .next()
                .and_then(|c| self.next_kept(pos + c.len_utf8()));
            return word >= 2 && next.is_some_and(|n| n.is_alphabetic() || n == '-');
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text).text
    }

    #[test]
    fn spaces_and_apostrophes() {
        assert_eq!(norm("8\u{202F}461 d’Alep"), "8 461 d'Alep");
        assert_eq!(norm("  a \u{a0}\t b  \n  c  "), "a b\nc");
        assert_eq!(norm("l‘évacuation"), "l'évacuation");
    }

    #[test]
    fn glued_words() {
        assert_eq!(
            norm("Partager cet articleDiscussion"),
            "Partager cet article Discussion"
        );
        assert_eq!(norm("McDonald dAlep iPhone"), "McDonald dAlep iPhone");
        assert_eq!(
            norm("par l'AFP.T-Shirts roses"),
            "par l'AFP. T-Shirts roses"
        );
        assert_eq!(norm("7.1 U.S.A"), "7.1 U.S.A");
        // The capitalized word is read past the invisible characters it loses.
        assert_eq!(norm("comaA\u{200b}aà"), "coma Aaà");
    }

    /// Pieces of text that exercise every rule, and the bulk copy's edges: accented and
    /// foreign letters, capitals after each kind of character, spaces of every width, CRLF,
    /// invisible characters, quotation marks, markdown, hashtags, URLs.
    const PIECES: &[&str] = &[
        "a",
        "le",
        "mots",
        "article",
        "é",
        "à",
        "ß",
        "ﬁ",
        "œ",
        "É",
        "Ç",
        "A",
        "Le",
        "MOT",
        "Alep",
        "iPhone",
        "0",
        "7",
        "2016",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\t",
        "\n",
        "\n\n\n",
        "\r\n",
        "\r",
        "\u{2028}",
        "\u{200b}",
        "\u{feff}",
        "\u{ad}",
        ".",
        ",",
        "!",
        "?",
        ";",
        ":",
        "'",
        "’",
        "‘",
        "`",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "‹",
        "„",
        "-",
        "\u{2010}",
        "\u{2011}",
        "—",
        "–",
        "(",
        ")",
        "[",
        "]",
        "#",
        "##",
        "_",
        "*",
        "&",
        "@",
        "%",
        "/",
        "+",
        "=",
        "<",
        ">",
        "$",
        "~",
        "|",
        "^",
        "{",
        "\\",
        "https://t.co/x",
        "www.rt.com",
        "http://",
        "\u{1F600}",
        "ж",
        "Ж",
    ];

    /// The bulk copy gives the text and URLs of the general path, and a map that takes every
    /// position to the same place (the general path may split an exact run in two where a
    /// zero-length edit was recorded, which maps the same).
    fn assert_bulk_like_slow(text: &str, remove: &[Span]) {
        let (fast, fast_urls) = normalize_walk(text, remove, true);
        let (slow, slow_urls) = normalize_walk(text, remove, false);
        assert_eq!(fast.text, slow.text, "{text:?} {remove:?}");
        assert_eq!(fast_urls, slow_urls, "{text:?}");
        let (f, s) = (&fast.map, &slow.map);
        assert_eq!(f.original_len(), s.original_len());
        for pos in 0..=fast.text.len() {
            assert_eq!(
                f.start_to_original(pos),
                s.start_to_original(pos),
                "{text:?} {pos}"
            );
            assert_eq!(
                f.end_to_original(pos),
                s.end_to_original(pos),
                "{text:?} {pos}"
            );
        }
        for pos in 0..=text.len() {
            assert_eq!(f.to_normalized(pos), s.to_normalized(pos), "{text:?} {pos}");
        }
    }

    #[test]
    fn bulk_copy_matches_the_general_path_on_samples() {
        for text in [
            "8\u{202F}461 d’Alep",
            "Partager cet articleDiscussion mortsLes France.Le l'AFP.T-Shirts",
            "déjàDit étéFini ÉtéFini a.B ab.Cd abc.Dé 7.1 U.S.A McDonald",
            "Il a dit \"oui\" puis “_Nous … souhaitent._” et «non» #Alep a#b",
            "  a \u{a0}\t b  \r\n\r\n\r\n  c  \u{200b}d\u{ad}e fin*\nvoir https://t.co/x. Et",
        ] {
            assert_bulk_like_slow(text, &[]);
        }
    }

    proptest::proptest! {
        #[test]
        fn bulk_copy_matches_the_general_path(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            cut in proptest::option::of((0usize..200, 0usize..20)),
        ) {
            let text: String = pieces.concat();
            // A removed span, moved onto char boundaries, as boilerplate lines are.
            let remove: Vec<Span> = cut
                .map(|(start, len)| {
                    let floor = |mut i: usize| {
                        i = i.min(text.len());
                        while !text.is_char_boundary(i) {
                            i -= 1;
                        }
                        i
                    };
                    Span::new(floor(start), floor(start + len))
                })
                .filter(|s| s.start < s.end)
                .into_iter()
                .collect();
            assert_bulk_like_slow(&text, &remove);
        }
    }
}
