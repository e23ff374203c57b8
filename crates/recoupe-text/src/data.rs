//! The text stage's language data, read once from `recoupe-lang`'s embedded TOML files.
//!
//! Boilerplate markers and relay names are merged across languages (French pages keep English
//! widgets, agencies have one name everywhere); abbreviations are chosen per language.

use std::collections::HashSet;
use std::sync::LazyLock;

use recoupe_lang::{common_file, data_file};
use recoupe_model::Lang;
use serde::Deserialize;

use crate::lines::line_key;

/// Languages whose files are read, with `Other` standing for `data/common/`.
const LANGS: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Other];

/// How a boilerplate marker is compared with a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole line equals the marker.
    Line,
    /// The line starts with the marker.
    Prefix,
    /// The line equals the marker, and the list after it is removed too.
    Tail,
}

#[derive(Debug, Default, Deserialize)]
struct BoilerplateFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
struct RawRule {
    id: String,
    kind: String,
    #[serde(rename = "match")]
    how: MatchKind,
    markers: Vec<String>,
}

/// One boilerplate rule, its markers already in line-key form.
#[derive(Debug)]
pub struct BoilerplateRule {
    /// Hierarchical id: `boilerplate/fr/advertisement`.
    pub rule: String,
    pub kind: String,
    pub how: MatchKind,
    pub markers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct NamesFile {
    #[serde(default)]
    name: Vec<RawName>,
}

#[derive(Debug, Deserialize)]
struct RawName {
    canonical: String,
    kind: NameKind,
    aliases: Vec<String>,
}

/// Whether a relayed name is a wire service or an outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Agency,
    Outlet,
}

/// An alias of a known agency or outlet.
#[derive(Debug)]
pub struct Alias {
    pub alias: String,
    pub canonical: String,
    pub kind: NameKind,
}

#[derive(Debug, Default, Deserialize)]
struct RelayWordsFile {
    #[serde(default)]
    source_labels: Vec<String>,
    #[serde(default)]
    with_words: Vec<String>,
    #[serde(default)]
    byline_words: Vec<String>,
    #[serde(default)]
    list_words: Vec<String>,
    #[serde(default)]
    credit_phrases: Vec<String>,
    #[serde(default)]
    credit_after: Vec<String>,
    #[serde(default)]
    photo_words: Vec<String>,
    #[serde(default)]
    outlet_articles: Vec<String>,
    #[serde(default)]
    outlet_words: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
}

/// Words around relayed names, each tagged with the language it comes from (for rule ids).
#[derive(Debug, Default)]
pub struct RelayWords {
    pub source_labels: Vec<(Lang, String)>,
    pub with_words: Vec<(Lang, String)>,
    pub byline_words: Vec<(Lang, String)>,
    pub list_words: Vec<String>,
    /// Credit phrases before an agency's name ("reporting by") and after it ("contributed to
    /// this report").
    pub credit_phrases: Vec<(Lang, String)>,
    pub credit_after: Vec<(Lang, String)>,
    /// Words before an agency that took a photo ("©", "photo").
    pub photo_words: Vec<(Lang, String)>,
    /// Articles that open an outlet's name ("le", "the", "l'"), in key form.
    pub outlet_articles: Vec<String>,
    /// Words that make a name an outlet's ("journal", "times"), in key form.
    pub outlet_words: HashSet<String>,
    /// Small words allowed between the capitalized words of a name ("du", "of"), in key form.
    pub name_particles: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct AbbreviationsFile {
    #[serde(default)]
    no_break: Vec<String>,
}

/// Everything the text stage reads from data files.
#[derive(Debug)]
pub struct TextData {
    pub boilerplate: Vec<BoilerplateRule>,
    /// Characters of the longest boilerplate marker (in key form).
    pub marker_chars: usize,
    pub aliases: Vec<Alias>,
    pub relay_words: RelayWords,
    abbreviations_fr: HashSet<String>,
    abbreviations_en: HashSet<String>,
    abbreviations_all: HashSet<String>,
}

impl TextData {
    /// Words after which a period does not end a sentence, for a language (`Other`: all).
    pub fn abbreviations(&self, lang: Lang) -> &HashSet<String> {
        match lang {
            Lang::Fr => &self.abbreviations_fr,
            Lang::En => &self.abbreviations_en,
            Lang::Other => &self.abbreviations_all,
        }
    }

    /// The alias entry for a name as written, if it is a known agency or outlet.
    pub fn canonical(&self, name: &str) -> Option<&Alias> {
        let name = name.trim();
        self.aliases.iter().find(|a| a.alias == name).or_else(|| {
            // Full names are also recognised whatever their case ("AGENCE FRANCE-PRESSE").
            self.aliases
                .iter()
                .find(|a| a.alias.len() > 3 && a.alias.eq_ignore_ascii_case(name))
        })
    }
}

fn read(lang: Lang, name: &str) -> Option<&'static str> {
    match lang {
        Lang::Other => common_file(name),
        lang => data_file(lang, name),
    }
}

/// Parses one data file; a broken file is a bug in the data, reported once on stderr and
/// treated as empty so that the stage keeps running.
fn parse<T: for<'de> Deserialize<'de> + Default>(lang: Lang, name: &str) -> T {
    let Some(text) = read(lang, name) else {
        return T::default();
    };
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!(
                "recoupe-text: data file {}/{name} is invalid: {e}",
                lang.code()
            );
            T::default()
        }
    }
}

fn folder(lang: Lang) -> &'static str {
    match lang {
        Lang::Other => "common",
        other => other.code(),
    }
}

fn load() -> TextData {
    let mut boilerplate = Vec::new();
    let mut relay_words = RelayWords::default();
    for lang in LANGS {
        let file: BoilerplateFile = parse(lang, "text-boilerplate.toml");
        for raw in file.rule {
            boilerplate.push(BoilerplateRule {
                rule: format!("boilerplate/{}/{}", folder(lang), raw.id),
                kind: raw.kind,
                how: raw.how,
                markers: raw.markers.iter().map(|m| line_key(m)).collect(),
            });
        }
        if lang != Lang::Other {
            let words: RelayWordsFile = parse(lang, "text-relays.toml");
            let tag = |v: Vec<String>| v.into_iter().map(move |w| (lang, w.to_lowercase()));
            relay_words.source_labels.extend(tag(words.source_labels));
            relay_words.with_words.extend(tag(words.with_words));
            relay_words.byline_words.extend(tag(words.byline_words));
            relay_words.credit_phrases.extend(tag(words.credit_phrases));
            relay_words.credit_after.extend(tag(words.credit_after));
            relay_words.photo_words.extend(tag(words.photo_words));
            relay_words
                .list_words
                .extend(words.list_words.into_iter().map(|w| w.to_lowercase()));
            let keys = |v: Vec<String>| v.into_iter().map(|w| line_key(&w));
            relay_words
                .outlet_articles
                .extend(keys(words.outlet_articles));
            relay_words.outlet_words.extend(keys(words.outlet_words));
            relay_words
                .name_particles
                .extend(keys(words.name_particles));
        }
    }
    // Longer labels first, so that "sources" wins over "source".
    relay_words
        .source_labels
        .sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));

    let names: NamesFile = parse(Lang::Other, "text-relays.toml");
    let aliases = names
        .name
        .into_iter()
        .flat_map(|n| {
            let RawName {
                canonical,
                kind,
                aliases,
            } = n;
            aliases.into_iter().map(move |alias| Alias {
                alias,
                canonical: canonical.clone(),
                kind,
            })
        })
        .collect();

    let abbreviations = |lang: Lang| -> HashSet<String> {
        let file: AbbreviationsFile = parse(lang, "text-abbreviations.toml");
        let common: AbbreviationsFile = parse(Lang::Other, "text-abbreviations.toml");
        file.no_break.into_iter().chain(common.no_break).collect()
    };
    let abbreviations_fr = abbreviations(Lang::Fr);
    let abbreviations_en = abbreviations(Lang::En);
    let abbreviations_all = abbreviations_fr.union(&abbreviations_en).cloned().collect();

    let marker_chars = boilerplate
        .iter()
        .flat_map(|r| r.markers.iter())
        .map(|m| m.chars().count())
        .max()
        .unwrap_or(0);
    TextData {
        boilerplate,
        marker_chars,
        aliases,
        relay_words,
        abbreviations_fr,
        abbreviations_en,
        abbreviations_all,
    }
}

/// The data, parsed on first use.
pub static DATA: LazyLock<TextData> = LazyLock::new(load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_are_not_empty() {
        for lang in LANGS {
            for name in ["text-boilerplate.toml", "text-relays.toml"] {
                let Some(text) = read(lang, name) else {
                    continue;
                };
                let parsed: Result<toml::Value, _> = toml::from_str(text);
                assert!(parsed.is_ok(), "{}/{name}: {parsed:?}", folder(lang));
            }
        }
        assert!(DATA.boilerplate.len() >= 10);
        assert!(DATA.aliases.iter().any(|a| a.canonical == "AFP"));
        assert!(DATA.abbreviations(Lang::Fr).contains("Mme"));
        assert!(DATA.abbreviations(Lang::En).contains("Gen"));
        assert!(!DATA.relay_words.source_labels.is_empty());
        assert!(DATA.relay_words.outlet_articles.contains(&"the".to_owned()));
        assert!(DATA.relay_words.outlet_words.contains("quotidien"));
    }
}
