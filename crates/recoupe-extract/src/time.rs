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

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;
use recoupe_model::time::TimeExpression;
use recoupe_model::{Lang, Normalized};
use regex_automata::nfa::thompson::backtrack;

pub use infer::{infer_document_date, infer_document_date_near, infer_document_date_of};
use lexicon::{Lexicon, Rule, RuleKind};

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
    /// The shadow in lower case, which lowered rules match.
    lower: String,
    hits: Vec<Hit>,
    /// The hits in the order `resolve` reads them, with the span it compares (see there):
    /// the same for every reference, so sorted once for the several resolutions of a text.
    reading_order: OnceCell<Vec<Reading>>,
    /// Resolutions made while inferring the document's date, with their reference: the
    /// final resolution, often against one of these references, takes its result from here.
    /// Shared with date inference rather than copied: once inference is done, the final
    /// resolution takes its result back without a copy.
    kept: RefCell<Vec<Kept>>,
    /// The backtracker's scratch space for reading groups, shared by every rule's engine (it
    /// is sized afresh at each search).
    groups_cache: RefCell<Option<backtrack::Cache>>,
    /// Bare years and words for the reference day, ends of ranges only (see [`range`]).
    bare_years: Vec<(usize, usize)>,
}

/// A resolution kept for later, with the reference it was made against.
type Kept = (Option<NaiveDate>, Rc<Vec<TimeExpression>>);

/// One match of one rule: the rule's position in the data file and the whole match, as a span
/// of the shadow.
pub(crate) struct Hit {
    order: usize,
    whole: (usize, usize),
    /// The rule's groups (in the order of `Rule::groups`), found the first time the hit is
    /// read: most hits lie inside a longer one and never are, and finding groups costs a
    /// second, slower engine.
    groups: OnceCell<Vec<Option<(usize, usize)>>>,
    /// The values read from the groups: the same for every reference date, so read once
    /// for the document's several resolutions.
    parts: OnceCell<Option<resolve::Parts>>,
}

/// A hit as `resolve` reads it: its start, its end without a final abbreviation dot, and its
/// index in `TimeMatches::hits`.
#[derive(Clone, Copy)]
struct Reading {
    start: usize,
    end: usize,
    hit: usize,
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
                lower: String::new(),
                hits: Vec::new(),
                reading_order: OnceCell::new(),
                kept: RefCell::new(Vec::new()),
                groups_cache: RefCell::new(None),
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
            // Whole matches only: the lazy DFA finds them without the engine that reports
            // groups (see `Hit::groups`).
            for m in rule.regex.find_iter(input) {
                if !ends_on_word_boundary(&shadow.text, m.end())
                    || inside_number(&shadow.text, m.start())
                {
                    continue;
                }
                if rule.clause_end && !at_clause_end(&shadow.text, m.end()) {
                    continue;
                }
                hits.push(Hit {
                    order,
                    whole: (m.start(), m.end()),
                    groups: OnceCell::new(),
                    parts: OnceCell::new(),
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
            lower,
            hits,
            reading_order: OnceCell::new(),
            kept: RefCell::new(Vec::new()),
            groups_cache: RefCell::new(None),
            bare_years,
        }
    }

    /// The groups of `hit`, a match of `rule`: its regex run again on the match alone,
    /// anchored at its start, finds the same match and reports its groups.
    fn groups<'h>(&self, rule: &Rule, hit: &'h Hit) -> &'h [Option<(usize, usize)>] {
        hit.groups.get_or_init(|| {
            let haystack = if rule.lowered {
                self.lower.as_str()
            } else {
                self.shadow.text.as_str()
            };
            let input = regex_automata::Input::new(haystack)
                .span(hit.whole.0..hit.whole.1)
                .anchored(regex_automata::Anchored::Yes);
            // The backtracker on the hit's span is what `regex` runs too, once its lazy DFA
            // has found the same bounds again; a span too long for it (or a cache in use) is
            // left to `regex`.
            let by_engine = rule.groups_engine.as_ref().and_then(|engine| {
                let mut cell = self.groups_cache.try_borrow_mut().ok()?;
                let cache = cell.get_or_insert_with(|| engine.create_cache());
                engine.reset_cache(cache);
                let mut caps = engine.create_captures();
                engine.try_search(cache, &input, &mut caps).ok()?;
                Some(caps)
            });
            let caps = by_engine.unwrap_or_else(|| {
                let mut caps = rule.regex.create_captures();
                rule.regex.search_captures(&input, &mut caps);
                caps
            });
            debug_assert_eq!(
                caps.get_match().map(|m| (m.start(), m.end())),
                Some(hit.whole)
            );
            rule.group_index
                .iter()
                .map(|&index| {
                    index
                        .and_then(|k| caps.get_group(k))
                        .map(|g| (g.start, g.end))
                })
                .collect()
        })
    }

    /// The hits sorted as `resolve` reads them (see there).
    /// The values of `hit`'s groups, read the first time a resolution asks for them.
    fn parts<'h>(
        &self,
        rule: &Rule,
        hit: &'h Hit,
        src: &resolve::Source,
        lex: &Lexicon,
    ) -> Option<&'h resolve::Parts> {
        hit.parts
            .get_or_init(|| resolve::read_parts(rule, self.groups(rule, hit), lex, src))
            .as_ref()
    }

    fn reading_order(&self, lex: &Lexicon) -> Vec<Reading> {
        let mut order: Vec<(Reading, usize)> = self
            .hits
            .iter()
            .enumerate()
            .filter_map(|(index, hit)| {
                let rule = lex.rules.get(hit.order)?;
                let (start, end) = hit.whole;
                let dot = rule.kind != RuleKind::Exclude
                    && end - start > 1
                    && self.shadow.text.as_bytes().get(end - 1) == Some(&b'.');
                let reading = Reading {
                    start,
                    end: end - usize::from(dot),
                    hit: index,
                };
                Some((reading, hit.order))
            })
            .collect();
        order.sort_by_key(|&(r, order)| (r.start, usize::MAX - (r.end - r.start), order));
        order.into_iter().map(|(r, _)| r).collect()
    }

    /// The expressions of the text, resolved against `reference` (see [`find_times`]).
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Vec<TimeExpression> {
        let mut kept = self.kept.borrow_mut();
        if let Some(k) = kept.iter().position(|(r, _)| *r == reference) {
            // Date inference has dropped its share by now: no copy, but for a caller still
            // holding one.
            return Rc::try_unwrap(kept.swap_remove(k).1).unwrap_or_else(|rc| (*rc).clone());
        }
        drop(kept);
        self.resolve_anew(reference)
    }

    /// [`Self::resolve`], keeping a copy of the result for a later `resolve` against the
    /// same reference (date inference resolves the text before its final resolution).
    pub(crate) fn resolve_and_keep(&self, reference: Option<NaiveDate>) -> Rc<Vec<TimeExpression>> {
        if let Some((_, found)) = self.kept.borrow().iter().find(|(r, _)| *r == reference) {
            return Rc::clone(found);
        }
        let resolved = Rc::new(self.resolve_anew(reference));
        self.kept
            .borrow_mut()
            .push((reference, Rc::clone(&resolved)));
        resolved
    }

    fn resolve_anew(&self, reference: Option<NaiveDate>) -> Vec<TimeExpression> {
        let Some(lex) = self.lex else {
            return Vec::new();
        };
        let src = resolve::Source {
            original: self.text,
            shadow: &self.shadow,
            lower: &self.lower,
        };
        // Longest first at each start, then the rule written first in the data file; a
        // match is read only when no match kept before covers its start. An abbreviation's
        // dot ending an expression may be the sentence's full stop ("on Tues."): it stays out
        // of the span (the abbreviation reads the same), and out of the length compared here.
        // That dot is in the shadow as in the text (the shadow only rewrites non-ASCII), so it
        // is seen before the match is read.
        let order = self.reading_order.get_or_init(|| self.reading_order(lex));
        let mut kept = Vec::with_capacity(order.len());
        let mut covered_to = 0;
        for &Reading { start, end, hit } in order {
            if start < covered_to {
                continue;
            }
            let Some(hit) = self.hits.get(hit) else {
                continue;
            };
            let Some(rule) = lex.rules.get(hit.order) else {
                continue;
            };
            if rule.kind == RuleKind::Exclude {
                covered_to = end;
                continue;
            }
            let Some(parts) = self.parts(rule, hit, &src, lex) else {
                continue;
            };
            let Some(mut expr) = resolve::interpret(rule, hit.whole, parts, &src, lex, reference)
            else {
                continue;
            };
            if end < hit.whole.1 {
                expr.text.pop();
                expr.span.end -= 1;
            }
            debug_assert_eq!(expr.span.slice(self.text), expr.text);
            covered_to = end;
            kept.push((expr, start, end));
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

    /// A hit's groups, found on the match alone when it is read, are those a capture search
    /// over the whole text reports for the same match.
    #[test]
    fn groups_found_later_are_those_of_a_whole_search() {
        for (lang, text) in [
            (
                Lang::Fr,
                "Samedi 10 décembre 2016, le 1er mars, du 4 au 22 mars, il y a près d'un mois, \
                 depuis le début de l'offensive, entre 2010 et 2015, au cours des dernières \
                 24 heures, hier soir, le 11/12/2016, en 1986, jeudi dernier, le 27. Fin.",
            ),
            (
                Lang::En,
                "On Saturday, December 10, 2016, over the past 24 hours, three weeks ago, \
                 the first week of July, next Sunday, in the 1970s, on Tues. Then 6,107.31 August.",
            ),
        ] {
            let matches = TimeMatches::new(text, lang);
            let lex = lexicon::lexicon(lang).expect("lexicon");
            assert!(matches.hits.len() > 5);
            for hit in &matches.hits {
                let rule = &lex.rules[hit.order];
                let haystack = if rule.lowered {
                    matches.lower.as_str()
                } else {
                    matches.shadow.text.as_str()
                };
                let caps = rule
                    .regex
                    .captures_iter(haystack)
                    .find(|c| {
                        c.get_match()
                            .is_some_and(|m| (m.start(), m.end()) == hit.whole)
                    })
                    .expect("the same match");
                let eager: Vec<Option<(usize, usize)>> = rule
                    .group_index
                    .iter()
                    .map(|&k| k.and_then(|k| caps.get_group(k)).map(|g| (g.start, g.end)))
                    .collect();
                assert_eq!(matches.groups(rule, hit), eager.as_slice(), "{}", rule.id);
            }
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
            // Kept, then taken back, then resolved anew: the same each time.
            let kept = matches.resolve_and_keep(reference);
            assert_eq!(*kept, find_times(text, Lang::Fr, reference));
            assert_eq!(matches.resolve_and_keep(reference), kept);
            assert_eq!(matches.resolve(reference), *kept);
            assert_eq!(matches.resolve(reference), *kept);
        }
    }
}
