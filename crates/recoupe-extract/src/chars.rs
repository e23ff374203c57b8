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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
