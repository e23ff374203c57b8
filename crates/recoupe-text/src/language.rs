//! Language identification: a `--lang` flag wins, then the language the input declares, then
//! what `whatlang` finds in the normalized text.
//!
//! Only a bounded prefix of the text is looked at (enough for a stable answer, and the cost
//! stays flat on long documents), and only against the candidate languages listed in
//! `data/common/text-language.toml` (French, English and the languages most often confused
//! with them, so that a German or Spanish article is still called `Other`); text in another
//! script is called `Other` too. Text with too few letters is called `Other` with zero
//! confidence rather than guessed.

use std::sync::LazyLock;

use recoupe_model::{Lang, LanguageGuess, LanguageOrigin};
use serde::Deserialize;

#[derive(Default, Deserialize)]
struct LanguageFile {
    #[serde(default)]
    candidates: Vec<String>,
}

/// The detector, limited to the candidate languages of `data/common/text-language.toml`
/// (every language when the list is empty).
static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    let file: LanguageFile = recoupe_lang::common_file("text-language.toml")
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default();
    let list: Vec<whatlang::Lang> = file
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

/// Bytes of text given to the detector: a few sentences are plenty for news text.
const SAMPLE: usize = 1024;
/// Fewer letters than this and the text is too short to tell.
const MIN_LETTERS: usize = 40;

/// The language of a text, from its letters alone.
pub fn detect_language(text: &str) -> LanguageGuess {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let unknown = LanguageGuess {
        lang: Lang::Other,
        origin: LanguageOrigin::Detected,
        confidence: 0.0,
    };
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return unknown;
    }
    let Some(info) = DETECTOR.detect(sample) else {
        return unknown;
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
