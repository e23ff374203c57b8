//! The language data of the quotes stage, read once per language from `recoupe-lang`
//! (`speech-cues.toml`, `speech-phrases.toml`) and indexed by lowercase word, so the scanner
//! does one hash look-up per word.

use std::sync::LazyLock;

use recoupe_model::Lang;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::tokens::word_keys;
use crate::keys::KeyFilter;

/// Word classes, as bits of [`Lexicon::flags`].
pub(crate) mod flag {
    pub const DET: u32 = 1;
    pub const CONNECTOR: u32 = 1 << 1;
    pub const NAME_INNER: u32 = 1 << 2;
    pub const STOP: u32 = 1 << 3;
    pub const AUX: u32 = 1 << 4;
    pub const CLITIC: u32 = 1 << 5;
    pub const PRONOUN: u32 = 1 << 6;
    pub const HONORIFIC: u32 = 1 << 7;
    pub const RELATIVE: u32 = 1 << 8;
    pub const THAT: u32 = 1 << 9;
    pub const COMME: u32 = 1 << 10;
    pub const ADDRESSEE: u32 = 1 << 11;
    pub const TIME: u32 = 1 << 12;
    pub const TIME_PREFIX: u32 = 1 << 13;
    pub const ORG_HEAD: u32 = 1 << 14;
    pub const DOC_HEAD: u32 = 1 << 15;
    pub const TITLE_CUE: u32 = 1 << 16;
    pub const ADVERB: u32 = 1 << 17;
    /// The preposition of an agent ("diffusé par le Centre").
    pub const AGENT: u32 = 1 << 18;
    /// A relative pronoun that is the subject of its clause ("qui", "who").
    pub const SUBJECT_RELATIVE: u32 = 1 << 19;
    /// Part of a speech cue (set by the tokenizer, not by the data).
    pub const CUE: u32 = 1 << 20;
}

/// How a cue ties words to a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A finite verb: a cue on its own.
    Finite,
    /// A past participle: a cue after an auxiliary only.
    Participle,
    /// A present participle ("ajoutant que").
    Gerund,
    /// A marker before the source ("selon").
    Marker,
    /// A document as the source ("lit-on dans").
    Document,
}

#[derive(Clone, Debug)]
pub(crate) struct CueInfo {
    pub lemma: String,
    pub class: CueClass,
    /// The verb takes what is said as a direct object too ("a annoncé une suspension").
    pub object: bool,
    /// A marker that only attributes at the head of its sentence, before its source and a
    /// comma ("Pour Igor Konachenkov, il faut …"): elsewhere the word means something else.
    pub initial: bool,
}

/// What a phrase of the lexicon stands for.
#[derive(Clone, Debug)]
pub(crate) enum PhraseWhat {
    Cue(CueInfo),
    /// Words to step over between a cue and its speaker ("en outre", "aujourd'hui").
    Skip,
}

#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    /// Keys after the first one.
    pub rest: Vec<String>,
    pub what: PhraseWhat,
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    flags: FxHashMap<String, u32>,
    phrases: FxHashMap<String, Vec<Phrase>>,
    /// Both of the above in one map, for the one look-up per word of the tokenizer.
    words: FxHashMap<String, (u32, Vec<Phrase>)>,
    /// The keys of `words`, for a cheap first test.
    words_filter: KeyFilter,
    pub inversion_suffixes: Vec<String>,
    /// Every inversion suffix has a hyphen, so a word without one has none of them.
    pub inversion_hyphenated: bool,
    pub bullets: Vec<String>,
}

impl Lexicon {
    pub fn flags(&self, key: &str) -> u32 {
        self.flags.get(key).copied().unwrap_or(0)
    }

    /// Phrases starting with `key`, longest first.
    pub fn phrases(&self, key: &str) -> &[Phrase] {
        self.phrases.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// [`Lexicon::flags`] and [`Lexicon::phrases`] of `key` in one look-up.
    pub fn word(&self, key: &str) -> (u32, &[Phrase]) {
        if !self.words_filter.may_contain(key) {
            return (0, &[]);
        }
        self.words
            .get(key)
            .map_or((0, &[][..]), |(f, p)| (*f, p.as_slice()))
    }

    pub fn for_lang(lang: Lang) -> &'static Lexicon {
        match lang {
            Lang::En => &EN,
            _ => &FR,
        }
    }

    fn add_phrase(&mut self, text: &str, what: PhraseWhat) {
        let mut keys = word_keys(text);
        if keys.is_empty() {
            return;
        }
        let first = keys.remove(0);
        let list = self.phrases.entry(first).or_default();
        // A form listed both as finite and as participle is a cue on its own.
        if let Some(existing) = list.iter_mut().find(|p| p.rest == keys) {
            if let (PhraseWhat::Cue(old), PhraseWhat::Cue(new)) = (&mut existing.what, &what)
                && new.class == CueClass::Finite
            {
                old.class = CueClass::Finite;
            }
            return;
        }
        list.push(Phrase { rest: keys, what });
    }

    fn add_words(&mut self, words: &[String], bit: u32) {
        for w in words {
            let keys = word_keys(w);
            if keys.len() == 1 {
                *self.flags.entry(keys[0].clone()).or_default() |= bit;
            } else if bit & (flag::ADVERB | flag::TIME) != 0 {
                self.add_phrase(w, PhraseWhat::Skip);
            } else if let Some(first) = keys.first() {
                // Multi-word heads ("red cross"): the first word stands for the phrase.
                *self.flags.entry(first.clone()).or_default() |= bit;
            }
        }
    }
}

#[derive(Deserialize, Default)]
struct Endings {
    #[serde(default)]
    finite: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    #[serde(default)]
    gerunds: Vec<String>,
}

#[derive(Deserialize)]
struct VerbEntry {
    lemma: String,
    stem: Option<String>,
    class: Option<String>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    #[serde(default)]
    gerunds: Vec<String>,
    #[serde(default)]
    object: bool,
}

#[derive(Deserialize)]
struct MarkerEntry {
    lemma: String,
    forms: Vec<String>,
}

#[derive(Deserialize, Default)]
struct CuesFile {
    #[serde(default)]
    endings: FxHashMap<String, Endings>,
    #[serde(default)]
    verb: Vec<VerbEntry>,
    #[serde(default)]
    marker: Vec<MarkerEntry>,
    #[serde(default)]
    document: Vec<MarkerEntry>,
    /// Markers valid only at the head of a sentence ("Pour X, …").
    #[serde(default)]
    opinion_marker: Vec<MarkerEntry>,
}

#[derive(Deserialize, Default)]
struct PhrasesFile {
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    name_inner: Vec<String>,
    #[serde(default)]
    stop: Vec<String>,
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    clitics: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    honorifics: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    that: Vec<String>,
    #[serde(default)]
    comme: Vec<String>,
    #[serde(default)]
    addressee: Vec<String>,
    #[serde(default)]
    time: Vec<String>,
    #[serde(default)]
    time_prefixes: Vec<String>,
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    organisation_heads: Vec<String>,
    #[serde(default)]
    document_heads: Vec<String>,
    #[serde(default)]
    title_cues: Vec<String>,
    #[serde(default)]
    agent: Vec<String>,
    #[serde(default)]
    subject_relatives: Vec<String>,
    #[serde(default)]
    inversion_suffixes: Vec<String>,
    #[serde(default)]
    speaker_line_bullets: Vec<String>,
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| load(Lang::Fr));
static EN: LazyLock<Lexicon> = LazyLock::new(|| load(Lang::En));

/// Parses a data file; a missing or broken file leaves the stage without that knowledge
/// rather than stopping the program (the data tests catch it).
fn parse<T: for<'de> Deserialize<'de> + Default>(lang: Lang, name: &str) -> T {
    recoupe_lang::data_file(lang, name)
        .and_then(|text| toml::from_str(text).ok())
        .unwrap_or_default()
}

pub(crate) fn load(lang: Lang) -> Lexicon {
    let cues: CuesFile = parse(lang, "speech-cues.toml");
    let words: PhrasesFile = parse(lang, "speech-phrases.toml");
    let mut lex = Lexicon::default();

    let verb = |lemma: &str, class, object| {
        PhraseWhat::Cue(CueInfo {
            lemma: lemma.to_owned(),
            class,
            object,
            initial: false,
        })
    };
    for v in &cues.verb {
        let mut finite = v.forms.clone();
        let mut participles = v.participles.clone();
        let mut gerunds = v.gerunds.clone();
        if let (Some(stem), Some(endings)) =
            (&v.stem, v.class.as_ref().and_then(|c| cues.endings.get(c)))
        {
            finite.extend(endings.finite.iter().map(|e| format!("{stem}{e}")));
            participles.extend(endings.participles.iter().map(|e| format!("{stem}{e}")));
            gerunds.extend(endings.gerunds.iter().map(|e| format!("{stem}{e}")));
        }
        for f in &finite {
            lex.add_phrase(f, verb(&v.lemma, CueClass::Finite, v.object));
        }
        for f in &participles {
            lex.add_phrase(f, verb(&v.lemma, CueClass::Participle, v.object));
        }
        for f in &gerunds {
            lex.add_phrase(f, verb(&v.lemma, CueClass::Gerund, v.object));
        }
    }
    for m in &cues.marker {
        for f in &m.forms {
            lex.add_phrase(f, verb(&m.lemma, CueClass::Marker, false));
        }
    }
    for m in &cues.opinion_marker {
        for f in &m.forms {
            lex.add_phrase(
                f,
                PhraseWhat::Cue(CueInfo {
                    lemma: m.lemma.clone(),
                    class: CueClass::Marker,
                    object: false,
                    initial: true,
                }),
            );
        }
    }
    for m in &cues.document {
        for f in &m.forms {
            lex.add_phrase(f, verb(&m.lemma, CueClass::Document, false));
        }
    }

    lex.add_words(&words.determiners, flag::DET);
    lex.add_words(&words.connectors, flag::CONNECTOR);
    lex.add_words(&words.name_inner, flag::NAME_INNER);
    lex.add_words(&words.stop, flag::STOP);
    lex.add_words(&words.auxiliaries, flag::AUX);
    lex.add_words(&words.clitics, flag::CLITIC);
    lex.add_words(&words.pronouns, flag::PRONOUN);
    lex.add_words(&words.honorifics, flag::HONORIFIC);
    lex.add_words(&words.relatives, flag::RELATIVE);
    lex.add_words(&words.that, flag::THAT);
    lex.add_words(&words.comme, flag::COMME);
    lex.add_words(&words.addressee, flag::ADDRESSEE);
    lex.add_words(&words.time, flag::TIME);
    lex.add_words(&words.time_prefixes, flag::TIME_PREFIX);
    lex.add_words(&words.adverbs, flag::ADVERB);
    lex.add_words(&words.organisation_heads, flag::ORG_HEAD);
    lex.add_words(&words.document_heads, flag::DOC_HEAD);
    lex.add_words(&words.title_cues, flag::TITLE_CUE);
    lex.add_words(&words.agent, flag::AGENT);
    lex.add_words(&words.subject_relatives, flag::SUBJECT_RELATIVE);
    for list in lex.phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    let mut combined: FxHashMap<String, (u32, Vec<Phrase>)> = FxHashMap::default();
    for (key, &f) in &lex.flags {
        combined.entry(key.clone()).or_default().0 = f;
    }
    for (key, list) in &lex.phrases {
        combined.entry(key.clone()).or_default().1 = list.clone();
    }
    lex.words_filter = KeyFilter::new(combined.keys().map(String::as_str));
    lex.words = combined;
    lex.inversion_suffixes = words.inversion_suffixes;
    // Longest suffix first, so "-t-il" wins over "-il".
    lex.inversion_suffixes
        .sort_by_key(|s| std::cmp::Reverse(s.len()));
    lex.inversion_hyphenated = lex.inversion_suffixes.iter().all(|s| s.contains('-'));
    lex.bullets = words.speaker_line_bullets;
    lex
}
