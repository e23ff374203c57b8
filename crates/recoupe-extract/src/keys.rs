//! A cheap first test before the hash look-up of a word in a word list. Most words of a text
//! are in none of the stages' small lists, and a word's first byte and length, read from a
//! table, already say so for many of them: the look-up, which hashes and compares the word,
//! is then skipped.

use rustc_hash::{FxHashMap, FxHashSet};

/// One bit per (byte, length) pair: lengths up to 63 are told apart, longer ones share one
/// bit. [`KeyFilter`] keys it by a word's first byte, [`EndFilter`] by its last.
#[derive(Clone, Debug)]
struct ByteLengths(Box<[u64; 256]>);

impl Default for ByteLengths {
    fn default() -> Self {
        ByteLengths(Box::new([0; 256]))
    }
}

impl ByteLengths {
    fn insert(&mut self, byte: u8, len: usize) {
        self.0[usize::from(byte)] |= 1 << len.min(63);
    }

    #[inline]
    fn contains(&self, byte: u8, len: usize) -> bool {
        self.0[usize::from(byte)] >> len.min(63) & 1 != 0
    }
}

/// The (first byte, length) pairs of a set of keys.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyFilter {
    lengths: ByteLengths,
    empty: bool,
}

impl KeyFilter {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> KeyFilter {
        let mut filter = KeyFilter::default();
        for key in keys {
            filter.insert(key);
        }
        filter
    }

    pub fn insert(&mut self, key: &str) {
        match key.as_bytes().first() {
            Some(&b) => self.lengths.insert(b, key.len()),
            None => self.empty = true,
        }
    }

    /// `false` when `key` is surely none of the keys; `true` when it may be one.
    #[inline]
    pub fn may_contain(&self, key: &str) -> bool {
        match key.as_bytes().first() {
            Some(&b) => self.lengths.contains(b, key.len()),
            None => self.empty,
        }
    }
}

/// The (last byte, length) pairs of a set of keys: after a [`KeyFilter`], which reads the
/// first byte, a second cheap test before a hash look-up.
#[derive(Clone, Debug, Default)]
pub(crate) struct EndFilter {
    lengths: ByteLengths,
}

impl EndFilter {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> EndFilter {
        let mut filter = EndFilter::default();
        for key in keys {
            filter.insert(key);
        }
        filter
    }

    pub fn insert(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().last() {
            self.lengths.insert(b, key.len());
        }
    }

    /// `false` when `key` is surely none of the keys; `true` when it may be one (an empty
    /// key is left to the look-up).
    #[inline]
    pub fn may_contain(&self, key: &str) -> bool {
        match key.as_bytes().last() {
            Some(&b) => self.lengths.contains(b, key.len()),
            None => true,
        }
    }
}

/// The longest key [`pack_short`] packs.
pub(crate) const SHORT_KEY: usize = 15;

/// `key` and its length in one integer, when it has at most [`SHORT_KEY`] bytes: byte `k` of
/// the key is byte `k` of the result (little-endian), the length its last byte, the rest
/// zero. Read with a few possibly overlapping loads rather than byte by byte.
#[inline]
pub(crate) fn pack_short(key: &[u8]) -> Option<u128> {
    let len = key.len();
    let load8 = |at: usize| {
        key.get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let load4 = |at: usize| {
        key.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let (lo, hi) = match len {
        0..=3 => (
            key.iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k)),
            0,
        ),
        // The second load ends at the key's end: its bytes past the first load's are its
        // top ones.
        4..=7 => (load4(0) | (load4(len - 4) >> (8 * (8 - len))) << 32, 0),
        8 => (load8(0), 0),
        9..=SHORT_KEY => (load8(0), load8(len - 8) >> (8 * (16 - len))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (len as u128) << 120)
}

/// A set of words packed by [`pack_short`] (never the empty word, whose packed form 0 marks
/// an empty slot): open addressing with linear probing in a table at most a quarter full, so
/// a look-up is a multiply and nearly always one slot, compared without a `memcmp` call (a
/// hash set of strings hashes the word, then compares it).
#[derive(Clone, Debug, Default)]
struct ShortSet {
    slots: Vec<u128>,
    count: usize,
}

impl ShortSet {
    #[inline]
    fn slot(&self, k: u128) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let x = ((k as u64) ^ ((k >> 64) as u64).wrapping_mul(K)).wrapping_mul(K);
        // The table's length is a power of two (or zero, and then nothing is asked).
        let bits = self.slots.len().trailing_zeros();
        if bits == 0 {
            return 0;
        }
        (x >> (64 - bits)) as usize
    }

    fn insert(&mut self, k: u128) {
        if (self.count + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![0; (old.len() * 2).max(16)];
            self.count = 0;
            for k in old.into_iter().filter(|&k| k != 0) {
                self.insert(k);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        while let Some(&s) = self.slots.get(i) {
            if s == k {
                return;
            }
            if s == 0 {
                self.slots[i] = k;
                self.count += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn contains(&self, k: u128) -> bool {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.slot(k);
        while let Some(&s) = self.slots.get(i) {
            if s == k {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
        false
    }
}

/// [`pack_short`] of a non-empty word.
#[inline]
fn short(key: &str) -> Option<u128> {
    pack_short(key.as_bytes()).filter(|&k| k != 0)
}

/// A set of words asked through a [`KeyFilter`] and an [`EndFilter`] first: most words
/// asked are in none. Words of up to [`SHORT_KEY`] bytes are looked up in a [`ShortSet`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Words {
    set: FxHashSet<String>,
    short: ShortSet,
    filter: KeyFilter,
    ends: EndFilter,
}

impl Words {
    /// The two filters inline where the set is asked, the hash look-up out of line: most
    /// words asked stop at a filter.
    #[inline(always)]
    pub fn contains(&self, key: &str) -> bool {
        self.filter.may_contain(key) && self.ends.may_contain(key) && self.look_up(key)
    }

    #[inline(never)]
    fn look_up(&self, key: &str) -> bool {
        match short(key) {
            // Every short key of `set` is in `short`, and only those.
            Some(k) => self.short.contains(k),
            None => self.set.contains(key),
        }
    }

    pub fn insert(&mut self, key: String) -> bool {
        self.filter.insert(&key);
        self.ends.insert(&key);
        if let Some(k) = short(&key) {
            self.short.insert(k);
        }
        self.set.insert(key)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.set.iter()
    }
}

impl FromIterator<String> for Words {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut words = Words::default();
        words.extend(iter);
        words
    }
}

impl Extend<String> for Words {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        for key in iter {
            self.insert(key);
        }
    }
}

/// Where the words of up to [`SHORT_KEY`] bytes, packed by [`pack_short`], are in a
/// [`WordMap`]: open addressing with linear probing in a table at most a quarter full, like
/// [`ShortSet`], each slot holding a packed word and its index.
#[derive(Clone, Debug, Default)]
struct ShortIndex {
    slots: Vec<(u128, u32)>,
    count: usize,
}

impl ShortIndex {
    #[inline]
    fn slot(&self, k: u128) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let x = ((k as u64) ^ ((k >> 64) as u64).wrapping_mul(K)).wrapping_mul(K);
        let bits = self.slots.len().trailing_zeros();
        if bits == 0 {
            return 0;
        }
        (x >> (64 - bits)) as usize
    }

    /// Adds packed word `k` (never 0) at `index`; a word already there keeps its index.
    fn insert(&mut self, k: u128, index: u32) {
        if (self.count + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, 0); (old.len() * 2).max(16)];
            self.count = 0;
            for (k, index) in old.into_iter().filter(|&(k, _)| k != 0) {
                self.insert(k, index);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        while let Some(&(s, _)) = self.slots.get(i) {
            if s == k {
                return;
            }
            if s == 0 {
                self.slots[i] = (k, index);
                self.count += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, k: u128) -> Option<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.slot(k);
        while let Some(&(s, index)) = self.slots.get(i) {
            if s == k {
                return Some(index as usize);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
        None
    }
}

/// A map keyed by words, asked through a [`KeyFilter`] and an [`EndFilter`] first. Keys and
/// values are kept in insertion order; a word of up to [`SHORT_KEY`] bytes is found by its
/// packed form in a [`ShortIndex`] (no string hash, no `memcmp` call), a longer one in a
/// hash map of indexes.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    keys: Vec<String>,
    values: Vec<V>,
    /// Every key's index (the look-up of long and empty keys, and of inserts).
    index: FxHashMap<String, u32>,
    short: ShortIndex,
    filter: KeyFilter,
    ends: EndFilter,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            keys: Vec::new(),
            values: Vec::new(),
            index: FxHashMap::default(),
            short: ShortIndex::default(),
            filter: KeyFilter::default(),
            ends: EndFilter::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The two filters inline where the map is asked, the look-up out of line: most words
    /// asked stop at a filter.
    #[inline(always)]
    pub fn get(&self, key: &str) -> Option<&V> {
        if self.filter.may_contain(key) && self.ends.may_contain(key) {
            self.look_up(key)
        } else {
            None
        }
    }

    #[inline(never)]
    fn look_up(&self, key: &str) -> Option<&V> {
        let at = match short(key) {
            // Every short key is in `short`, and only those.
            Some(k) => self.short.get(k)?,
            None => *self.index.get(key)? as usize,
        };
        self.values.get(at)
    }

    #[inline(always)]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The index of `key`, added with `value()` when absent.
    fn index_of(&mut self, key: String, value: impl FnOnce() -> V) -> usize {
        if let Some(&at) = self.index.get(&key) {
            return at as usize;
        }
        let at = self.keys.len();
        let at32 = u32::try_from(at).unwrap_or(u32::MAX);
        self.filter.insert(&key);
        self.ends.insert(&key);
        if let Some(k) = short(&key) {
            self.short.insert(k, at32);
        }
        self.index.insert(key.clone(), at32);
        self.keys.push(key);
        self.values.push(value());
        at
    }

    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        if let Some(&at) = self.index.get(&key) {
            return Some(std::mem::replace(&mut self.values[at as usize], value));
        }
        self.index_of(key, || value);
        None
    }

    /// The value of `key`, a default one inserted first when absent.
    pub fn entry_or_default(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        let at = self.index_of(key, V::default);
        &mut self.values[at]
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.values.iter_mut()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.keys.iter().zip(&self.values)
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = WordMap::default();
        for (key, value) in iter {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_rejects_a_key() {
        let keys = ["de", "la", "", "aujourd'hui", "é", &"x".repeat(80)];
        let filter = KeyFilter::new(keys.iter().copied());
        for key in keys {
            assert!(filter.may_contain(key), "{key:?}");
        }
        assert!(!filter.may_contain("maison"));
        // Same first byte and length as a key: may be one.
        assert!(filter.may_contain("le"));
        assert!(!filter.may_contain("dans"));
        assert!(filter.may_contain(&"x".repeat(70)));
        assert!(!KeyFilter::default().may_contain(""));
    }

    /// Two words have the same short form only when they are equal.
    #[test]
    fn short_forms_are_the_words_own() {
        let alphabet: [&[u8]; 4] = [b"a", b"\0", b"\xff", "é".as_bytes()];
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut all = Vec::new();
        for _ in 0..9 {
            words = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |a| [w.as_slice(), a].concat()))
                .filter(|w| w.len() <= 17)
                .collect();
            words.sort();
            words.dedup();
            all.extend(words.iter().cloned());
        }
        all.sort();
        all.dedup();
        let mut seen = std::collections::HashMap::new();
        for w in &all {
            match pack_short(w).filter(|&k| k != 0) {
                Some(k) => {
                    assert!(w.len() <= SHORT_KEY && !w.is_empty());
                    if let Some(other) = seen.insert(k, w.clone()) {
                        panic!("{w:?} and {other:?}");
                    }
                }
                None => assert!(w.is_empty() || w.len() > SHORT_KEY),
            }
        }
    }

    /// `Words` and `WordMap` answer as a plain set and map of the same words.
    #[test]
    fn words_and_maps_answer_as_a_hash_set() {
        let keys: Vec<String> = (0..3000)
            .map(|n: u32| {
                let len = 1 + (n as usize * 7) % 20;
                (0..len)
                    .map(|k| char::from(b'a' + ((n as usize + k * 3) % 26) as u8))
                    .collect()
            })
            .chain(["é", "aujourd'hui", "", "l'", "x"].map(String::from))
            .collect();
        let mut words = Words::default();
        let mut map: WordMap<usize> = WordMap::default();
        let mut plain = std::collections::HashSet::new();
        let mut values = std::collections::HashMap::new();
        for (i, k) in keys.iter().enumerate().step_by(2) {
            words.insert(k.clone());
            map.insert(k.clone(), i);
            plain.insert(k.clone());
            values.insert(k.clone(), i);
        }
        // Inserted again: one key, the last value.
        map.insert("zz".into(), 1);
        map.insert("zz".into(), 2);
        assert_eq!(map.get("zz"), Some(&2));
        words.insert("zz".into());
        plain.insert("zz".into());
        values.insert("zz".into(), 2);
        for k in keys
            .iter()
            .chain(["zz", "ab", "", "é"].map(String::from).iter())
        {
            let expected = plain.contains(k);
            assert_eq!(words.contains(k), expected, "{k:?}");
            assert_eq!(map.get(k).is_some(), expected, "{k:?}");
            assert_eq!(map.get(k), values.get(k), "{k:?}");
        }
    }
}
