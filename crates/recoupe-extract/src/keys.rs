//! A cheap first test before the hash look-up of a word in a word list. Most words of a text
//! are in none of the stages' small lists, and a word's first byte and length, read from a
//! table, already say so for many of them: the look-up, which hashes and compares the word,
//! is then skipped.

/// The (first byte, length) pairs of a set of keys: lengths up to 63 are told apart, longer
/// ones share one bit.
#[derive(Clone, Debug)]
pub(crate) struct KeyFilter {
    lengths: Box<[u64; 256]>,
    empty: bool,
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter {
            lengths: Box::new([0; 256]),
            empty: false,
        }
    }
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
            Some(&b) => self.lengths[usize::from(b)] |= 1 << key.len().min(63),
            None => self.empty = true,
        }
    }

    /// `false` when `key` is surely none of the keys; `true` when it may be one.
    #[inline]
    pub fn may_contain(&self, key: &str) -> bool {
        match key.as_bytes().first() {
            Some(&b) => self.lengths[usize::from(b)] >> key.len().min(63) & 1 != 0,
            None => self.empty,
        }
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
