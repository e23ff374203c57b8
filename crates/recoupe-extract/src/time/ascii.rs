//! An ASCII shadow of the text for matching, with its map back to the original bytes.
//!
//! Rules run on this shadow, not on the text: accents are dropped ("décembre" → "decembre"),
//! typographic apostrophes and spaces become plain ones, and any other non-ASCII character
//! becomes a neutral ASCII one. Matching ASCII lets the regex engine stay on its fast DFA
//! path (Unicode word boundaries force a slow engine on non-ASCII text), and makes every rule
//! accent-insensitive for free. Spans are mapped back with [`recoupe_model::OffsetMap`].

use recoupe_model::{Normalized, NormalizedBuilder};

use crate::chars::char_len_at;

/// The ASCII form of one char, or `None` when it is ASCII already.
pub(crate) fn ascii_of(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ÿ' => "y",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        'ñ' => "n",
        '’' | '‘' | 'ʼ' | '′' => "'",
        '‐' | '‑' | '‒' | '–' | '—' => "-",
        c if c.is_whitespace() => " ",
        // Letters and digits of other scripts stay word characters, so no boundary appears
        // inside a foreign word; anything else is a separator.
        c if c.is_alphanumeric() => "x",
        _ => " ",
    })
}

/// The ASCII shadow of `text`.
pub(crate) fn shadow(text: &str) -> Normalized {
    if text.is_ascii() {
        return Normalized::identity(text);
    }
    let mut b = NormalizedBuilder::new(text);
    // Each non-ASCII char makes up to two runs (the copy before it and its replacement);
    // press text has about one every thirty bytes. Room for one every sixteen covers nearly
    // every text at once, where growing from empty copied the runs several times.
    b.reserve_runs(text.len() / 8);
    let bytes = text.as_bytes();
    // Runs of ASCII are copied whole, found on bytes: only the other chars are decoded.
    let (mut i, mut plain_from) = (0, 0);
    while let Some(&byte) = bytes.get(i) {
        if byte.is_ascii() {
            i = next_non_ascii(bytes, i);
            continue;
        }
        let Some((c, len)) = char_len_at(text, i) else {
            break;
        };
        let with = ascii_of(c).unwrap_or(" ");
        match with.as_bytes() {
            // Nearly every replacement: an accented letter, an apostrophe, a space.
            &[byte] => b.copy_then_replace_byte(i - plain_from, len, byte),
            _ => {
                if i > plain_from {
                    b.copy(i - plain_from);
                }
                b.replace(len, with);
            }
        }
        i += len;
        plain_from = i;
    }
    b.copy_rest();
    b.finish()
}

/// The position of the first byte from `from` on that is not ASCII (the length when none
/// is), eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or(&[]);
    at + tail
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(tail.len())
}

/// `s` with every char replaced by its ASCII form (for words and patterns of the data files).
pub(crate) fn fold_str(s: &str) -> String {
    // Pushed in place: resolution folds every matched word, so no string per char.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ascii_of(c) {
            None => out.push(c),
            Some(a) => out.push_str(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::Span;

    #[test]
    fn finds_the_next_non_ascii_byte() {
        let text = "le 14 décembre 2016 à l'aube, après une longue nuit";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = (from..bytes.len())
                .find(|&i| !bytes[i].is_ascii())
                .unwrap_or(bytes.len());
            assert_eq!(next_non_ascii(bytes, from), want, "{from}");
        }
    }

    #[test]
    fn shadow_maps_back() {
        let n = shadow("le 14 décembre à l’aube");
        assert!(n.text.is_ascii());
        assert_eq!(n.text, "le 14 decembre a l'aube");
        let span = Span::new(3, 14);
        assert_eq!(
            n.to_original(span).slice("le 14 décembre à l’aube"),
            "14 décembre"
        );
    }
}
