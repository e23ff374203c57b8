//! The language data of the quotes stage, read once per language from `recoupe-lang`
//! (`speech-cues.toml`, `speech-phrases.toml`) and indexed by lowercase word, so the scanner
//! does one hash look-up per word.

use std::sync::LazyLock;

use recoupe_model::Lang;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::tokens::word_keys;
use crate::chars::ascii_lowercase_u64;
use crate::keys::{SHORT_KEY, pack_short};

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
    /// Both of the above in one table, for the one look-up per word of the tokenizer: keys
    /// of up to 15 bytes packed in an integer ([`pack_short`]), which hashes and compares
    /// without a string comparison, the longer ones as strings.
    short_words: ShortKeys,
    long_words: FxHashMap<String, (u32, Vec<Phrase>)>,
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
        match pack_short(key.as_bytes()) {
            Some(packed) => self.word_packed(packed),
            None => self
                .long_words
                .get(key)
                .map_or((0, &[][..]), |(f, p)| (*f, p.as_slice())),
        }
    }

    /// [`Lexicon::word`] of a key packed by [`pack_short`] (or [`pack_ascii_lower`]).
    #[inline]
    pub fn word_packed(&self, packed: u128) -> (u32, &[Phrase]) {
        self.short_words.get(packed).unwrap_or((0, &[]))
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

/// [`pack_short`] of the ASCII lower case of the word `bytes[start..end]`, read straight
/// from the text with one or two loads (none when the text ends less than eight bytes after
/// `start`): the tokenizer's look-up of an ASCII word copies nothing. A word without
/// capitals (`capitals` false) is its own lower case.
#[inline]
pub(crate) fn pack_ascii_lower(
    bytes: &[u8],
    start: usize,
    end: usize,
    capitals: bool,
) -> Option<u128> {
    let len = end.checked_sub(start)?;
    let load8 = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let (lo, hi) = match len {
        0 => return None,
        1..=7 => (load8(start)? & ((1u64 << (8 * len)) - 1), 0),
        8 => (load8(start)?, 0),
        9..=SHORT_KEY => (load8(start)?, load8(end - 8)? >> (8 * (16 - len))),
        _ => return None,
    };
    let (lo, hi) = if capitals {
        (ascii_lowercase_u64(lo), ascii_lowercase_u64(hi))
    } else {
        (lo, hi)
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (len as u128) << 120)
}

/// A set of packed keys ([`pack_short`]) with their entries: open addressing with linear
/// probing in a table at most a quarter full, so a look-up is a multiply and, nearly always,
/// one slot. A slot holds the key's flags itself, so most look-ups read nothing else; the
/// packed key 0 (the empty key) marks an empty slot.
#[derive(Debug, Default)]
struct ShortKeys {
    /// Key, flags, and index of the key's phrases in `phrases` ([`NO_PHRASES`] for none).
    slots: Vec<(u128, u32, u32)>,
    /// Right shift of the hash to a slot index.
    shift: u32,
    phrases: Vec<Vec<Phrase>>,
}

/// The phrase index of a key that starts no phrase.
const NO_PHRASES: u32 = u32::MAX;

impl ShortKeys {
    fn new(keys: Vec<(u128, (u32, Vec<Phrase>))>) -> ShortKeys {
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut table = ShortKeys {
            slots: vec![(0, 0, NO_PHRASES); size],
            shift: 64 - size.trailing_zeros(),
            phrases: Vec::new(),
        };
        for (key, (flags, phrases)) in keys {
            let mut i = table.slot(key);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            let list = if phrases.is_empty() {
                NO_PHRASES
            } else {
                table.phrases.push(phrases);
                u32::try_from(table.phrases.len() - 1).unwrap_or(NO_PHRASES)
            };
            table.slots[i] = (key, flags, list);
        }
        table
    }

    /// The first slot to look at for `key`: the top bits of a multiplicative hash.
    #[inline]
    fn slot(&self, key: u128) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let x = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(K);
        (x.wrapping_mul(K) >> self.shift) as usize
    }

    /// The flags and phrases of `key`.
    #[inline]
    fn get(&self, key: u128) -> Option<(u32, &[Phrase])> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.slot(key);
        loop {
            let &(k, flags, list) = self.slots.get(i)?;
            if k == key {
                let phrases = match list {
                    NO_PHRASES => &[][..],
                    _ => self
                        .phrases
                        .get(list as usize)
                        .map_or(&[][..], Vec::as_slice),
                };
                return Some((flags, phrases));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
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
    let (mut short, mut long) = (Vec::new(), FxHashMap::default());
    for (key, entry) in combined {
        match pack_short(key.as_bytes()) {
            Some(packed) if packed != 0 => short.push((packed, entry)),
            _ => {
                long.insert(key, entry);
            }
        }
    }
    lex.short_words = ShortKeys::new(short);
    lex.long_words = long;
    lex.inversion_suffixes = words.inversion_suffixes;
    // Longest suffix first, so "-t-il" wins over "-il".
    lex.inversion_suffixes
        .sort_by_key(|s| std::cmp::Reverse(s.len()));
    lex.inversion_hyphenated = lex.inversion_suffixes.iter().all(|s| s.contains('-'));
    lex.bullets = words.speaker_line_bullets;
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`pack_short`] byte by byte.
    fn pack_slowly(key: &[u8]) -> Option<u128> {
        (key.len() <= SHORT_KEY).then(|| {
            key.iter()
                .enumerate()
                .fold((key.len() as u128) << 120, |w, (k, &b)| {
                    w | u128::from(b) << (8 * k)
                })
        })
    }

    #[test]
    fn packed_keys() {
        let bytes: Vec<u8> = (0..=255u8).chain(1..=255).collect();
        for len in 0..=20 {
            for at in 0..bytes.len() - len {
                let key = &bytes[at..at + len];
                assert_eq!(pack_short(key), pack_slowly(key), "{key:?}");
            }
        }
        for key in [
            "é",
            "a-t-il",
            "aujourd'hui",
            "déclaré",
            "l'",
            "a",
            "communiqué",
            "",
        ] {
            assert_eq!(
                pack_short(key.as_bytes()),
                pack_slowly(key.as_bytes()),
                "{key}"
            );
        }
        // Keys of different lengths differ even when the shorter ends with zeros.
        assert_ne!(pack_short(b"ab"), pack_short(b"ab\0"));
    }

    #[test]
    fn packed_from_the_text() {
        let text =
            "Le PRÉSIDENT a-t-il dit qu'ALEP-EST est AUJOURD'HUI libre? 2016 abcdefghijKLMNOPQRS x";
        let bytes = text.as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let Some(word) = text.get(start..end) else {
                    continue;
                };
                let got = pack_ascii_lower(bytes, start, end, true);
                if !word.is_ascii() || word.is_empty() || start + 8 > text.len() {
                    // Not asked (non-ASCII), or read another way (near the end).
                    if word.is_empty() || word.len() > SHORT_KEY {
                        assert_eq!(got, None, "{word:?}");
                    }
                    continue;
                }
                let lower = word.to_ascii_lowercase();
                assert_eq!(got, pack_short(lower.as_bytes()), "{word:?}");
                if lower == word {
                    let own = pack_ascii_lower(bytes, start, end, false);
                    assert_eq!(own, got, "{word:?}");
                }
            }
        }
        // Every byte value, upper and lower case, at every place.
        for b in 0..=127u8 {
            for at in 0..15 {
                let mut bytes = b"aBcDeFgHiJkLmNoPqRsTuVwXyZ".to_vec();
                bytes[at] = b;
                for len in 1..=16 {
                    let lower = bytes[..len].to_ascii_lowercase();
                    assert_eq!(pack_ascii_lower(&bytes, 0, len, true), pack_short(&lower));
                }
            }
        }
    }

    #[test]
    fn short_key_table() {
        let key = |k: u128| k * 0x1_0000_0001_0001 + ((k % 15 + 1) << 120);
        let table = ShortKeys::new((1..500).map(|k| (key(k), (k as u32, Vec::new()))).collect());
        for k in 1..500 {
            assert_eq!(table.get(key(k)).map(|e| e.0), Some(k as u32));
        }
        for k in 500..5000 {
            assert!(table.get(key(k)).is_none());
        }
        assert!(ShortKeys::default().get(key(1)).is_none());
    }

    #[test]
    fn every_word_found_again() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = load(lang);
            for (key, &bits) in &lex.flags {
                assert_eq!(lex.word(key).0, bits, "{key}");
            }
            for (key, list) in &lex.phrases {
                assert_eq!(lex.word(key).1.len(), list.len(), "{key}");
            }
            let (bits, phrases) = lex.word("zzzzqqqq");
            assert!(bits == 0 && phrases.is_empty());
        }
    }
}
