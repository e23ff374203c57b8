//! A language's full list of verb forms (`data/<lang>/verb-forms.tsv`): whether a word can be
//! a finite verb, an infinitive or a participle, whether it can also be a noun or an
//! adjective, and the infinitive it is a form of. Endings alone cannot tell "ils espèrent" from "les présents", nor "espère" from
//! "serre"; the list can, and context decides only where the word is truly both.
//!
//! The list is borrowed from the embedded file and indexed by form in a hash map: the claims
//! stage looks up several words around every figure, and a binary search over two hundred
//! thousand forms took about twenty string comparisons a word.
//!
//! "Is this word a form of one of these verbs" is asked of sets of infinitives that never
//! change ([`Infinitives`]): each set lists the forms of its verbs once, at load, so the
//! question is one look-up in a small set, most words turned away by its filters.

use rustc_hash::FxHashMap;

use super::lexicon::WordSet;

/// What a word can be, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    const FINITE: u16 = 1;
    const INFINITIVE: u16 = 1 << 1;
    const PAST_PARTICIPLE: u16 = 1 << 2;
    const PRESENT_PARTICIPLE: u16 = 1 << 3;
    const NOUN: u16 = 1 << 4;
    const ADJECTIVE: u16 = 1 << 5;
    /// Adverb, preposition, pronoun, determiner, name or anything else but a verb.
    const OTHER: u16 = 1 << 6;
    const VERB: u16 =
        Self::FINITE | Self::INFINITIVE | Self::PAST_PARTICIPLE | Self::PRESENT_PARTICIPLE;

    fn from_letters(letters: &str) -> Self {
        Classes(letters.bytes().fold(0, |bits, b| {
            bits | match b {
                b'V' => Self::FINITE,
                b'I' => Self::INFINITIVE,
                b'P' => Self::PAST_PARTICIPLE,
                b'G' => Self::PRESENT_PARTICIPLE,
                b'N' => Self::NOUN,
                b'A' => Self::ADJECTIVE,
                _ => Self::OTHER,
            }
        }))
    }

    pub fn finite(self) -> bool {
        self.0 & Self::FINITE != 0
    }

    pub fn infinitive(self) -> bool {
        self.0 & Self::INFINITIVE != 0
    }

    pub fn past_participle(self) -> bool {
        self.0 & Self::PAST_PARTICIPLE != 0
    }

    pub fn present_participle(self) -> bool {
        self.0 & Self::PRESENT_PARTICIPLE != 0
    }

    /// The word is a verb form and nothing else ("verront", "espère").
    pub fn only_verb(self) -> bool {
        self.0 & !Self::VERB == 0
    }
}

/// A set of infinitives, with the forms of its verbs once [`VerbForms::index`] has listed
/// them.
#[derive(Debug, Default)]
pub struct Infinitives {
    words: WordSet,
    /// Every form one of whose infinitives is in `words`.
    forms: WordSet,
    indexed: bool,
}

impl Infinitives {
    /// Whether `key` is one of the infinitives themselves.
    pub fn contains(&self, key: &str) -> bool {
        self.words.contains(key)
    }
}

impl FromIterator<String> for Infinitives {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Infinitives {
            words: iter.into_iter().collect(),
            ..Infinitives::default()
        }
    }
}

/// The verb forms of one language; empty when the language has no list.
#[derive(Debug, Default)]
pub struct VerbForms {
    /// Form → classes, and the comma-separated infinitives the form belongs to.
    entries: rustc_hash::FxHashMap<&'static str, (Classes, &'static str)>,
}

impl VerbForms {
    /// Reads `form<TAB>classes[<TAB>infinitives]` lines; `#` lines are comments. Malformed
    /// lines are skipped: the file is generated, and a test checks that every line reads.
    pub fn parse(text: &'static str) -> Self {
        let lines: Vec<(&'static str, Classes, &'static str)> = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (form, rest) = line.split_once('\t')?;
                let (letters, infinitives) = rest.split_once('\t').unwrap_or((rest, ""));
                Some((form, Classes::from_letters(letters), infinitives))
            })
            .collect();
        let mut entries = rustc_hash::FxHashMap::default();
        entries.reserve(lines.len());
        for (form, classes, infinitives) in lines {
            // The generator writes each form once; of a repeated one, the first line counts.
            entries.entry(form).or_insert((classes, infinitives));
        }
        VerbForms { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The classes of a lower-case word; `None` when the word is no verb form (or unknown).
    pub fn get(&self, key: &str) -> Option<Classes> {
        self.entries.get(key).map(|&(classes, _)| classes)
    }

    /// Whether the word is a form of one of `infinitives` ("situeront" of "situer"), as
    /// listed by [`VerbForms::index`].
    pub fn is_form_of(&self, key: &str, infinitives: &Infinitives) -> bool {
        debug_assert!(infinitives.indexed || self.is_empty());
        infinitives.forms.contains(key)
    }

    /// Lists in each of `sets` the forms of its infinitives: every form one of whose
    /// infinitives is in the set. One pass over the forms for up to 64 sets.
    pub fn index(&self, sets: &mut [&mut Infinitives]) {
        for chunk in sets.chunks_mut(64) {
            // Which sets of the chunk hold each infinitive, as bits.
            let mut holders: FxHashMap<String, u64> = FxHashMap::default();
            for (k, set) in chunk.iter().enumerate() {
                for word in set.words.iter() {
                    *holders.entry(word.clone()).or_default() |= 1 << k;
                }
            }
            for (&form, &(_, of)) in &self.entries {
                let mut bits = of
                    .split(',')
                    .fold(0u64, |b, i| b | holders.get(i).copied().unwrap_or(0));
                while bits != 0 {
                    let k = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if let Some(set) = chunk.get_mut(k) {
                        set.forms.insert(form.to_owned());
                    }
                }
            }
            for set in chunk.iter_mut() {
                set.indexed = true;
            }
        }
    }

    /// The infinitives a form belongs to ("prendra" → "prendre").
    pub fn infinitives_of<'s>(&'s self, key: &str) -> impl Iterator<Item = &'static str> + 's {
        self.entries
            .get(key)
            .map_or("", |&(_, of)| of)
            .split(',')
            .filter(|i| !i.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` as a set of infinitives, its forms listed from `forms`.
    fn indexed(forms: &VerbForms, words: &[&str]) -> Infinitives {
        let mut set: Infinitives = words.iter().map(|w| (*w).to_owned()).collect();
        forms.index(&mut [&mut set]);
        set
    }

    /// What [`VerbForms::is_form_of`] answered before the sets listed their forms.
    fn is_form_of_by_look_up(forms: &VerbForms, key: &str, words: &[&str]) -> bool {
        forms
            .entries
            .get(key)
            .is_some_and(|&(_, of)| of.split(',').any(|i| words.contains(&i)))
    }

    #[test]
    fn reads_classes_and_skips_comments() {
        let forms =
            VerbForms::parse("# comment\nespère\tV\tespérer\nprésident\tNV\tprésider\nzut\n");
        let of = |w: &str| indexed(&forms, &[w]);
        assert!(forms.is_form_of("président", &of("présider")));
        assert!(!forms.is_form_of("espère", &of("présider")));
        assert!(
            forms
                .get("espère")
                .is_some_and(|c| c.finite() && c.only_verb())
        );
        let president = forms.get("président").unwrap();
        assert!(president.finite() && !president.only_verb());
        assert_eq!(forms.get("zut"), None);
        assert_eq!(forms.get("table"), None);
    }

    #[test]
    fn unsorted_files_read() {
        let forms = VerbForms::parse("tuer\tI\nabattre\tI\nmourir\tI\n");
        assert!(forms.get("abattre").is_some_and(|c| c.infinitive()));
        assert!(forms.get("tuer").is_some());
    }

    #[test]
    fn the_french_list_reads_whole() {
        let text = recoupe_lang::data_file(recoupe_model::Lang::Fr, "verb-forms.tsv")
            .expect("data/fr/verb-forms.tsv is embedded");
        let lines = text.lines().filter(|l| !l.starts_with('#')).count();
        let forms = VerbForms::parse(text);
        assert_eq!(forms.entries.len(), lines, "every line is form<TAB>classes");
        assert!(lines > 100_000);
        for (word, finite) in [("verront", true), ("occupent", true), ("serre", true)] {
            assert_eq!(forms.get(word).map(|c| c.finite()), Some(finite), "{word}");
        }
        assert!(forms.get("sous").is_none(), "a preposition is no verb form");
        assert!(forms.get("évacués").is_some_and(|c| c.past_participle()));
        let of = |w: &str| indexed(&forms, &[w]);
        assert!(forms.is_form_of("situeront", &of("situer")));
        assert_eq!(
            forms.infinitives_of("prendra").collect::<Vec<_>>(),
            ["prendre"]
        );
        assert_eq!(forms.infinitives_of("zzz").count(), 0);
    }

    #[test]
    fn listed_forms_answer_as_the_look_up() {
        let text = recoupe_lang::data_file(recoupe_model::Lang::Fr, "verb-forms.tsv")
            .expect("data/fr/verb-forms.tsv is embedded");
        let forms = VerbForms::parse(text);
        // Sets of one verb, of several, sharing verbs, and one with a word no form has.
        let lists: [&[&str]; 5] = [
            &["avoir"],
            &["être", "avoir"],
            &["dire", "annoncer", "déclarer", "affirmer"],
            &["pouvoir", "devoir", "risquer", "avoir"],
            &["situer", "zzz", ""],
        ];
        let mut sets: Vec<Infinitives> = lists
            .iter()
            .map(|l| l.iter().map(|w| (*w).to_owned()).collect())
            .collect();
        forms.index(&mut sets.iter_mut().collect::<Vec<_>>());
        let mut keys: Vec<&str> = forms.entries.keys().copied().step_by(7).collect();
        keys.extend([
            "a",
            "ont",
            "sont",
            "dit",
            "pourrait",
            "situeront",
            "table",
            "",
        ]);
        for (list, set) in lists.iter().zip(&sets) {
            for key in &keys {
                assert_eq!(
                    forms.is_form_of(key, set),
                    is_form_of_by_look_up(&forms, key, list),
                    "{key} in {list:?}"
                );
            }
        }
        assert!(sets.iter().all(|s| s.indexed));
        assert!(forms.is_form_of("ont", &sets[0]) && !forms.is_form_of("ont", &sets[2]));
    }

    #[test]
    fn more_than_sixty_four_sets_are_listed() {
        let forms = VerbForms::parse("a\tV\tavoir\nest\tV\têtre\n");
        let mut sets: Vec<Infinitives> = (0..70)
            .map(|k| {
                let verb = if k % 2 == 0 { "avoir" } else { "être" };
                std::iter::once(verb.to_owned()).collect()
            })
            .collect();
        forms.index(&mut sets.iter_mut().collect::<Vec<_>>());
        for (k, set) in sets.iter().enumerate() {
            assert_eq!(forms.is_form_of("a", set), k % 2 == 0, "{k}");
            assert_eq!(forms.is_form_of("est", set), k % 2 == 1, "{k}");
        }
    }
}
