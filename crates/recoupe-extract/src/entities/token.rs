//! Tokens for name detection: words (with their internal hyphens and apostrophes, elided
//! articles split off: "l'" + "Onu"), single punctuation marks, and for each word whether it
//! opens a sentence (where capitals say nothing) and whether it stands inside « ».

use std::borrow::Cow;

use recoupe_model::Lang;

use crate::chars::{ascii_run, char_at, class, is_alphanumeric, is_uppercase, lowercase_is_itself};
use crate::keys::Words;

#[derive(Clone, Debug)]
pub struct Tok<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// The first character is an upper-case letter.
    pub upper: bool,
    /// First word of a sentence, a line, or a quotation.
    pub initial: bool,
    /// Inside « ».
    pub quoted: bool,
    /// Index of the sentence (counted from the given sentence starts).
    pub sentence: u32,
    /// The word in lower case, borrowed from the text when it is already.
    pub lower: Cow<'t, str>,
}

impl Tok<'_> {
    pub fn is(&self, punct: &str) -> bool {
        !self.word && self.text == punct
    }
}

fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '.')
}

/// Tokens of a gazetteer phrase or a short text: sentence starts are only the text's start and
/// its line starts.
pub fn tokenize_plain<'t>(text: &'t str, elisions: &Words, lang: Lang) -> Vec<Tok<'t>> {
    tokenize(text, elisions, lang, &[])
}

/// Splits `text`. `sentence_starts` are byte offsets (sorted) where sentences begin.
pub fn tokenize<'t>(
    text: &'t str,
    elisions: &Words,
    lang: Lang,
    sentence_starts: &[usize],
) -> Vec<Tok<'t>> {
    let bytes = text.as_bytes();
    // A token every four bytes is more than nearly any text has (five and a half in the
    // corpus): growing the vector would copy every token.
    let mut toks: Vec<Tok<'t>> = Vec::with_capacity(text.len() / 4 + 16);
    let mut next_sentence = 0usize;
    let mut sentence = 0u32;
    let mut initial = true;
    let mut quoted = false;
    let mut i = 0usize;
    while i < text.len() {
        while next_sentence < sentence_starts.len() && sentence_starts[next_sentence] <= i {
            next_sentence += 1;
            sentence += 1;
            initial = true;
        }
        // Plain ASCII bytes are the common case: decide on them without decoding.
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                initial = true;
            }
            i += len;
            continue;
        }
        if !is_alphanumeric(c) {
            match c {
                '«' => {
                    quoted = true;
                    initial = true;
                }
                '»' => quoted = false,
                ':' | '•' | '—' | '–' | '*' | '_' | '"' | '[' => initial = true,
                _ => {}
            }
            toks.push(Tok {
                text: &text[i..i + len],
                start: i,
                end: i + len,
                word: false,
                upper: false,
                initial: false,
                quoted,
                sentence,
                lower: Cow::Borrowed(""),
            });
            i += len;
            continue;
        }
        let start = i;
        let (end, case) = word_end(text, start, elisions, lang);
        let word = &text[start..end];
        let lower = match case {
            Case::AsciiLower => Cow::Borrowed(word),
            Case::AsciiUpper => Cow::Owned(word.to_ascii_lowercase()),
            Case::Other => lowercase(word),
        };
        toks.push(Tok {
            text: word,
            start,
            end,
            word: true,
            upper: is_uppercase(c),
            initial,
            quoted,
            sentence,
            lower,
        });
        initial = false;
        i = end;
    }
    toks
}

/// What lowering a word takes: nothing (ASCII without capitals), ASCII lowering, or the
/// general case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    AsciiLower,
    AsciiUpper,
    Other,
}

/// End of the word starting at `start`: letters and digits, joined by a hyphen, an apostrophe
/// or (in initialisms like "U.N") a period followed by a letter. An elided article ends at its
/// apostrophe; an English possessive "'s" is left out. Also says how the word lowers, found
/// on the way so the word is not scanned again.
fn word_end(text: &str, start: usize, elisions: &Words, lang: Lang) -> (usize, Case) {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut pos = start;
    let mut segment_len = 0usize;
    let mut segment_upper = false;
    let (mut ascii, mut upper) = (true, false);
    loop {
        // ASCII letters and digits, most of the text, on bytes.
        let (run_end, seen) = ascii_run(bytes, pos, class::ALNUM);
        if run_end > pos {
            if segment_len == 0 {
                segment_upper = bytes.get(pos).is_some_and(u8::is_ascii_uppercase);
            }
            upper |= seen & class::UPPER != 0;
            segment_len += run_end - pos;
            pos = run_end;
            end = pos;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        let len = c.len_utf8();
        if is_alphanumeric(c) {
            if segment_len == 0 {
                segment_upper = is_uppercase(c);
            }
            ascii = false;
            segment_len += 1;
            end = pos + len;
            pos += len;
            continue;
        }
        let next = char_at(text, pos + len);
        if !joins(c) || !next.is_some_and(is_alphanumeric) {
            break;
        }
        match c {
            '\'' => {
                let before = &text[start..pos];
                if elisions.contains(&lowercase(before)) {
                    return (pos + 1, case(ascii, upper));
                }
                if lang == Lang::En && possessive(&text[pos + 1..]) {
                    return (pos, case(ascii, upper));
                }
            }
            '.' => {
                // Only initialisms: one capital letter, a period, another capital.
                let next_upper = next.is_some_and(char::is_uppercase);
                if !(segment_len == 1 && segment_upper && next_upper) {
                    break;
                }
            }
            _ => {}
        }
        segment_len = 0;
        pos += len;
    }
    let first = char_at(text, start).map_or(1, char::len_utf8);
    if end < start + first {
        // Not reached: the word starts with a letter or digit.
        return (start + first, Case::Other);
    }
    (end, case(ascii, upper))
}

fn case(ascii: bool, upper: bool) -> Case {
    match (ascii, upper) {
        (true, false) => Case::AsciiLower,
        (true, true) => Case::AsciiUpper,
        _ => Case::Other,
    }
}

/// `word.to_lowercase()`, without a copy when that changes nothing (a character whose own
/// lower case is itself is left as it is by `str::to_lowercase` too).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(word.to_ascii_lowercase());
        }
        return Cow::Borrowed(word);
    }
    if word.chars().all(lowercase_is_itself) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

fn possessive(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s')) && !it.next().is_some_and(char::is_alphanumeric)
}
