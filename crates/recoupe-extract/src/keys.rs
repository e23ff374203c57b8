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

/// A set of words asked through a [`KeyFilter`] and an [`EndFilter`] first: most words
/// asked are in none.
#[derive(Clone, Debug, Default)]
pub(crate) struct Words {
    set: FxHashSet<String>,
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
        self.set.contains(key)
    }

    pub fn insert(&mut self, key: String) -> bool {
        self.filter.insert(&key);
        self.ends.insert(&key);
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
}
