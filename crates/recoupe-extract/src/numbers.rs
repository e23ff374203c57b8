//! Numbers and quantities in French and English news text.
//!
//! [`find_quantities`] reads every number of a sentence or paragraph and returns it as a
//! [`Quantity`]: span, value or interval, qualifier ("plus de", "about"), unit, kind, and the
//! id of the rule that read it. Numbers that are not figures — years, dates, times of day,
//! ordinals, ranks, phone numbers, identifiers, set phrases like "24 heures sur 24" — come
//! out too, with `is_figure: false`, so no later stage counts them by mistake.
//!
//! All language knowledge (number words, units, qualifiers, month names) lives in
//! `recoupe-lang/data/{fr,en}/{numbers,units,qualifiers,calendar}.toml`; the code here is the
//! grammar: [`token`] splits the text, [`core`] reads bare numbers in digits or words,
//! [`scan`] puts ranges, units and qualifiers around them. The interval convention for
//! qualified and vague amounts is documented in [`recoupe_model::quantity`].
//!
//! ```
//! use recoupe_extract::numbers::find_quantities;
//! use recoupe_model::{Lang, quantity::Qualifier};
//! let q = find_quantities("Près de 8 500 civils ont quitté la ville.", Lang::Fr);
//! assert_eq!(q[0].text, "Près de 8 500");
//! assert_eq!(q[0].qualifier, Qualifier::Nearly);
//! assert_eq!(q[0].high, Some(8500.0));
//! ```

mod core;
mod lexicon;
mod scan;
mod token;

use recoupe_model::Lang;
pub use recoupe_model::quantity::Quantity;

/// Every number in `text`, sorted by position, non-overlapping, with spans relative to
/// `text` (byte offsets on char boundaries). Accepts raw text with no-break and narrow
/// no-break spaces as well as normalized text.
/// Whether `word` is an ordinal of `lang`'s number words ("quatrième"): the claims stage tells
/// a rank before a noun ("un quatrième complice") from a fraction with it.
pub(crate) fn is_ordinal_word(lang: Lang, word: &str) -> bool {
    lexicon::lexicon(lang)
        .ordinals
        .contains_key(token::fold(word).as_str())
}

/// Whether a word is a rank: an ordinal word ("cinquième") or digits with an ordinal suffix
/// ("155e", "3ème").
pub(crate) fn is_rank_word(lang: Lang, word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return is_ordinal_word(lang, word);
    }
    let suffix = word.get(digits..).unwrap_or("");
    !suffix.is_empty()
        && lexicon::lexicon(lang)
            .ordinal_suffixes
            .iter()
            .any(|s| s == suffix)
}

pub fn find_quantities(text: &str, lang: Lang) -> Vec<Quantity> {
    scan::scan(text, lang)
}
