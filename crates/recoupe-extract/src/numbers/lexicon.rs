//! The language data of the numbers stage: number words, units and qualifiers, read once per
//! language from `recoupe-lang` (`numbers.toml`, `units.toml`, `qualifiers.toml`) and indexed
//! by folded word so the scanner does hash look-ups only.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use recoupe_model::Lang;
use recoupe_model::quantity::{Dimension, Qualifier, QuantityKind};
use serde::Deserialize;

use super::token::{fold, tokenize_keys};
use crate::keys::{KeyFilter, WordMap, Words};

/// What a word means to the number-word parser.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum WordClass {
    Cardinal(f64),
    Hundred,
    Scale(f64),
}

/// A phrase as a sequence of folded token keys, with what it stands for.
#[derive(Clone, Debug)]
pub(crate) struct Phrase<T> {
    pub keys: Vec<String>,
    pub what: T,
}

/// What a trigger word starts: whether only idioms, and its idioms (`idioms.candidates` of
/// its key), so the word's one look-up also finds them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trigger {
    pub idioms_only: bool,
    pub idioms: Vec<Phrase<()>>,
}

/// Phrases indexed by their first key (or last key, for phrases matched backwards).
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    by_key: FxHashMap<String, Vec<Phrase<T>>>,
    /// The keys of `by_key`, for a cheap first test.
    filter: KeyFilter,
    /// Phrases are indexed by their last key, not their first.
    by_last: bool,
}

impl<T: Clone> PhraseIndex<T> {
    fn new(items: impl IntoIterator<Item = (String, T)>, by_last: bool) -> Self {
        let mut by_key: FxHashMap<String, Vec<Phrase<T>>> = FxHashMap::default();
        for (text, what) in items {
            let keys = tokenize_keys(&text);
            let anchor = if by_last { keys.last() } else { keys.first() };
            if let Some(anchor) = anchor.cloned() {
                by_key
                    .entry(anchor)
                    .or_default()
                    .push(Phrase { keys, what });
            }
        }
        for list in by_key.values_mut() {
            // Longest first, so the first match found is the longest.
            list.sort_by_key(|p| std::cmp::Reverse(p.keys.len()));
        }
        let filter = KeyFilter::new(by_key.keys().map(String::as_str));
        PhraseIndex {
            by_key,
            filter,
            by_last,
        }
    }

    /// The phrases anchored on `key`. The filter test is inlined at every call, so the many
    /// keys it rejects cost no call; the hash look-up behind it is not.
    #[inline]
    pub fn candidates(&self, key: &str) -> &[Phrase<T>] {
        if !self.filter.may_contain(key) {
            return &[];
        }
        self.look_up(key)
    }

    /// The position, in a phrase of `n` keys, of the key it is indexed by: a phrase that
    /// [`Self::candidates`] gives for a key holds that key there.
    #[inline]
    pub fn anchor(&self, n: usize) -> usize {
        if self.by_last { n.saturating_sub(1) } else { 0 }
    }

    #[inline(never)]
    fn look_up(&self, key: &str) -> &[Phrase<T>] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[derive(Clone, Debug)]
pub(crate) struct UnitDef {
    pub id: String,
    pub dimension: Dimension,
    pub kind: QuantityKind,
}

/// Everything the numbers stage knows about one language.
pub(crate) struct Lexicon {
    /// Folded words that can start a quantity: anything else is skipped at once. The value
    /// says whether the word only starts idioms ("la", "les", "en", "à" do): such a word
    /// starts nothing else once its idioms do not match.
    /// Its filters turn away most words before the look-up.
    pub triggers: WordMap<Trigger>,
    pub words: WordMap<WordClass>,
    pub digit_scales: WordMap<f64>,
    pub money_only_scales: Vec<String>,
    pub articles: Vec<String>,
    pub joiners: Vec<String>,
    pub decimal_words: Vec<String>,
    pub negative_words: Vec<String>,
    pub denominators: WordMap<(f64, bool)>,
    pub fraction_nouns: WordMap<f64>,
    pub fraction_determiners: Vec<String>,
    pub over_words: PhraseIndex<()>,
    pub ordinals: WordMap<f64>,
    pub ordinal_suffixes: Vec<String>,
    pub roman_contexts: Vec<String>,
    pub rank_markers: PhraseIndex<()>,
    pub year_contexts: Vec<String>,
    pub year_min: f64,
    pub year_max: f64,
    /// Words that may follow a bare year ("1853 a été", "2016 was"): not counted nouns.
    pub year_followers: Words,
    pub idioms: PhraseIndex<()>,
    pub time_markers: Vec<String>,
    /// Every mark and run of digits is asked for one.
    pub vulgar_fractions: WordMap<f64>,
    pub months: WordMap<u32>,
    /// Month forms written with a final period in the calendar ("déc."): only after these
    /// is a period part of the date; after a full name it ends the sentence.
    pub month_abbrevs: Words,
    pub units_by_word: PhraseIndex<usize>,
    /// Symbols, longest first: matched on the raw text, case-sensitively.
    pub unit_symbols: Vec<(String, usize)>,
    /// For each first byte, the indices in `unit_symbols` (in its order) of the symbols
    /// that can start with it: those starting with it, and an empty one if any. Index 256
    /// is for the end of the text.
    pub unit_symbols_by_first: Vec<Vec<usize>>,
    pub units: Vec<UnitDef>,
    pub prefix_currencies: Vec<(String, usize)>,
    /// Id of the hundredth of a currency ("cent"): "15 dollars 50 cents".
    pub minor_currency: String,
    pub unit_links: Vec<Vec<String>>,
    pub per_words: Vec<Vec<String>>,
    pub duration_markers: PhraseIndex<()>,
    pub age_markers: PhraseIndex<()>,
    /// Words near which a temperature unit measures an angle ("turn a 45 degrees angle").
    pub angle_words: Words,
    /// The unit angles take instead.
    pub angle_unit: Option<usize>,
    pub before: PhraseIndex<Qualifier>,
    pub after: PhraseIndex<Qualifier>,
    pub range_pairs: Vec<(Vec<String>, String)>,
    pub range_joiners: Vec<String>,
    pub bound_joiners: Vec<Vec<String>>,
    /// After a strict bound, phrases that make it inclusive ("or equal to").
    pub inclusive_after: PhraseIndex<()>,
    pub approx_nouns: WordMap<f64>,
    pub approx_determiners: Vec<String>,
    /// "demi" of "une demi-douzaine": half of the approximate noun after its hyphen.
    pub approx_halves: Vec<String>,
    pub vague_nouns: WordMap<(f64, f64)>,
    pub vague_determiners: PhraseIndex<()>,
    pub vague_links: Vec<String>,
}

#[derive(Deserialize)]
struct NumbersFile {
    cardinals: HashMap<String, f64>,
    hundreds: HashMap<String, f64>,
    scales: HashMap<String, f64>,
    digit_scales: HashMap<String, f64>,
    #[serde(default)]
    money_only_scales: Vec<String>,
    articles: Vec<String>,
    joiners: Vec<String>,
    decimal_words: Vec<String>,
    negative_words: Vec<String>,
    denominators: HashMap<String, f64>,
    fraction_nouns: FractionNouns,
    over_words: Vec<String>,
    ordinals: HashMap<String, f64>,
    ordinal_suffixes: Vec<String>,
    roman_contexts: Vec<String>,
    rank_markers: Vec<String>,
    year_contexts: Vec<String>,
    year_min: f64,
    year_max: f64,
    #[serde(default)]
    year_followers: Vec<String>,
    idioms: Vec<String>,
    time_markers: Vec<String>,
    #[serde(default)]
    vulgar_fractions: HashMap<String, f64>,
}

#[derive(Deserialize)]
struct FractionNouns {
    fraction_determiners: Vec<String>,
    #[serde(flatten)]
    nouns: HashMap<String, f64>,
}

#[derive(Deserialize)]
struct UnitsFile {
    unit: Vec<UnitEntry>,
    prefix_currencies: HashMap<String, String>,
    #[serde(default)]
    minor_currency: String,
    unit_links: Vec<String>,
    #[serde(default)]
    per_words: Vec<String>,
    duration_markers: Vec<String>,
    age_markers: Vec<String>,
    #[serde(default)]
    angle_words: Vec<String>,
    #[serde(default)]
    angle_unit: String,
}

#[derive(Deserialize)]
struct UnitEntry {
    id: String,
    dimension: Dimension,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Deserialize)]
struct QualifiersFile {
    before: HashMap<Qualifier, Vec<String>>,
    after: HashMap<Qualifier, Vec<String>>,
    range_pairs: Vec<(String, String)>,
    range_joiners: Vec<String>,
    bound_joiners: Vec<String>,
    #[serde(default)]
    inclusive_after: Vec<String>,
    approx_nouns: ApproxNouns,
    vague_nouns: VagueNouns,
}

#[derive(Deserialize)]
struct ApproxNouns {
    approx_determiners: Vec<String>,
    #[serde(default)]
    approx_halves: Vec<String>,
    #[serde(flatten)]
    nouns: HashMap<String, f64>,
}

#[derive(Deserialize)]
struct VagueNouns {
    vague_determiners: Vec<String>,
    vague_links: Vec<String>,
    #[serde(flatten)]
    nouns: HashMap<String, (f64, f64)>,
}

#[derive(Deserialize)]
struct CalendarFile {
    months: Vec<Vec<String>>,
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(Lang::Fr));
static EN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(Lang::En));

/// For each byte, the indices of the `symbols` that may start at a place of the text
/// beginning with that byte, in their order; last, at index 256, those that may start at
/// the end of the text (empty ones).
fn by_first_byte(symbols: &[(String, usize)]) -> Vec<Vec<usize>> {
    (0..=256usize)
        .map(|b| {
            symbols
                .iter()
                .enumerate()
                .filter(|(_, (s, _))| s.as_bytes().first().is_none_or(|&f| usize::from(f) == b))
                .map(|(k, _)| k)
                .collect()
        })
        .collect()
}

/// The lexicon of `lang`; languages without data use English's, the most neutral.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Fr => &FR,
        _ => &EN,
    }
}

fn parse<T: for<'de> Deserialize<'de>>(lang: Lang, name: &str) -> T {
    let text = recoupe_lang::data_file(lang, name).unwrap_or("");
    // The data files ship with the binary and are checked by tests: a broken file is a
    // build defect, not an input error.
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("data/{}/{name} is invalid: {e}", lang.code()),
    }
}

fn folded(list: Vec<String>) -> Vec<String> {
    list.iter().map(|s| fold(s)).collect()
}

fn folded_map<V>(map: HashMap<String, V>) -> WordMap<V> {
    map.into_iter().map(|(k, v)| (fold(&k), v)).collect()
}

impl Lexicon {
    fn load(lang: Lang) -> Lexicon {
        let n: NumbersFile = parse(lang, "numbers.toml");
        let u: UnitsFile = parse(lang, "units.toml");
        let q: QualifiersFile = parse(lang, "qualifiers.toml");
        let cal: CalendarFile = parse(lang, "calendar.toml");

        let mut words = WordMap::default();
        for (w, v) in n.cardinals {
            words.insert(fold(&w), WordClass::Cardinal(v));
        }
        for (w, _) in n.hundreds {
            words.insert(fold(&w), WordClass::Hundred);
        }
        for (w, v) in n.scales {
            words.insert(fold(&w), WordClass::Scale(v));
        }
        let denominators = n
            .denominators
            .into_iter()
            .map(|(k, v)| {
                let f = fold(&k);
                let plural = f.ends_with('s') && !f.ends_with("tiers");
                (f, (v, plural))
            })
            .collect();

        let mut units = Vec::new();
        let mut unit_words = Vec::new();
        let mut unit_symbols = Vec::new();
        for e in u.unit {
            let kind = match e.kind.as_deref() {
                Some("age") => QuantityKind::Age,
                Some("percent") => QuantityKind::Percent,
                Some("money") => QuantityKind::Money,
                _ => match e.dimension {
                    Dimension::Currency => QuantityKind::Money,
                    Dimension::Duration => QuantityKind::Duration,
                    Dimension::Ratio => QuantityKind::Percent,
                    _ => QuantityKind::Measure,
                },
            };
            let idx = units.len();
            units.push(UnitDef {
                id: e.id,
                dimension: e.dimension,
                kind,
            });
            unit_words.extend(e.words.into_iter().map(|w| (w, idx)));
            unit_symbols.extend(e.symbols.into_iter().map(|s| (s, idx)));
        }
        unit_symbols.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let find_unit = |id: &str| units.iter().position(|d: &UnitDef| d.id == id);
        let mut prefix_currencies: Vec<(String, usize)> = u
            .prefix_currencies
            .iter()
            .filter_map(|(sym, id)| find_unit(id).map(|i| (sym.clone(), i)))
            .collect();
        prefix_currencies.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let angle_unit = find_unit(&u.angle_unit);

        let mut months = WordMap::default();
        let mut month_abbrevs = Words::default();
        for (i, forms) in cal.months.iter().enumerate() {
            for f in forms {
                let key = fold(f.trim_end_matches('.'));
                if f.ends_with('.') {
                    month_abbrevs.insert(key.clone());
                }
                months.insert(key, i as u32 + 1);
            }
        }

        let before = q
            .before
            .into_iter()
            .flat_map(|(qual, list)| list.into_iter().map(move |p| (p, qual)));
        let after = q
            .after
            .into_iter()
            .flat_map(|(qual, list)| list.into_iter().map(move |p| (p, qual)));

        let mut lex = Lexicon {
            triggers: WordMap::default(),
            words,
            digit_scales: n.digit_scales.into_iter().collect(),
            money_only_scales: n.money_only_scales,
            articles: folded(n.articles),
            joiners: folded(n.joiners),
            decimal_words: folded(n.decimal_words),
            negative_words: folded(n.negative_words),
            denominators,
            fraction_nouns: folded_map(n.fraction_nouns.nouns),
            fraction_determiners: folded(n.fraction_nouns.fraction_determiners),
            over_words: PhraseIndex::new(n.over_words.into_iter().map(|w| (w, ())), false),
            ordinals: folded_map(n.ordinals),
            ordinal_suffixes: n.ordinal_suffixes,
            roman_contexts: folded(n.roman_contexts),
            rank_markers: PhraseIndex::new(n.rank_markers.into_iter().map(|w| (w, ())), true),
            year_contexts: folded(n.year_contexts),
            year_min: n.year_min,
            year_max: n.year_max,
            year_followers: n.year_followers.iter().map(|w| fold(w)).collect(),
            idioms: PhraseIndex::new(n.idioms.into_iter().map(|w| (w, ())), false),
            time_markers: folded(n.time_markers),
            vulgar_fractions: n.vulgar_fractions.into_iter().collect(),
            months,
            month_abbrevs,
            units_by_word: PhraseIndex::new(unit_words, false),
            unit_symbols_by_first: by_first_byte(&unit_symbols),
            unit_symbols,
            units,
            prefix_currencies,
            minor_currency: u.minor_currency,
            unit_links: u.unit_links.iter().map(|l| tokenize_keys(l)).collect(),
            per_words: u.per_words.iter().map(|l| tokenize_keys(l)).collect(),
            duration_markers: PhraseIndex::new(
                u.duration_markers.into_iter().map(|w| (w, ())),
                true,
            ),
            age_markers: PhraseIndex::new(u.age_markers.into_iter().map(|w| (w, ())), true),
            angle_words: u.angle_words.iter().map(|w| fold(w)).collect(),
            angle_unit,
            before: PhraseIndex::new(before, true),
            after: PhraseIndex::new(after, false),
            range_pairs: q
                .range_pairs
                .into_iter()
                .map(|(open, join)| (tokenize_keys(&open), fold(&join)))
                .collect(),
            range_joiners: q.range_joiners.iter().map(|j| fold(j)).collect(),
            bound_joiners: q.bound_joiners.iter().map(|j| tokenize_keys(j)).collect(),
            inclusive_after: PhraseIndex::new(
                q.inclusive_after.into_iter().map(|w| (w, ())),
                false,
            ),
            approx_nouns: folded_map(q.approx_nouns.nouns),
            approx_determiners: folded(q.approx_nouns.approx_determiners),
            approx_halves: folded(q.approx_nouns.approx_halves),
            vague_nouns: folded_map(q.vague_nouns.nouns),
            vague_determiners: PhraseIndex::new(
                q.vague_nouns.vague_determiners.into_iter().map(|w| (w, ())),
                true,
            ),
            vague_links: folded(q.vague_nouns.vague_links),
        };
        let mut triggers: FxHashMap<String, Trigger> = FxHashMap::default();
        let others = (lex.words.keys())
            .chain(lex.ordinals.keys())
            .chain(lex.fraction_nouns.keys())
            .chain(lex.approx_nouns.keys())
            .chain(lex.approx_halves.iter())
            .chain(lex.vague_nouns.keys())
            .chain(lex.negative_words.iter());
        triggers.extend(others.map(|k| (k.clone(), Trigger::default())));
        for k in lex.idioms.by_key.keys() {
            triggers.entry(k.clone()).or_insert(Trigger {
                idioms_only: true,
                idioms: Vec::new(),
            });
        }
        for (k, t) in &mut triggers {
            t.idioms = lex.idioms.candidates(k).to_vec();
        }
        lex.triggers = triggers.into_iter().collect();
        lex
    }

    pub fn is(&self, list: &[String], key: &str) -> bool {
        list.iter().any(|w| w == key)
    }
}
