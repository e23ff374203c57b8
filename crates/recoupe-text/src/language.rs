//! Language identification: a `--lang` flag wins, then the language the input declares, then
//! detection on the normalized text, in two steps.
//!
//! 1. **Function words.** The very frequent short words of French and English (`le`, `des`,
//!    `qui`, `the`, `of`, `which`…, from `data/{fr,en}/text-language.toml`) are counted over the
//!    first two hundred words, together with those of the languages most easily taken for
//!    them (Spanish, Italian, Portuguese, Catalan, German, Dutch: the rivals of
//!    `data/common/text-language.toml`). When French or English has enough of them and clearly
//!    more than every other list, that is the answer, with a confidence taken from the margin
//!    (counting stops early once the answer is twice as clear as that).
//!    News articles in French or English almost always end here, and this step costs a few
//!    hash look-ups per word.
//! 2. **Trigrams.** Otherwise (a short text, a mixed one, or one in another language) `whatlang`
//!    decides, on a bounded prefix of the text and among the candidate languages listed in
//!    `data/common/text-language.toml`, so that a German or Spanish article is called `Other`
//!    rather than forced into French or English; text in another script is called `Other` too.
//!
//! Text with too few letters is called `Other` with zero confidence rather than guessed.

use std::collections::HashMap;
use std::sync::LazyLock;

use recoupe_model::{Lang, LanguageGuess, LanguageOrigin};
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Default, Deserialize)]
struct LanguageFile {
    #[serde(default)]
    candidates: Vec<String>,
    #[serde(default)]
    rivals: HashMap<String, Vec<String>>,
}

#[derive(Default, Deserialize)]
struct FunctionWordsFile {
    #[serde(default)]
    function_words: Vec<String>,
}

fn common() -> LanguageFile {
    recoupe_lang::common_file("text-language.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default()
}

/// The trigram detector, limited to the candidate languages of `data/common/text-language.toml`
/// (every language when the list is empty).
static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    let list: Vec<whatlang::Lang> = common()
        .candidates
        .iter()
        .filter_map(|c| whatlang::Lang::from_code(c.as_str()))
        .collect();
    if list.is_empty() {
        whatlang::Detector::new()
    } else {
        whatlang::Detector::with_allowlist(list)
    }
});

/// Counters of the function-word step: French, English, then one per rival language.
const FR: usize = 0;
const EN: usize = 1;

/// Every function word with the counter it adds to.
struct FunctionWords {
    /// FxHash: a few hundred short keys, looked up once per word of the sample.
    words: FxHashMap<String, usize>,
    /// Number of counters (French, English, rivals).
    lists: usize,
    /// Longest word in bytes: longer words are not looked up.
    longest: usize,
}

static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let read = |lang: Lang| -> Vec<String> {
        recoupe_lang::data_file(lang, "text-language.toml")
            .and_then(|t| toml::from_str::<FunctionWordsFile>(t).ok())
            .unwrap_or_default()
            .function_words
    };
    let mut rivals: Vec<(String, Vec<String>)> = common().rivals.into_iter().collect();
    rivals.sort();
    let lists: Vec<Vec<String>> = [read(Lang::Fr), read(Lang::En)]
        .into_iter()
        .chain(rivals.into_iter().map(|(_, words)| words))
        .collect();
    // A word listed for two languages is evidence for neither.
    let mut words: HashMap<String, Option<usize>> = HashMap::new();
    for (n, list) in lists.iter().enumerate() {
        for w in list {
            let w = w.to_lowercase();
            let slot = words.entry(w).or_insert(Some(n));
            if *slot != Some(n) {
                *slot = None;
            }
        }
    }
    let words: FxHashMap<String, usize> = words
        .into_iter()
        .filter_map(|(w, n)| Some((w, n?)))
        .collect();
    FunctionWords {
        longest: words.keys().map(String::len).max().unwrap_or(0),
        words,
        lists: lists.len(),
    }
});

/// Bytes of text given to the trigram detector: a few sentences are plenty for news text.
const SAMPLE: usize = 1024;
/// Fewer letters than this and the text is too short to tell.
const MIN_LETTERS: usize = 40;
/// Words looked at by the function-word step: about as much text as the trigram step reads,
/// and a French or English news text has dozens of function words in it.
const SAMPLE_WORDS: usize = 200;
/// Function words the winning language needs at least…
const MIN_HITS: u32 = 8;
/// …and as a share of the words looked at (percent): a list of names or figures with a few
/// French words in it is not decided here.
const MIN_SHARE: u32 = 15;
/// How many times more function words the winner needs than any other list.
const MARGIN: u32 = 3;
/// Words between two checks for an early decision.
const CHECK_EVERY: u32 = 40;

/// Function words of each list among the first words of `text`, and the words looked at.
/// Counting stops early, every `CHECK_EVERY` words, once the winner is twice as clear as
/// [`decide`] asks: most articles are settled within their first hundred words.
fn count_function_words(text: &str) -> (Vec<u32>, u32) {
    let table = &*FUNCTION_WORDS;
    let mut counts = vec![0u32; table.lists];
    let mut seen = 0u32;
    let mut lower = String::new();
    for word in letter_runs(text).take(SAMPLE_WORDS) {
        seen += 1;
        if seen.is_multiple_of(CHECK_EVERY) && decide(&counts, seen, 2).is_some() {
            break;
        }
        if word.len() > table.longest {
            continue;
        }
        let mut ascii = [0u8; 16];
        let key = if !word.chars().any(char::is_uppercase) {
            word
        } else if let Some(buf) = ascii.get_mut(..word.len()).filter(|_| word.is_ascii()) {
            // "Le", "The": lowercased on the stack.
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or(word)
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        if let Some(count) = table.words.get(key).and_then(|&n| counts.get_mut(n)) {
            *count += 1;
        }
    }
    (counts, seen)
}

/// The winning list and its margin over the runner-up, when the winner has `strength` times
/// the hits and margin the thresholds ask for and a large enough share of the words.
fn decide(counts: &[u32], seen: u32, strength: u32) -> Option<(usize, u32, u32)> {
    let (best, &hits) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(n, &c)| (c, std::cmp::Reverse(n)))?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(n, _)| n != best)
        .map(|(_, &c)| c)
        .max()
        .unwrap_or(0);
    let clear = hits >= strength * MIN_HITS
        && hits * 100 >= seen * MIN_SHARE
        && hits >= strength * MARGIN * second;
    clear.then_some((best, hits, second))
}

/// French or English when their function words clearly win (step 1), else `None`.
fn by_function_words(text: &str) -> Option<LanguageGuess> {
    let (counts, seen) = count_function_words(text);
    let (best, hits, second) = decide(&counts, seen, 1)?;
    let lang = match best {
        FR => Lang::Fr,
        EN => Lang::En,
        _ => return None,
    };
    Some(LanguageGuess {
        lang,
        origin: LanguageOrigin::Detected,
        confidence: 1.0 - f64::from(second) / f64::from(hits),
    })
}

/// The words of a text: runs of letters. ASCII bytes are classified without decoding.
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The length of the letter at `k`, or `None` when the character there is not a letter.
    let letter = move |k: usize| -> Option<usize> {
        match bytes.get(k)? {
            b if b.is_ascii_alphabetic() => Some(1),
            b if b.is_ascii() => None,
            _ => text
                .get(k..)
                .and_then(|t| t.chars().next())
                .filter(|c| c.is_alphabetic())
                .map(char::len_utf8),
        }
    };
    // Length of the character at `k` (1 for a byte that does not start one).
    let skip = move |k: usize| -> usize {
        text.get(k..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    };
    std::iter::from_fn(move || {
        while i < bytes.len() && letter(i).is_none() {
            i += skip(i);
        }
        let start = i;
        while let Some(n) = letter(i) {
            i += n;
        }
        text.get(start..i).filter(|w| !w.is_empty())
    })
}

/// Whether the text has too few letters to tell its language.
fn too_short(text: &str) -> bool {
    sample(text)
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(MIN_LETTERS - 1)
        .is_none()
}

/// The first `SAMPLE` bytes of a text, cut on a char boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn unknown() -> LanguageGuess {
    LanguageGuess {
        lang: Lang::Other,
        origin: LanguageOrigin::Detected,
        confidence: 0.0,
    }
}

/// The language of a text, from its words alone: function words when they are clear, else
/// trigrams.
pub fn detect_language(text: &str) -> LanguageGuess {
    if too_short(text) {
        return unknown();
    }
    by_function_words(text).unwrap_or_else(|| detect_language_trigrams(text))
}

/// The trigram step alone (`whatlang` on the first kilobyte), for comparisons and tools.
pub fn detect_language_trigrams(text: &str) -> LanguageGuess {
    if too_short(text) {
        return unknown();
    }
    let Some(info) = DETECTOR.detect(sample(text)) else {
        return unknown();
    };
    let lang = match info.lang() {
        whatlang::Lang::Fra => Lang::Fr,
        whatlang::Lang::Eng => Lang::En,
        _ => Lang::Other,
    };
    LanguageGuess {
        lang,
        origin: LanguageOrigin::Detected,
        confidence: info.confidence(),
    }
}

/// The flag, else the declared language, else detection.
pub fn choose_language(flag: Option<Lang>, declared: Option<&str>, text: &str) -> LanguageGuess {
    if let Some(lang) = flag {
        return LanguageGuess {
            lang,
            origin: LanguageOrigin::Flag,
            confidence: 1.0,
        };
    }
    if let Some(lang) = declared.and_then(Lang::parse) {
        return LanguageGuess {
            lang,
            origin: LanguageOrigin::Metadata,
            confidence: 1.0,
        };
    }
    detect_language(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_runs_split_on_non_letters() {
        let words: Vec<&str> = letter_runs("l'été, «Alep» 8 500 Œuvre—fin").collect();
        assert_eq!(words, ["l", "été", "Alep", "Œuvre", "fin"]);
    }

    #[test]
    fn french_english_short() {
        let fr = detect_language(
            "La Russie a annoncé ce jeudi une suspension de l'offensive dans l'est d'Alep, \
             afin de permettre l'évacuation des civils.",
        );
        assert_eq!(fr.lang, Lang::Fr);
        let en = detect_language(
            "Russia announced on Thursday that the offensive in eastern Aleppo would be \
             suspended to allow civilians to leave the city.",
        );
        assert_eq!(en.lang, Lang::En);
        let short = detect_language("Alep");
        assert_eq!((short.lang, short.confidence), (Lang::Other, 0.0));
        let flag = choose_language(Some(Lang::En), Some("fr"), "texte");
        assert_eq!(flag.origin, LanguageOrigin::Flag);
        let meta = choose_language(None, Some("fr-FR"), "text");
        assert_eq!(
            (meta.lang, meta.origin),
            (Lang::Fr, LanguageOrigin::Metadata)
        );
    }
}
