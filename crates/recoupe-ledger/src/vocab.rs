//! The ledger's data files, parsed once: the parties behind the figures
//! (`common/ledger-parties.toml`), the place hierarchy (`common/ledger-places.toml`) and the
//! predicate families and counted supersets (`common/ledger-measures.toml`).
//!
//! Names are compared folded (lower case, no accents, one apostrophe, single spaces) so that
//! "Sergueï Lavrov", "SERGUEI LAVROV" and "Sergueï  Lavrov" are one name.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// Lower case, no accents, straight apostrophes, single spaces.
pub fn fold(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | 'ʼ' | '‘' => '\'',
            _ => c,
        })
        .collect();
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Debug, Deserialize)]
struct PartiesFile {
    #[serde(default)]
    party: Vec<PartyEntry>,
}

#[derive(Debug, Deserialize)]
struct PartyEntry {
    id: String,
    name: String,
    #[serde(default)]
    members: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PlacesFile {
    #[serde(default)]
    place: Vec<PlaceEntry>,
}

#[derive(Debug, Deserialize)]
struct PlaceEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    within: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct MeasuresFile {
    #[serde(default)]
    predicates: HashMap<String, Vec<String>>,
    #[serde(default)]
    counted: HashMap<String, String>,
}

/// A party: the side a speaker or organisation speaks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub name: String,
}

/// Everything the ledger reads from its data files.
#[derive(Debug, Default)]
pub struct Vocab {
    parties: Vec<Party>,
    /// Folded member name → index in `parties`.
    members: Vec<(String, usize)>,
    /// Folded place name or alias → canonical name.
    places: HashMap<String, String>,
    /// Canonical place → canonical place containing it.
    within: HashMap<String, String>,
    /// Predicate category → family id.
    predicate_family: HashMap<String, String>,
    /// Counted category → its superset category.
    superset: HashMap<String, String>,
}

/// The parsed data files. A file that fails to parse leaves its part empty: the ledger then
/// treats every speaker as its own party and every place as standing alone.
pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let parties: PartiesFile = recoupe_lang::common_file("ledger-parties.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or(PartiesFile { party: Vec::new() });
    let places: PlacesFile = recoupe_lang::common_file("ledger-places.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or(PlacesFile { place: Vec::new() });
    let measures: MeasuresFile = recoupe_lang::common_file("ledger-measures.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default();
    Vocab::from_files(parties, places, measures)
});

impl Vocab {
    fn from_files(parties: PartiesFile, places: PlacesFile, measures: MeasuresFile) -> Vocab {
        let mut vocab = Vocab::default();
        for (i, entry) in parties.party.into_iter().enumerate() {
            vocab.members.push((fold(&entry.name), i));
            for member in &entry.members {
                vocab.members.push((fold(member), i));
            }
            vocab.parties.push(Party {
                id: entry.id,
                name: entry.name,
            });
        }
        // Longest names first, so that a precise member wins over a short one it begins with.
        vocab.members.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
        for entry in places.place {
            vocab.places.insert(fold(&entry.name), entry.name.clone());
            for alias in &entry.aliases {
                vocab.places.insert(fold(alias), entry.name.clone());
            }
            if let Some(parent) = entry.within {
                vocab.within.insert(entry.name, parent);
            }
        }
        for (family, members) in measures.predicates {
            for member in members {
                vocab.predicate_family.insert(member, family.clone());
            }
        }
        vocab.superset = measures.counted;
        vocab
    }

    /// The party a speaker or organisation name belongs to: an exact folded match, or a
    /// member followed by more words ("Centre russe pour la réconciliation des parties").
    pub fn party_of(&self, name: &str) -> Option<&Party> {
        let folded = fold(name);
        if folded.is_empty() {
            return None;
        }
        self.members
            .iter()
            .find(|(member, _)| {
                !member.is_empty()
                    && (folded == *member
                        || (folded.starts_with(member.as_str())
                            && folded[member.len()..].starts_with(' ')))
            })
            .and_then(|(_, i)| self.parties.get(*i))
    }

    /// The canonical name of a place (the name itself when the hierarchy does not list it).
    pub fn place(&self, name: &str) -> String {
        self.places
            .get(&fold(name))
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }

    /// True when `outer` is `inner` or contains it.
    pub fn place_contains(&self, outer: &str, inner: &str) -> bool {
        let mut current = inner;
        // The chain is bounded: a cycle in the data cannot loop forever.
        for _ in 0..32 {
            if current == outer {
                return true;
            }
            match self.within.get(current) {
                Some(parent) => current = parent,
                None => return false,
            }
        }
        false
    }

    /// The family of a predicate category (the category itself when it has none).
    pub fn predicate_family(&self, category: &str) -> String {
        self.predicate_family
            .get(category)
            .cloned()
            .unwrap_or_else(|| category.to_owned())
    }

    /// The direct superset of a counted category ("children" → "civilians").
    pub fn superset(&self, category: &str) -> Option<&str> {
        self.superset.get(category).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_match_folded_and_longer_names() {
        let v = &*VOCAB;
        let ru = v.party_of("SERGUEI LAVROV").map(|p| p.id.as_str());
        assert_eq!(ru, Some("ru-government"));
        let centre = v.party_of("Centre russe pour la réconciliation des parties en conflit");
        assert_eq!(centre.map(|p| p.id.as_str()), Some("ru-government"));
        assert_eq!(v.party_of("Brita Hali Hasan"), None);
        // A member is not matched inside another word.
        assert_eq!(v.party_of("Moscoutaire"), None);
    }

    #[test]
    fn place_hierarchy() {
        let v = &*VOCAB;
        assert_eq!(v.place("east aleppo"), "Alep-Est");
        assert!(v.place_contains("Syrie", "Alep-Est"));
        assert!(v.place_contains("Alep", "Alep"));
        assert!(!v.place_contains("Alep-Est", "Alep"));
        assert!(!v.place_contains("Idlib", "Alep"));
        assert_eq!(v.predicate_family("left"), "evacuated");
        assert_eq!(v.superset("children"), Some("civilians"));
    }
}
