//! Words and word shingles of a document's normalized text.
//!
//! A word is a run of letters and digits, lower-cased; everything else (punctuation, quotes,
//! spaces of any kind) separates words, so "« 5 992 civils »" and "5 992 civils" give the same
//! words. Each word keeps its byte span in the normalized text, so a run of shared shingles can
//! be mapped back to the original text.

use recoupe_model::{Document, Span};

/// How many consecutive words make a shingle.
pub const SHINGLE_WORDS: usize = 8;

/// The words of a document: their hashes and their spans in the normalized text.
#[derive(Clone, Debug, Default)]
pub struct Words {
    pub hashes: Vec<u64>,
    pub spans: Vec<Span>,
}

impl Words {
    pub fn of(doc: &Document) -> Words {
        let text = doc.normalized.text.as_str();
        let mut words = Words::default();
        let mut start: Option<usize> = None;
        let mut hash = FNV_OFFSET;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                    hash = FNV_OFFSET;
                }
                for lower in c.to_lowercase() {
                    hash = fnv_char(hash, lower);
                }
            } else if let Some(s) = start.take() {
                words.push(hash, Span::new(s, i));
            }
        }
        if let Some(s) = start {
            words.push(hash, Span::new(s, text.len()));
        }
        words
    }

    fn push(&mut self, hash: u64, span: Span) {
        self.hashes.push(mix(hash));
        self.spans.push(span);
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// One hash per shingle: shingle `i` covers words `i .. i + SHINGLE_WORDS`. Empty when the
    /// document has fewer words than a shingle.
    pub fn shingles(&self) -> Vec<u64> {
        self.hashes
            .windows(SHINGLE_WORDS)
            .map(|w| {
                w.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |acc, h| {
                    mix(acc.rotate_left(5) ^ h)
                })
            })
            .collect()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv_char(mut hash: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// A 64-bit finalizer (splitmix64): spreads the bits so that hashes can be compared as
/// uniformly random numbers (MinHash and winnowing both pick minima).
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Winnowing (Schleimer, Wilkerson and Aiken, 2003): the minimum hash of every window of
/// `window` consecutive shingles, each selected position once. Any run of at least
/// `window + SHINGLE_WORDS - 1` shared words shares at least one selected hash.
pub fn winnow(shingles: &[u64], window: usize) -> Vec<u64> {
    let window = window.max(1);
    if shingles.len() <= window {
        return shingles.iter().min().copied().into_iter().collect();
    }
    let mut chosen = Vec::new();
    let mut last: Option<usize> = None;
    for (start, w) in shingles.windows(window).enumerate() {
        // Rightmost minimum, so that sliding the window keeps the same choice.
        let mut best = 0;
        for (i, h) in w.iter().enumerate() {
            if *h <= w[best] {
                best = i;
            }
        }
        let pos = start + best;
        if last != Some(pos) {
            chosen.push(w[best]);
            last = Some(pos);
        }
    }
    chosen
}
