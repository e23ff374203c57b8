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

/// The content span of a quotation or attribution from its two anchors, as
/// `gold/README.md` defines it: the start anchor's match (first, or the given occurrence), to
/// the end of the first end-anchor match ending at or after it (or the given occurrence).
pub fn anchored(
    text: &str,
    start: &str,
    end: &str,
    start_occurrence: Option<usize>,
    end_occurrence: Option<usize>,
) -> Option<Span> {
    let first = nth(text, start, start_occurrence.unwrap_or(1))?;
    let last = match end_occurrence {
        Some(n) => nth(text, end, n)?,
        None => (1..)
            .map_while(|n| nth(text, end, n))
            .find(|s| s.end >= first.end)?,
    };
    (last.end >= first.end && last.start >= first.start).then(|| Span::new(first.start, last.end))
}

/// Characters a span is trimmed of before an exact comparison: spaces, punctuation and
/// quotation marks at either end.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || ".,;:!?…«»\"“”'’".contains(c)
}

/// The span without surrounding spaces, punctuation and quotation marks.
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start_matches(is_trimmed).len());
    let end = span.end - (s.len() - s.trim_end_matches(is_trimmed).len());
    Span::new(start, end.max(start))
}

/// Shared bytes of two spans.
pub fn shared(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// One-to-one pairs (gold index, predicted index), largest shared part first: the pairing
/// rule of `gold/README.md`. With `exact`, only spans equal after trimming may pair.
pub fn pair(text: &str, gold: &[Span], predicted: &[Span], exact: bool) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in predicted.iter().enumerate() {
            let n = shared(*gs, *ps);
            if n == 0 || (exact && trim(text, *gs) != trim(text, *ps)) {
                continue;
            }
            candidates.push((std::cmp::Reverse(n), gs.start, ps.start, g, p));
        }
    }
    candidates.sort();
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut pairs = Vec::new();
    for (_, _, _, g, p) in candidates {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
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

    #[test]
    fn anchors_and_pairs() {
        let text = "« Un deux trois. » puis « quatre cinq »";
        let span = anchored(text, "Un", "trois.", None, None).unwrap();
        assert_eq!(span.slice(text), "Un deux trois.");
        assert_eq!(trim(text, Span::new(0, 20)).slice(text), "Un deux trois");
        let gold = [Span::new(3, 17)];
        let predicted = [Span::new(0, 5), Span::new(3, 20)];
        assert_eq!(pair(text, &gold, &predicted, false), vec![(0, 1)]);
        assert_eq!(pair(text, &gold, &predicted, true), vec![(0, 1)]);
    }
}
