//! Normalized text and its byte-exact map back to the original.
//!
//! Normalization rewrites a text for matching (one apostrophe, one quotation mark, plain
//! spaces, no boilerplate) while every position in the result can still be traced back to the
//! original bytes. The map is a list of runs: an *exact* run is copied byte for byte, an
//! *opaque* run replaced, inserted or removed text, and maps only as a whole.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One run of the map: normalized offset, original offset, and whether the run is an exact
/// copy (positions inside it map one to one) or opaque (replaced, inserted or removed text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run(pub usize, pub usize, pub bool);

impl Run {
    fn norm(&self) -> usize {
        self.0
    }
    fn orig(&self) -> usize {
        self.1
    }
    fn exact(&self) -> bool {
        self.2
    }
}

/// Maps positions of a normalized text back to its original text (and forth).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    runs: Vec<Run>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> OffsetMap {
        let runs = if len == 0 {
            Vec::new()
        } else {
            vec![Run(0, 0, true)]
        };
        OffsetMap {
            runs,
            norm_len: len,
            orig_len: len,
        }
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// End of run `i` in normalized and original bytes.
    fn run_end(&self, i: usize) -> (usize, usize) {
        match self.runs.get(i + 1) {
            Some(next) => (next.norm(), next.orig()),
            None => (self.norm_len, self.orig_len),
        }
    }

    /// Original position of a normalized position taken as the start of a span: a position
    /// inside an opaque run maps to the run's start, so the span covers what was replaced.
    pub fn start_to_original(&self, pos: usize) -> usize {
        self.start_lookup(pos).0
    }

    /// [`Self::start_to_original`], and how many runs start at or before `pos` (0 when that
    /// was not needed: a lower bound is all [`Self::end_lookup`] asks).
    fn start_lookup(&self, pos: usize) -> (usize, usize) {
        if pos >= self.norm_len {
            return (self.orig_len, 0);
        }
        // The last run starting at or before `pos`: after a removal, the run that follows it.
        let i = self.runs.partition_point(|r| r.norm() <= pos);
        let Some(run) = i.checked_sub(1).and_then(|i| self.runs.get(i)) else {
            return (pos.min(self.orig_len), i);
        };
        let orig = if run.exact() {
            run.orig() + (pos - run.norm())
        } else {
            run.orig()
        };
        (orig, i)
    }

    /// Original position of a normalized position taken as the end of a span: a position
    /// inside an opaque run maps to the run's end, and text removed right after the span is
    /// not pulled into it.
    pub fn end_to_original(&self, pos: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        let pos = pos.min(self.norm_len);
        // First run whose normalized range (start, end] contains `pos`.
        let i = self.runs.partition_point(|r| r.norm() < pos);
        self.end_in_run(pos, i)
    }

    /// [`Self::end_to_original`], knowing that the first `from` runs all start before `pos`:
    /// the runs after them are read nearest first, since a span's end is seldom many runs
    /// past its start.
    fn end_lookup(&self, pos: usize, from: usize) -> usize {
        if pos == 0 {
            return 0;
        }
        let pos = pos.min(self.norm_len);
        let rest = self.runs.get(from..).unwrap_or(&[]);
        const NEAR: usize = 8;
        let near = rest
            .iter()
            .take(NEAR)
            .take_while(|r| r.norm() < pos)
            .count();
        let i = if near < NEAR {
            from + near
        } else {
            from + near + rest[near..].partition_point(|r| r.norm() < pos)
        };
        self.end_in_run(pos, i)
    }

    /// The original end of `pos`, where `i` runs start before `pos`.
    fn end_in_run(&self, pos: usize, i: usize) -> usize {
        let Some(i) = i.checked_sub(1) else {
            return 0;
        };
        let run = self.runs[i];
        let (_, orig_end) = self.run_end(i);
        if run.exact() {
            run.orig() + (pos - run.norm())
        } else {
            orig_end
        }
    }

    /// The original span of a normalized span.
    pub fn span_to_original(&self, span: Span) -> Span {
        let (start, runs_to_start) = self.start_lookup(span.start);
        // Runs starting at or before the span's start all start before a later end.
        let from = if span.end > span.start {
            runs_to_start
        } else {
            0
        };
        let end = self.end_lookup(span.end, from).max(start);
        Span::new(start, end)
    }

    /// Normalized position of an original position (the nearest one at or before it when the
    /// original position was replaced or removed).
    pub fn to_normalized(&self, pos: usize) -> usize {
        let i = self.runs.partition_point(|r| r.orig() <= pos);
        let Some(i) = i.checked_sub(1) else {
            return 0;
        };
        let run = self.runs[i];
        let (norm_end, _) = self.run_end(i);
        if run.exact() {
            (run.norm() + (pos - run.orig())).min(norm_end)
        } else {
            run.norm()
        }
    }

    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }

    pub fn original_len(&self) -> usize {
        self.orig_len
    }
}

/// A text rewritten for matching, with its map back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

impl Normalized {
    pub fn identity(text: &str) -> Normalized {
        Normalized {
            text: text.to_owned(),
            map: OffsetMap::identity(text.len()),
        }
    }

    /// The original span of a span of the normalized text.
    pub fn to_original(&self, span: Span) -> Span {
        self.map.span_to_original(span)
    }
}

/// Builds a [`Normalized`] text by walking the original from left to right.
///
/// Every call consumes original bytes (`copy`, `replace`, `remove`) or adds text (`insert`).
/// Lengths are in bytes and must end on char boundaries of the original; a length that runs
/// past the end is cut to it.
pub struct NormalizedBuilder<'a> {
    original: &'a str,
    consumed: usize,
    out: String,
    runs: Vec<Run>,
}

impl<'a> NormalizedBuilder<'a> {
    pub fn new(original: &'a str) -> Self {
        NormalizedBuilder {
            original,
            consumed: 0,
            out: String::with_capacity(original.len()),
            runs: Vec::new(),
        }
    }

    /// Room for `additional` more runs of the map, for a caller that can tell about how
    /// many edits it will make: growing the runs copies every one made so far.
    pub fn reserve_runs(&mut self, additional: usize) {
        self.runs.reserve(additional);
    }

    /// Original bytes consumed so far.
    pub fn position(&self) -> usize {
        self.consumed
    }

    /// The original text not consumed yet.
    pub fn rest(&self) -> &'a str {
        &self.original[self.consumed..]
    }

    /// The normalized text written so far.
    pub fn output(&self) -> &str {
        &self.out
    }

    fn take(&mut self, len: usize) -> &'a str {
        let end = floor_char_boundary(
            self.original,
            (self.consumed + len).min(self.original.len()),
        );
        let s = &self.original[self.consumed..end];
        self.consumed = end;
        s
    }

    // Inline: a handful of comparisons, called for every edit (twice for each accented
    // letter of the time stage's ASCII shadow), where a call costs as much again.
    #[inline(always)]
    fn push_run(&mut self, exact: bool) {
        let run = Run(self.out.len(), self.consumed, exact);
        if let Some(last) = self.runs.last_mut() {
            if last.norm() == run.norm() && last.orig() == run.orig() {
                // The previous run is empty: this one takes its place.
                *last = run;
                return;
            }
            if exact && last.exact() {
                return; // An exact run simply continues.
            }
        }
        self.runs.push(run);
    }

    /// Copies `len` original bytes unchanged.
    pub fn copy(&mut self, len: usize) {
        self.push_run(true);
        let s = self.take(len);
        self.out.push_str(s);
    }

    /// Copies everything not consumed yet.
    pub fn copy_rest(&mut self) {
        self.copy(self.original.len() - self.consumed);
    }

    /// Replaces `len` original bytes with `with`.
    pub fn replace(&mut self, len: usize, with: &str) {
        self.push_run(false);
        self.take(len);
        // Most replacements are one ASCII byte (an apostrophe, a space, an unaccented
        // letter): pushed as a char, without a call to copy memory.
        match with.as_bytes() {
            &[b] => self.out.push(char::from(b)),
            _ => self.out.push_str(with),
        }
    }

    /// `copy(plain)` then `replace(len, with)` for a one-char `with`, in one step: the
    /// ASCII shadow of a text does this at every accented letter (about a hundred thousand
    /// times a corpus round), and the general path re-checks bounds and char boundaries, and
    /// calls out to copy memory, for each. Same runs and output as the two calls.
    #[inline]
    pub fn copy_then_replace_byte(&mut self, plain: usize, len: usize, with: u8) {
        let start = self.consumed;
        let (mid, end) = (start + plain, start + plain + len);
        let original = self.original;
        // The fast path only where `take` would cut nothing: both ends inside the original
        // and on char boundaries.
        let fits = end <= original.len()
            && original.is_char_boundary(mid)
            && original.is_char_boundary(end);
        let Some(copied) = original.get(start..mid).filter(|_| fits) else {
            if plain > 0 {
                self.copy(plain);
            }
            self.replace(len, char::from(with).encode_utf8(&mut [0; 2]));
            return;
        };
        if plain > 0 {
            self.push_run(true);
            self.out.push_str(copied);
            self.consumed = mid;
        }
        self.push_run(false);
        self.consumed = end;
        self.out.push(char::from(with));
    }

    /// Drops `len` original bytes.
    pub fn remove(&mut self, len: usize) {
        self.replace(len, "");
    }

    /// Adds text that has no counterpart in the original.
    pub fn insert(&mut self, text: &str) {
        self.replace(0, text);
    }

    pub fn finish(mut self) -> Normalized {
        // A trailing opaque run of length zero on both sides carries no information.
        self.push_run(true);
        if let Some(last) = self.runs.last()
            && last.norm() == self.out.len()
            && last.orig() == self.consumed
        {
            self.runs.pop();
        }
        let map = OffsetMap {
            runs: self.runs,
            norm_len: self.out.len(),
            orig_len: self.consumed,
        };
        Normalized {
            text: self.out,
            map,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn build(original: &str, steps: &[(&str, usize, &str)]) -> Normalized {
        let mut b = NormalizedBuilder::new(original);
        for (op, len, with) in steps {
            match *op {
                "copy" => b.copy(*len),
                "replace" => b.replace(*len, with),
                "remove" => b.remove(*len),
                "insert" => b.insert(with),
                _ => unreachable!(),
            }
        }
        b.copy_rest();
        b.finish()
    }

    #[test]
    fn copy_then_replace_byte_is_copy_and_replace() {
        let original = "le 14 décembre à l’aube, Œuvre";
        // Every split of the text into a copied part and a replaced part after it, from
        // every start, char boundaries or not, past the end too.
        for first in 0..original.len() {
            for plain in 0..8 {
                for len in 0..5 {
                    let mut slow = NormalizedBuilder::new(original);
                    let mut fast = NormalizedBuilder::new(original);
                    slow.copy(first);
                    fast.copy(first);
                    if plain > 0 {
                        slow.copy(plain);
                    }
                    slow.replace(len, "e");
                    fast.copy_then_replace_byte(plain, len, b'e');
                    slow.copy_rest();
                    fast.copy_rest();
                    assert_eq!(fast.finish(), slow.finish(), "{first} {plain} {len}");
                }
            }
        }
    }

    #[test]
    fn apostrophe_replacement_maps_back() {
        let original = "d’Alep est";
        let n = build(original, &[("copy", 1, ""), ("replace", 3, "'")]);
        assert_eq!(n.text, "d'Alep est");
        let alep = Span::new(2, 6);
        assert_eq!(n.to_original(alep).slice(original), "Alep");
        assert_eq!(n.to_original(Span::new(0, 6)).slice(original), "d’Alep");
        assert_eq!(n.to_original(Span::new(1, 2)).slice(original), "’");
    }

    #[test]
    fn removed_text_stays_out_of_neighbouring_spans() {
        let original = "Un.\nPublicité\nDeux.";
        let n = build(original, &[("copy", 4, ""), ("remove", 11, "")]);
        assert_eq!(n.text, "Un.\nDeux.");
        assert_eq!(n.to_original(Span::new(0, 3)).slice(original), "Un.");
        assert_eq!(n.to_original(Span::new(4, 9)).slice(original), "Deux.");
        assert_eq!(n.to_original(Span::new(0, 4)).slice(original), "Un.\n");
    }

    #[test]
    fn inserted_text_maps_to_a_point() {
        let original = "articleDiscussion";
        let n = build(original, &[("copy", 7, ""), ("insert", 0, " ")]);
        assert_eq!(n.text, "article Discussion");
        assert_eq!(
            n.to_original(Span::new(8, 18)).slice(original),
            "Discussion"
        );
        assert_eq!(n.to_original(Span::new(0, 7)).slice(original), "article");
        assert_eq!(n.map.to_normalized(7), 8);
    }

    /// `original` run through random edits: copy, replace by an apostrophe, remove, insert a
    /// space (the op), each over `len` bytes.
    fn edited(original: &str, ops: &[(u8, usize)]) -> Normalized {
        let mut b = NormalizedBuilder::new(original);
        for &(op, len) in ops {
            match op {
                0 => b.copy(len),
                1 => b.replace(len, "'"),
                2 => b.remove(len),
                _ => b.insert(" "),
            }
        }
        b.copy_rest();
        b.finish()
    }

    proptest! {
        // A span's ends found together (the end searched for after the start) map as each
        // found on its own.
        #[test]
        fn spans_map_as_their_ends(original in "[a-zé’ #\n]{0,60}", ops in proptest::collection::vec((0u8..4, 0usize..6), 0..30)) {
            let n = edited(&original, &ops);
            let len = n.text.len();
            for s in 0..=len + 1 {
                for e in 0..=len + 1 {
                    let start = n.map.start_to_original(s);
                    let end = n.map.end_to_original(e).max(start);
                    prop_assert_eq!(n.map.span_to_original(Span::new(s, e)), Span::new(start, end));
                }
            }
        }


        // Whatever the edits, mapped spans land on char boundaries of the original and keep
        // their order, and exact copies map back to the same text.
        #[test]
        fn spans_map_to_char_boundaries(original in "[a-zé’ #\n]{0,40}", ops in proptest::collection::vec((0u8..4, 0usize..6), 0..12)) {
            let n = edited(&original, &ops);
            prop_assert_eq!(n.map.original_len(), original.len());
            let mut boundaries: Vec<usize> = n.text.char_indices().map(|(i, _)| i).collect();
            boundaries.push(n.text.len());
            for (k, &s) in boundaries.iter().enumerate() {
                for &e in &boundaries[k..] {
                    let o = n.to_original(Span::new(s, e));
                    prop_assert!(o.start <= o.end && o.end <= original.len());
                    prop_assert!(original.is_char_boundary(o.start) && original.is_char_boundary(o.end));
                }
            }
        }
    }
}
