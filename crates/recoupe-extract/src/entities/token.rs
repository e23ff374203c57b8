//! Tokens for name detection: words (with their internal hyphens and apostrophes, elided
//! articles split off: "l'" + "Onu"), single punctuation marks, and for each word whether it
//! opens a sentence (where capitals say nothing) and whether it stands inside « ».

use std::borrow::Cow;

use recoupe_model::Lang;

use crate::chars::{
    ascii_run, char_at, char_len_at, class, is_alphanumeric, is_uppercase, lowercase_is_itself,
};
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
    /// A word with a hyphen ("Alep-Est", "el-Assad").
    pub hyphen: bool,
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
    split(text, None, elisions, lang, &[])
}

/// Splits `text`. `lowered` is `text.to_ascii_lowercase()`: the lower case of a word of ASCII
/// letters is read there, where copying it word by word would cost an allocation for each
/// capitalized word. `sentence_starts` are byte offsets (sorted) where sentences begin.
pub fn tokenize<'t>(
    text: &'t str,
    lowered: &'t str,
    elisions: &Words,
    lang: Lang,
    sentence_starts: &[usize],
) -> Vec<Tok<'t>> {
    split(text, Some(lowered), elisions, lang, sentence_starts)
}

/// [`tokenize`], with or without the lowered text.
fn split<'t>(
    text: &'t str,
    lowered: Option<&'t str>,
    elisions: &Words,
    lang: Lang,
    sentence_starts: &[usize],
) -> Vec<Tok<'t>> {
    let bytes = text.as_bytes();
    // A token every four bytes is more than nearly any text has (five and a half in the
    // corpus): growing the vector would copy every token.
    let mut toks: Vec<Tok<'t>> = Vec::with_capacity(text.len() / 4 + 16);
    let start_of = |k: usize| sentence_starts.get(k).copied().unwrap_or(usize::MAX);
    let mut next_sentence = 0usize;
    let mut next_start = start_of(0);
    let mut sentence = 0u32;
    let mut initial = true;
    let mut quoted = false;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        // ASCII white space on the byte (`char::is_whitespace` says the same for these six);
        // other chars decoded on bytes when they take two (Latin letters, « »).
        let (c, len) = match b {
            b' ' | b'\t' | 0x0B | 0x0C | b'\r' => {
                i += 1;
                continue;
            }
            b'\n' => {
                initial = true;
                i += 1;
                continue;
            }
            0..0x80 => (char::from(b), 1),
            _ => match char_len_at(text, i) {
                Some((c, _)) if c.is_whitespace() => {
                    i += c.len_utf8();
                    continue;
                }
                Some(found) => found,
                None => break,
            },
        };
        // Only tokens read the sentence count, so it is brought up to date at each.
        while next_start <= i {
            next_sentence += 1;
            next_start = start_of(next_sentence);
            sentence += 1;
            initial = true;
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
                text: text.get(i..i + len).unwrap_or(""),
                start: i,
                end: i + len,
                word: false,
                upper: false,
                initial: false,
                quoted,
                hyphen: false,
                sentence,
                lower: Cow::Borrowed(""),
            });
            i += len;
            continue;
        }
        let start = i;
        let cut = word_end(text, start, elisions, lang);
        let word = text.get(start..cut.end).unwrap_or("");
        let lower = match cut.case {
            Case::AsciiLower => Cow::Borrowed(word),
            Case::AsciiUpper => match lowered.and_then(|l| l.get(start..cut.end)) {
                Some(lower) => Cow::Borrowed(lower),
                None => Cow::Owned(word.to_ascii_lowercase()),
            },
            Case::Unchanged => Cow::Borrowed(word),
            Case::Other => Cow::Owned(word.to_lowercase()),
        };
        toks.push(Tok {
            text: word,
            start,
            end: cut.end,
            word: true,
            upper: is_uppercase(c),
            initial,
            quoted,
            hyphen: cut.hyphen,
            sentence,
            lower,
        });
        initial = false;
        i = cut.end;
    }
    toks
}

/// What lowering a word takes: nothing (ASCII without capitals, or every character its
/// own lower case), ASCII lowering, or the general case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    AsciiLower,
    AsciiUpper,
    Unchanged,
    Other,
}

/// Where a word ends, and what was seen on the way, so the word is not read again.
struct Cut {
    end: usize,
    case: Case,
    hyphen: bool,
}

/// End of the word starting at `start`: letters and digits, joined by a hyphen, an apostrophe
/// or (in initialisms like "U.N") a period followed by a letter. An elided article ends at its
/// apostrophe; an English possessive "'s" is left out. Also says how the word lowers and
/// whether it has a hyphen, found on the way so the word is not scanned again.
fn word_end(text: &str, start: usize, elisions: &Words, lang: Lang) -> Cut {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut pos = start;
    let mut segment_len = 0usize;
    let mut segment_upper = false;
    // `upper`: a character whose lower case is another (an ASCII capital, "É").
    let (mut ascii, mut upper, mut hyphen) = (true, false, false);
    let cut = |end, ascii, upper, hyphen| Cut {
        end,
        case: case(ascii, upper),
        hyphen,
    };
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
        // Most words end at a space or a mark that joins nothing: known from the byte.
        match bytes.get(pos) {
            None => break,
            Some(&b) if b < 0x80 && !matches!(b, b'-' | b'\'' | b'.') => break,
            _ => {}
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        let len = c.len_utf8();
        if is_alphanumeric(c) {
            if segment_len == 0 {
                segment_upper = is_uppercase(c);
            }
            upper |= !lowercase_is_itself(c);
            ascii = false;
            segment_len += 1;
            end = pos + len;
            pos += len;
            continue;
        }
        if !joins(c) {
            break;
        }
        let next = char_at(text, pos + len);
        if !next.is_some_and(is_alphanumeric) {
            break;
        }
        match c {
            '\'' => {
                let before = text.get(start..pos).unwrap_or("");
                // A word without capitals is its own lower case: no copy to look it up.
                let elided = if !upper {
                    elisions.contains(before)
                } else {
                    elisions.contains(&lowercase(before))
                };
                if elided {
                    return cut(pos + 1, ascii, upper, hyphen);
                }
                if lang == Lang::En && possessive(text.get(pos + 1..).unwrap_or("")) {
                    return cut(pos, ascii, upper, hyphen);
                }
            }
            '.' => {
                // Only initialisms: one capital letter, a period, another capital.
                let next_upper = next.is_some_and(char::is_uppercase);
                if !(segment_len == 1 && segment_upper && next_upper) {
                    break;
                }
            }
            _ => hyphen = true,
        }
        segment_len = 0;
        pos += len;
    }
    if end == start {
        // Not reached: the word starts with a letter or digit.
        return Cut {
            end: start + char_at(text, start).map_or(1, char::len_utf8),
            case: Case::Other,
            hyphen,
        };
    }
    cut(end, ascii, upper, hyphen)
}

fn case(ascii: bool, upper: bool) -> Case {
    match (ascii, upper) {
        (true, false) => Case::AsciiLower,
        (true, true) => Case::AsciiUpper,
        (false, false) => Case::Unchanged,
        (false, true) => Case::Other,
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

#[cfg(test)]
mod tests;
