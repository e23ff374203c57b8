//! Loads a language's time data (`calendar.toml` + `time.toml`) and compiles its rules.
//!
//! Rules are written in the data file as regular expressions with word-class placeholders
//! (`{month}`, `{day}`, `{n} {unit}`…); this module expands the placeholders into
//! alternations of the class's words (with and without accents), and keeps, for every capture
//! group, the class it belongs to so the resolver can turn captured text into values.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use recoupe_model::Lang;
use recoupe_model::time::{PartOfDay, TimeUnit};
use regex::Regex;
use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::nfa::thompson::{self, backtrack};
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, meta};
use regex_syntax::hir::{self, Hir, HirKind};

use super::ascii::fold_str;
use serde::Deserialize;

/// A word class usable as a placeholder in rule patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Month,
    /// A month name that may stand alone: full names that are not common words.
    MonthBare,
    MonthNum,
    /// A month number written with two digits ("2016-03", not "2000-5").
    MonthNum2,
    Weekday,
    WeekdayShort,
    Day,
    Num,
    Year,
    Year2,
    N,
    Ordinal,
    Unit,
    RelDay,
    NarrDay,
    Part,
    This,
    Next,
    Last,
    Approx,
    Few,
    /// "last" as a position ("the last week of July"), not a shift.
    Final,
    /// A season name ("été", "winter"); `SeasonBare` leaves out those that are also common
    /// words ("été" the participle, "spring", "fall").
    Season,
    SeasonBare,
    /// A decade: four digits ("1970"), two digits ("70", a decade of the 1900s) or a word
    /// ("seventies", "soixante-dix").
    Decade,
    Decade2,
    DecadeWord,
    /// A raw named group of the pattern (`(?P<anchor>…)`).
    Anchor,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "month" => Class::Month,
            "month_bare" => Class::MonthBare,
            "month_num" => Class::MonthNum,
            "month_num2" => Class::MonthNum2,
            "weekday" => Class::Weekday,
            "weekday_short" => Class::WeekdayShort,
            "day" => Class::Day,
            "num" => Class::Num,
            "year" => Class::Year,
            "year2" => Class::Year2,
            "n" => Class::N,
            "ordinal" => Class::Ordinal,
            "unit" => Class::Unit,
            "relday" => Class::RelDay,
            "narrday" => Class::NarrDay,
            "part" => Class::Part,
            "this" => Class::This,
            "next" => Class::Next,
            "last" => Class::Last,
            "approx" => Class::Approx,
            "few" => Class::Few,
            "final" => Class::Final,
            "season" => Class::Season,
            "season_bare" => Class::SeasonBare,
            "decade" => Class::Decade,
            "decade2" => Class::Decade2,
            "decade_word" => Class::DecadeWord,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RuleKind {
    Date,
    Period,
    Relative,
    Window,
    Exclude,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Mode {
    #[default]
    Calendar,
    Offset,
    Last,
    Next,
    ToDate,
    Since,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum WindowKind {
    Last,
    Within,
    Per,
    Since,
    Next,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Direction {
    Past,
    Future,
}

/// What a `this`/`next`/`last` word shifts when a rule names a unit in its literal text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scope {
    Week,
    Month,
    /// A quarter of a year ("the third quarter of 2016", "Q1").
    Quarter,
    /// Saturday and Sunday of a week ("this weekend", "le week-end dernier").
    Weekend,
    /// The nth week of a month or year ("the first week of December").
    NthWeek,
    /// The week (Monday to Sunday) of a date ("the week of November 30th").
    WeekOf,
    /// Seven days from a date ("the week starting February 4").
    WeekFrom,
    /// From the reference to the end of its week, month or year ("rest of the week").
    RestOf,
}

#[derive(Debug, Deserialize)]
struct RawRule {
    id: String,
    kind: RuleKind,
    #[serde(default)]
    mode: Mode,
    window: Option<WindowKind>,
    direction: Option<Direction>,
    scope: Option<Scope>,
    #[serde(default)]
    clause_end: bool,
    /// Words one of which the text must contain for the rule to run (a cheap pre-check that
    /// spares a full scan of the text for rare rules).
    #[serde(default)]
    requires: Vec<String>,
    pattern: String,
}

#[derive(Debug, Default, Deserialize)]
struct Words {
    #[serde(default)]
    this: Vec<String>,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    last: Vec<String>,
    #[serde(default)]
    approx: Vec<String>,
    #[serde(default)]
    few: Vec<String>,
    #[serde(default, rename = "final")]
    final_: Vec<String>,
}

/// Connectors of a range between two time expressions ("from … to …", "entre … et …").
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RangeForm {
    /// Words before the first end, one of which is required when the list is not empty.
    #[serde(default)]
    pub openers: Vec<String>,
    /// The words between the ends (lowercase, ASCII, single spaces).
    pub joiners: Vec<String>,
    /// Two bare years may be joined without an opener ("2016-2017").
    #[serde(default)]
    pub years: bool,
}

#[derive(Debug, Deserialize)]
struct RawTime {
    #[serde(default)]
    day_suffixes: Vec<String>,
    #[serde(default = "default_vague")]
    vague_amount: u32,
    #[serde(default)]
    month_first: bool,
    #[serde(default)]
    ambiguous_months: Vec<String>,
    #[serde(default)]
    weekday_short: Vec<Vec<String>>,
    #[serde(default)]
    numbers: HashMap<String, u32>,
    #[serde(default)]
    ordinals: HashMap<String, u32>,
    #[serde(default)]
    relative_days: HashMap<String, i64>,
    #[serde(default)]
    narrative_days: HashMap<String, i64>,
    #[serde(default)]
    units: HashMap<String, TimeUnit>,
    #[serde(default)]
    parts_of_day: HashMap<String, PartOfDay>,
    #[serde(default)]
    words: Words,
    /// Season name → the month it starts in (meteorological seasons).
    #[serde(default)]
    seasons: HashMap<String, u32>,
    #[serde(default)]
    ambiguous_seasons: Vec<String>,
    /// Decade word → its first year ("seventies" = 1970).
    #[serde(default)]
    decade_words: HashMap<String, i32>,
    #[serde(default)]
    macros: HashMap<String, String>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    range: Vec<RangeForm>,
    #[serde(default)]
    range_followers: Vec<String>,
    #[serde(default)]
    range_now: Vec<String>,
}

fn default_vague() -> u32 {
    3
}

#[derive(Debug, Deserialize)]
struct RawCalendar {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
}

/// One compiled rule.
#[derive(Debug)]
pub(crate) struct Rule {
    /// Full rule id, e.g. `time/fr/date/weekday-day-month`.
    pub id: String,
    pub kind: RuleKind,
    pub mode: Mode,
    pub window: Option<WindowKind>,
    pub direction: Option<Direction>,
    pub scope: Option<Scope>,
    pub clause_end: bool,
    /// Lowercase ASCII words, one of which must occur in the text (empty: always run).
    pub requires: Vec<String>,
    /// The rule's pattern, compiled to run on the lowercased shadow when `lowered` (see
    /// [`compile_rule`]), else on the shadow itself.
    pub regex: meta::Regex,
    pub lowered: bool,
    /// Capture group name → class.
    pub groups: Vec<(String, Class)>,
    /// The index of each of `groups` in `regex` (`None`: no such group).
    pub group_index: Vec<Option<usize>>,
    /// The same pattern (as `regex` runs it, with the same groups) for the backtracker alone:
    /// a hit's groups are read on the hit's own span, which `regex` would first search again
    /// with its lazy DFA only to find the same bounds.
    pub groups_engine: Option<backtrack::BoundedBacktracker>,
}

/// A language's time knowledge, ready to match.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub rules: Vec<Rule>,
    /// Which lowered rules match anywhere in a text, in one pass.
    pub present: Option<RuleSet>,
    pub months: FxHashMap<String, u32>,
    pub weekdays: FxHashMap<String, usize>,
    pub numbers: FxHashMap<String, u32>,
    pub ordinals: FxHashMap<String, u32>,
    pub relative_days: FxHashMap<String, i64>,
    pub units: FxHashMap<String, TimeUnit>,
    pub parts: FxHashMap<String, PartOfDay>,
    pub seasons: FxHashMap<String, u32>,
    pub decade_words: FxHashMap<String, i32>,
    pub vague_amount: u32,
    pub month_first: bool,
    /// One "amount unit" pair, to read compound durations ("2 ans et 21 jours").
    pub duration: Regex,
    /// Connectors of ranges between two expressions.
    pub ranges: Vec<RangeForm>,
    /// A bare four-digit year or a word for the reference day, a range's end only.
    pub bare_year: Regex,
    /// Rule id of joined ranges.
    pub range_rule: String,
    /// Words that may follow a range ending on a bare year (function words, not units).
    pub range_followers: Vec<String>,
}

static FR: LazyLock<Option<Lexicon>> = LazyLock::new(|| load(Lang::Fr));
static EN: LazyLock<Option<Lexicon>> = LazyLock::new(|| load(Lang::En));

/// The lexicon of `lang`, or `None` for languages without time data.
pub(crate) fn lexicon(lang: Lang) -> Option<&'static Lexicon> {
    match lang {
        Lang::Fr => FR.as_ref(),
        Lang::En => EN.as_ref(),
        Lang::Other => None,
    }
}

/// Parses and compiles the data files; `Err` names what is wrong (a test checks both load).
pub(crate) fn try_load(lang: Lang) -> Result<Lexicon, String> {
    let cal_text = recoupe_lang::data_file(lang, "calendar.toml").ok_or("no calendar.toml")?;
    let time_text = recoupe_lang::data_file(lang, "time.toml").ok_or("no time.toml")?;
    let cal: RawCalendar = toml::from_str(cal_text).map_err(|e| format!("calendar.toml: {e}"))?;
    let raw: RawTime = toml::from_str(time_text).map_err(|e| format!("time.toml: {e}"))?;

    let mut months = FxHashMap::default();
    for (i, names) in cal.months.iter().enumerate() {
        for name in names {
            months.insert(fold(name.trim_end_matches('.')), i as u32 + 1);
        }
    }
    let mut weekdays = FxHashMap::default();
    let mut weekdays_short = HashMap::new();
    for (i, names) in cal.weekdays.iter().enumerate() {
        for name in names {
            weekdays.insert(fold(name.trim_end_matches('.')), i);
        }
    }
    for (i, names) in raw.weekday_short.iter().enumerate() {
        for name in names {
            weekdays_short.insert(fold(name.trim_end_matches('.')), i);
        }
    }
    let keys = |m: Vec<&String>| m.into_iter().cloned().collect::<Vec<String>>();
    let day_words: Vec<String> = raw
        .numbers
        .iter()
        .filter(|(_, v)| (1..=31).contains(*v))
        .map(|(k, _)| k.clone())
        .chain(raw.ordinals.keys().cloned())
        .collect();
    let suffixes = alternation(&raw.day_suffixes);
    let day_digits = format!("(?:[12][0-9]|3[01]|0?[1-9])(?:{suffixes})?\\b");
    let mut class_regex: HashMap<Class, String> = HashMap::new();
    let month_names: Vec<String> = cal.months.iter().flatten().cloned().collect();
    let weekday_names: Vec<String> = cal.weekdays.iter().flatten().cloned().collect();
    let short_names: Vec<String> = raw.weekday_short.iter().flatten().cloned().collect();
    class_regex.insert(Class::Month, format!("(?:{})", alternation(&month_names)));
    // Full names and their spellings, not abbreviations (a strict prefix of the full name).
    let ambiguous: Vec<String> = raw.ambiguous_months.iter().map(|m| fold(m)).collect();
    let bare_names: Vec<String> = cal
        .months
        .iter()
        .flat_map(|names| {
            let full = names.first().map(|f| fold(f)).unwrap_or_default();
            names
                .iter()
                .filter(move |n| {
                    let n = fold(n);
                    let abbreviation = n.ends_with('.') || (n != full && full.starts_with(&n));
                    !abbreviation
                })
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|n| !ambiguous.contains(&fold(n)))
        .collect();
    class_regex.insert(
        Class::MonthBare,
        format!("(?:{})", alternation(&bare_names)),
    );
    class_regex.insert(Class::MonthNum, "(?:1[0-2]|0?[1-9])\\b".into());
    class_regex.insert(Class::MonthNum2, "(?:1[0-2]|0[1-9])\\b".into());
    class_regex.insert(
        Class::Weekday,
        format!("(?:{})", alternation(&weekday_names)),
    );
    class_regex.insert(
        Class::WeekdayShort,
        format!("(?:{})", alternation(&short_names)),
    );
    class_regex.insert(
        Class::Day,
        format!("(?:{}|{day_digits})", alternation(&day_words)),
    );
    class_regex.insert(Class::Num, "[0-9]{1,2}\\b".into());
    class_regex.insert(Class::Year, "(?:1[0-9]|20|21)[0-9]{2}\\b".into());
    class_regex.insert(Class::Year2, "[0-9]{2}\\b".into());
    class_regex.insert(
        Class::N,
        format!(
            "(?:[0-9]{{1,4}}\\b|{})",
            alternation(&keys(raw.numbers.keys().collect()))
        ),
    );
    class_regex.insert(
        Class::Ordinal,
        format!("(?:{})", alternation(&keys(raw.ordinals.keys().collect()))),
    );
    // An empty word class never matches (an empty alternation would match everywhere).
    let simple = |list: Vec<&String>| {
        if list.is_empty() {
            "(?:\\b\\B)".to_owned()
        } else {
            format!("(?:{})", alternation(&keys(list)))
        }
    };
    class_regex.insert(Class::Unit, simple(raw.units.keys().collect()));
    class_regex.insert(Class::RelDay, simple(raw.relative_days.keys().collect()));
    class_regex.insert(Class::NarrDay, simple(raw.narrative_days.keys().collect()));
    class_regex.insert(Class::Part, simple(raw.parts_of_day.keys().collect()));
    class_regex.insert(Class::This, simple(raw.words.this.iter().collect()));
    class_regex.insert(Class::Next, simple(raw.words.next.iter().collect()));
    class_regex.insert(Class::Last, simple(raw.words.last.iter().collect()));
    class_regex.insert(Class::Approx, simple(raw.words.approx.iter().collect()));
    class_regex.insert(Class::Few, simple(raw.words.few.iter().collect()));
    class_regex.insert(Class::Final, simple(raw.words.final_.iter().collect()));
    class_regex.insert(Class::Season, simple(raw.seasons.keys().collect()));
    let ambiguous_seasons: Vec<String> = raw.ambiguous_seasons.iter().map(|s| fold(s)).collect();
    class_regex.insert(
        Class::SeasonBare,
        simple(
            raw.seasons
                .keys()
                .filter(|s| !ambiguous_seasons.contains(&fold(s)))
                .collect(),
        ),
    );
    // Followed by "s" or "'s" in English ("1970s"), so no word boundary here.
    class_regex.insert(Class::Decade, "(?:1[0-9]|20)[0-9]0".into());
    class_regex.insert(Class::Decade2, "[0-9]0".into());
    class_regex.insert(Class::DecadeWord, simple(raw.decade_words.keys().collect()));

    let mut rules = Vec::new();
    let mut lowered_hirs = Vec::new();
    for r in &raw.rule {
        let (pattern, groups) = expand(&r.pattern, &raw.macros, &class_regex)
            .map_err(|e| format!("rule {}: {e}", r.id))?;
        let (regex, lowered, groups_engine) =
            compile_rule(&pattern).map_err(|e| format!("rule {}: {e}", r.id))?;
        if let Some(hir) = &lowered {
            lowered_hirs.push((rules.len(), hir.clone()));
        }
        let lowered = lowered.is_some();
        // Each group's index in the compiled regex: asking captures by name hashes the name.
        let group_index = groups
            .iter()
            .map(|(name, _)| {
                regex
                    .group_info()
                    .to_index(regex_automata::PatternID::ZERO, name)
            })
            .collect();
        rules.push(Rule {
            id: format!("time/{}/{}", lang.code(), r.id),
            kind: r.kind,
            mode: r.mode,
            window: r.window,
            direction: r.direction,
            scope: r.scope,
            clause_end: r.clause_end,
            requires: r
                .requires
                .iter()
                .map(|w| fold_str(&w.to_lowercase()))
                .collect(),
            regex,
            lowered,
            groups,
            group_index,
            groups_engine,
        });
    }
    let fold_map = |m: &HashMap<String, u32>| {
        m.iter()
            .map(|(k, v)| (fold(k), *v))
            .collect::<FxHashMap<_, _>>()
    };
    weekdays.extend(weekdays_short);
    let duration = Regex::new(&format!(
        "(?i-u)\\b(?P<n>{})\\s+(?P<unit>{})",
        class_regex.get(&Class::N).map_or("", String::as_str),
        class_regex.get(&Class::Unit).map_or("", String::as_str)
    ))
    .map_err(|e| format!("duration: {e}"))?;
    let present = RuleSet::new(&lowered_hirs);
    Ok(Lexicon {
        rules,
        present,
        months,
        weekdays,
        numbers: fold_map(&raw.numbers),
        ordinals: fold_map(&raw.ordinals),
        relative_days: raw
            .relative_days
            .iter()
            .map(|(k, v)| (fold(k), *v))
            .collect(),
        units: raw.units.iter().map(|(k, v)| (fold(k), *v)).collect(),
        parts: raw
            .parts_of_day
            .iter()
            .map(|(k, v)| (fold(k), *v))
            .collect(),
        seasons: raw.seasons.iter().map(|(k, v)| (fold(k), *v)).collect(),
        decade_words: raw
            .decade_words
            .iter()
            .map(|(k, v)| (fold(k), *v))
            .collect(),
        vague_amount: raw.vague_amount,
        month_first: raw.month_first,
        duration,
        ranges: raw
            .range
            .into_iter()
            .map(|f| RangeForm {
                openers: f
                    .openers
                    .iter()
                    .map(|o| fold_str(&o.to_lowercase()))
                    .collect(),
                joiners: f
                    .joiners
                    .iter()
                    .map(|j| fold_str(&j.to_lowercase()))
                    .collect(),
                years: f.years,
            })
            .collect(),
        bare_year: Regex::new(&format!(
            "(?i-u)\\b(?:(?:1[5-9]|20)[0-9]{{2}}\\b|{})",
            simple(raw.range_now.iter().collect())
        ))
        .map_err(|e| format!("bare year: {e}"))?,
        range_rule: format!("time/{}/period/range", lang.code()),
        range_followers: raw.range_followers.iter().map(|w| fold(w)).collect(),
    })
}

/// Compiles a rule's expanded pattern, matched ASCII-case-insensitively. When it can, the
/// pattern is compiled for the lowercased text instead (`true`): its case-folded classes lose
/// their upper-case letters, so it finds exactly the same spans and groups on the lowercased
/// shadow, and its literal prefixes, one spelling each instead of every mix of cases, make a
/// much better prefilter.
fn compile_rule(
    pattern: &str,
) -> Result<
    (
        meta::Regex,
        Option<Hir>,
        Option<backtrack::BoundedBacktracker>,
    ),
    String,
> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&format!("(?i-u)\\b(?:{pattern})"))
        .map_err(|e| e.to_string())?;
    // The groups of the rule as written come from its NFA alone, much cheaper to build than
    // a second whole regex.
    if let Some(lower) = lowercase_only(&hir)
        && let Ok(regex) = meta::Regex::builder().build_from_hir(&lower)
        && regex.group_info().all_names().eq(thompson::NFA::compiler()
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?
            .group_info()
            .all_names())
    {
        let engine = groups_engine(&lower, &regex);
        return Ok((regex, Some(lower), engine));
    }
    let regex = meta::Regex::builder()
        .build_from_hir(&hir)
        .map_err(|e| e.to_string())?;
    let engine = groups_engine(&hir, &regex);
    Ok((regex, None, engine))
}

/// A backtracker for the groups of `regex`, compiled from its `hir`; none when its groups
/// would not be numbered alike (then `regex` reads them).
fn groups_engine(hir: &Hir, regex: &meta::Regex) -> Option<backtrack::BoundedBacktracker> {
    let nfa = thompson::NFA::compiler().build_from_hir(hir).ok()?;
    let engine = backtrack::BoundedBacktracker::builder()
        .build_from_nfa(nfa)
        .ok()?;
    engine
        .get_nfa()
        .group_info()
        .all_names()
        .eq(regex.group_info().all_names())
        .then_some(engine)
}

/// All lowered rules in one automaton, which tells in one pass over a lowercased text which
/// of them match anywhere in it, and where their last match ends: the others need not be run
/// at all, and the ones that match need not be run past that end. Most rules match in few
/// documents, and a rule's own search costs a scan of the whole text even when it finds
/// nothing.
#[derive(Debug)]
pub(crate) struct RuleSet {
    /// A lazy DFA reporting every (pattern, end) of every match, overlapping.
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, CacheFn>,
    /// Rule index of each pattern.
    rules: Vec<usize>,
    /// Which rules are in the set.
    member: Vec<bool>,
}

type CacheFn = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl RuleSet {
    fn new(lowered: &[(usize, Hir)]) -> Option<RuleSet> {
        let hirs: Vec<&Hir> = lowered.iter().map(|(_, h)| h).collect();
        let nfa = thompson::NFA::compiler()
            .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .ok()?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::DFA::config()
                    .match_kind(regex_automata::MatchKind::All)
                    .cache_capacity(16 * (1 << 20)),
            )
            .build_from_nfa(nfa)
            .ok()?;
        let for_caches = dfa.clone();
        let caches: Pool<hybrid::dfa::Cache, CacheFn> =
            Pool::new(Box::new(move || for_caches.create_cache()));
        let rules: Vec<usize> = lowered.iter().map(|(i, _)| *i).collect();
        let mut member = vec![false; rules.iter().max().map_or(0, |m| m + 1)];
        for &i in &rules {
            if let Some(m) = member.get_mut(i) {
                *m = true;
            }
        }
        Some(RuleSet {
            dfa,
            caches,
            rules,
            member,
        })
    }

    /// For every rule, `None` when it is sure not to match in `lower` (a lowercased shadow),
    /// else the end of the text it needs to be run on: the end of its last match in `lower`
    /// for a rule of the set (any match of the rule, its leftmost-first ones included, ends
    /// there or before), the whole text for the others or when the pass cannot finish.
    pub fn match_ends(&self, lower: &str, rule_count: usize) -> Vec<Option<usize>> {
        let whole = vec![Some(lower.len()); rule_count];
        let mut ends: Vec<Option<usize>> = (0..rule_count)
            .map(|i| {
                if self.member.get(i).copied().unwrap_or(false) {
                    None
                } else {
                    Some(lower.len())
                }
            })
            .collect();
        let mut guard = self.caches.get();
        // Borrowed once: going through the pool's guard at every byte costs as much as the
        // transition itself.
        let cache: &mut hybrid::dfa::Cache = &mut guard;
        // The overlapping search walked by hand: the library's loop reports one match per
        // call and keeps search progress for cache statistics, twice the work per byte of
        // this plain walk over the transitions. Matches show one byte late, so a match
        // state reached on the byte at `at` is a match ending at `at`.
        let input = regex_automata::Input::new(lower);
        let Ok(mut sid) = self.dfa.start_state_forward(cache, &input) else {
            return whole;
        };
        let bytes = lower.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Between untagged states whose transitions are known, a byte is one table read:
            // the cache borrowed shared lets its table stay in registers. Anything else (a
            // match, a transition not computed yet) takes the checked step below.
            (at, sid) = known_run(&self.dfa, cache, bytes, at, sid);
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            let Ok(next) = self.dfa.next_state(cache, sid, byte) else {
                return whole;
            };
            sid = next;
            if sid.is_tagged() {
                if sid.is_match() {
                    self.record(cache, sid, at, &mut ends);
                } else if sid.is_dead() {
                    return ends;
                } else if sid.is_quit() {
                    return whole;
                }
            }
            at += 1;
        }
        let Ok(sid) = self.dfa.next_eoi_state(cache, sid) else {
            return whole;
        };
        if sid.is_match() {
            self.record(cache, sid, lower.len(), &mut ends);
        }
        ends
    }
}

/// Walks `bytes` from `at` in state `sid` while states are untagged and their transitions
/// known; returns where it stopped and the state there. Apart from the search, so its few
/// values stay in registers (inside the search they were reloaded at every byte).
#[inline(never)]
fn known_run(
    dfa: &hybrid::dfa::DFA,
    cache: &hybrid::dfa::Cache,
    bytes: &[u8],
    mut at: usize,
    mut sid: hybrid::LazyStateID,
) -> (usize, hybrid::LazyStateID) {
    if sid.is_tagged() {
        return (at, sid);
    }
    let step = |sid, byte| {
        // SAFETY: `sid` is an untagged state of this DFA in `cache`: the caller's, checked
        // above, or one read from `cache`'s table below and checked untagged. An untagged
        // state is one whose row is in the table, so the library's bounds check (the only
        // difference with the checked call) cannot fail; `cache` is borrowed shared, so no
        // state is cleared from it meanwhile.
        unsafe { dfa.next_state_untagged_unchecked(cache, sid, byte) }
    };
    // Eight bytes a step while eight are left, so the end is checked once per eight bytes:
    // the bounds checks and the loop were half the instructions per byte.
    while let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|s| <&[u8; 8]>::try_from(s).ok())
    {
        for (k, &byte) in eight.iter().enumerate() {
            let next = step(sid, byte);
            if next.is_tagged() {
                return (at + k, sid);
            }
            sid = next;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        let next = step(sid, byte);
        if next.is_tagged() {
            break;
        }
        sid = next;
        at += 1;
    }
    (at, sid)
}

impl RuleSet {
    /// Every pattern of the match state `sid` matches up to `at`.
    fn record(
        &self,
        cache: &hybrid::dfa::Cache,
        sid: hybrid::LazyStateID,
        at: usize,
        ends: &mut [Option<usize>],
    ) {
        for k in 0..self.dfa.match_len(cache, sid) {
            let pattern = self.dfa.match_pattern(cache, sid, k);
            if let Some(end) = self
                .rules
                .get(pattern.as_usize())
                .and_then(|&i| ends.get_mut(i))
            {
                *end = Some(end.map_or(at, |e| e.max(at)));
            }
        }
    }
}

/// `hir` (case-folded) restricted to text without ASCII upper-case letters; `None` when a
/// part of it is case-sensitive (a literal with an upper-case letter).
fn lowercase_only(h: &Hir) -> Option<Hir> {
    let upper_bytes = hir::ClassBytes::new([hir::ClassBytesRange::new(b'A', b'Z')]);
    let upper_chars = hir::ClassUnicode::new([hir::ClassUnicodeRange::new('A', 'Z')]);
    Some(match h.kind() {
        HirKind::Empty | HirKind::Look(_) => h.clone(),
        HirKind::Literal(hir::Literal(bytes)) => {
            if bytes.iter().any(u8::is_ascii_uppercase) {
                return None;
            }
            h.clone()
        }
        HirKind::Class(hir::Class::Bytes(c)) => {
            let mut c = c.clone();
            c.difference(&upper_bytes);
            Hir::class(hir::Class::Bytes(c))
        }
        HirKind::Class(hir::Class::Unicode(c)) => {
            let mut c = c.clone();
            c.difference(&upper_chars);
            Hir::class(hir::Class::Unicode(c))
        }
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(lowercase_only(&r.sub)?),
        }),
        HirKind::Capture(c) => Hir::capture(hir::Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(lowercase_only(&c.sub)?),
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.iter().map(lowercase_only).collect::<Option<_>>()?)
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(lowercase_only).collect::<Option<_>>()?)
        }
    })
}

fn load(lang: Lang) -> Option<Lexicon> {
    try_load(lang).ok()
}

/// Expands macros and placeholders of a rule pattern; returns the regex text and its groups.
fn expand(
    pattern: &str,
    macros: &HashMap<String, String>,
    classes: &HashMap<Class, String>,
) -> Result<(String, Vec<(String, Class)>), String> {
    let mut text = pattern.to_owned();
    for (name, body) in macros {
        text = text.replace(&format!("<{name}>"), &format!("(?:{body})"));
    }
    let mut out = String::new();
    let mut groups = Vec::new();
    let mut rest = text.as_str();
    while let Some(ch) = rest.chars().next() {
        if ch == '{' {
            let close = rest.find('}').ok_or("unclosed placeholder")?;
            let inner = &rest[1..close];
            if inner.chars().all(|c| c.is_ascii_digit() || c == ',') {
                // A regex repetition like {1,4}: keep it.
                out.push_str(&rest[..=close]);
            } else {
                let (capture, spec) = match inner.strip_prefix('~') {
                    Some(s) => (false, s),
                    None => (true, inner),
                };
                let (class_name, group) = match spec.split_once(':') {
                    Some((c, g)) => (c, g),
                    None => (spec, spec),
                };
                let class = Class::parse(class_name)
                    .ok_or_else(|| format!("unknown class {class_name}"))?;
                let body = classes.get(&class).ok_or("class without words")?;
                if capture {
                    // The same name may appear in several branches: number the repeats
                    // (`month__2`); the resolver reads them by their base name.
                    let used = groups
                        .iter()
                        .filter(|(g, _): &&(String, Class)| base_name(g) == group)
                        .count();
                    let name = if used == 0 {
                        group.to_owned()
                    } else {
                        format!("{group}__{}", used + 1)
                    };
                    out.push_str(&format!("(?P<{name}>{body})"));
                    groups.push((name, class));
                } else {
                    out.push_str(&format!("(?:{body})"));
                }
            }
            rest = &rest[close + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("(?P<") {
            // A raw named group: an anchor whose text is kept as is.
            let close = after.find('>').ok_or("unclosed group name")?;
            groups.push((after[..close].to_owned(), Class::Anchor));
            out.push_str(&rest[..4 + close + 1]);
            rest = &after[close + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix(" ?") {
            // An optional space.
            out.push_str("\\s*");
            rest = after;
            continue;
        }
        match ch {
            ' ' => out.push_str("\\s+"),
            // Patterns match the ASCII shadow of the text (see `ascii`).
            c => out.push_str(&fold_str(c.encode_utf8(&mut [0; 4]))),
        }
        rest = &rest[ch.len_utf8()..];
    }
    Ok((out, groups))
}

/// The name a capture group was given in the rule (`month__2` → `month`).
pub(crate) fn base_name(group: &str) -> &str {
    // The first "__" found on bytes: a `str` pattern builds a two-way searcher at each call
    // (about 22 k a round, for names of a few bytes).
    match group.as_bytes().windows(2).position(|w| w == b"__") {
        Some(k) => group.get(..k).unwrap_or(group),
        None => group,
    }
}

/// A regex alternation of words (in ASCII form), longest first.
fn alternation(words: &[String]) -> String {
    // (form, written with an abbreviation dot)
    let mut forms: Vec<(String, bool)> = Vec::new();
    for w in words {
        let trimmed = w.trim();
        let dotted = trimmed.ends_with('.');
        let w = trimmed.trim_end_matches('.').to_lowercase();
        if w.is_empty() {
            continue;
        }
        // Only the ASCII form: rules run on the ASCII shadow of the text.
        forms.push((fold_str(&w), dotted));
    }
    forms.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then(a.0.cmp(&b.0))
            .then(b.1.cmp(&a.1))
    });
    forms.dedup_by(|a, b| a.0 == b.0);
    forms
        .iter()
        .map(|(w, dotted)| {
            // The dot of an abbreviation is part of it ("janv. 2016"), an optional one.
            // A word never ends inside a longer one ("March 20" is not read in
            // "March 2011"); an abbreviation may keep its dot ("nov. 2016").
            if *dotted {
                format!("{}(?:\\.|\\b)", word_regex(w))
            } else {
                format!("{}\\b", word_regex(w))
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A literal word as a regex: hyphens and spaces are interchangeable, apostrophes are either.
fn word_regex(word: &str) -> String {
    let mut out = String::new();
    for ch in word.chars() {
        match ch {
            ' ' | '-' => out.push_str("[-\\s]+"),
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Lowercase, accent-less, with one space for any run of spaces or hyphens and `'` for `’`:
/// the key under which captured words are looked up.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The common case (matched text comes from the ASCII shadow): the same steps on
        // bytes, without the lowercased and folded copies.
        return squeeze(
            s.bytes().map(|b| char::from(b.to_ascii_lowercase())),
            s.len(),
        );
    }
    let lower = fold_str(&s.trim().to_lowercase());
    squeeze(lower.chars(), lower.len())
}

/// [`fold`], borrowing `s` when folding leaves it as it is (lowercase ASCII without spaces
/// or hyphens, as most captured words read from the lowercased shadow are).
pub(crate) fn fold_borrowed(s: &str) -> Cow<'_, str> {
    let unchanged = s.bytes().all(|b| {
        b.is_ascii() && !b.is_ascii_uppercase() && b != b'-' && !char::from(b).is_whitespace()
    });
    if unchanged {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold(s))
    }
}

/// `chars` with every run of spaces and hyphens made one space, none at either end.
fn squeeze(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut gap = false;
    for ch in chars {
        if ch.is_whitespace() || ch == '-' {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_load() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = try_load(lang).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
            assert!(!lex.rules.is_empty());
            assert_eq!(lex.months.values().max(), Some(&12));
        }
    }

    /// Every rule runs on the lowercased text and is in the multi-pattern pass (a rule left
    /// out still works, only slower).
    #[test]
    fn every_rule_is_lowered() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = try_load(lang).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
            for rule in &lex.rules {
                assert!(rule.lowered, "{}", rule.id);
            }
            let set = lex.present.as_ref().expect("multi-pattern pass");
            assert!(set.member.iter().all(|&m| m));
            assert_eq!(set.member.len(), lex.rules.len());
        }
    }

    #[test]
    fn fold_borrowed_is_fold() {
        for s in [
            "decembre",
            "Samedi",
            "apres-midi",
            "apres  midi",
            " 1er",
            "27th",
            "aujourd'hui",
            "\u{b}x",
            "x\t",
            "d\u{e9}cembre",
            "",
            "-",
            "mars.",
        ] {
            assert_eq!(fold_borrowed(s), fold(s), "{s:?}");
        }
        assert!(matches!(fold_borrowed("decembre"), Cow::Borrowed(_)));
    }

    #[test]
    fn fold_is_stable() {
        assert_eq!(fold("Après-Midi"), "apres midi");
        assert_eq!(fold("aujourd’hui"), "aujourd'hui");
    }
}
