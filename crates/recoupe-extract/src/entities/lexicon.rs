//! The language knowledge of the entities stage, read once per language from the
//! `entities-*.toml` files of `recoupe-lang` (and the month and weekday names of
//! `calendar.toml`) into hash tables, so detection is one look-up per token.
//!
//! Gazetteer phrases are split with the same tokenizer as the text, so a phrase matches when
//! its tokens match the text's tokens one by one.

use crate::keys::{EndFilter, KeyFilter, WordMap, Words};
use std::collections::BTreeMap;
use std::sync::LazyLock;

use recoupe_model::Lang;
use recoupe_model::entity::EntityKind;
use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::token::{Tok, tokenize_plain};

/// Gender marked by a title, an article, a role noun or a pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    M,
    F,
}

pub fn gender(code: &str) -> Option<Gender> {
    match code {
        "m" => Some(Gender::M),
        "f" => Some(Gender::F),
        _ => None,
    }
}

/// One phrase of a gazetteer, as tokens.
#[derive(Debug)]
pub struct Phrase {
    pub words: Vec<String>,
    /// Each of `words` in lower case, and whether it starts with a capital (filled by
    /// `add_phrase`, so matching a phrase at a word allocates nothing).
    pub keys: Vec<(String, bool)>,
    pub kind: EntityKind,
    pub id: String,
    /// The entry's first name: the canonical name of what it matches.
    pub canonical: String,
    pub country: Option<String>,
    pub acronym: bool,
    /// Known organisations: id of the parent body ("un" for the Security Council).
    pub parent: Option<String>,
}

/// A role noun ("ministre", "porte-parole", "foreign minister").
#[derive(Debug)]
pub struct RoleNoun {
    pub words: Vec<String>,
    pub gender: Option<Gender>,
    pub gives: Vec<String>,
    pub requires: Vec<String>,
}

/// A domain named in a role's complement: its tokens (lower case) and the classes it gives.
pub type Domain = (Vec<String>, Vec<String>);
/// A courtesy title as tokens, with the gender it gives.
pub type Title = (Vec<String>, Option<Gender>);

#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    /// Gazetteer phrases by the lower-cased first token, longest first.
    pub phrases: WordMap<Vec<Phrase>>,
    /// Country adjectives (lower case) → ISO code.
    pub adjectives: WordMap<String>,
    /// Inhabitants ("Syriens", "Russians") → ISO code.
    pub people: WordMap<String>,
    /// Place ids → country code, for places named in a role ("maire d'Alep").
    pub place_country: WordMap<String>,
    pub org_heads: Words,
    /// `org_heads` in lower case, for descriptions ("l'armée") that ask for one.
    pub org_heads_lower: Words,
    /// Lower-case heads, as tokens ("forces armées").
    pub lowercase_heads: Vec<Vec<String>>,
    /// The first words of `lowercase_heads`, for a cheap first test; `None` when a head has
    /// no word (it would start anywhere).
    pub lowercase_head_firsts: Option<Words>,
    pub need_capitalized: Words,
    pub org_adjectives: Words,
    pub connectors: Words,
    pub coordinators: Words,
    pub generic_org: Words,
    /// Adjectives allowed between a determiner and a role noun, lower case.
    pub role_modifiers: Words,
    /// Role nouns by lower-cased first token, longest first.
    pub roles: WordMap<Vec<RoleNoun>>,
    /// Domains by lower-cased first token: (tokens, classes).
    pub domains: WordMap<Vec<Domain>>,
    /// Courtesy titles as tokens ("M" "."), with their gender.
    pub titles: WordMap<Vec<Title>>,
    pub elisions: Words,
    pub particles: Words,
    pub hyphen_particles: Words,
    pub place_suffixes: Words,
    pub stopwords: Words,
    /// Month and weekday names, lower case.
    pub calendar: Words,
    pub place_prepositions: Words,
    pub speech_verbs: Words,
    pub auxiliaries: Words,
    pub adverbs: Words,
    pub determiners: WordMap<Option<Gender>>,
    pub pronouns: WordMap<Option<Gender>>,
    /// Object and stressed pronouns ("lui", "him"), lower case: only resolved as speakers.
    pub object_pronouns: WordMap<Option<Gender>>,
    /// Pronouns of organisations ("it"), lower case: only resolved as speakers.
    pub org_pronouns: Words,
    pub impersonal_next: Words,
    /// Lower-case words that can start a mention or a role phrase; any other lower-case
    /// word without a hyphen is skipped with one look-up.
    pub triggers: FxHashSet<String>,
    /// The triggers, for a cheap first test.
    pub trigger_filter: KeyFilter,
    /// The triggers again, by last byte: many words that pass the first test fail this one.
    pub trigger_ends: EndFilter,
}

#[derive(Deserialize)]
struct CountriesFile {
    countries: BTreeMap<String, CountryEntry>,
}

#[derive(Deserialize)]
struct CountryEntry {
    names: Vec<String>,
    adjectives: Vec<String>,
    people: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct PlacesFile {
    places: BTreeMap<String, PlaceEntry>,
}

#[derive(Deserialize)]
struct PlaceEntry {
    names: Vec<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct OrgsFile {
    known: BTreeMap<String, OrgEntry>,
    patterns: OrgPatterns,
}

#[derive(Deserialize)]
struct OutletsFile {
    outlets: BTreeMap<String, OrgEntry>,
}

#[derive(Deserialize)]
struct OrgEntry {
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    country: Option<String>,
    parent: Option<String>,
}

#[derive(Deserialize)]
struct OrgPatterns {
    heads: Vec<String>,
    lowercase_heads: Vec<String>,
    need_capitalized_complement: Vec<String>,
    adjectives: Vec<String>,
    connectors: Vec<String>,
    coordinators: Vec<String>,
    generic_nouns: Vec<String>,
}

#[derive(Deserialize)]
struct RolesFile {
    /// Adjectives between a determiner and a role ("ce même porte-parole").
    #[serde(default)]
    modifiers: Vec<String>,
    roles: BTreeMap<String, RoleEntry>,
    domains: BTreeMap<String, Vec<String>>,
    titles: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct RoleEntry {
    gender: Option<String>,
    gives: Vec<String>,
    requires: Vec<String>,
}

#[derive(Deserialize)]
struct NamesFile {
    elisions: Vec<String>,
    particles: Vec<String>,
    hyphen_particles: Vec<String>,
    place_suffixes: Vec<String>,
    stopwords: Vec<String>,
    place_prepositions: Vec<String>,
    speech_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    adverbs: Vec<String>,
    determiners: BTreeMap<String, String>,
    pronouns: BTreeMap<String, String>,
    /// Object and stressed pronouns a speaker line may use ("selon lui"), with their gender.
    #[serde(default)]
    object_pronouns: BTreeMap<String, String>,
    pronoun_rules: PronounRules,
}

#[derive(Deserialize)]
struct PronounRules {
    impersonal_next: Vec<String>,
    /// Pronouns that stand for an organisation when one is the speaker ("it said").
    #[serde(default)]
    organisation: Vec<String>,
}

#[derive(Deserialize)]
struct CalendarFile {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(Lang::Fr));
static EN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(Lang::En));

/// The lexicon of a language; French serves languages without data of their own.
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => &EN,
        _ => &FR,
    }
}

/// Parses a data file of a language, or panics: data files are part of the build, and the
/// crate's tests load every lexicon, so a broken file never ships.
fn load<T: serde::de::DeserializeOwned>(lang: Lang, name: &str) -> T {
    let text = recoupe_lang::data_file(lang, name);
    match text.map(toml::from_str::<T>) {
        Some(Ok(v)) => v,
        Some(Err(e)) => panic!("data file {}/{name}: {e}", lang.code()),
        None => panic!("data file {}/{name} is missing", lang.code()),
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn set(words: &[String]) -> Words {
    words.iter().cloned().collect()
}

fn lower_set(words: &[String]) -> Words {
    words.iter().map(|w| lower(w)).collect()
}

/// "syriens" → "Syriens", "sud-coréens" → "Sud-Coréens".
fn capitalize_parts(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut up = true;
    for c in word.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == '-';
    }
    out
}

impl Lexicon {
    fn load(lang: Lang) -> Lexicon {
        let names: NamesFile = load(lang, "entities-names.toml");
        let elisions = lower_set(&names.elisions);
        let words = |s: &str| -> Vec<String> {
            tokenize_plain(s, &elisions, lang)
                .iter()
                .map(|t: &Tok| t.text.to_owned())
                .collect()
        };
        let mut lex = Lexicon {
            lang,
            phrases: Default::default(),
            adjectives: Default::default(),
            people: Default::default(),
            place_country: Default::default(),
            org_heads: Default::default(),
            org_heads_lower: Default::default(),
            lowercase_heads: Vec::new(),
            lowercase_head_firsts: None,
            need_capitalized: Default::default(),
            org_adjectives: Default::default(),
            connectors: Default::default(),
            coordinators: Default::default(),
            generic_org: Default::default(),
            role_modifiers: Default::default(),
            roles: Default::default(),
            domains: Default::default(),
            titles: Default::default(),
            elisions: elisions.clone(),
            particles: lower_set(&names.particles),
            hyphen_particles: lower_set(&names.hyphen_particles),
            place_suffixes: set(&names.place_suffixes),
            stopwords: set(&names.stopwords),
            calendar: Default::default(),
            place_prepositions: lower_set(&names.place_prepositions),
            speech_verbs: lower_set(&names.speech_verbs),
            auxiliaries: lower_set(&names.auxiliaries),
            adverbs: lower_set(&names.adverbs),
            determiners: names
                .determiners
                .iter()
                .map(|(k, v)| (lower(k), gender(v)))
                .collect(),
            pronouns: names
                .pronouns
                .iter()
                .map(|(k, v)| (k.clone(), gender(v)))
                .collect(),
            object_pronouns: names
                .object_pronouns
                .iter()
                .map(|(k, v)| (lower(k), gender(v)))
                .collect(),
            org_pronouns: lower_set(&names.pronoun_rules.organisation),
            impersonal_next: lower_set(&names.pronoun_rules.impersonal_next),
            triggers: Default::default(),
            trigger_filter: KeyFilter::default(),
            trigger_ends: EndFilter::default(),
        };

        let calendar: CalendarFile = load(lang, "calendar.toml");
        for forms in calendar.months.iter().chain(&calendar.weekdays) {
            if let Some(full) = forms.first() {
                lex.calendar.insert(lower(full));
            }
        }

        let countries: CountriesFile = load(lang, "entities-countries.toml");
        for (iso, c) in &countries.countries {
            let id = format!("country/{iso}");
            let canonical = c.names.first().cloned().unwrap_or_default();
            for name in &c.names {
                let acronym = name.chars().all(|ch| ch.is_uppercase() || ch == '.');
                lex.add_phrase(Phrase {
                    words: words(name),
                    keys: Vec::new(),
                    kind: EntityKind::Place,
                    id: id.clone(),
                    canonical: canonical.clone(),
                    country: Some(iso.clone()),
                    acronym,
                    parent: None,
                });
            }
            for adj in &c.adjectives {
                lex.adjectives.insert(lower(adj), iso.clone());
            }
            let people: Vec<String> = match &c.people {
                Some(p) => p.clone(),
                None => c.adjectives.iter().map(|a| capitalize_parts(a)).collect(),
            };
            for p in people {
                lex.people.insert(p, iso.clone());
            }
        }

        let places: PlacesFile = load(lang, "entities-places.toml");
        for (key, p) in &places.places {
            let id = format!("place/{key}");
            let canonical = p.names.first().cloned().unwrap_or_default();
            if let Some(c) = &p.country {
                lex.place_country.insert(id.clone(), c.clone());
            }
            for name in &p.names {
                lex.add_phrase(Phrase {
                    words: words(name),
                    keys: Vec::new(),
                    kind: EntityKind::Place,
                    id: id.clone(),
                    canonical: canonical.clone(),
                    country: p.country.clone(),
                    acronym: false,
                    parent: None,
                });
            }
        }
        for iso in countries.countries.keys() {
            lex.place_country
                .insert(format!("country/{iso}"), iso.clone());
        }

        let orgs: OrgsFile = load(lang, "entities-organisations.toml");
        lex.add_orgs(&orgs.known, EntityKind::Organisation, "org", &words);
        let outlets: OutletsFile = load(Lang::Other, "entities-outlets.toml");
        lex.add_orgs(&outlets.outlets, EntityKind::Outlet, "outlet", &words);
        let pat = &orgs.patterns;
        lex.org_heads = set(&pat.heads);
        lex.org_heads_lower = pat.heads.iter().map(|h| h.to_lowercase()).collect();
        lex.lowercase_heads = pat.lowercase_heads.iter().map(|h| words(h)).collect();
        lex.lowercase_head_firsts = lex
            .lowercase_heads
            .iter()
            .map(|h| h.first().cloned())
            .collect();
        lex.need_capitalized = lower_set(&pat.need_capitalized_complement);
        lex.org_adjectives = lower_set(&pat.adjectives);
        lex.connectors = lower_set(&pat.connectors);
        lex.coordinators = lower_set(&pat.coordinators);
        lex.generic_org = set(&pat.generic_nouns);

        let roles: RolesFile = load(lang, "entities-roles.toml");
        lex.role_modifiers = lower_set(&roles.modifiers);
        for (phrase, r) in &roles.roles {
            let w: Vec<String> = words(phrase).iter().map(|w| lower(w)).collect();
            let Some(first) = w.first().cloned() else {
                continue;
            };
            lex.roles.entry_or_default(first).push(RoleNoun {
                words: w,
                gender: r.gender.as_deref().and_then(gender),
                gives: r.gives.clone(),
                requires: r.requires.clone(),
            });
        }
        for list in lex.roles.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        for (phrase, classes) in &roles.domains {
            let w: Vec<String> = words(phrase).iter().map(|w| lower(w)).collect();
            if let Some(first) = w.first().cloned() {
                lex.domains
                    .entry_or_default(first)
                    .push((w, classes.clone()));
            }
        }
        for list in lex.domains.values_mut() {
            list.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
        }
        for (title, g) in &roles.titles {
            let w = words(title);
            if let Some(first) = w.first().cloned() {
                lex.titles.entry_or_default(first).push((w, gender(g)));
            }
        }
        for list in lex.titles.values_mut() {
            list.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
        }
        lex.triggers = lex.collect_triggers();
        lex.trigger_filter = KeyFilter::new(lex.triggers.iter().map(String::as_str));
        lex.trigger_ends = EndFilter::new(lex.triggers.iter().map(String::as_str));
        lex
    }

    fn collect_triggers(&self) -> FxHashSet<String> {
        let lower_first = |w: &String| !w.chars().next().is_some_and(char::is_uppercase);
        let mut t: FxHashSet<String> = FxHashSet::default();
        t.extend(self.determiners.keys().cloned());
        t.extend(self.roles.keys().cloned());
        t.extend(self.generic_org.iter().map(|w| lower(w)));
        t.extend(self.pronouns.keys().map(|w| lower(w)));
        t.extend(
            self.lowercase_heads
                .iter()
                .filter_map(|h| h.first().map(|w| lower(w))),
        );
        for (key, phrases) in self.phrases.iter() {
            if phrases
                .iter()
                .any(|p| p.words.first().is_some_and(lower_first))
            {
                t.insert(key.clone());
            }
        }
        for list in self.titles.values() {
            for (words, _) in list {
                if let Some(w) = words.first().filter(|w| lower_first(w)) {
                    t.insert(w.clone());
                }
            }
        }
        t
    }

    fn add_orgs(
        &mut self,
        entries: &BTreeMap<String, OrgEntry>,
        kind: EntityKind,
        prefix: &str,
        words: &dyn Fn(&str) -> Vec<String>,
    ) {
        for (key, o) in entries {
            let id = format!("{prefix}/{key}");
            let canonical = o
                .names
                .first()
                .or(o.acronyms.first())
                .cloned()
                .unwrap_or_default();
            let parent = o.parent.as_ref().map(|p| format!("{prefix}/{p}"));
            let all = o
                .names
                .iter()
                .map(|n| (n, false))
                .chain(o.acronyms.iter().map(|a| (a, true)));
            for (name, acronym) in all {
                self.add_phrase(Phrase {
                    words: words(name),
                    keys: Vec::new(),
                    kind,
                    id: id.clone(),
                    canonical: canonical.clone(),
                    country: o.country.clone(),
                    acronym,
                    parent: parent.clone(),
                });
            }
        }
    }

    fn add_phrase(&mut self, mut phrase: Phrase) {
        phrase.keys = phrase
            .words
            .iter()
            .map(|w| {
                (
                    w.to_lowercase(),
                    w.chars().next().is_some_and(char::is_uppercase),
                )
            })
            .collect();
        let Some(first) = phrase.words.first() else {
            return;
        };
        let list = self.phrases.entry_or_default(lower(first));
        list.push(phrase);
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// The country of a place or country gazetteer id.
    pub fn country_of_place(&self, id: &str) -> Option<&str> {
        self.place_country.get(id).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_passes_the_filters() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = lexicon(lang);
            for t in &lex.triggers {
                assert!(lex.trigger_filter.may_contain(t), "{t}");
                assert!(lex.trigger_ends.may_contain(t), "{t}");
            }
        }
        let ends = EndFilter::new(["le", "ministre"]);
        assert!(ends.may_contain("de") && ends.may_contain("ministre") && ends.may_contain(""));
        assert!(!ends.may_contain("la") && !ends.may_contain("ministres"));
    }
}
