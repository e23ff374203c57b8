//! Ranges between two time expressions: "du 2 octobre au 22 octobre", "from this Friday until
//! next Sunday", "entre 2010 et 2015", "2016-2017".
//!
//! Rules find each end on its own; this pass joins two neighbours when the words between them
//! (and, for some joiners, before the first) are a range's connectors, listed per language in
//! `time.toml` (`[[range]]`). Bare years ("2015") are not expressions on their own (a number
//! is rarely a year), but become ends inside a range with an opener ("between 2015 and
//! Feb 2018", "de 2014 à 2018") or joined by a hyphen to another year ("2016-2017"); so are
//! words for the reference day listed in `range_now` ("between now and November 15th").

use chrono::NaiveDate;
use recoupe_model::Span;
use recoupe_model::time::{Granularity, Resolved, TimeExpression, TimeKind};

use super::lexicon::{Lexicon, RangeForm};
use super::resolve::Source;

/// One end of a candidate range: a time expression, or a bare year.
struct End {
    /// Span in the shadow text.
    start: usize,
    end: usize,
    expr: Option<TimeExpression>,
    year: Option<i32>,
    /// A word for the reference day ("now"), resolved to it when there is one.
    now: Option<Option<NaiveDate>>,
}

impl End {
    fn first_day(&self) -> Option<NaiveDate> {
        match (&self.expr, self.year) {
            (Some(e), _) => e.resolved.as_ref().map(|r| r.start),
            (None, Some(y)) => NaiveDate::from_ymd_opt(y, 1, 1),
            _ => self.now.flatten(),
        }
    }
    fn last_day(&self) -> Option<NaiveDate> {
        match (&self.expr, self.year) {
            (Some(e), _) => e.resolved.as_ref().map(|r| r.end),
            (None, Some(y)) => NaiveDate::from_ymd_opt(y, 12, 31),
            _ => self.now.flatten(),
        }
    }
    /// Windows ("depuis mars", "par jour") and narrative days are no range ends.
    fn can_bound(&self) -> bool {
        match &self.expr {
            Some(e) => e.kind != TimeKind::Window,
            None => true,
        }
    }
}

/// Joins ranges among `found` (expressions in text order, with their shadow spans).
/// `bare_years` are the matches of `lex.bare_year` in the shadow.
pub(crate) fn join(
    found: Vec<(TimeExpression, usize, usize)>,
    bare_years: &[(usize, usize)],
    src: &Source,
    lex: &Lexicon,
    reference: Option<NaiveDate>,
) -> Vec<TimeExpression> {
    if lex.ranges.is_empty() {
        return found.into_iter().map(|f| f.0).collect();
    }
    let text = src.shadow.text.as_str();
    // Every expression, and the bare years outside them, in text order.
    let mut ends: Vec<End> = Vec::with_capacity(found.len() + bare_years.len());
    let mut next = found.into_iter().peekable();
    for &(m_start, m_end) in bare_years {
        let m_text = text.get(m_start..m_end).unwrap_or("");
        while let Some((e, s, t)) = next.next_if(|(_, s, _)| *s < m_end) {
            ends.push(End {
                start: s,
                end: t,
                expr: Some(e),
                year: None,
                now: None,
            });
        }
        if ends.last().is_some_and(|e| e.end > m_start) {
            continue;
        }
        ends.push(End {
            start: m_start,
            end: m_end,
            expr: None,
            year: m_text.parse().ok(),
            // Not a number: a word for the reference day.
            now: m_text
                .starts_with(|c: char| !c.is_ascii_digit())
                .then_some(reference),
        });
    }
    ends.extend(next.map(|(e, s, t)| End {
        start: s,
        end: t,
        expr: Some(e),
        year: None,
        now: None,
    }));

    // At most one expression per end: sized once rather than grown by copies.
    let mut out = Vec::with_capacity(ends.len());
    let mut i = 0;
    while i < ends.len() {
        if let (Some(a), Some(b)) = (ends.get(i), ends.get(i + 1))
            && let Some(expr) = range_of(a, b, text, src, lex)
        {
            out.push(expr);
            i += 2;
            continue;
        }
        if let Some(e) = ends.get_mut(i).and_then(|e| e.expr.take()) {
            out.push(e);
        }
        i += 1;
    }
    out
}

/// The range from `a` to `b`, when the words around them are a range's connectors.
fn range_of(a: &End, b: &End, text: &str, src: &Source, lex: &Lexicon) -> Option<TimeExpression> {
    if !a.can_bound() || !b.can_bound() {
        return None;
    }
    let gap = text.get(a.end..b.start)?;
    // Two expressions far apart: no joiner spans their gap, and comparing the gap with each
    // joiner would read its first word again every time.
    let longest = lex
        .ranges
        .iter()
        .flat_map(|f| &f.joiners)
        .map(String::len)
        .max()
        .unwrap_or(0);
    if too_many_letters(gap, longest) {
        return None;
    }
    // The shadow is ASCII: lowercasing keeps byte offsets, so openers are compared in place.
    let before = text.get(..a.start)?.trim_end();
    let bare = a.expr.is_none() || b.expr.is_none();
    // "entre 1500 et 1800 euros" counts euros: a range ending on a bare number must be followed
    // by punctuation, the end of the text or a function word.
    if b.year.is_some() && !followed_by_function_word(text.get(b.end..)?, lex) {
        return None;
    }
    let opener_start = lex
        .ranges
        .iter()
        .find_map(|f| opener_fits(f, gap, before, bare))?;
    // `before` keeps the shadow's byte offsets up to its trimmed end.
    let start = if opener_start == before.len() {
        a.start
    } else {
        opener_start
    };
    // Both ends must make sense as a range when they are placed.
    let resolved = match (a.first_day(), b.last_day()) {
        (Some(s), Some(e)) if s <= e => Some(Resolved {
            start: s,
            end: e,
            granularity: Granularity::Span,
            approximate: false,
        }),
        (Some(_), Some(_)) => return None,
        _ => None,
    };
    let span = src.shadow.to_original(Span::new(start, b.end));
    Some(TimeExpression {
        span,
        text: span.slice(src.original).to_owned(),
        kind: TimeKind::Period,
        window: None,
        resolved,
        weekday: None,
        part_of_day: None,
        year_candidates: Vec::new(),
        conflict: None,
        rule: lex.range_rule.clone(),
    })
}

/// Where the opener of form `f` starts in `before` (its length when the form has none), if
/// `gap` is the form's joiner.
fn opener_fits(f: &RangeForm, gap: &str, before: &str, bare: bool) -> Option<usize> {
    if !f.joiners.iter().any(|j| squeezes_to(gap, j)) {
        return None;
    }
    if f.openers.is_empty() {
        // No opener: only for two expressions, or two years joined tightly ("2016-2017").
        return (!bare || f.years).then_some(before.len());
    }
    f.openers.iter().find_map(|o| {
        let at = before.len().checked_sub(o.len())?;
        let cut = before.get(..at)?;
        if !before.get(at..)?.eq_ignore_ascii_case(o) {
            return None;
        }
        let boundary = cut.is_empty() || cut.ends_with(|c: char| !c.is_ascii_alphanumeric());
        boundary.then_some(cut.len())
    })
}

fn followed_by_function_word(rest: &str, lex: &Lexicon) -> bool {
    let rest = rest.trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '\'')
        .collect::<String>()
        .to_ascii_lowercase();
    if word.is_empty() {
        return !rest.starts_with(|c: char| c.is_ascii_digit());
    }
    lex.range_followers.contains(&word)
        || word
            .split_once('\'')
            .is_some_and(|(w, _)| lex.range_followers.contains(&format!("{w}'")))
}

/// Whether `s` lowercased, with runs of white space as one space and no space at either end,
/// is `want`. Compared in place: the gap between two ends may be long, and is rarely a joiner.
/// Whether `s` holds more than `n` bytes that are not white space, so that it squeezes to
/// no text of `n` bytes (see [`squeezes_to`]); stops reading past `n`. Text with non-ASCII
/// bytes is never too long here: its white space is not read byte by byte.
fn too_many_letters(s: &str, n: usize) -> bool {
    let mut count = 0;
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return false;
        }
        // The ASCII chars of `char::is_whitespace`, which `split_whitespace` splits on.
        if !matches!(b, b' ' | 0x09..=0x0D) {
            count += 1;
            if count > n {
                return true;
            }
        }
    }
    false
}

fn squeezes_to(s: &str, want: &str) -> bool {
    let mut want = want.bytes();
    for (k, word) in s.split_whitespace().enumerate() {
        if k > 0 && want.next() != Some(b' ') {
            return false;
        }
        for b in word.bytes() {
            if want.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        }
    }
    want.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::{squeezes_to, too_many_letters};

    /// The in-place comparison says what comparing the squeezed copy said.
    #[test]
    fn squeezes_like_a_squeezed_copy() {
        let squeeze = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        };
        let gaps = [
            "",
            " ",
            " et ",
            "  AU\n ",
            " - ",
            "-",
            " and  then ",
            "a",
            "et au",
            " à ",
        ];
        let joiners = ["", "et", "au", "-", "and then", "and", "et au", "à", " et"];
        for gap in gaps {
            for joiner in joiners {
                assert_eq!(
                    squeezes_to(gap, joiner),
                    squeeze(gap) == joiner,
                    "{gap:?} {joiner:?}"
                );
                // A gap with too many letters for a joiner never squeezes to it.
                if too_many_letters(gap, joiner.len()) {
                    assert!(!squeezes_to(gap, joiner), "{gap:?} {joiner:?}");
                }
            }
        }
        assert!(too_many_letters(" et puis ", 2));
        assert!(!too_many_letters(" \x0b et\r\n ", 2));
        assert!(!too_many_letters("  à  ", 0));
    }
}
