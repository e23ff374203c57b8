//! MinHash signatures of documents and LSH banding over them.
//!
//! A signature holds, for each of [`SIGNATURE_LEN`] hash functions, the smallest hash of the
//! document's shingles; the share of equal positions in two signatures estimates the Jaccard
//! similarity of their shingle sets. Banding (rows of [`BAND_ROWS`] positions hashed into one
//! bucket key) turns that into candidate pairs without comparing every pair of documents.

use rustc_hash::FxHashMap;

use super::words::mix;

pub const SIGNATURE_LEN: usize = 64;
/// Rows per band: with 16 bands of 4 rows, a pair of Jaccard 0.3 shares a bucket with
/// probability about 0.13, one of 0.5 about 0.64, one of 0.7 above 0.99.
pub const BAND_ROWS: usize = 4;

/// The MinHash signature of one document; empty when it has no shingle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

impl Signature {
    pub fn of(shingles: &[u64]) -> Signature {
        if shingles.is_empty() {
            return Signature(Vec::new());
        }
        let mut sig = vec![u64::MAX; SIGNATURE_LEN];
        for &s in shingles {
            for (i, slot) in sig.iter_mut().enumerate() {
                let h = mix(s ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1));
                if h < *slot {
                    *slot = h;
                }
            }
        }
        Signature(sig)
    }

    /// Estimated Jaccard similarity of the two shingle sets; 0 when either is empty.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.0.is_empty() || self.0.len() != other.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }
}

const SEEDS: [u64; 4] = [
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
];

/// Pairs `(i, j)`, `i < j`, of documents whose signatures share at least one band bucket.
/// Buckets larger than `max_bucket` are skipped (the same boilerplate in many documents).
pub fn lsh_pairs(signatures: &[Signature], max_bucket: usize) -> Vec<(usize, usize)> {
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (doc, sig) in signatures.iter().enumerate() {
        for (band, rows) in sig.0.chunks(BAND_ROWS).enumerate() {
            let key = rows.iter().fold(band as u64, |acc, h| mix(acc ^ h));
            buckets.entry((band, key)).or_default().push(doc);
        }
    }
    let mut pairs = Vec::new();
    for docs in buckets.values() {
        if docs.len() < 2 || docs.len() > max_bucket {
            continue;
        }
        for (k, &a) in docs.iter().enumerate() {
            for &b in docs.iter().skip(k + 1) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
