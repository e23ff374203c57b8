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

/// A word of 1 to 16 bytes as two words and its length, read with at most four loads and no
/// copy: two windows that overlap cover every byte, so with the length the form is the
/// word's own (two words with the same form are equal).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Short {
    lo: u64,
    hi: u64,
    /// 0 marks an empty slot of [`ShortSet`].
    len: u64,
}

#[inline]
fn short(key: &[u8]) -> Option<Short> {
    let n = key.len();
    let u64_at = |at: usize| {
        key.get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let u32_at = |at: usize| {
        key.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(|b| u64::from(u32::from_le_bytes(b)))
    };
    let byte_at = |at: usize| key.get(at).map(|&b| u64::from(b));
    let (lo, hi) = match n {
        // Bytes 0, n/2 and n-1 are every byte of a word of up to three.
        1..=3 => (
            byte_at(0)? | byte_at(n / 2)? << 8 | byte_at(n - 1)? << 16,
            0,
        ),
        4..=7 => (u32_at(0)? | u32_at(n - 4)? << 32, 0),
        8..=16 => (u64_at(0)?, u64_at(n - 8)?),
        _ => return None,
    };
    Some(Short {
        lo,
        hi,
        len: n as u64,
    })
}

/// A set of [`Short`] words: open addressing with linear probing in a table at most a
/// quarter full, so a look-up is a multiply and nearly always one slot, compared without a
/// `memcmp` call (a hash set of strings hashes the word, then compares it).
#[derive(Clone, Debug, Default)]
struct ShortSet {
    slots: Vec<Short>,
    count: usize,
}

impl ShortSet {
    #[inline]
    fn slot(&self, k: &Short) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let x = (k.lo ^ k.hi.rotate_left(29) ^ k.len.wrapping_mul(K)).wrapping_mul(K);
        // The table's length is a power of two (or zero, and then nothing is asked).
        let bits = self.slots.len().trailing_zeros();
        if bits == 0 {
            return 0;
        }
        (x >> (64 - bits)) as usize
    }

    fn insert(&mut self, k: Short) {
        if (self.count + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![Short::default(); (old.len() * 2).max(16)];
            self.count = 0;
            for k in old.into_iter().filter(|k| k.len != 0) {
                self.insert(k);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(&k);
        while let Some(s) = self.slots.get(i) {
            if *s == k {
                return;
            }
            if s.len == 0 {
                self.slots[i] = k;
                self.count += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn contains(&self, k: &Short) -> bool {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.slot(k);
        while let Some(s) = self.slots.get(i) {
            if s == k {
                return true;
            }
            if s.len == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
        false
    }
}

/// A set of words asked through a [`KeyFilter`] and an [`EndFilter`] first: most words
/// asked are in none. Words of up to 16 bytes are looked up in a [`ShortSet`].
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
        match short(key.as_bytes()) {
            // Every short key of `set` is in `short`, and only those.
            Some(k) => self.short.contains(&k),
            None => self.set.contains(key),
        }
    }

    pub fn insert(&mut self, key: String) -> bool {
        self.filter.insert(&key);
        self.ends.insert(&key);
        if let Some(k) = short(key.as_bytes()) {
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

/// A map keyed by words, asked through a [`KeyFilter`] and an [`EndFilter`] first.
/// (Unlike [`Words`], no [`ShortSet`]: most words that pass the filters are keys, and a
/// packed test before the map's look-up cost more than the misses it turned away.)
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    map: FxHashMap<String, V>,
    filter: KeyFilter,
    ends: EndFilter,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            map: FxHashMap::default(),
            filter: KeyFilter::default(),
            ends: EndFilter::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The two filters inline where the map is asked, the hash look-up out of line: most
    /// words asked stop at a filter.
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
        self.map.get(key)
    }

    #[inline(always)]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        self.filter.insert(&key);
        self.ends.insert(&key);
        self.map.insert(key, value)
    }

    pub fn entry(&mut self, key: String) -> std::collections::hash_map::Entry<'_, String, V> {
        self.filter.insert(&key);
        self.ends.insert(&key);
        self.map.entry(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.map.values()
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.map.iter()
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
            match short(w) {
                Some(k) => {
                    assert!(w.len() <= 16 && !w.is_empty());
                    let k = (k.lo, k.hi, k.len);
                    if let Some(other) = seen.insert(k, w.clone()) {
                        panic!("{w:?} and {other:?}");
                    }
                }
                None => assert!(w.is_empty() || w.len() > 16),
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
        for (i, k) in keys.iter().enumerate().step_by(2) {
            words.insert(k.clone());
            map.insert(k.clone(), i);
            plain.insert(k.clone());
        }
        // Given to `entry` but never inserted: still absent.
        let _ = map.entry("zz".into());
        for k in keys
            .iter()
            .chain(["zz", "ab", "", "é"].map(String::from).iter())
        {
            let expected = plain.contains(k);
            assert_eq!(words.contains(k), expected, "{k:?}");
            assert_eq!(map.get(k).is_some(), expected, "{k:?}");
        }
    }
}
