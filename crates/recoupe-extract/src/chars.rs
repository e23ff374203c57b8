//! Character classes on the hot paths of the tokenizers. Most letters of French and English
//! text are ASCII or Latin-1 and Latin Extended letters ("é", "ç", "ł"): these are decided by
//! their code point, the rest by the standard library's Unicode tables. Same answers as
//! `char::is_alphabetic` and `char::is_alphanumeric` for every character (tested).

/// `c.is_alphabetic()`.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        // ª µ º; the rest of U+0080..U+00BF is punctuation, symbols and digits.
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º'),
        // Latin-1 letters and Latin Extended-A and -B, all letters but × and ÷.
        0xC0..=0x24F => c != '×' && c != '÷',
        // General Punctuation: spaces, dashes, quotation marks, ellipsis.
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾'),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_uppercase()`.
#[inline]
pub(crate) fn is_uppercase(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_uppercase(),
        // À..Þ but ×; the rest of Latin-1 is lower case or no letter.
        0x80..=0xFF => matches!(c, 'À'..='Þ') && c != '×',
        _ => c.is_uppercase(),
    }
}

/// Pushes `c.to_lowercase()` onto `out`. The ASCII and Latin-1 arms inline at every call
/// (the tokenizers call it for each char of a word with accents), the rest out of line.
#[inline(always)]
pub(crate) fn push_lowercase(c: char, out: &mut String) {
    match u32::from(c) {
        0..=0x7F => out.push(c.to_ascii_lowercase()),
        // À..Þ but × are one code point above their lower case.
        0xC0..=0xDE if c != '×' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        0x80..=0xFF => out.push(c),
        _ => push_lowercase_beyond_latin1(c, out),
    }
}

#[inline(never)]
fn push_lowercase_beyond_latin1(c: char, out: &mut String) {
    out.extend(c.to_lowercase());
}

/// Whether `c.to_lowercase()` is `c` itself.
#[inline]
pub(crate) fn lowercase_is_itself(c: char) -> bool {
    match u32::from(c) {
        0..=0xFF => !is_uppercase(c),
        _ => {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    }
}

/// Classes of ASCII bytes, for the tokenizers' loops over runs of ASCII letters and digits
/// (bytes above 0x7F have none: their chars are decided one by one).
pub(crate) mod class {
    pub const DIGIT: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const UPPER: u8 = 4;
    pub const ALPHA: u8 = LOWER | UPPER;
    pub const ALNUM: u8 = ALPHA | DIGIT;
}

static ASCII_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            class::DIGIT
        } else if byte.is_ascii_lowercase() {
            class::LOWER
        } else if byte.is_ascii_uppercase() {
            class::UPPER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The [`class`] bits of byte `b` (none for a byte that is no ASCII letter or digit).
#[inline]
pub(crate) fn ascii_class(b: u8) -> u8 {
    ASCII_CLASSES[usize::from(b)]
}

/// The bytes from `pos` on that are all in one of the classes `of` (a run of ASCII letters,
/// say): the end of the run and the union of their classes.
#[inline]
pub(crate) fn ascii_run(bytes: &[u8], pos: usize, of: u8) -> (usize, u8) {
    let mut seen = 0;
    let mut end = pos;
    while let Some(&b) = bytes.get(end) {
        let c = ASCII_CLASSES[usize::from(b)];
        if c & of == 0 {
            break;
        }
        seen |= c;
        end += 1;
    }
    (end, seen)
}

/// Every byte of a word-sized chunk at once: `ONES * b` repeats byte `b`, `HIGH` is the top
/// bit of every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `w` (eight bytes of text) that is an ASCII letter, or with
/// `digits` an ASCII letter or digit. Bytes are compared through additions that carry into
/// their own top bit only: on their low seven bits, a byte is at most 0x7F and no sum
/// reaches 0x100.
#[inline]
fn alnum_bits(w: u64, digits: bool) -> u64 {
    let low = w & !HIGH;
    // A letter with its case bit set is a lower-case letter, and no other byte becomes one.
    let folded = low | (ONES * 0x20);
    let from_a = folded.wrapping_add(ONES * (0x80 - u64::from(b'a'))) & HIGH;
    let past_z = folded.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1)) & HIGH;
    let mut bits = from_a & !past_z;
    if digits {
        let from_0 = low.wrapping_add(ONES * (0x80 - u64::from(b'0'))) & HIGH;
        let past_9 = low.wrapping_add(ONES * (0x80 - u64::from(b'9') - 1)) & HIGH;
        bits |= from_0 & !past_9;
    }
    // Bytes above 0x7F are none of them.
    bits & !w
}

/// [`ascii_run`] over ASCII letters, or letters and digits with `digits`, read eight bytes
/// at a time (a word is five or six bytes on average: one step for most): the end of the
/// run and whether it holds an upper-case letter.
#[inline]
pub(crate) fn ascii_word_run(bytes: &[u8], mut pos: usize, digits: bool) -> (usize, bool) {
    let mut upper = 0u64;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let bits = alnum_bits(w, digits);
        // An upper-case letter has its case bit (0x20) clear: shifted to the top bit.
        let capitals = bits & !(w << 2);
        let others = !bits & HIGH;
        if others == 0 {
            upper |= capitals;
            pos += 8;
            continue;
        }
        // Little-endian: the first byte outside the run is the lowest set bit.
        let len = others.trailing_zeros() / 8;
        let before = (1u64 << (8 * len)) - 1;
        upper |= capitals & before;
        return (pos + len as usize, upper != 0);
    }
    // Fewer than eight bytes left: one at a time.
    let of = if digits { class::ALNUM } else { class::ALPHA };
    let (end, seen) = ascii_run(bytes, pos, of);
    (end, upper != 0 || seen & class::UPPER != 0)
}

/// Eight bytes of text with their ASCII capitals in lower case, at once: a capital gets its
/// case bit (0x20), every other byte stays.
#[inline]
pub(crate) fn ascii_lowercase_u64(w: u64) -> u64 {
    let capitals = alnum_bits(w, false) & !(w << 2);
    w | capitals >> 2
}

/// [`char_at`] with the char's length in bytes; two-byte chars (Latin-1 and Latin Extended
/// letters, most of the non-ASCII letters of French) are decoded here on bytes.
#[inline]
pub(crate) fn char_len_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    match *bytes.get(pos)? {
        b if b < 0x80 => Some((char::from(b), 1)),
        // A lead byte of a two-byte sequence: in valid UTF-8 a continuation byte follows.
        b @ 0xC2..=0xDF => {
            let next = *bytes.get(pos + 1)?;
            let c = char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F))?;
            Some((c, 2))
        }
        _ => char_at(text, pos).map(|c| (c, c.len_utf8())),
    }
}

/// The character at byte `pos` of `text` (a char boundary), decoded only when it is not
/// ASCII: the tokenizers walk byte offsets and most characters are ASCII.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(pos..).and_then(|s| s.chars().next()),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            let mut pushed = String::new();
            push_lowercase(c, &mut pushed);
            let lower: String = c.to_lowercase().collect();
            assert_eq!(pushed, lower, "{c:?}");
            assert_eq!(lowercase_is_itself(c), lower == c.to_string(), "{c:?}");
        }
    }

    #[test]
    fn word_runs_match_byte_runs() {
        let texts = [
            "Alep-Est 2016 été",
            "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
            "Moscou@[`{/:]x\u{7f}éÉ aaaaaaaA1bbbbbbbbbbbbbbbbZ",
            "",
            "x",
            "DEUXMILLE2016mille",
        ];
        let mut all: Vec<u8> = (0..=255u8).collect();
        all.extend(b"abcdefgh");
        for digits in [false, true] {
            let of = if digits { class::ALNUM } else { class::ALPHA };
            for bytes in texts.iter().map(|t| t.as_bytes()).chain([all.as_slice()]) {
                for pos in 0..=bytes.len() {
                    let (end, seen) = ascii_run(bytes, pos, of);
                    let expected = (end, seen & class::UPPER != 0);
                    assert_eq!(
                        ascii_word_run(bytes, pos, digits),
                        expected,
                        "{bytes:?} {pos}"
                    );
                }
            }
            // Every byte value at every place of a chunk and after it.
            for b in 0..=255u8 {
                for at in 0..12 {
                    let mut bytes = b"aaaaaaaaaaaaaaaa".to_vec();
                    bytes[at] = b;
                    let (end, seen) = ascii_run(&bytes, 0, of);
                    let expected = (end, seen & class::UPPER != 0);
                    assert_eq!(ascii_word_run(&bytes, 0, digits), expected, "{b} at {at}");
                }
            }
        }
    }

    #[test]
    fn lowercase_eight_bytes() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', b'Q', b' ', 0xC3] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let mut lower = bytes;
                    lower.make_ascii_lowercase();
                    let got = ascii_lowercase_u64(u64::from_le_bytes(bytes));
                    assert_eq!(got, u64::from_le_bytes(lower), "{b} at {at}");
                }
            }
        }
    }

    #[test]
    fn chars_with_their_lengths() {
        let text: String = (0..0x3_0000).filter_map(char::from_u32).collect();
        let mut pos = 0;
        for c in text.chars() {
            assert_eq!(char_len_at(&text, pos), Some((c, c.len_utf8())), "{c:?}");
            assert_eq!(char_at(&text, pos), Some(c));
            pos += c.len_utf8();
        }
        assert_eq!(char_len_at(&text, pos), None);
    }

    #[test]
    fn upper_case_chars_are_letters() {
        // The quotes tokenizer tells an acronym by the absence of a letter that is not upper
        // case, which relies on this.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert!(!is_uppercase(c) || is_alphabetic(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_runs() {
        let text = "Alep-Est 2016 été";
        let (end, seen) = ascii_run(text.as_bytes(), 0, class::ALNUM);
        assert_eq!((end, seen), (4, class::LOWER | class::UPPER));
        let (end, seen) = ascii_run(text.as_bytes(), 9, class::ALNUM);
        assert_eq!((end, seen), (13, class::DIGIT));
        assert_eq!(ascii_run(text.as_bytes(), 14, class::ALNUM), (14, 0));
        for b in 0..=255u8 {
            let (end, seen) = ascii_run(&[b], 0, class::ALNUM);
            assert_eq!(end == 1, b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(seen & class::UPPER != 0, b.is_ascii_uppercase(), "{b}");
            assert_eq!(seen & class::LOWER != 0, b.is_ascii_lowercase(), "{b}");
            assert_eq!(
                ascii_run(&[b], 0, class::ALPHA).0 == 1,
                b.is_ascii_alphabetic()
            );
        }
    }
}
