//! Time expressions in French and English: absolute dates ("Samedi 10 décembre", "11/12/2016"),
//! periods ("Mars 2011", "en 1986"), dates relative to the document ("hier", "ce jeudi",
//! "il y a près d'un mois") and windows that qualify figures ("au cours des dernières
//! 24 heures", "par jour", "depuis le début de l'offensive").
//!
//! All words and rule patterns live in `recoupe-lang`'s `calendar.toml` and `time.toml`; this
//! module compiles them ([`lexicon`]), runs every rule over the text, keeps the longest
//! non-overlapping matches and resolves them against an optional reference date
//! ([`resolve`]). [`infer_document_date`] guesses the date of a document that has none.

mod ascii;
mod calendar;
mod infer;
mod lexicon;
mod range;
mod resolve;

use chrono::NaiveDate;
use recoupe_model::time::TimeExpression;
use recoupe_model::{Lang, Normalized};

pub use infer::{infer_document_date, infer_document_date_near, infer_document_date_of};
use lexicon::{Lexicon, RuleKind};

/// Every time expression of `text`, in text order, without overlaps. Spans are byte spans into
/// `text`. With `reference` (the document's date), expressions are resolved to inclusive
/// intervals of days; without it, only those that carry their own year are.
pub fn find_times(text: &str, lang: Lang, reference: Option<NaiveDate>) -> Vec<TimeExpression> {
    TimeMatches::new(text, lang).resolve(reference)
}

/// The rule matches of one text, before resolution. Matching does not depend on the
/// reference date, so a text resolved against several references (date inference tries a
/// few, then the document is read against the date chosen) is matched only once.
pub struct TimeMatches<'t> {
    text: &'t str,
    lang: Lang,
    lex: Option<&'static Lexicon>,
    shadow: Normalized,
    hits: Vec<Hit>,
    /// Bare years and words for the reference day, ends of ranges only (see [`range`]).
    bare_years: Vec<(usize, usize)>,
}

/// One match of one rule: the rule's position in the data file, the whole match and each of
/// the rule's groups (in the order of `Rule::groups`), as spans of the shadow.
pub(crate) struct Hit {
    order: usize,
    whole: (usize, usize),
    groups: Vec<Option<(usize, usize)>>,
}

impl<'t> TimeMatches<'t> {
    /// Runs every rule of `lang` over `text`.
    pub fn new(text: &'t str, lang: Lang) -> TimeMatches<'t> {
        let Some(lex) = lexicon::lexicon(lang) else {
            return TimeMatches {
                text,
                lang,
                lex: None,
                shadow: Normalized::identity(text),
                hits: Vec::new(),
                bare_years: Vec::new(),
            };
        };
        let shadow = ascii::shadow(text);
        let mut hits = Vec::new();
        let lower = shadow.text.to_ascii_lowercase();
        let ends = lex
            .present
            .as_ref()
            .map(|set| set.match_ends(&lower, lex.rules.len()));
        for (order, rule) in lex.rules.iter().enumerate() {
            // Where the rule's last match ends, if it has any (the whole text when unknown).
            let Some(end) = ends.as_ref().map_or(Some(lower.len()), |e| {
                e.get(order).copied().unwrap_or(Some(lower.len()))
            }) else {
                continue;
            };
            if !rule.requires.is_empty()
                && !rule.requires.iter().any(|w| lower.contains(w.as_str()))
            {
                continue;
            }
            let haystack = if rule.lowered {
                lower.as_str()
            } else {
                shadow.text.as_str()
            };
            let input = regex_automata::Input::new(haystack).range(..end.min(haystack.len()));
            for caps in rule.regex.captures_iter(input) {
                let Some(m) = caps.get_match() else { continue };
                if !ends_on_word_boundary(&shadow.text, m.end())
                    || inside_number(&shadow.text, m.start())
                {
                    continue;
                }
                if rule.clause_end && !at_clause_end(&shadow.text, m.end()) {
                    continue;
                }
                let groups = rule
                    .group_index
                    .iter()
                    .map(|&index| {
                        index
                            .and_then(|k| caps.get_group(k))
                            .map(|g| (g.start, g.end))
                    })
                    .collect();
                hits.push(Hit {
                    order,
                    whole: (m.start(), m.end()),
                    groups,
                });
            }
        }
        let bare_years = if lex.ranges.is_empty() {
            Vec::new()
        } else {
            lex.bare_year
                .find_iter(&shadow.text)
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        TimeMatches {
            text,
            lang,
            lex: Some(lex),
            shadow,
            hits,
            bare_years,
        }
    }

    /// The expressions of the text, resolved against `reference` (see [`find_times`]).
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Vec<TimeExpression> {
        let Some(lex) = self.lex else {
            return Vec::new();
        };
        let src = resolve::Source {
            original: self.text,
            shadow: &self.shadow,
        };
        // (expression or None for an exclusion, start and end in the shadow, rule order)
        // Sized at once: an expression is large, and growing the vector copies them all.
        let mut found: Vec<(Option<TimeExpression>, usize, usize, usize)> =
            Vec::with_capacity(self.hits.len());
        for hit in &self.hits {
            let Some(rule) = lex.rules.get(hit.order) else {
                continue;
            };
            let (start, end) = hit.whole;
            if rule.kind == RuleKind::Exclude {
                found.push((None, start, end, hit.order));
            } else if let Some(mut expr) = resolve::interpret(rule, hit, &src, lex, reference) {
                // An abbreviation's dot ending the expression may be the sentence's full stop
                // ("on Tues."): it stays out of the span, the abbreviation reads the same.
                let mut end = end;
                if expr.text.len() > 1 && expr.text.ends_with('.') {
                    expr.text.pop();
                    expr.span.end -= 1;
                    end -= 1;
                }
                found.push((Some(expr), start, end, hit.order));
            }
        }
        // Longest first at each start, then the rule written first in the data file.
        found.sort_by_key(|(_, start, end, order)| (*start, usize::MAX - (end - start), *order));
        let mut kept = Vec::with_capacity(found.len());
        let mut covered_to = 0;
        for (expr, start, end, _) in found {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            if let Some(expr) = expr {
                kept.push((expr, start, end));
            }
        }
        range::join(kept, &self.bare_years, &src, lex, reference)
    }
}

/// A match must not stop inside a word ("2 marsupiaux" is no date).
fn ends_on_word_boundary(text: &str, end: usize) -> bool {
    let before = text.get(..end).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    match (before, after) {
        (Some(b), Some(a)) => !(b.is_alphanumeric() && a.is_alphanumeric()),
        _ => true,
    }
}

/// A match starting on the decimals of a number ("6,107.31 August" is no 31 August).
fn inside_number(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    start >= 2
        && digit_at(start)
        && matches!(bytes.get(start - 1), Some(b'.' | b','))
        && digit_at(start - 2)
}

/// Only punctuation or the end of the text may follow (for bare days: "le 27." but not
/// "le 27e régiment").
fn at_clause_end(text: &str, end: usize) -> bool {
    let rest = text.get(end..).map(str::trim_start).unwrap_or("");
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        // "le 13.5.2015" goes on: punctuation followed by a digit is inside a number.
        Some('.' | ',' | ';' | '!' | '?' | ')' | ':') => {
            !chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_finds_nothing() {
        assert!(find_times("14 décembre", Lang::Other, None).is_empty());
    }

    #[test]
    fn boundary_rejects_words_cut_short() {
        assert!(find_times("2 marsupiaux", Lang::Fr, None).is_empty());
    }

    /// Rules run on the lowercased text: upper case in the text changes nothing.
    #[test]
    fn case_does_not_matter() {
        let reference = NaiveDate::from_ymd_opt(2016, 12, 14);
        for (lang, text) in [
            (
                Lang::Fr,
                "Samedi 10 décembre, depuis le début de l'offensive, au cours des dernières \
                 24 heures, il y a près d'un mois, entre 2010 et 2015, ce jeudi matin.",
            ),
            (
                Lang::En,
                "On Saturday, December 10, over the past 24 hours, since the start of the \
                 offensive, between 2010 and 2015, this Thursday morning, three weeks ago.",
            ),
        ] {
            let spans = |t: &str| -> Vec<(usize, usize, String)> {
                find_times(t, lang, reference)
                    .into_iter()
                    .map(|e| (e.span.start, e.span.end, e.rule))
                    .collect()
            };
            let plain = spans(text);
            assert!(plain.len() >= 5, "{plain:?}");
            let upper: String = text.chars().map(|c| c.to_ascii_uppercase()).collect();
            let mixed: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(spans(&upper), plain);
            assert_eq!(spans(&mixed), plain);
        }
    }

    /// Matching once and resolving against several references gives what matching anew does.
    #[test]
    fn matches_resolve_like_find_times() {
        let text = "Samedi 10 décembre, hier, jeudi dernier, il y a trois jours.";
        let matches = TimeMatches::new(text, Lang::Fr);
        for reference in [
            None,
            NaiveDate::from_ymd_opt(2016, 12, 14),
            NaiveDate::from_ymd_opt(2022, 12, 11),
        ] {
            assert_eq!(
                matches.resolve(reference),
                find_times(text, Lang::Fr, reference)
            );
        }
    }
}
