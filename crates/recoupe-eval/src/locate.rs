//! Finding annotated text in a document: the n-th exact occurrence, matches allowed to
//! overlap, as `gold/README.md` defines it.

use recoupe_model::Span;

/// Byte span of the `occurrence`-th (1-based) match of `needle` in `text`.
pub fn nth(text: &str, needle: &str, occurrence: usize) -> Option<Span> {
    if needle.is_empty() || occurrence == 0 {
        return None;
    }
    let mut seen = 0;
    let mut from = 0;
    while let Some(pos) = text.get(from..)?.find(needle) {
        let start = from + pos;
        seen += 1;
        if seen == occurrence {
            return Some(Span::new(start, start + needle.len()));
        }
        // Next search starts one char later, so overlapping matches count.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_overlap_and_count_in_bytes() {
        let text = "é aaa";
        assert_eq!(nth(text, "aa", 1), Some(Span::new(3, 5)));
        assert_eq!(nth(text, "aa", 2), Some(Span::new(4, 6)));
        assert_eq!(nth(text, "aa", 3), None);
        assert_eq!(nth("civils il", "il", 2), Some(Span::new(7, 9)));
    }
}
