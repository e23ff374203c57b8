//! The claims lexicons of a language (`claims-counted.toml`, `claims-predicates.toml`,
//! `claims-subsets.toml`), parsed once into word patterns ready to match token runs.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use recoupe_model::Lang;
use serde::Deserialize;

use super::forms::{Infinitives, VerbForms};
use super::tokens::{Token, tokenize};
use crate::keys::{EndFilter, KeyFilter};

/// One word of a pattern: the word itself, or a prefix when written with a final `*`.
#[derive(Debug, Clone)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn matches(&self, key: &str) -> bool {
        match self {
            Word::Exact(w) => w == key,
            Word::Prefix(p) => key.starts_with(p.as_str()),
        }
    }
}

/// A lexicon entry: words in a row, and the category (or modality) they stand for.
#[derive(Debug, Clone)]
pub struct Entry {
    words: Vec<Word>,
    pub category: String,
}

impl Entry {
    /// Number of tokens the entry covers when it matches at `tokens[i..]`, the first `known`
    /// words taken as matching.
    fn match_from(&self, tokens: &[Token], i: usize, known: usize) -> Option<usize> {
        let slice = tokens.get(i + known..i + self.words.len())?;
        let ok = self
            .words
            .get(known..)?
            .iter()
            .zip(slice)
            .all(|(w, t)| t.is_word && w.matches(&t.key));
        ok.then_some(self.words.len())
    }
}

/// A list of entries, longest first so the longest match wins, indexed by first word: the
/// entries whose first word is exact by that word, the others (prefixes) listed apart. An
/// index list is in entry order, so the first match of a list is the one `entries` would
/// give first.
#[derive(Debug, Default)]
pub struct Entries {
    entries: Vec<Entry>,
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// The keys of `by_first`: most tokens start no entry, and this tells so without hashing.
    first_keys: KeyFilter,
    /// The keys of `by_first` again, by last byte: a second test for the short words that
    /// pass the first.
    first_ends: EndFilter,
    /// Entries whose first word is a prefix, by the prefix's first byte (all of them under
    /// each byte for an empty prefix): 256 lists, or none when no entry has a prefix.
    by_prefix: Vec<PrefixList>,
    /// The most words an entry has.
    max_len: usize,
}

/// The entries of one first byte whose first word is a prefix, with what their prefixes
/// share: most words with that first byte are shorter than any of them or go on with
/// another second byte ("dans" and "démin*"), and are turned away without comparing.
#[derive(Debug, Clone, Default)]
struct PrefixList {
    entries: Vec<usize>,
    /// The length of the shortest prefix.
    min_len: usize,
    /// The second bytes of the prefixes, as bits (all of them for a prefix of one byte).
    second: [u64; 4],
}

impl PrefixList {
    fn add(&mut self, k: usize, prefix: &str) {
        self.min_len = if self.entries.is_empty() {
            prefix.len()
        } else {
            self.min_len.min(prefix.len())
        };
        match prefix.as_bytes().get(1) {
            Some(&b) => self.second[usize::from(b >> 6)] |= 1 << (b & 63),
            None => self.second = [u64::MAX; 4],
        }
        self.entries.push(k);
    }

    /// The entries that may match a word with key `key`.
    #[inline]
    fn candidates(&self, key: &str) -> &[usize] {
        let second_ok = key
            .as_bytes()
            .get(1)
            .is_none_or(|&b| self.second[usize::from(b >> 6)] >> (b & 63) & 1 != 0);
        if key.len() >= self.min_len && second_ok {
            &self.entries
        } else {
            &[]
        }
    }
}

/// A match of an entry: tokens `[start, end)` and its category.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub category: String,
}

impl Hit {
    /// The text the matched tokens cover, from the first one's start to the last one's end.
    pub fn span(&self, tokens: &[Token]) -> Option<recoupe_model::Span> {
        let first = tokens.get(self.start)?;
        let last = tokens.get(self.end.checked_sub(1)?)?;
        Some(recoupe_model::Span::new(first.start, last.end))
    }
}

impl Entries {
    fn from_map(map: &BTreeMap<String, Vec<String>>) -> Entries {
        let mut entries = Vec::new();
        for (category, list) in map {
            for phrase in list {
                let words: Vec<Word> = tokenize(phrase)
                    .into_iter()
                    .filter(|t| t.is_word)
                    .map(|t| match t.key.strip_suffix('*') {
                        Some(p) => Word::Prefix(p.to_owned()),
                        None => Word::Exact(t.key.to_string()),
                    })
                    .collect();
                if !words.is_empty() {
                    entries.push(Entry {
                        words,
                        category: category.clone(),
                    });
                }
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut by_prefix: Vec<PrefixList> = Vec::new();
        for (k, e) in entries.iter().enumerate() {
            match e.words.first() {
                Some(Word::Exact(w)) => by_first.entry(w.clone()).or_default().push(k),
                Some(Word::Prefix(p)) => {
                    by_prefix.resize(256, PrefixList::default());
                    match p.bytes().next() {
                        Some(b) => by_prefix[usize::from(b)].add(k, p),
                        None => by_prefix.iter_mut().for_each(|l| l.add(k, p)),
                    }
                }
                None => {}
            }
        }
        let first_keys = KeyFilter::new(by_first.keys().map(String::as_str));
        let first_ends = EndFilter::new(by_first.keys().map(String::as_str));
        let max_len = entries.iter().map(|e| e.words.len()).max().unwrap_or(0);
        Entries {
            entries,
            by_first,
            first_keys,
            first_ends,
            by_prefix,
            max_len,
        }
    }

    /// The longest entry matching at token `i` (the first in entry order).
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<Hit> {
        let first = tokens.get(i).filter(|t| t.is_word)?;
        let matching = |list: &[usize], known: usize| {
            list.iter()
                .copied()
                .find_map(|k| self.entries[k].match_from(tokens, i, known).map(|n| (k, n)))
        };
        let key = first.key.as_str();
        let exact = if self.may_be_first(key) {
            // The list of the token's own key: its first word is the token (a word).
            self.by_first.get(key).and_then(|l| matching(l, 1))
        } else {
            None
        };
        let prefixed = key
            .bytes()
            .next()
            .and_then(|b| self.by_prefix.get(usize::from(b)))
            .and_then(|l| matching(l.candidates(key), 0));
        let (k, n) = match (exact, prefixed) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(Hit {
            start: i,
            end: i + n,
            category: self.entries[k].category.clone(),
        })
    }

    /// The most tokens an entry covers: a match at token `i` reads no token from `i` plus
    /// this on.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Whether `key` may be the first word of an entry written without a prefix.
    #[inline(always)]
    fn may_be_first(&self, key: &str) -> bool {
        self.first_keys.may_contain(key) && self.first_ends.may_contain(key)
    }

    /// Whether an entry may start at a word with key `key`: `false` says surely none does.
    /// The same two filters [`Entries::at`] asks first, without its call.
    #[inline(always)]
    fn may_start(&self, key: &str) -> bool {
        self.may_be_first(key)
            || key
                .bytes()
                .next()
                .and_then(|b| self.by_prefix.get(usize::from(b)))
                .is_some_and(|l| !l.candidates(key).is_empty())
    }

    /// [`Entries::all`] of each of `lists` over the same tokens, in one pass: a sentence is
    /// matched against several lists, and the walk and each token's key are then shared.
    pub fn all_of<const N: usize>(lists: [&Entries; N], tokens: &[Token]) -> [Vec<Hit>; N] {
        let mut hits: [Vec<Hit>; N] = std::array::from_fn(|_| Vec::new());
        // Where each list may start its next match: the tokens of a match start none.
        let mut next = [0usize; N];
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word {
                continue;
            }
            let key = t.key.as_str();
            for ((list, next), hits) in lists.iter().zip(&mut next).zip(&mut hits) {
                if i < *next || !list.may_start(key) {
                    continue;
                }
                if let Some(h) = list.at(tokens, i) {
                    *next = h.end;
                    hits.push(h);
                }
            }
        }
        hits
    }

    /// Every match in `tokens`, left to right, not overlapping.
    pub fn all(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while let Some(t) = tokens.get(i) {
            // Most tokens start no entry: told here, without a call to `at`.
            if !(t.is_word && self.may_start(&t.key)) {
                i += 1;
                continue;
            }
            match self.at(tokens, i) {
                Some(h) => {
                    i = h.end;
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        hits
    }
}

#[derive(Debug, Default, Deserialize)]
struct CountedFile {
    #[serde(default)]
    category: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    skip: Vec<String>,
    #[serde(default)]
    not_nouns: Vec<String>,
    #[serde(default)]
    noun_links: Vec<String>,
    #[serde(default)]
    referential_determiners: Vec<String>,
    #[serde(default)]
    referential_max: Option<f64>,
    #[serde(default)]
    plural_endings: Vec<String>,
    #[serde(default)]
    invariant_plurals: Vec<String>,
    #[serde(default)]
    ellipsis_links: Vec<String>,
    #[serde(default)]
    ellipsis_joins: Vec<String>,
    #[serde(default)]
    ellipsis_reach: usize,
    #[serde(default)]
    rate_markers: Vec<String>,
    #[serde(default)]
    rate_ones: Vec<String>,
    #[serde(default)]
    age_verbs: Vec<String>,
    #[serde(default)]
    age_units: Vec<String>,
    #[serde(default)]
    people_pronouns: Vec<String>,
    #[serde(default)]
    people_partitives: Vec<String>,
    #[serde(default)]
    set_to_links: Vec<String>,
    #[serde(default)]
    of_links: Vec<String>,
    #[serde(default)]
    amount_heads: Vec<String>,
    #[serde(default)]
    set_to_heads: Vec<String>,
    #[serde(default)]
    time_offsets: Vec<String>,
    #[serde(default)]
    duration_attributes: Vec<String>,
    #[serde(default)]
    people_pronoun_verbs: Vec<String>,
    #[serde(default)]
    share_articles: Vec<String>,
    #[serde(default)]
    demonym_endings: Vec<String>,
    #[serde(default)]
    people_endings: Vec<String>,
    #[serde(default)]
    not_people: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    clock_prepositions: Vec<String>,
    #[serde(default)]
    clock_units: Vec<String>,
    #[serde(default)]
    clock_not_before: Vec<String>,
    #[serde(default)]
    clock_words: Vec<String>,
    #[serde(default)]
    clock_joins: Vec<String>,
    #[serde(default)]
    street_words: Vec<String>,
    #[serde(default)]
    label_articles: Vec<String>,
    #[serde(default)]
    year_prepositions: Vec<String>,
    #[serde(default)]
    short_year_prepositions: Vec<String>,
    #[serde(default)]
    year_pronouns: Vec<String>,
    #[serde(default)]
    multipliers: Vec<String>,
    #[serde(default)]
    after_multiplier: Vec<String>,
    #[serde(default)]
    others: Vec<String>,
    #[serde(default)]
    sentence_openers: Vec<String>,
    #[serde(default)]
    whole_heads: Vec<String>,
    #[serde(default)]
    descriptive_heads: Vec<String>,
    #[serde(default)]
    measure_heads: Vec<String>,
    #[serde(default)]
    year_range: Option<[f64; 2]>,
    #[serde(default)]
    share_links: Vec<String>,
    #[serde(default)]
    whole_links: Vec<String>,
    #[serde(default)]
    partitive_pronouns: Vec<String>,
    #[serde(default)]
    whole_determiners: Vec<String>,
    #[serde(default)]
    time_prepositions: Vec<String>,
    #[serde(default)]
    clause_pronouns: Vec<String>,
    #[serde(default)]
    label_nouns: Vec<String>,
    #[serde(default)]
    race_styles: Vec<String>,
    #[serde(default)]
    race_titles: Vec<String>,
    #[serde(default)]
    race_title_links: Vec<String>,
    #[serde(default)]
    rank_totals: Vec<String>,
    #[serde(default)]
    rank_nouns: Vec<String>,
    #[serde(default)]
    rank_group_links: Vec<String>,
    #[serde(default)]
    scale_heads: Vec<String>,
    #[serde(default)]
    scale_links: Vec<String>,
    #[serde(default)]
    parent_heads: Vec<String>,
    #[serde(default)]
    rate_heads: Vec<String>,
    #[serde(default)]
    measure_relatives: Vec<String>,
    #[serde(default)]
    right_after_number: Vec<String>,
    #[serde(default)]
    agreement_exempt: Vec<String>,
    #[serde(default)]
    directions: Vec<String>,
    #[serde(default)]
    direction_links: Vec<String>,
    #[serde(default)]
    distance_markers: Vec<String>,
    #[serde(default)]
    model_articles: Vec<String>,
}

/// The part of `entities-countries.toml` the claims stage reads: adjectives of nationality,
/// whose capitalized forms name inhabitants ("12 Portugais").
#[derive(Debug, Default, Deserialize)]
struct CountriesFile {
    #[serde(default)]
    countries: BTreeMap<String, CountryAdjectives>,
}

#[derive(Debug, Default, Deserialize)]
struct CountryAdjectives {
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    people: Option<Vec<String>>,
}

/// `[verbs]` of `claims-predicates.toml`: the shapes of verbs outside the categories.
#[derive(Debug, Default, Deserialize)]
struct VerbsFile {
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    between: Vec<String>,
    #[serde(default)]
    reflexives: Vec<String>,
    #[serde(default)]
    participle_endings: Vec<String>,
    #[serde(default)]
    finite_endings: Vec<String>,
    #[serde(default)]
    not_verb_endings: Vec<String>,
    #[serde(default)]
    noun_endings: Vec<String>,
    #[serde(default)]
    not_verbs: Vec<String>,
    #[serde(default)]
    states: Vec<String>,
    #[serde(default)]
    clause_ends: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    adverb_endings: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
    #[serde(default)]
    infinitive_markers: Vec<String>,
    #[serde(default)]
    infinitive_endings: Vec<String>,
    #[serde(default)]
    not_infinitive_endings: Vec<String>,
    #[serde(default)]
    infinitives: Vec<String>,
    #[serde(default)]
    coordinators: Vec<String>,
    #[serde(default)]
    clitic_subjects: Vec<String>,
    #[serde(default)]
    complementizers: Vec<String>,
    #[serde(default)]
    clause_coordinators: Vec<String>,
    #[serde(default)]
    if_elisions: Vec<String>,
    #[serde(default)]
    que_forms: Vec<String>,
    #[serde(default)]
    restatements: Vec<String>,
    #[serde(default)]
    inverting: Vec<String>,
    #[serde(default)]
    subject_relatives: Vec<String>,
    #[serde(default)]
    fronting_prepositions: Vec<String>,
    #[serde(default)]
    fronting_adjectives: Vec<String>,
    #[serde(default)]
    fronted_links: Vec<String>,
    #[serde(default)]
    phrase_prepositions: Vec<String>,
    #[serde(default)]
    qualifying_before_de: Vec<String>,
    #[serde(default)]
    before_que: Vec<String>,
    #[serde(default)]
    source_asides: Vec<String>,
    #[serde(default)]
    aside_dashes: Vec<String>,
    #[serde(default)]
    name_connectors: Vec<String>,
    #[serde(default)]
    copulas_before_de: Vec<String>,
    #[serde(default)]
    copula_links: Vec<String>,
    #[serde(default)]
    subject_pronouns: Vec<String>,
    #[serde(default)]
    agent_markers: Vec<String>,
    #[serde(default)]
    object_adverbs: Vec<String>,
    #[serde(default)]
    cause_markers: Vec<String>,
    #[serde(default)]
    modals: Vec<String>,
    #[serde(default)]
    causatives: Vec<String>,
    #[serde(default)]
    verb_openers: Vec<String>,
    #[serde(default)]
    gerund_endings: Vec<String>,
    #[serde(default)]
    plural_determiners: Vec<String>,
    #[serde(default)]
    object_clitics: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    restrictive_negations: Vec<String>,
    #[serde(default)]
    que_joins: Vec<String>,
    #[serde(default)]
    state_infinitives: Vec<String>,
    #[serde(default)]
    reflexive_state_infinitives: Vec<String>,
    #[serde(default)]
    descriptive_infinitives: Vec<String>,
    #[serde(default)]
    reporting_infinitives: Vec<String>,
    #[serde(default)]
    topic_infinitives: Vec<String>,
    #[serde(default)]
    partitive_markers: Vec<String>,
    #[serde(default)]
    gerund_markers: Vec<String>,
    #[serde(default)]
    modal_infinitives: Vec<String>,
    #[serde(default)]
    intent_infinitives: Vec<String>,
    #[serde(default)]
    modal_links: Vec<String>,
    #[serde(default)]
    relative_pronouns: Vec<String>,
    #[serde(default)]
    relative_subject_determiners: Vec<String>,
    #[serde(default)]
    predicative_nouns: Vec<String>,
    #[serde(default)]
    purpose_markers: Vec<String>,
}

/// Words looked up one at a time, as the tokenizer keys them: most words asked are in none
/// of the lists, and the filter in front of the hash set says so without hashing.
pub type WordSet = crate::keys::Words;

/// Categories by the infinitives whose every form tells them (`[verb_infinitives]`,
/// `[modality_infinitives]`).
#[derive(Debug, Default)]
pub struct ByInfinitive(Vec<(String, Infinitives)>);

impl ByInfinitive {
    fn new(map: BTreeMap<String, Vec<String>>) -> Self {
        ByInfinitive(
            map.into_iter()
                .map(|(category, list)| (category, infinitives(list)))
                .collect(),
        )
    }

    /// The category of the verb form `key` ("tuez" → killed), first in category order.
    pub fn category_of(&self, forms: &VerbForms, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(_, set)| forms.is_form_of(key, set))
            .map(|(category, _)| category.as_str())
    }
}

/// What the claims stage knows of verbs outside the predicate categories.
#[derive(Debug, Default)]
pub struct Verbs {
    pub auxiliaries: WordSet,
    pub between: WordSet,
    pub reflexives: WordSet,
    pub participle_endings: Vec<String>,
    pub finite_endings: Vec<String>,
    pub not_verb_endings: Vec<String>,
    /// Endings nouns mostly have, that participles after an auxiliary may have too.
    pub noun_endings: Vec<String>,
    pub not_verbs: WordSet,
    /// Verbs of state, as word patterns ("compte", "s'élève").
    pub states: Entries,
    /// Punctuation that ends a clause.
    pub clause_ends: WordSet,
    /// Words before which a verb of state is a noun ("le compte").
    pub determiners: WordSet,
    /// Endings of adverbs that may stand inside a compound verb ("-ment").
    pub adverb_endings: Vec<String>,
    /// Words that join clauses ("et"), clitic subjects that open one ("en", "ils"), and
    /// words that open a subordinate clause ("que", "où").
    pub coordinators: WordSet,
    /// Verbs of saying, when the speech stage left them unmarked: they end the search.
    pub speech: WordSet,
    /// Prepositions before an infinitive ("à", "pour") and the endings of infinitives.
    pub infinitive_markers: WordSet,
    pub infinitive_endings: Vec<String>,
    /// Noun endings among the infinitives' ("meurtrière"), and the infinitives that have
    /// them all the same ("faire", "publier").
    pub not_infinitive_endings: Vec<String>,
    pub infinitives: WordSet,
    pub clitic_subjects: WordSet,
    pub complementizers: WordSet,
    /// Coordinators that join clauses ("mais"): the figure's clause ends there.
    pub clause_coordinators: WordSet,
    /// An elided "si" ("s'" before "il" or "ils"): a complementizer, not a reflexive.
    pub if_elisions: WordSet,
    /// The forms of "que": an object relative after the figure's noun (the clause after it
    /// may tell the figure's event), a complementizer after `before_que`.
    pub que_forms: WordSet,
    /// "soit": the figure after it restates the one before, and shares its event.
    pub restatements: WordSet,
    /// "où": a verb between it and the figure has the figure as its inverted subject.
    pub inverting: WordSet,
    /// "avoir": the auxiliary of the active voice ("ont tué"); a past participle right after
    /// one of its forms is a verb, though it may be a noun elsewhere ("a fait feu").
    pub active_auxiliaries: Infinitives,
    /// "qui": past a phrase after the figure's noun, its clause is about that phrase's noun.
    pub subject_relatives: WordSet,
    /// Prepositions that open a sentence's first phrase ("Lors de deux procès, …").
    pub fronting_prepositions: WordSet,
    /// Adjectives that open a phrase before the subject ("Disponible en cinq tailles, les
    /// articles présentent").
    pub fronting_adjectives: WordSet,
    /// Words between such a preposition and its figure ("de", "les").
    pub fronted_links: WordSet,
    /// Prepositions that open a phrase after the figure's noun ("auprès du groupe").
    pub phrase_prepositions: WordSet,
    /// "issues de": the figure after it qualifies the noun before, like a participle's.
    pub qualifying_before_de: WordSet,
    /// Complementizers that open a clause only before "que" ("alors que").
    pub before_que: WordSet,
    /// Words that open an aside naming a source, up to the next comma ("selon").
    pub source_asides: Entries,
    /// Dashes that open and close an aside after a figure's noun ("trois patrouilles - de
    /// six policiers au total - doivent garder").
    pub aside_dashes: WordSet,
    /// Words that join or link names in an apposition ("Tito Barahira et Octavien Ngenzi").
    pub name_connectors: WordSet,
    /// Forms of "être" that with "de" before a figure state an amount ("était de").
    pub copulas_before_de: WordSet,
    /// The word between such a copula and its figure ("de").
    pub copula_links: WordSet,
    /// Subject pronouns: one after the figure opens a clause with its own subject.
    pub subject_pronouns: WordSet,
    /// The word before the agent of a passive participle ("lancés par").
    pub agent_markers: WordSet,
    /// Adverbs between a verb and its object figure ("attire chaque année deux millions").
    pub object_adverbs: WordSet,
    /// "pour" after a participle: the figure after it is what the participle was for.
    pub cause_markers: WordSet,
    /// Verbs followed by the infinitive that says what happened ("devraient être libérées").
    pub modals: WordSet,
    /// Forms of a verb that, before an infinitive, makes someone do it: the infinitive tells
    /// the event ("a fait gagner six mois"), not the form ("a fait 3 morts").
    pub causatives: WordSet,
    /// Words after which (past object pronouns) a word is a verb: subjects, "qui", "ne".
    pub verb_openers: WordSet,
    pub object_clitics: WordSet,
    /// Endings of gerunds and present participles ("arrêtant"), read right before a figure.
    pub gerund_endings: Vec<String>,
    /// Plural determiners: a participle-shaped word after one is a noun ("les revenus").
    pub plural_determiners: WordSet,
    /// Articles, prepositions, pronouns (the counted lexicon's `not_nouns`).
    pub function_words: WordSet,
    /// Words whose period ends no sentence ("M.", "Dr."), from the text stage's file.
    pub abbreviations: WordSet,
    /// Beginnings of verbs that report a count ("dénombré", "recensé").
    pub reporting: Vec<String>,
    /// Negations whose "que" restricts rather than opens a clause ("ne … que").
    pub restrictive_negations: WordSet,
    /// Words after which "que" joins rather than opens a clause ("ainsi que").
    pub que_joins: WordSet,
    /// Infinitives of verbs of state, alone and after "se".
    pub state_infinitives: Infinitives,
    pub reflexive_state_infinitives: Infinitives,
    /// Infinitives whose participle after a noun describes it ("concernées").
    pub descriptive_infinitives: Infinitives,
    /// Infinitives of verbs that tell or decide ("a annoncé", "a décidé la cour"): their
    /// clause reports what others say happened, it is no event of the figure.
    pub reporting_infinitives: Infinitives,
    /// Infinitives whose "de" names a topic ("parlent de quatre personnes").
    pub topic_infinitives: Infinitives,
    /// Words after which a pronoun is no subject ("d'entre elles").
    pub partitive_markers: WordSet,
    /// The word of the gerund ("en désactivant").
    pub gerund_markers: WordSet,
    /// Infinitives of modals, whose every finite form is one ("nous risquons de").
    pub modal_infinitives: Infinitives,
    /// Verbs of intent: a finite form before an infinitive plans it ("compte distribuer").
    pub intent_infinitives: Infinitives,
    /// Words between a modal and its infinitive ("risquent de mourir").
    pub modal_links: WordSet,
    /// Relative pronouns that open a subset before a figure ("dont 20 enfants") and a
    /// clause of their own before anything else ("dont la majorité bénéficie").
    pub relative_pronouns: WordSet,
    /// Determiners of a relative clause's own subject ("dont la majorité").
    pub relative_subject_determiners: WordSet,
    /// Nouns that tell an event after "être" ("ont été victimes").
    pub predicative_nouns: WordSet,
    /// Words that open an infinitive of purpose ("pour quitter", "afin de").
    pub purpose_markers: WordSet,
    /// Every verb form of the language and what else it can be; empty when the language
    /// has no list, and then verbs are read by their endings alone.
    pub forms: VerbForms,
}

impl Verbs {
    /// Whether `key` is surely a conjugated verb: an auxiliary, or a finite form that is no
    /// other word ("contre", "part" may be something else).
    pub fn is_conjugated(&self, key: &str) -> bool {
        self.auxiliaries.contains(key)
            || self
                .forms
                .get(key)
                .is_some_and(|c| c.finite() && c.only_verb())
    }
}

#[derive(Debug, Default, Deserialize)]
struct PredicateFile {
    #[serde(default)]
    category: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    implied: BTreeMap<String, String>,
    #[serde(default)]
    gerund_category: BTreeMap<String, String>,
    #[serde(default)]
    modality: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    modality_infinitives: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    not_modal_participles: Vec<String>,
    #[serde(default)]
    verb_infinitives: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    future_endings: Vec<String>,
    #[serde(default)]
    conditional_endings: Vec<String>,
    #[serde(default)]
    future_of_conditional: String,
    #[serde(default)]
    agent_verbs: Vec<String>,
    #[serde(default)]
    active_auxiliaries: Vec<String>,
    #[serde(default)]
    passive_auxiliaries: Vec<String>,
    #[serde(default)]
    not_reflexive: Vec<String>,
    #[serde(default)]
    noun_coordinators: Vec<String>,
    #[serde(default)]
    irregular_futures: Vec<String>,
    #[serde(default)]
    cumulative: Vec<String>,
    #[serde(default)]
    penalties: Vec<String>,
    #[serde(default)]
    one_of: Vec<String>,
    #[serde(default)]
    acting_categories: Vec<String>,
    #[serde(default)]
    event_noun_articles: Vec<String>,
    #[serde(default)]
    event_noun_indefinites: Vec<String>,
    #[serde(default)]
    sentence_part_ends: Vec<String>,
    #[serde(default)]
    negation_openers: Vec<String>,
    #[serde(default)]
    negation_particles: Vec<String>,
    #[serde(default)]
    negation_restrictors: Vec<String>,
    #[serde(default)]
    negation_prepositions: Vec<String>,
    #[serde(default)]
    last_24h: Vec<String>,
    #[serde(default)]
    processes: Vec<String>,
    #[serde(default)]
    casualty_carriers: Vec<String>,
    #[serde(default)]
    counted_by_predicate: BTreeMap<String, String>,
    #[serde(default)]
    fits: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    insertion_marks: Vec<String>,
    #[serde(default)]
    not_predicates: Vec<String>,
    #[serde(default)]
    before_figure: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    verbs: VerbsFile,
}

#[derive(Debug, Default, Deserialize)]
struct AttributionFile {
    #[serde(default)]
    selon: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    stance: Vec<String>,
    #[serde(default)]
    background: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RolesFile {
    #[serde(default)]
    nationality_after_first_word: bool,
    #[serde(default)]
    organisations: BTreeMap<String, String>,
    #[serde(default)]
    nationality: BTreeMap<String, String>,
}

/// Organisations of roles that name none (`claims-roles.toml`).
#[derive(Debug, Default)]
pub struct Roles {
    after_first_word: bool,
    /// Lower-cased role title → organisation head.
    organisations: BTreeMap<String, String>,
    nationality: BTreeMap<String, String>,
}

impl Roles {
    /// The organisation a role `title` of `country` belongs to ("ministre des Affaires
    /// étrangères", RU → "ministère russe des Affaires étrangères").
    pub fn organisation(&self, title: &str, country: Option<&str>) -> Option<String> {
        let head = self.organisations.get(&title.trim().to_lowercase())?;
        let Some(adjective) = country.and_then(|c| self.nationality.get(c)) else {
            return Some(head.clone());
        };
        if !self.after_first_word {
            return Some(format!("{adjective} {head}"));
        }
        Some(match head.split_once(' ') {
            Some((first, rest)) => format!("{first} {adjective} {rest}"),
            None => format!("{head} {adjective}"),
        })
    }
}

#[derive(Debug, Default, Deserialize)]
struct SubsetFile {
    #[serde(default)]
    markers: Vec<String>,
    #[serde(default)]
    supersets: BTreeMap<String, Vec<String>>,
}

/// Everything the claims stage knows about one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// The language, for what other stages' lexicons know (the numbers' ordinals).
    pub lang: Lang,
    pub counted: Entries,
    pub skip: WordSet,
    pub not_nouns: WordSet,
    /// Words that link a figure to its noun ("de", "des"), for nouns outside the lexicon.
    pub noun_links: WordSet,
    /// Determiners before which a small number word refers to things already named.
    pub referential_determiners: WordSet,
    pub referential_max: f64,
    /// Endings of plural nouns, and plurals without them ("men"): a noun outside the
    /// lexicon counted by a figure of two or more is plural.
    pub plural_endings: Vec<String>,
    pub invariant_plurals: WordSet,
    /// Words between an elliptic figure and the earlier figure whose noun it shares, the
    /// word between it and a later one that carries it, and how far the noun may stand.
    pub ellipsis_links: WordSet,
    pub ellipsis_joins: WordSet,
    pub ellipsis_reach: usize,
    /// Words before the base of a rate ("pour 100 000 habitants").
    pub rate_markers: Entries,
    /// Indefinite articles that stand for the one of a rate ("un train sur deux").
    pub rate_ones: WordSet,
    /// Forms of "avoir" after which a duration is an age ("il a 30 ans").
    pub age_verbs: WordSet,
    pub age_units: WordSet,
    /// Subject pronouns and the verbs (infinitives) by which a figure counts people ("nous
    /// étions dix").
    pub people_pronouns: WordSet,
    /// "d'entre eux" after a figure whose sentence has no noun for it: it counts people.
    pub people_partitives: Entries,
    /// "le nombre de", "les" after a figure that follows "à": what the figure is set to
    /// count comes after them ("a chiffré à 70 000 les morts").
    pub set_to_heads: Entries,
    /// The word before such a figure ("à").
    pub set_to_links: WordSet,
    /// The word that links a noun or a figure to what it is of ("de"): the matter of a mass
    /// ("100 m3 de gasoil"), the sum after its noun ("une aide de"), a scale's end ("une
    /// échelle de 4").
    pub of_links: WordSet,
    /// Nouns of a sum of money ("aide", "montant"): a figure after them and "de" is the sum,
    /// it counts no noun named earlier.
    pub amount_heads: WordSet,
    /// "plus tard", "auparavant": a duration before them dates an event, it counts nothing.
    pub time_offsets: Entries,
    /// What a duration before these measures is a quality of someone ("25 années
    /// d'expérience", "14,6 années devant eux"): no event.
    pub duration_attributes: Entries,
    pub people_pronoun_verbs: Infinitives,
    /// Articles a share's noun may take after its "de" ("40 % de l'électorat").
    pub share_articles: WordSet,
    /// Capitalized plurals that name people of a place ("des Wallons", "des Belges").
    pub demonym_endings: Vec<String>,
    /// Endings of nouns of people outside the lexicon ("caricaturistes", "sociologues"), and
    /// the words with those endings that are things ("pistes").
    pub people_endings: Vec<String>,
    pub not_people: WordSet,
    pub demonyms: WordSet,
    /// Words before hours that make them a time of day ("dès 9 heures"), and the hours.
    pub clock_prepositions: WordSet,
    pub clock_units: WordSet,
    pub clock_not_before: WordSet,
    /// Times of day by name ("minuit"): hours joined to one by "et" are a time too.
    pub clock_words: WordSet,
    /// The word joining such a time to the hours after it ("et").
    pub clock_joins: WordSet,
    /// Words after which digits are a street number.
    pub street_words: WordSet,
    /// Singular articles before which bare digits with no noun are a name ("dans le 93").
    pub label_articles: WordSet,
    /// Prepositions before a year: four digits after one, before no noun, date something
    /// ("cet objectif pour 2030").
    pub year_prepositions: WordSet,
    /// Prepositions that make two digits with no noun a year ("qu'en 68").
    pub short_year_prepositions: WordSet,
    /// Pronouns whose "de" and four digits date what they take up ("celle de 1694").
    pub year_pronouns: WordSet,
    /// Words that make a figure before them a ratio ("fois").
    pub multipliers: WordSet,
    /// Words after a multiplier that make it a ratio ("fois plus", "fois la taille").
    pub after_multiplier: WordSet,
    /// "autres" after a figure and no noun: it counts what an earlier figure or noun counts.
    pub others: WordSet,
    /// Words that may open a sentence before its first figure ("Et", "Quelque"): a figure
    /// after only these and "autres" takes up the previous sentence's noun.
    pub sentence_openers: WordSet,
    /// "ensemble", "total": a share of these counts what follows their "de".
    pub whole_heads: WordSet,
    /// Nouns a figure after "de" describes ("une ville de 30 000 habitants").
    pub descriptive_heads: WordSet,
    /// Words between a share and the whole it is taken from ("25 % des 47 millions").
    pub share_links: WordSet,
    /// "sur" and the determiners after it that name the whole a count and its noun are
    /// taken from ("60 salles sur les 84 existantes").
    pub whole_links: WordSet,
    pub whole_determiners: WordSet,
    /// "en" before a verb whose object is a count with no noun: the count is of a noun named
    /// before ("pour en recréer 11.500").
    pub partitive_pronouns: WordSet,
    /// The first and last year four bare digits after a noun are read as ("rapport 2018").
    pub year_range: [f64; 2],
    /// Nouns of a size whose figure after "de" reports no event ("dans un rayon de 150 km").
    pub measure_heads: WordSet,
    /// Prepositions after which a duration tells when ("après six semaines de cavale").
    pub time_prepositions: WordSet,
    /// Pronouns that take up a whole clause before "qui" or "que" ("ce qui va faciliter").
    pub clause_pronouns: WordSet,
    /// Nouns whose digits after them name a part of a text ("l'article 25").
    pub label_nouns: WordSet,
    /// Styles after a length that make it a race's name ("100 m dos").
    pub race_styles: WordSet,
    /// Nouns that, with their "du", make the length after them a race's name ("la finale du
    /// 100 m").
    pub race_titles: WordSet,
    pub race_title_links: WordSet,
    /// "sur" after a rank: the number after it is the size of the ranking ("la 155e place
    /// sur 180").
    pub rank_totals: WordSet,
    /// "au 259 rang": a number before one of these is a rank.
    pub rank_nouns: WordSet,
    /// The word between a rank's noun and the group ranked ("au 4e rang des 27 pays").
    pub rank_group_links: WordSet,
    /// Nouns of a scale of marks: a number after them and "de" is one of its ends ("sur une
    /// échelle de 4").
    pub scale_heads: WordSet,
    /// The word between a mark and its scale ("2 sur une échelle de 4").
    pub scale_links: WordSet,
    /// "mère de quatre enfants": the figure after one of these and "de" describes a parent,
    /// the sentence's verb is the parent's.
    pub parent_heads: WordSet,
    /// "taux", "part": a share in their clause is a rate of what follows their "de" ("un
    /// taux de grévistes de 33,9 %").
    pub rate_heads: WordSet,
    /// Relative pronouns whose clause after a thing's measure tells of the thing ("qui").
    pub measure_relatives: WordSet,
    /// Counted words that count only right after their number ("5 contre"), never carried
    /// to a later figure ("815,5 millions en 2018, contre 823,2 en 2017").
    pub right_after_number: WordSet,
    /// Plural measures whose participle agrees with what they measure ("fois", "euros").
    pub agreement_exempt: WordSet,
    /// Prepositions of a distance ("à 20 km de").
    pub distance_markers: WordSet,
    /// Points of the compass and the words before them, between a distance and its "de"
    /// ("à 15 km à l'ouest de").
    pub directions: WordSet,
    pub direction_links: WordSet,
    /// Articles before digits that make them a model or a code ("un 357 Magnum").
    pub model_articles: WordSet,
    pub predicates: Entries,
    pub implied: BTreeMap<String, String>,
    /// Categories of gerunds, for the figure right after one ("tuant 86 personnes").
    pub gerund_category: BTreeMap<String, String>,
    pub modality: Entries,
    /// Modalities told by any finite form of a verb ("nous risquons" is estimated).
    pub modality_infinitives: ByInfinitive,
    /// Participles of those verbs in another sense ("sont visés par la justice").
    pub not_modal_participles: WordSet,
    /// Categories told by any form of a verb, for a clause's verb the phrases above miss
    /// ("vous tuez deux personnes", "poignarde quatre personnes").
    pub verb_infinitives: ByInfinitive,
    /// Endings of the future tense, and futures whose stem is not their infinitive's
    /// ("sera", "accueillera"): a predicate told in the future is planned.
    pub future_endings: Vec<String>,
    /// Endings of the conditional, and what replaces one to give the future it is built on
    /// ("ferait" → "fera"): a predicate told in the conditional is hypothetical.
    pub conditional_endings: Vec<String>,
    pub future_of_conditional: String,
    /// Verbs (infinitives) whose event befalls their object: before one in the active voice
    /// ("neuf djihadistes ont tué"), a figure counts those who did it. The auxiliaries that
    /// tell the voice.
    pub agent_verbs: Infinitives,
    /// (The auxiliaries of the active voice are `verbs.active_auxiliaries`.)
    pub passive_auxiliaries: Infinitives,
    /// Categories a reflexive form does not tell ("se retrouvent" meet, "s'arrêtent" stop).
    pub not_reflexive: Vec<String>,
    /// Words that join a participle to a counted noun as another noun ("prévenus ou accusés").
    pub noun_coordinators: WordSet,
    pub irregular_futures: WordSet,
    pub cumulative: Entries,
    /// Phrases after which a figure is a penalty, no event ("sous peine de 150 euros").
    pub penalties: Entries,
    /// Phrases after which a figure is a set's size, one member of it the subject.
    pub one_of: Entries,
    /// Punctuation that ends a figure's part of a sentence ("…; 323 en sont revenus").
    pub sentence_part_ends: WordSet,
    /// Counted categories whose figure's purpose infinitive tells what they do.
    pub acting_categories: Vec<String>,
    /// "ne" and the particles that deny a verb between them ("n'ont jamais été retrouvés"),
    /// the words after a particle that make it restrict instead ("ne … plus que"), and the
    /// prepositions that deny the verb right after them ("sans être évacués").
    pub negation_openers: WordSet,
    pub negation_particles: WordSet,
    pub negation_restrictors: WordSet,
    pub negation_prepositions: WordSet,
    pub last_24h: Entries,
    /// Predicate categories whose undated, windowless counts have an unknown window.
    pub processes: Vec<String>,
    /// Verbs (infinitives) that only carry a toll whose nouns tell the event ("a fait 12
    /// morts et 48 blessés").
    pub casualty_carriers: Infinitives,
    pub counted_by_predicate: BTreeMap<String, String>,
    pub fits: BTreeMap<String, Vec<String>>,
    pub auxiliaries: WordSet,
    pub relatives: WordSet,
    /// Marks of an editor's insertion ("[", "]"), that no predicate stands across.
    pub insertion_marks: WordSet,
    /// Phrases with a predicate's word that tell no event ("a fait état de").
    pub not_predicates: Entries,
    /// Event nouns that are a predicate only right before the figure ("la mort de").
    pub before_figure: Entries,
    /// The same event nouns without their final "de": "l'arrestation en France de dix
    /// personnes" puts words between the noun and its figure.
    pub before_figure_nouns: Entries,
    /// Definite articles and their contractions before an event noun ("du meurtre de").
    pub event_noun_articles: WordSet,
    /// Indefinite articles before an event noun close to its "de" ("une saisie de").
    pub event_noun_indefinites: WordSet,
    pub verbs: Verbs,
    pub subsets: Entries,
    pub supersets: BTreeMap<String, Vec<String>>,
    /// "selon" cues, as token patterns and as lower-cased lemmas.
    pub selon: Entries,
    pub selon_lemmas: Vec<String>,
    pub articles: Vec<String>,
    pub stance: Entries,
    pub background: Entries,
    pub roles: Roles,
}

impl Lexicon {
    /// Lists the verb forms of every set of infinitives, in one pass over the forms.
    fn index_forms(&mut self) {
        let Lexicon {
            verbs,
            people_pronoun_verbs,
            agent_verbs,
            passive_auxiliaries,
            casualty_carriers,
            modality_infinitives,
            verb_infinitives,
            ..
        } = self;
        let Verbs {
            forms,
            active_auxiliaries,
            state_infinitives,
            reflexive_state_infinitives,
            descriptive_infinitives,
            reporting_infinitives,
            topic_infinitives,
            modal_infinitives,
            intent_infinitives,
            ..
        } = verbs;
        let mut sets: Vec<&mut Infinitives> = vec![
            people_pronoun_verbs,
            agent_verbs,
            passive_auxiliaries,
            casualty_carriers,
            active_auxiliaries,
            state_infinitives,
            reflexive_state_infinitives,
            descriptive_infinitives,
            reporting_infinitives,
            topic_infinitives,
            modal_infinitives,
            intent_infinitives,
        ];
        for by in [modality_infinitives, verb_infinitives] {
            sets.extend(by.0.iter_mut().map(|(_, set)| set));
        }
        forms.index(&mut sets);
    }

    /// Whether a predicate of category `predicate` fits a figure counting `counted`.
    pub fn fits(&self, counted: Option<&str>, predicate: &str) -> bool {
        counted
            .and_then(|c| self.fits.get(c))
            .is_none_or(|list| list.iter().any(|p| p == predicate))
    }

    /// Whether a child of category `child` may be a part of a figure of category `parent`.
    pub fn may_contain(&self, parent: &str, child: &str) -> bool {
        parent == child
            || self
                .supersets
                .get(child)
                .is_some_and(|list| list.iter().any(|p| p == parent))
    }
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| load(Lang::Fr));
static EN: LazyLock<Lexicon> = LazyLock::new(|| load(Lang::En));

pub fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => &EN,
        Lang::Fr | Lang::Other => &FR,
    }
}

/// The text stage's abbreviations: a period after one ends no sentence.
#[derive(Deserialize, Default)]
struct AbbreviationsFile {
    #[serde(default)]
    no_break: Vec<String>,
}

/// Parses a data file; a missing or broken file leaves the stage without that knowledge
/// rather than stopping the program (the data tests catch it).
fn parse<T: for<'de> Deserialize<'de> + Default>(lang: Lang, name: &str) -> T {
    recoupe_lang::data_file(lang, name)
        .and_then(|text| toml::from_str(text).ok())
        .unwrap_or_default()
}

fn load(lang: Lang) -> Lexicon {
    let mut counted: CountedFile = parse(lang, "claims-counted.toml");
    let countries: CountriesFile = parse(lang, "entities-countries.toml");
    let inhabitants = countries.countries.into_values().flat_map(|c| {
        let mut words = c.adjectives;
        words.extend(c.people.unwrap_or_default());
        words
    });
    counted
        .category
        .entry("people".to_owned())
        .or_default()
        .extend(inhabitants);
    let predicates: PredicateFile = parse(lang, "claims-predicates.toml");
    let subsets: SubsetFile = parse(lang, "claims-subsets.toml");
    let attribution: AttributionFile = parse(lang, "claims-attribution.toml");
    let roles: RolesFile = parse(lang, "claims-roles.toml");
    let abbreviations: AbbreviationsFile = parse(lang, "text-abbreviations.toml");
    let single = |name: &str, list: Vec<String>| {
        let mut map = BTreeMap::new();
        map.insert(name.to_owned(), list);
        Entries::from_map(&map)
    };
    let mut lex = Lexicon {
        lang,
        counted: Entries::from_map(&counted.category),
        skip: counted.skip.into_iter().collect(),
        not_nouns: counted
            .not_nouns
            .iter()
            .map(|s| s.to_lowercase().replace('’', "'"))
            .collect(),
        noun_links: counted
            .noun_links
            .iter()
            .map(|s| s.to_lowercase().replace('’', "'"))
            .collect(),
        referential_determiners: keys(counted.referential_determiners).into_iter().collect(),
        referential_max: counted.referential_max.unwrap_or(0.0),
        plural_endings: counted.plural_endings,
        invariant_plurals: word_set(counted.invariant_plurals),
        ellipsis_links: word_set(counted.ellipsis_links),
        ellipsis_joins: word_set(counted.ellipsis_joins),
        ellipsis_reach: counted.ellipsis_reach,
        rate_markers: single("rate", counted.rate_markers),
        rate_ones: word_set(counted.rate_ones),
        age_verbs: word_set(counted.age_verbs),
        age_units: word_set(counted.age_units),
        people_pronouns: word_set(counted.people_pronouns),
        people_partitives: single("people", counted.people_partitives),
        set_to_heads: single("head", counted.set_to_heads),
        set_to_links: word_set(counted.set_to_links),
        of_links: word_set(counted.of_links),
        amount_heads: word_set(counted.amount_heads),
        time_offsets: single("offset", counted.time_offsets),
        duration_attributes: single("attribute", counted.duration_attributes),
        people_pronoun_verbs: infinitives(counted.people_pronoun_verbs),
        share_articles: word_set(counted.share_articles),
        demonym_endings: counted.demonym_endings,
        people_endings: counted.people_endings,
        not_people: word_set(counted.not_people),
        demonyms: word_set(counted.demonyms),
        clock_prepositions: word_set(counted.clock_prepositions),
        clock_units: word_set(counted.clock_units),
        clock_not_before: word_set(counted.clock_not_before),
        clock_words: word_set(counted.clock_words),
        clock_joins: word_set(counted.clock_joins),
        street_words: word_set(counted.street_words),
        label_articles: word_set(counted.label_articles),
        year_prepositions: word_set(counted.year_prepositions),
        short_year_prepositions: word_set(counted.short_year_prepositions),
        year_pronouns: word_set(counted.year_pronouns),
        multipliers: word_set(counted.multipliers),
        after_multiplier: word_set(counted.after_multiplier),
        others: word_set(counted.others),
        sentence_openers: word_set(counted.sentence_openers),
        whole_heads: word_set(counted.whole_heads),
        descriptive_heads: word_set(counted.descriptive_heads),
        measure_heads: word_set(counted.measure_heads),
        year_range: counted.year_range.unwrap_or([f64::MAX, f64::MIN]),
        share_links: word_set(counted.share_links),
        whole_links: word_set(counted.whole_links),
        whole_determiners: word_set(counted.whole_determiners),
        partitive_pronouns: word_set(counted.partitive_pronouns),
        time_prepositions: word_set(counted.time_prepositions),
        clause_pronouns: word_set(counted.clause_pronouns),
        label_nouns: word_set(counted.label_nouns),
        race_styles: word_set(counted.race_styles),
        race_titles: word_set(counted.race_titles),
        race_title_links: word_set(counted.race_title_links),
        rank_totals: word_set(counted.rank_totals),
        rank_nouns: word_set(counted.rank_nouns),
        rank_group_links: word_set(counted.rank_group_links),
        scale_heads: word_set(counted.scale_heads),
        scale_links: word_set(counted.scale_links),
        parent_heads: word_set(counted.parent_heads),
        rate_heads: word_set(counted.rate_heads),
        measure_relatives: word_set(counted.measure_relatives),
        right_after_number: word_set(counted.right_after_number),
        agreement_exempt: word_set(counted.agreement_exempt),
        distance_markers: word_set(counted.distance_markers),
        directions: word_set(counted.directions),
        direction_links: word_set(counted.direction_links),
        model_articles: word_set(counted.model_articles),
        predicates: Entries::from_map(&predicates.category),
        implied: predicates.implied,
        gerund_category: predicates.gerund_category,
        modality: Entries::from_map(&predicates.modality),
        modality_infinitives: ByInfinitive::new(predicates.modality_infinitives),
        not_modal_participles: word_set(predicates.not_modal_participles),
        future_endings: predicates.future_endings,
        conditional_endings: predicates.conditional_endings,
        future_of_conditional: predicates.future_of_conditional,
        agent_verbs: infinitives(predicates.agent_verbs),
        passive_auxiliaries: infinitives(predicates.passive_auxiliaries),
        not_reflexive: predicates.not_reflexive,
        noun_coordinators: word_set(predicates.noun_coordinators),
        irregular_futures: word_set(predicates.irregular_futures),
        verb_infinitives: ByInfinitive::new(predicates.verb_infinitives),
        cumulative: single("cumulative", predicates.cumulative),
        penalties: single("penalty", predicates.penalties),
        one_of: single("one-of", predicates.one_of),
        acting_categories: predicates.acting_categories,
        sentence_part_ends: word_set(predicates.sentence_part_ends),
        negation_openers: word_set(predicates.negation_openers),
        negation_particles: word_set(predicates.negation_particles),
        negation_restrictors: word_set(predicates.negation_restrictors),
        negation_prepositions: word_set(predicates.negation_prepositions),
        last_24h: single("last_24h", predicates.last_24h),
        processes: predicates.processes,
        casualty_carriers: infinitives(predicates.casualty_carriers),
        counted_by_predicate: predicates.counted_by_predicate,
        fits: predicates.fits,
        auxiliaries: predicates.auxiliaries.into_iter().collect(),
        relatives: predicates.relatives.into_iter().collect(),
        insertion_marks: word_set(predicates.insertion_marks),
        not_predicates: single("not_predicate", predicates.not_predicates),
        before_figure: Entries::from_map(&predicates.before_figure),
        before_figure_nouns: Entries::from_map(&without_last_link(
            &predicates.before_figure,
            &counted.noun_links,
            &predicates.verbs.determiners,
        )),
        event_noun_articles: word_set(predicates.event_noun_articles),
        event_noun_indefinites: word_set(predicates.event_noun_indefinites),
        verbs: Verbs {
            active_auxiliaries: infinitives(predicates.active_auxiliaries),
            auxiliaries: word_set(predicates.verbs.auxiliaries),
            between: word_set(predicates.verbs.between),
            reflexives: word_set(predicates.verbs.reflexives),
            participle_endings: predicates.verbs.participle_endings,
            finite_endings: predicates.verbs.finite_endings,
            not_verb_endings: predicates.verbs.not_verb_endings,
            noun_endings: predicates.verbs.noun_endings,
            not_verbs: word_set(predicates.verbs.not_verbs),
            states: single("state", predicates.verbs.states),
            clause_ends: word_set(predicates.verbs.clause_ends),
            determiners: word_set(predicates.verbs.determiners),
            adverb_endings: predicates.verbs.adverb_endings,
            coordinators: word_set(predicates.verbs.coordinators),
            speech: word_set(predicates.verbs.speech),
            infinitive_markers: word_set(predicates.verbs.infinitive_markers),
            infinitive_endings: predicates.verbs.infinitive_endings,
            not_infinitive_endings: predicates.verbs.not_infinitive_endings,
            infinitives: word_set(predicates.verbs.infinitives),
            clitic_subjects: word_set(predicates.verbs.clitic_subjects),
            complementizers: word_set(predicates.verbs.complementizers),
            clause_coordinators: word_set(predicates.verbs.clause_coordinators),
            if_elisions: word_set(predicates.verbs.if_elisions),
            que_forms: word_set(predicates.verbs.que_forms),
            restatements: word_set(predicates.verbs.restatements),
            inverting: word_set(predicates.verbs.inverting),
            subject_relatives: word_set(predicates.verbs.subject_relatives),
            fronting_prepositions: word_set(predicates.verbs.fronting_prepositions),
            fronting_adjectives: word_set(predicates.verbs.fronting_adjectives),
            fronted_links: word_set(predicates.verbs.fronted_links),
            phrase_prepositions: word_set(predicates.verbs.phrase_prepositions),
            qualifying_before_de: word_set(predicates.verbs.qualifying_before_de),
            before_que: word_set(predicates.verbs.before_que),
            source_asides: single("aside", predicates.verbs.source_asides),
            aside_dashes: word_set(predicates.verbs.aside_dashes),
            name_connectors: word_set(predicates.verbs.name_connectors),
            copulas_before_de: word_set(predicates.verbs.copulas_before_de),
            copula_links: word_set(predicates.verbs.copula_links),
            subject_pronouns: word_set(predicates.verbs.subject_pronouns),
            agent_markers: word_set(predicates.verbs.agent_markers),
            object_adverbs: word_set(predicates.verbs.object_adverbs),
            cause_markers: word_set(predicates.verbs.cause_markers),
            modals: word_set(predicates.verbs.modals),
            causatives: word_set(predicates.verbs.causatives),
            verb_openers: word_set(predicates.verbs.verb_openers),
            object_clitics: word_set(predicates.verbs.object_clitics),
            gerund_endings: predicates.verbs.gerund_endings,
            plural_determiners: word_set(predicates.verbs.plural_determiners),
            function_words: word_set(counted.not_nouns.clone()),
            abbreviations: word_set(keys(abbreviations.no_break)),
            reporting: predicates.verbs.reporting,
            restrictive_negations: word_set(predicates.verbs.restrictive_negations),
            que_joins: word_set(predicates.verbs.que_joins),
            state_infinitives: infinitives(predicates.verbs.state_infinitives),
            reflexive_state_infinitives: infinitives(predicates.verbs.reflexive_state_infinitives),
            descriptive_infinitives: infinitives(predicates.verbs.descriptive_infinitives),
            reporting_infinitives: infinitives(predicates.verbs.reporting_infinitives),
            topic_infinitives: infinitives(predicates.verbs.topic_infinitives),
            partitive_markers: word_set(predicates.verbs.partitive_markers),
            gerund_markers: word_set(predicates.verbs.gerund_markers),
            modal_infinitives: infinitives(predicates.verbs.modal_infinitives),
            intent_infinitives: infinitives(predicates.verbs.intent_infinitives),
            modal_links: word_set(predicates.verbs.modal_links),
            relative_pronouns: word_set(predicates.verbs.relative_pronouns),
            relative_subject_determiners: word_set(predicates.verbs.relative_subject_determiners),
            predicative_nouns: word_set(predicates.verbs.predicative_nouns),
            purpose_markers: word_set(predicates.verbs.purpose_markers),
            forms: recoupe_lang::data_file(lang, "verb-forms.tsv")
                .map(VerbForms::parse)
                .unwrap_or_default(),
        },
        subsets: single("subset", subsets.markers),
        supersets: subsets.supersets,
        selon: single("selon", attribution.selon.clone()),
        selon_lemmas: attribution
            .selon
            .iter()
            .map(|s| s.to_lowercase().replace('’', "'"))
            .collect(),
        articles: attribution
            .articles
            .iter()
            .map(|s| s.to_lowercase().replace('’', "'"))
            .collect(),
        stance: single("stance", attribution.stance),
        background: single("background", attribution.background),
        roles: Roles {
            after_first_word: roles.nationality_after_first_word,
            organisations: roles
                .organisations
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            nationality: roles.nationality,
        },
    };
    lex.index_forms();
    lex
}

/// A set of infinitives, keyed as [`word_set`] keys words; their forms are listed once the
/// lexicon is built ([`Lexicon::index_forms`]).
fn infinitives(list: Vec<String>) -> Infinitives {
    keys(list).into_iter().collect()
}

/// Words as the tokenizer keys them: lower case, straight apostrophe.
fn keys(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .map(|s| s.to_lowercase().replace('’', "'"))
        .collect()
}

/// Every phrase of `map` without its last word when that word is a link ("la mort de" → "la
/// mort").
fn without_last_link(
    map: &BTreeMap<String, Vec<String>>,
    links: &[String],
    determiners: &[String],
) -> BTreeMap<String, Vec<String>> {
    // The noun alone, whatever its determiner: "lors du meurtre de trois policiers".
    let noun = |head: &str| {
        for d in determiners {
            let rest = if d.ends_with('\'') {
                head.strip_prefix(d.as_str())
            } else {
                head.strip_prefix(d.as_str())
                    .and_then(|r| r.strip_prefix(' '))
            };
            if let Some(rest) = rest.filter(|r| !r.is_empty()) {
                return rest.to_owned();
            }
        }
        head.to_owned()
    };
    map.iter()
        .map(|(category, phrases)| {
            let stripped = phrases
                .iter()
                .filter_map(|phrase| {
                    let (head, last) = phrase.trim().rsplit_once(' ')?;
                    links.iter().any(|l| l == last).then(|| noun(head))
                })
                .collect();
            (category.clone(), stripped)
        })
        .collect()
}

fn word_set(list: Vec<String>) -> WordSet {
    let keys = keys(list);
    // A set is looked up one token at a time: an entry the tokenizer cuts in two ("jusqu'à",
    // "pour cent") could never match, so the data must not hold one.
    debug_assert!(
        keys.iter().all(|k| is_one_token(k)),
        "word list entries that are not one token: {:?}",
        keys.iter().filter(|k| !is_one_token(k)).collect::<Vec<_>>()
    );
    keys.into_iter().collect()
}

/// Whether the tokenizer reads `key` as a single token.
fn is_one_token(key: &str) -> bool {
    super::tokens::tokenize(key).len() == 1
}

/// Whether every claims data file of `lang` parses (for tests).
pub fn data_is_valid(lang: Lang) -> Result<(), String> {
    for name in [
        "claims-counted.toml",
        "claims-predicates.toml",
        "claims-subsets.toml",
        "claims-attribution.toml",
        "claims-roles.toml",
    ] {
        let text = recoupe_lang::data_file(lang, name).ok_or(format!("{name} missing"))?;
        let ok = match name {
            "claims-counted.toml" => toml::from_str::<CountedFile>(text).map(|_| ()),
            "claims-predicates.toml" => toml::from_str::<PredicateFile>(text).map(|_| ()),
            "claims-attribution.toml" => toml::from_str::<AttributionFile>(text).map(|_| ()),
            "claims-roles.toml" => toml::from_str::<RolesFile>(text).map(|_| ()),
            _ => toml::from_str::<SubsetFile>(text).map(|_| ()),
        };
        ok.map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_lists_never_turn_a_match_away() {
        let prefixes = ["démin", "dé", "d", "évacu", "x", ""];
        let words = [
            "démineurs",
            "dé",
            "des",
            "dans",
            "évacués",
            "été",
            "x",
            "",
            "d",
            "é",
        ];
        for set in 1..(1u32 << prefixes.len()) {
            let mut list = PrefixList::default();
            let chosen: Vec<&str> = (0..prefixes.len())
                .filter(|i| set >> i & 1 != 0)
                .map(|i| prefixes[i])
                .collect();
            for (k, p) in chosen.iter().enumerate() {
                list.add(k, p);
            }
            for w in words {
                let any = chosen.iter().any(|p| w.starts_with(p));
                assert!(!any || !list.candidates(w).is_empty(), "{w:?} {chosen:?}");
            }
        }
        let mut list = PrefixList::default();
        list.add(0, "démin");
        assert!(list.candidates("dans").is_empty());
        assert!(list.candidates("de").is_empty());
    }

    /// One pass over several lists finds what each list's own pass finds.
    #[test]
    fn lists_matched_together_match_as_alone() {
        let lex = lexicon(Lang::Fr);
        let lists = [
            &lex.not_predicates,
            &lex.penalties,
            &lex.one_of,
            &lex.predicates,
            &lex.cumulative,
            &lex.last_24h,
            &lex.predicates,
        ];
        let plain = |hits: &[Hit]| -> Vec<(usize, usize, String)> {
            hits.iter()
                .map(|h| (h.start, h.end, h.category.clone()))
                .collect()
        };
        let mut found = 0;
        for text in [
            "",
            "Au moins 12 personnes ont été tuées et 30 blessées depuis 24 heures, soit un \
             total de 150 morts, l'un des bilans les plus lourds.",
            "Le suspect, condamné à 5 ans de prison, a été évacué ; 3 000 habitants évacués.",
            "« Nous avons démantelé deux réseaux », a déclaré le ministre au cours des \
             dernières 24 heures, au total 40 interpellations.",
        ] {
            let toks = tokenize(text);
            let together = Entries::all_of(lists, &toks);
            for (list, hits) in lists.iter().zip(&together) {
                assert_eq!(plain(hits), plain(&list.all(&toks)), "{text}");
            }
            found += together.iter().map(Vec::len).sum::<usize>();
        }
        assert!(found > 5, "the texts hold matches");
    }
}
