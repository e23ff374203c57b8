//! The left-to-right scan that turns number cores into quantities: it first sets aside what
//! is not a figure (identifiers, set phrases, dates, times, ordinals, phone numbers), then
//! puts around each core its range, unit, and qualifier, and computes the interval.

use recoupe_model::quantity::{
    Dimension, IdentifierKind, PartRole, Qualifier, Quantity, QuantityKind, QuantityPart, Unit,
};
use recoupe_model::{Lang, Span};

use super::core::{Core, Cores};
use super::lexicon::{Lexicon, Phrase, PhraseIndex, lexicon};
use super::token::{Tok, TokKind, tokenize};

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

pub(crate) fn scan(text: &str, lang: Lang) -> Vec<Quantity> {
    let lowered = text.to_ascii_lowercase();
    let toks = tokenize(text, &lowered);
    let lex = lexicon(lang);
    let mut s = Scanner {
        c: Cores {
            text,
            toks: &toks,
            lex,
            lang,
        },
        out: Vec::new(),
        floor: 0,
        // Only an "@" of the text makes an "@" token: one search of the bytes.
        has_at: text.as_bytes().contains(&b'@'),
        code: match lang {
            Lang::Fr => "fr",
            _ => "en",
        },
    };
    let mut i = 0;
    while i < toks.len() {
        match s.at(i) {
            Some(next) if next > i => {
                i = next;
                s.floor = next;
            }
            _ => i += 1,
        }
    }
    merge_bounds(&mut s.out, text, &toks, lex);
    s.out
}

/// "plus de 10 et moins de 20", "above 1000 and below 1500": a lower and an upper bound
/// joined by a bound joiner make one range.
fn merge_bounds(out: &mut Vec<Quantity>, text: &str, toks: &[Tok<'_>], lex: &Lexicon) {
    let lower = |q: &Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |q: &Qualifier| {
        matches!(
            q,
            Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly
        )
    };
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let pair = (lower(&a.qualifier) && upper(&b.qualifier))
            || (upper(&a.qualifier) && lower(&b.qualifier));
        // Only a lower and an upper bound can merge: the words between them are read then.
        let joined = pair && {
            // Tokens are in text order: those between the two are one run of them.
            let first = toks.partition_point(|t| t.start < a.span.end);
            let between = toks
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|t| t.end <= b.span.start)
                .map(|t| t.key.as_ref());
            lex.bound_joiners
                .iter()
                .any(|j| j.iter().map(String::as_str).eq(between.clone()))
        };
        let (lo, hi) = if lower(&a.qualifier) {
            (a.low, b.high)
        } else {
            (b.low, a.high)
        };
        if joined && pair && a.is_figure && b.is_figure && lo.zip(hi).is_some_and(|(l, h)| l < h) {
            let span = a.span.cover(b.span);
            let mut parts = a.parts.clone();
            parts.extend(b.parts.iter().cloned());
            let merged = Quantity {
                span,
                text: span.slice(text).to_string(),
                value: None,
                best: None,
                low: lo,
                high: hi,
                qualifier: Qualifier::Range,
                unit: a.unit.clone().or_else(|| b.unit.clone()),
                kind: a.kind,
                is_figure: true,
                rule: format!("{}+bounds", a.rule),
                parts,
            };
            out.splice(k..k + 2, [merged]);
        }
        k += 1;
    }
}

struct Scanner<'a> {
    c: Cores<'a>,
    out: Vec<Quantity>,
    /// First token not yet part of an emitted quantity: backward context stops here.
    floor: usize,
    /// Whether an "@" is among the tokens: without one, only a few first words can start an
    /// identifier.
    has_at: bool,
    code: &'static str,
}

/// What is being built around the cores.
struct Draft {
    start: usize,
    end: usize,
    qualifier: Qualifier,
    qualifier_rule: Option<String>,
    unit: Option<usize>,
    /// The time unit of a rate ("50 km/ms", "10 meters per second"): the unit becomes a
    /// speed, length over time.
    per: Option<usize>,
    parts: Vec<(usize, usize, PartRole, Option<f64>)>,
}

/// The second number of a range and what stands before it.
struct Range {
    second: Core,
    /// The token of the opening word ("de", "entre").
    opener: Option<usize>,
    /// The first number's own unit, tokens `[start, end)`, when the second repeats it.
    first_unit: Option<(usize, usize)>,
}

impl<'a> Scanner<'a> {
    fn lex(&self) -> &'a Lexicon {
        self.c.lex
    }

    fn toks(&self) -> &'a [Tok<'a>] {
        self.c.toks
    }

    fn key(&self, i: usize) -> &'a str {
        self.c.toks.get(i).map(|t| t.key.as_ref()).unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.c.toks.get(i).map(|t| t.kind)
    }

    fn attached(&self, i: usize) -> bool {
        self.c.toks.get(i).is_some_and(|t| !t.gap)
    }

    fn raw(&self, i: usize) -> &'a str {
        let text = self.c.text;
        self.c
            .toks
            .get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let toks = self.toks();
        match (
            toks.get(start),
            end.checked_sub(1).and_then(|e| toks.get(e)),
        ) {
            (Some(a), Some(b)) if b.end >= a.start => Span::new(a.start, b.end),
            _ => Span::new(0, 0),
        }
    }

    /// Whether `phrase` matches the tokens starting at `i`; returns the end. The key at
    /// position `known` is not compared: the caller found the phrase by that token's key
    /// ([`PhraseIndex::anchor`]), so it is equal (a phrase list of common words such as
    /// "à" or "la" compared every first key, equal, with a `memcmp` call each).
    fn match_at<T>(&self, i: usize, phrase: &Phrase<T>, known: usize) -> Option<usize> {
        let n = phrase.keys.len();
        (0..n)
            .all(|k| k == known || self.key(i + k) == phrase.keys[k])
            .then_some(i + n)
    }

    /// The longest phrase of `index` ending just before token `end`, not reaching below
    /// the floor: its start and what it stands for.
    fn phrase_before<T: Clone>(&self, index: &PhraseIndex<T>, end: usize) -> Option<(usize, T)> {
        let last = end.checked_sub(1)?;
        if last < self.floor {
            return None;
        }
        for p in index.candidates(self.key(last)) {
            let n = p.keys.len();
            // The key of token `last` is the phrase's last when the index is by last key.
            let known = n.saturating_sub(1);
            let known = if index.anchor(n) == known {
                known
            } else {
                usize::MAX
            };
            if let Some(start) = end.checked_sub(n)
                && start >= self.floor
                && self.match_at(start, p, known).is_some()
            {
                return Some((start, p.what.clone()));
            }
        }
        None
    }

    fn phrase_after<T: Clone>(&self, index: &PhraseIndex<T>, i: usize) -> Option<(usize, T)> {
        for p in index.candidates(self.key(i)) {
            // The key of token `i` is the phrase's first when the index is by first key.
            let known = if index.anchor(p.keys.len()) == 0 {
                0
            } else {
                usize::MAX
            };
            if let Some(end) = self.match_at(i, p, known) {
                return Some((end, p.what.clone()));
            }
        }
        None
    }

    fn emit_simple(
        &mut self,
        start: usize,
        end: usize,
        kind: QuantityKind,
        value: Option<f64>,
        rule: &str,
    ) -> usize {
        let span = self.span(start, end);
        self.out.push(Quantity {
            span,
            text: span.slice(self.c.text).to_string(),
            value,
            best: value,
            low: value,
            high: value,
            qualifier: Qualifier::Exact,
            unit: None,
            kind,
            is_figure: kind.is_figure(),
            rule: rule.to_string(),
            parts: Vec::new(),
        });
        end
    }

    /// Tries to read a quantity at token `i`; returns the token after it.
    fn at(&mut self, i: usize) -> Option<usize> {
        if let Some(end) = self.identifier(i) {
            return Some(end);
        }
        let lex = self.lex();
        // Most words start nothing: skip them with one look-up (Roman numerals aside). A
        // word that only starts idioms ("la", "en") starts nothing once they fail.
        let mut idioms_only = false;
        let mut idioms = None;
        if self.kind(i) == Some(TokKind::Word)
            && !self
                .toks()
                .get(i)
                .and_then(|t| self.c.text.as_bytes().get(t.start))
                .is_some_and(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
        {
            let key = self.key(i);
            let trigger = lex.triggers.get(key)?;
            idioms_only = trigger.idioms_only;
            idioms = Some(trigger.idioms.as_slice());
        }
        // A trigger's idioms came with it; other tokens look theirs up.
        let idioms = idioms.unwrap_or_else(|| lex.idioms.candidates(self.key(i)));
        // Idioms are indexed by their first key, the key of token `i`.
        debug_assert!(lex.idioms.anchor(2) == 0);
        for p in idioms {
            if let Some(end) = self.match_at(i, p, 0) {
                return Some(self.emit_simple(
                    i,
                    end,
                    QuantityKind::Idiom,
                    None,
                    "numbers/not-figure/idiom",
                ));
            }
        }
        // Past the idioms a word of this kind meets only look-ups of the other tables, none
        // of which holds it, and Roman numerals, which it cannot start.
        if idioms_only {
            return None;
        }
        if let Some(end) = self.roman(i) {
            return Some(end);
        }
        let kind = self.kind(i)?;
        if kind == TokKind::Word {
            let key = self.key(i);
            // "une sixième personne" is a rank: a word that is both a denominator and an
            // ordinal counts a part only before "de" or nothing ("un sixième des votes").
            if let Some(&o) = lex.ordinals.get(key)
                && lex.denominators.contains_key(key)
                && self.kind(i + 1) == Some(TokKind::Word)
                && !lex.is(&lex.vague_links, self.key(i + 1))
            {
                return Some(self.emit_simple(
                    i,
                    i + 1,
                    QuantityKind::Ordinal,
                    Some(o),
                    "numbers/not-figure/ordinal-before-noun",
                ));
            }
            if let Some(&v) = lex.fraction_nouns.get(key) {
                return Some(self.noun_amount(i, i, v, NounAmount::Fraction));
            }
            // "une dizaine", "a score of": with a determiner or a link word; "His score"
            // is no amount.
            if let Some(&v) = lex.approx_nouns.get(key)
                && (i > self.floor && lex.is(&lex.approx_determiners, self.key(i - 1))
                    || self.link_at(i + 1))
            {
                return Some(self.noun_amount(i, i, v, NounAmount::Approx));
            }
            // "une demi-douzaine": half of the approximate noun after the hyphen, from the
            // determiner before "demi" (or from "demi").
            let half_at = |k: usize| {
                lex.is(&lex.approx_halves, self.key(k))
                    && self.key(k + 1) == "-"
                    && self.toks().get(k + 1).is_some_and(|t| !t.gap)
                    && self.toks().get(k + 2).is_some_and(|t| !t.gap)
                    && lex.approx_nouns.contains_key(self.key(k + 2))
            };
            let half = if half_at(i) {
                Some(i)
            } else if lex.is(&lex.approx_determiners, key) && half_at(i + 1) {
                Some(i + 1)
            } else {
                None
            };
            if let Some(h) = half
                && let Some(&v) = lex.approx_nouns.get(self.key(h + 2))
            {
                return Some(self.noun_amount(h, h + 2, v / 2.0, NounAmount::Approx));
            }
            if let Some(&(lo, hi)) = lex.vague_nouns.get(key)
                && (!lex.words.contains_key(key) || !self.c.starts_words(i + 1))
                && (self.phrase_before(&lex.vague_determiners, i).is_some()
                    || self.lang_en_plural_ok(i))
            {
                return Some(self.noun_amount(i, i, lo, NounAmount::Vague(lo, hi)));
            }
            // "négatif cinq", "negative ten".
            if lex.is(&lex.negative_words, key)
                && let Some(mut core) = self.core_at(i + 1)
            {
                core.value = -core.value;
                core.start = i;
                return Some(self.around(core));
            }
            if self.c.starts_words(i) {
                let ranked = self.phrase_before(&lex.rank_markers, i).is_some()
                    || self.phrase_after(&lex.over_words, i + 1).is_some();
                if let Some(core) = self.c.words(i, ranked) {
                    return Some(self.around(core));
                }
                return None;
            }
            if let Some(&o) = lex.ordinals.get(key) {
                return Some(self.emit_simple(
                    i,
                    i + 1,
                    QuantityKind::Ordinal,
                    Some(o),
                    "numbers/not-figure/ordinal",
                ));
            }
            return None;
        }
        if let Some(&v) = lex.vulgar_fractions.get(self.key(i)) {
            let core = Core {
                start: i,
                end: i + 1,
                value: v,
                rule: "fraction",
                plain: false,
                scale: None,
                fraction: true,
                ordinal: false,
                words: false,
            };
            return Some(self.around(core));
        }
        let core = self.c.digits(i)?;
        Some(self.around(core))
    }

    /// Whether a vague link ("de", "d'", "of") is written at token `i`.
    fn link_at(&self, i: usize) -> bool {
        let lex = self.lex();
        lex.is(&lex.vague_links, self.key(i))
            || self.key(i + 1) == "'"
                && lex
                    .vague_links
                    .iter()
                    .any(|l| l.strip_suffix('\'') == Some(self.key(i)))
    }

    /// English vague plurals need no determiner ("thousands of people").
    fn lang_en_plural_ok(&self, i: usize) -> bool {
        self.code == "en" && self.lex().is(&self.lex().vague_links, self.key(i + 1))
    }

    /// URLs, e-mail addresses, handles, hashtags: the whole run of non-space characters is
    /// set aside; it is reported when it holds digits.
    fn identifier(&mut self, i: usize) -> Option<usize> {
        let toks = self.toks();
        if i > 0 && !toks.get(i)?.gap {
            return None;
        }
        // Byte patterns: compared inline, with no `memcmp` call for the many short words.
        let starts_link = matches!(
            self.key(i).as_bytes(),
            b"#" | b"http" | b"https" | b"ftp" | b"www"
        );
        if !self.has_at && !starts_link {
            return None;
        }
        // The run of tokens up to the next space, and whether an "@" is among them, in one
        // walk: most runs are a word and maybe a mark, and hold none.
        let at_sign = |t: &Tok<'_>| matches!(t.key.as_bytes(), [b'@']);
        let mut has_at = toks.get(i).is_some_and(at_sign);
        let mut end = i + 1;
        while let Some(t) = toks.get(end)
            && !t.gap
        {
            has_at |= at_sign(t);
            end += 1;
        }
        let first = self.key(i);
        let kind = if has_at {
            if first == "@" {
                IdentifierKind::Handle
            } else {
                IdentifierKind::Email
            }
        } else if first == "#"
            && (self.kind(i + 1) == Some(TokKind::Word)
                // "#24hPujadas" is a hashtag, "#1" a rank.
                || (self.kind(i + 1) == Some(TokKind::Digits)
                    && self.kind(i + 2) == Some(TokKind::Word)
                    && end > i + 2))
        {
            IdentifierKind::Hashtag
        } else if (first == "http" || first == "https" || first == "ftp") && self.key(i + 1) == ":"
            || first == "www" && self.key(i + 1) == "."
        {
            IdentifierKind::Url
        } else {
            return None;
        };
        // Trailing punctuation belongs to the sentence.
        while end > i + 1 && matches!(self.key(end - 1), "." | "," | ";" | ":" | ")" | "!" | "?") {
            end -= 1;
        }
        if (i..end).any(|k| self.kind(k) == Some(TokKind::Digits)) {
            let rule = "numbers/not-figure/identifier";
            return Some(self.emit_simple(i, end, QuantityKind::Identifier(kind), None, rule));
        }
        Some(end)
    }

    /// "XIIIe", "XXIe siècle", "IIIe République": Roman numerals as ordinals.
    fn roman(&mut self, i: usize) -> Option<usize> {
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        let raw = self.raw(i);
        let numeral_len = raw.chars().take_while(|c| "IVXLCDM".contains(*c)).count();
        if numeral_len == 0 {
            return None;
        }
        let (numeral, suffix) = raw.split_at(numeral_len);
        // One-letter numerals other than I, V, X start ordinary words ("Le", "Ce", "De", "Mer").
        if numeral_len == 1 && !matches!(numeral, "I" | "V" | "X") {
            return None;
        }
        let lex = self.lex();
        let suffixed = !suffix.is_empty() && lex.ordinal_suffixes.iter().any(|s| s == suffix);
        let before_context = suffix.is_empty()
            && numeral_len > 1
            && lex.roman_contexts.iter().any(|c| c == self.key(i + 1));
        if !(suffixed || before_context) {
            return None;
        }
        let value = roman_value(numeral)?;
        Some(self.emit_simple(
            i,
            i + 1,
            QuantityKind::Ordinal,
            Some(value),
            "numbers/not-figure/roman-ordinal",
        ))
    }

    /// "la moitié", "une dizaine (de milliers)", "des dizaines de milliers".
    /// The amount a noun at token `i` says; its words start at `head` (before any
    /// determiner): "demi" of "une demi-douzaine", else `i`.
    fn noun_amount(&mut self, head: usize, i: usize, v: f64, what: NounAmount) -> usize {
        let lex = self.lex();
        let mut end = i + 1;
        let mut scale = 1.0;
        // "half a million", "la moitié" stays a fraction unless a scale follows.
        if matches!(what, NounAmount::Fraction) {
            let k = if lex.is(&lex.articles, self.key(end)) {
                end + 1
            } else {
                end
            };
            let multiplier = match lex.words.get(self.key(k)) {
                Some(super::lexicon::WordClass::Scale(s)) => Some(*s),
                _ if self.key(k).len() > 2 => lex.digit_scales.get(self.key(k)).copied(),
                _ => None,
            };
            if let Some(s) = multiplier {
                scale = s;
                end = k + 1;
            }
        }
        if !matches!(what, NounAmount::Fraction)
            && lex.is(&lex.vague_links, self.key(end))
            && let Some(&(_, hi)) = lex.vague_nouns.get(self.key(end + 1))
        {
            scale = hi / 10.0;
            end += 2;
        }
        let determiners: Option<(usize, ())> = match what {
            NounAmount::Fraction => head
                .checked_sub(1)
                .filter(|&d| d >= self.floor && lex.is(&lex.fraction_determiners, self.key(d)))
                .map(|d| (d, ())),
            NounAmount::Approx => head
                .checked_sub(1)
                .filter(|&d| d >= self.floor && lex.is(&lex.approx_determiners, self.key(d)))
                .map(|d| (d, ())),
            NounAmount::Vague(..) => self.phrase_before(&lex.vague_determiners, head),
        };
        let start = determiners.map(|(d, _)| d).unwrap_or(head);
        let mut d = Draft {
            start,
            end,
            qualifier: Qualifier::Exact,
            qualifier_rule: None,
            unit: None,
            per: None,
            parts: vec![(start, end, PartRole::Number, Some(v * scale))],
        };
        let (rule, kind) = match what {
            NounAmount::Fraction if scale > 1.0 => ("fraction-noun", QuantityKind::Count),
            NounAmount::Fraction => ("fraction-noun", QuantityKind::Fraction),
            NounAmount::Approx => {
                d.qualifier = Qualifier::Approx;
                ("approx-noun", QuantityKind::Count)
            }
            NounAmount::Vague(..) => {
                d.qualifier = Qualifier::Vague;
                ("vague", QuantityKind::Count)
            }
        };
        // "la moitié", "plus d'une centaine": a qualifier before overrides "about".
        if matches!(what, NounAmount::Fraction | NounAmount::Approx) {
            self.qualify_before(&mut d);
        }
        let (lo, hi) = match what {
            NounAmount::Vague(lo, hi) => (Some(lo * scale), Some(hi * scale)),
            _ => (None, None),
        };
        self.finish(d, v * scale, None, lo, hi, kind, rule)
    }

    /// Everything around a number core.
    fn around(&mut self, c1: Core) -> usize {
        if !c1.words {
            if let Some(end) = self.not_figure_digits(&c1) {
                return end;
            }
        } else if c1.ordinal {
            return self.emit_simple(
                c1.start,
                c1.end,
                QuantityKind::Ordinal,
                Some(c1.value),
                "numbers/not-figure/ordinal",
            );
        }
        let lex = self.lex();
        let mut d = Draft {
            start: c1.start,
            end: c1.end,
            qualifier: Qualifier::Exact,
            qualifier_rule: None,
            unit: None,
            per: None,
            parts: vec![(c1.start, c1.end, PartRole::Number, Some(c1.value))],
        };
        let mut v1 = c1.value;
        let mut v2 = None;
        let mut fraction = c1.fraction;
        let mut rule = c1.rule;
        let mut last = c1.clone();
        // "un sur trois", "1 in 5".
        if let Some((after_over, ())) = self.phrase_after(&lex.over_words, c1.end)
            && !c1.fraction
            && let Some(c2) = self.core_at(after_over)
            && c2.value > 0.0
            && c2.value >= c1.value
            && !c2.fraction
            && self.unit_after(c2.end).is_none()
            // "300 in 2008" is a number and a year, "1 in 2000 people" a proportion.
            && (!self.is_year_like(&c2) || self.counted_noun(c2.end))
        {
            v1 = c1.value / c2.value;
            d.parts = vec![(c1.start, c2.end, PartRole::Number, Some(v1))];
            d.end = c2.end;
            fraction = true;
            rule = "fraction-over";
            last = c2;
        } else if let Some(Range {
            second: c2,
            opener,
            first_unit,
        }) = self.range_after(&c1, &mut v1)
        {
            d.parts[0].3 = Some(v1);
            let mut connector = c1.end;
            if let Some((start, end)) = first_unit {
                d.parts.push((start, end, PartRole::Unit, None));
                connector = end;
            }
            d.parts
                .push((connector, c2.start, PartRole::Connector, None));
            d.parts
                .push((c2.start, c2.end, PartRole::Number, Some(c2.value)));
            d.qualifier = Qualifier::Range;
            d.end = c2.end;
            v2 = Some(c2.value);
            fraction |= c2.fraction;
            if let Some(o) = opener {
                d.parts.insert(0, (o, c1.start, PartRole::Connector, None));
                d.start = o;
            }
            rule = if opener.is_some() {
                "range-pair"
            } else {
                "range-joiner"
            };
            if let Some(o) = opener {
                let open = self.key(o);
                rule = if open == "entre" || open == "between" {
                    "range-between"
                } else {
                    "range-from-to"
                };
            }
            last = c2;
        }
        // The unit: after a scale, through a link word ("75 millions de dollars").
        let mut unit_at = d.end;
        // "1 000 000 de dollars": French puts "de" after a million in digits as in words.
        if last.scale.is_some() || last.words && last.value >= 1000.0 || last.value >= 1e6 {
            let link = lex.unit_links.iter().find_map(|l| {
                let n = l.len();
                ((0..n).all(|k| self.key(unit_at + k) == l[k])
                    && self.unit_after(unit_at + n).is_some())
                .then_some(n)
            });
            unit_at += link.unwrap_or(0);
        }
        self.currency_before(&mut d, &c1, &mut v1);
        // "27-year-old": a unit after a hyphen.
        if d.unit.is_none()
            && self.key(unit_at) == "-"
            && self.attached(unit_at)
            && self.attached(unit_at + 1)
        {
            unit_at += 1;
        }
        if d.unit.is_none()
            && let Some((u, end)) = self
                .unit_after(unit_at)
                .or_else(|| self.bracketed_unit(unit_at))
        {
            d.parts.push((unit_at, end, PartRole::Unit, None));
            d.unit = Some(u);
            d.end = end;
            self.rate(&mut d);
            if d.qualifier == Qualifier::Exact {
                self.money_tail(&mut d, &mut v1);
            }
        }
        // "500 ou plus", "2 000 environ"; not "10 and more than 40", where the words open
        // the next number's bound.
        if d.qualifier == Qualifier::Exact
            && let Some((end, q)) = self.phrase_after(&lex.after, d.end)
            && !self.opens_next(d.end, end)
        {
            let keys: Vec<&str> = (d.end..end).map(|k| self.key(k)).collect();
            d.qualifier_rule = Some(format!("qualifier/after/{}", slug(&keys)));
            d.parts.push((d.end, end, PartRole::Qualifier, None));
            d.end = end;
            d.qualifier = q;
        }
        // A qualifier after the number wins over one before ("about 500 or more"), except
        // equality, which only joins the span ("equal to 5000 or less").
        if d.qualifier != Qualifier::Range || self.key(d.start) != "entre" {
            self.qualify_before(&mut d);
        }
        // "more than 5000 or equal to": the strict bound becomes inclusive.
        if matches!(d.qualifier, Qualifier::MoreThan | Qualifier::LessThan)
            && let Some((end, ())) = self.phrase_after(&lex.inclusive_after, d.end)
            && !self.opens_next(d.end, end)
        {
            let keys: Vec<&str> = (d.end..end).map(|k| self.key(k)).collect();
            d.qualifier_rule = d
                .qualifier_rule
                .take()
                .map(|r| format!("{r}/{}", slug(&keys)));
            d.parts.push((d.end, end, PartRole::Qualifier, None));
            d.end = end;
            d.qualifier = if d.qualifier == Qualifier::MoreThan {
                Qualifier::AtLeast
            } else {
                Qualifier::AtMost
            };
        }
        // Numbers after "numéro", "n°", "No.": a rank or an identifier.
        if d.qualifier == Qualifier::Exact
            && d.unit.is_none()
            && let Some((m, ())) = self.phrase_before(&lex.rank_markers, d.start)
            && !fraction
        {
            return self.emit_simple(
                m,
                d.end,
                QuantityKind::Rank,
                Some(v1),
                "numbers/not-figure/rank",
            );
        }
        // "turn a 45 degrees angle", "Rotate 90°": near an angle word, degrees are an angle.
        if let Some(a) = lex.angle_unit
            && d.unit
                .and_then(|u| lex.units.get(u))
                .is_some_and(|u| u.dimension == Dimension::Temperature)
            && self.near_word(&lex.angle_words, d.start, d.end)
        {
            d.unit = Some(a);
        }
        let mut kind = match d.unit.and_then(|u| lex.units.get(u)) {
            Some(u) => u.kind,
            None if fraction => QuantityKind::Fraction,
            None => QuantityKind::Count,
        };
        // "27 ans" is an age, "depuis 27 ans" a duration; "âgé de 6 mois" an age.
        if kind == QuantityKind::Age && self.phrase_before(&lex.duration_markers, d.start).is_some()
        {
            kind = QuantityKind::Duration;
        }
        if matches!(kind, QuantityKind::Duration | QuantityKind::Count)
            && self.phrase_before(&lex.age_markers, d.start).is_some()
        {
            kind = QuantityKind::Age;
        }
        match v2 {
            Some(v2) => self.finish(d, v1, None, Some(v1), Some(v2), kind, rule),
            None => self.finish(d, v1, None, None, None, kind, rule),
        }
    }

    /// After an amount of money: a scale ("75 USD million") multiplies it; a number below
    /// 100, alone or with the minor unit ("15 dollars 50", "3 dollars and 50 cents"), adds
    /// hundredths.
    fn money_tail(&self, d: &mut Draft, v1: &mut f64) {
        let lex = self.lex();
        let Some(u) = d.unit.and_then(|u| lex.units.get(u)) else {
            return;
        };
        if u.kind != QuantityKind::Money || u.id == lex.minor_currency {
            return;
        }
        let set_number = |d: &mut Draft, v: f64, end: usize| {
            if let Some(p) = d.parts.iter_mut().find(|p| p.2 == PartRole::Number) {
                p.3 = Some(v);
            }
            d.end = end;
        };
        if let Some(super::lexicon::WordClass::Scale(sc)) = lex.words.get(self.key(d.end))
            && d.parts.iter().filter(|p| p.2 == PartRole::Number).count() == 1
            && self.kind(d.end) == Some(TokKind::Word)
        {
            *v1 *= sc;
            let end = d.end + 1;
            d.parts.push((d.end, end, PartRole::Number, None));
            set_number(d, *v1, end);
            return;
        }
        let k = if lex.is(&lex.joiners, self.key(d.end)) {
            d.end + 1
        } else {
            d.end
        };
        let Some(c) = self.core_at(k) else {
            return;
        };
        if !(0.0..100.0).contains(&c.value) || c.value.fract() != 0.0 || c.scale.is_some() {
            return;
        }
        let end = match self.unit_after(c.end) {
            Some((m, end)) if lex.units.get(m).is_some_and(|x| x.id == lex.minor_currency) => end,
            // A bare number must end the amount: "15 dollars 50." but not "15 dollars 50 fois".
            None if !matches!(self.kind(c.end), Some(TokKind::Word | TokKind::Digits)) => c.end,
            _ => return,
        };
        *v1 += c.value / 100.0;
        d.parts.push((k, c.end, PartRole::Number, Some(c.value)));
        d.parts.push((c.end, end, PartRole::Unit, None));
        set_number(d, *v1, end);
    }

    /// "20 (kg)", "20 [kg]": a unit alone in brackets right after the number.
    fn bracketed_unit(&self, i: usize) -> Option<(usize, usize)> {
        let close = match self.key(i) {
            "(" => ")",
            "[" => "]",
            "{" => "}",
            "<" => ">",
            _ => return None,
        };
        let (u, end) = self.unit_after(i + 1)?;
        (self.attached(i + 1) && self.key(end) == close && self.attached(end))
            .then_some((u, end + 1))
    }

    /// "50 km/ms", "50 meters per millisecond": a length over a time unit is a speed.
    fn rate(&self, d: &mut Draft) {
        let lex = self.lex();
        let is = |u: usize, dim: Dimension| lex.units.get(u).is_some_and(|x| x.dimension == dim);
        if !d.unit.is_some_and(|u| is(u, Dimension::Length)) {
            return;
        }
        let Some(n) = lex.per_words.iter().find_map(|w| {
            let n = w.len();
            (0..n).all(|k| self.key(d.end + k) == w[k]).then_some(n)
        }) else {
            return;
        };
        if let Some((p, end)) = self.unit_after(d.end + n)
            && is(p, Dimension::Duration)
            && lex
                .units
                .get(p)
                .is_some_and(|x| x.kind == QuantityKind::Duration)
        {
            if let Some(part) = d.parts.iter_mut().rev().find(|x| x.2 == PartRole::Unit) {
                part.1 = end;
            }
            d.end = end;
            d.per = Some(p);
        }
    }

    fn core_at(&self, i: usize) -> Option<Core> {
        if self.c.starts_words(i) {
            self.c.words(i, true)
        } else {
            self.c.digits(i)
        }
    }

    /// "de 50 à 100", "entre 50 et 100", "50-100", "deux ou trois": the second number, the
    /// opening word if any, and the first number's own unit when both carry the same one
    /// ("de 120 km/h à 180 km/h", "entre 0,05 % et 1,7 %"). Scales distribute ("entre 2 et
    /// 3 millions").
    fn range_after(&self, c1: &Core, v1: &mut f64) -> Option<Range> {
        let lex = self.lex();
        // A unit between the numbers must be repeated after the second one.
        let first_unit = self.unit_after(c1.end);
        let j = first_unit.map_or(c1.end, |(_, end)| end);
        let joiner = self.key(j);
        let opener = lex.range_pairs.iter().find_map(|(open, join)| {
            let o = c1.start.checked_sub(open.len())?;
            (join == joiner
                && o >= self.floor
                && (0..open.len()).all(|k| self.key(o + k) == open[k]))
            .then_some(o)
        });
        if opener.is_none() && !lex.is(&lex.range_joiners, joiner) {
            return None;
        }
        let dash = joiner == "-" || joiner == "–";
        // "(45%-55%)" sets two shares side by side, a score more often than a range.
        if dash && (c1.words || first_unit.is_some() || self.kind(j + 1) != Some(TokKind::Digits)) {
            return None;
        }
        // A dash between two attached numbers is a range only if the spacing is symmetric.
        if dash && self.attached(j) != self.attached(j + 1) {
            return None;
        }
        let c2 = self.core_at(j + 1)?;
        if c2.ordinal || c1.ordinal {
            return None;
        }
        let mut low = c1.value;
        if let Some(s) = c2.scale
            && c1.scale.is_none()
            && low * s <= c2.value
        {
            low *= s;
        }
        if low >= c2.value || c2.plain && self.is_year_like(&c2) && self.is_year_like(c1) {
            return None;
        }
        if let Some((u, _)) = first_unit
            && self.unit_after(c2.end).is_none_or(|(u2, _)| u2 != u)
        {
            return None;
        }
        *v1 = low;
        Some(Range {
            second: c2,
            opener,
            first_unit: first_unit.map(|(_, end)| (c1.end, end)),
        })
    }

    fn is_year_like(&self, c: &Core) -> bool {
        let lex = self.lex();
        c.plain
            && c.value.fract() == 0.0
            && c.value >= lex.year_min
            && c.value <= lex.year_max
            && self.raw(c.start).len() == 4
    }

    /// A unit at token `i`: (unit index, end token).
    fn unit_after(&self, i: usize) -> Option<(usize, usize)> {
        let lex = self.lex();
        let tok = self.toks().get(i)?;
        let text = self.c.text;
        let mut best: Option<(usize, usize)> = None;
        // Symbols: case-sensitive, on the raw text, ending on a token end.
        let rest = text.get(tok.start..).unwrap_or("");
        // Only the symbols that can start with the first byte are compared.
        let first = rest.as_bytes().first().map_or(256, |&b| usize::from(b));
        let candidates = lex
            .unit_symbols_by_first
            .get(first)
            .map_or(&[][..], Vec::as_slice);
        for (sym, u) in candidates.iter().filter_map(|&k| lex.unit_symbols.get(k)) {
            if !rest.starts_with(sym.as_str()) {
                continue;
            }
            let end_byte = tok.start + sym.len();
            let after = text.get(end_byte..).unwrap_or("");
            let mut next = after.chars();
            let (c1, c2) = (next.next(), next.next());
            if c1.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’') {
                continue;
            }
            // "L-202": a letter symbol joined to digits by a hyphen heads a code, it is no
            // unit; "45%-55%" keeps its percent.
            if c1 == Some('-')
                && c2.is_some_and(|c| c.is_ascii_digit())
                && sym.starts_with(char::is_alphabetic)
            {
                continue;
            }
            let Some(end) =
                (i..i + 6).find(|&k| self.toks().get(k).is_some_and(|t| t.end == end_byte))
            else {
                continue;
            };
            if best.is_none_or(|(_, e)| end + 1 > e) {
                best = Some((*u, end + 1));
            }
            break;
        }
        if let Some((end, u)) = self.phrase_after(&lex.units_by_word, i)
            && best.is_none_or(|(_, e)| end > e)
        {
            best = Some((u, end));
        }
        best
    }

    /// "$75", "€ 1000", "US$ 5m": a currency sign before the number.
    fn currency_before(&self, d: &mut Draft, c1: &Core, v1: &mut f64) {
        let lex = self.lex();
        let Some(first) = self.toks().get(d.start) else {
            return;
        };
        let before = self.c.text.get(..first.start).unwrap_or("");
        let trimmed = before.trim_end_matches(SPACES);
        if before.len() - trimmed.len() > 1 {
            return;
        }
        // Most numbers follow a space or a word: the last byte turns nearly every symbol
        // away before `ends_with` compares it whole.
        let last = trimmed.as_bytes().last();
        for (sym, u) in &lex.prefix_currencies {
            if !(sym.is_empty() || sym.as_bytes().last() == last)
                || !trimmed.ends_with(sym.as_str())
            {
                continue;
            }
            let sym_start = trimmed.len() - sym.len();
            if trimmed[..sym_start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(k) = (self.floor..d.start)
                .rev()
                .take(3)
                .find(|&k| self.toks().get(k).is_some_and(|t| t.start == sym_start))
            else {
                continue;
            };
            d.parts.insert(0, (k, d.start, PartRole::Unit, None));
            d.start = k;
            d.unit = Some(*u);
            // "$5m", "£2bn": short scales read only after a currency sign.
            if c1.scale.is_none() && c1.end == d.end && self.attached(c1.end) {
                let raw = self.raw(c1.end);
                if let Some(&s) = lex.digit_scales.get(raw) {
                    *v1 *= s;
                    d.end = c1.end + 1;
                    if let Some(p) = d.parts.iter_mut().find(|p| p.2 == PartRole::Number) {
                        p.1 = d.end;
                        p.3 = Some(*v1);
                    }
                }
            }
            return;
        }
    }

    /// Whether one of `words` is among the three words before `start` or the two after
    /// `end`, within the same clause (punctuation stops the look).
    fn near_word(&self, words: &crate::keys::Words, start: usize, end: usize) -> bool {
        let hit = |k: &usize| words.contains(self.key(*k));
        let clause = |k: &usize| self.kind(*k) != Some(TokKind::Punct);
        let before = (start.saturating_sub(3)..start)
            .rev()
            .take_while(clause)
            .any(|k| hit(&k));
        before || (end..end + 2).take_while(clause).any(|k| hit(&k))
    }

    /// Whether the phrase `start..end` after a number opens the bound of the next number
    /// instead of closing this one: a number right after it ("5000 or equal to 6000"), or a
    /// qualifier that begins inside it and leads to a number ("10 and more than 40").
    fn opens_next(&self, start: usize, end: usize) -> bool {
        if self.core_at(end).is_some() {
            return true;
        }
        (end + 1..=end + 2).any(|k| {
            self.core_at(k).is_some()
                && self
                    .phrase_before(&self.lex().before, k)
                    .is_some_and(|(q0, _)| q0 > start && q0 < end)
        })
    }

    /// A qualifier phrase before the amount ("plus de", "environ"). When a qualifier after
    /// the number was read, only equality ("equal to") joins it.
    fn qualify_before(&self, d: &mut Draft) {
        let lex = self.lex();
        if let Some((q0, q)) = self.phrase_before(&lex.before, d.start) {
            let after = d.qualifier_rule.is_some();
            if after && q != Qualifier::Exact {
                return;
            }
            // "<>30", "=>30": a symbol joined to another comparison sign is no bound.
            let symbols = (q0..d.start).all(|k| self.kind(k) == Some(TokKind::Punct));
            if symbols
                && q0 >= 1
                && self.attached(q0)
                && matches!(self.key(q0 - 1), "<" | ">" | "=" | "!")
            {
                return;
            }
            let keys: Vec<&str> = (q0..d.start).map(|k| self.key(k)).collect();
            d.parts.insert(0, (q0, d.start, PartRole::Qualifier, None));
            if after {
                d.start = q0;
                return;
            }
            d.qualifier_rule = Some(format!("qualifier/{}", slug(&keys)));
            if d.qualifier != Qualifier::Range && d.qualifier != Qualifier::Vague {
                d.qualifier = q;
            }
            d.start = q0;
        }
    }

    /// Numbers in digits that are not figures: codes, phone numbers, dates, times,
    /// ordinals, years.
    fn not_figure_digits(&mut self, c: &Core) -> Option<usize> {
        let lex = self.lex();
        let (s, e) = (c.start, c.end);
        // "A320", "MH17", "COVID-19", "F-16".
        // A currency code before digits ("USD115") is a price, not a code.
        let prev_word = |k: usize| {
            self.kind(k) == Some(TokKind::Word)
                && !self.lex().words.contains_key(self.key(k))
                && !lex
                    .prefix_currencies
                    .iter()
                    .any(|(sym, _)| sym == self.raw(k))
        };
        if s >= 1 && s > self.floor && self.attached(s) {
            let code_start = if prev_word(s - 1) {
                Some(s - 1)
            } else if s >= 2
                && self.key(s - 1) == "-"
                && self.attached(s - 1)
                && (prev_word(s - 2) && !lex.is(&lex.year_contexts, self.key(s - 2))
                    || self.kind(s - 2) == Some(TokKind::Digits)
                        && self.attached(s - 2)
                        && s >= 3
                        && prev_word(s - 3))
                && (s - 2 == 0 || !self.attached(s - 2) || !self.number_before(s - 3))
            {
                // "F-16", "scp-173", "scp2-173": letters (and digits) joined to digits by
                // a hyphen name a thing; "mi-2016" is a year.
                let mut cs = s - 2;
                // Back over the word run, not over an opening bracket or quote.
                while cs > self.floor
                    && self.attached(cs)
                    && (self.kind(cs - 1) != Some(TokKind::Punct) || self.key(cs - 1) == "-")
                {
                    cs -= 1;
                }
                Some(cs)
            } else {
                None
            };
            if let Some(cs) = code_start.filter(|&cs| cs >= self.floor) {
                let mut end = e;
                loop {
                    if self.attached(end)
                        && matches!(self.kind(end), Some(TokKind::Word | TokKind::Digits))
                    {
                        end += 1;
                    } else if self.key(end) == "-"
                        && self.attached(end)
                        && self.attached(end + 1)
                        && matches!(self.kind(end + 1), Some(TokKind::Word | TokKind::Digits))
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                return Some(self.emit_simple(
                    cs,
                    end,
                    QuantityKind::Identifier(IdentifierKind::Code),
                    None,
                    "numbers/not-figure/identifier",
                ));
            }
        }
        // "13F", "777F", "4G": capitals attached after plain digits, that are no unit, scale,
        // ordinal suffix or time marker, name a thing.
        let tail = self.raw(e);
        if c.plain
            && c.start + 1 == e
            && self.attached(e)
            && self.kind(e) == Some(TokKind::Word)
            && (1..=3).contains(&tail.len())
            && tail.chars().all(|ch| ch.is_ascii_uppercase())
            && !(self.attached(e + 1)
                && matches!(self.kind(e + 1), Some(TokKind::Word | TokKind::Digits)))
            && !lex.digit_scales.contains_key(tail)
            && !lex.digit_scales.contains_key(self.key(e))
            && !lex.ordinal_suffixes.iter().any(|x| x == tail)
            && !lex.is(&lex.time_markers, self.key(e))
            && self.unit_after(e).is_none()
        {
            return Some(self.emit_simple(
                s,
                e + 1,
                QuantityKind::Identifier(IdentifierKind::Code),
                None,
                "numbers/not-figure/identifier",
            ));
        }
        if let Some(end) = self.phone(c) {
            return Some(end);
        }
        if let Some(end) = self.numeric_date(c) {
            return Some(end);
        }
        let plain_int =
            (c.plain || c.rule == "digits") && c.value.fract() == 0.0 && c.start == c.end - 1;
        // "11 décembre 2016", "1er décembre", "20-Août-1955" (a street name).
        if plain_int && (1.0..=31.0).contains(&c.value) {
            let mut m = e;
            if self.attached(m) && lex.ordinal_suffixes.iter().any(|x| x == self.raw(m)) {
                m += 1;
            }
            let hyphens = self.key(m) == "-" && self.attached(m) && self.attached(m + 1);
            if hyphens {
                m += 1;
            }
            if lex.months.contains_key(self.key(m)) && (self.kind(m) == Some(TokKind::Word)) {
                let mut end = m + 1;
                // "déc." keeps its period; after "décembre" the period ends the sentence.
                if self.key(end) == "."
                    && self.attached(end)
                    && lex.month_abbrevs.contains(self.key(m))
                {
                    end += 1;
                }
                if hyphens
                    && self.key(end) == "-"
                    && self.attached(end)
                    && self.attached(end + 1)
                    && self.kind(end + 1) == Some(TokKind::Digits)
                {
                    end += 1;
                }
                if self.kind(end) == Some(TokKind::Digits) && self.raw(end).len() == 4 {
                    end += 1;
                }
                return Some(self.emit_simple(
                    s,
                    end,
                    QuantityKind::Date,
                    None,
                    "numbers/not-figure/date",
                ));
            }
        }
        // "23e", "1er", "21st".
        if plain_int
            && self.attached(e)
            && lex.ordinal_suffixes.iter().any(|x| x == self.raw(e))
            && !self.attached(e + 1) | (self.kind(e + 1) != Some(TokKind::Word))
        {
            return Some(self.emit_simple(
                s,
                e + 1,
                QuantityKind::Ordinal,
                Some(c.value),
                "numbers/not-figure/ordinal",
            ));
        }
        // "14h30", "8 h", "10:30", "5pm".
        if plain_int && c.value <= 24.0 {
            let marker = self.key(e);
            let is_marker =
                lex.is(&lex.time_markers, marker) && self.kind(e) == Some(TokKind::Word);
            if is_marker && (self.attached(e) || self.raw(e).len() <= 2) {
                let mut end = e + 1;
                if self.kind(end) == Some(TokKind::Digits) && self.raw(end).len() == 2 {
                    end += 1;
                }
                return Some(self.emit_simple(
                    s,
                    end,
                    QuantityKind::TimeOfDay,
                    None,
                    "numbers/not-figure/time-of-day",
                ));
            }
            // French spacing may set the colon apart from the hours, never from the
            // minutes: "à 11 :52".
            if marker == ":"
                && self.kind(e + 1) == Some(TokKind::Digits)
                && self.raw(e + 1).len() == 2
                && self.attached(e + 1)
            {
                let mut end = e + 2;
                if self.key(end) == ":" && self.kind(end + 1) == Some(TokKind::Digits) {
                    end += 2;
                }
                if lex.is(&lex.time_markers, self.key(end)) {
                    end += 1;
                }
                return Some(self.emit_simple(
                    s,
                    end,
                    QuantityKind::TimeOfDay,
                    None,
                    "numbers/not-figure/time-of-day",
                ));
            }
        }
        // Years: "en 1986", "Mars 2011", "2016."
        if self.is_year_like(c) {
            let prev = s.checked_sub(1).filter(|&p| p >= self.floor);
            if let Some(p) = prev
                && self.kind(p) == Some(TokKind::Word)
                && lex.months.contains_key(self.key(p))
            {
                return Some(self.emit_simple(
                    p,
                    e,
                    QuantityKind::Date,
                    None,
                    "numbers/not-figure/date",
                ));
            }
            let in_context = s
                .checked_sub(1)
                .is_some_and(|p| lex.is(&lex.year_contexts, self.key(p)));
            let next_is_amount =
                matches!(self.key(e), "%" | "$" | "€" | "£") || self.unit_after(e).is_some();
            let counted = self.counted_noun(e);
            // With a context word ("en 2016") only a plural noun makes it a count ("de 2000
            // personnes"); bare, any counted noun does ("2016 civils").
            let plural = counted && self.key(e).ends_with(['s', 'x']);
            if !next_is_amount
                && self.kind(e) != Some(TokKind::Digits)
                && (in_context && !plural || !counted)
            {
                return Some(self.emit_simple(
                    s,
                    e,
                    QuantityKind::Year,
                    Some(c.value),
                    "numbers/not-figure/year",
                ));
            }
        }
        None
    }

    /// Whether token `i` ends a number joined to what follows ("12" in "12-F-16", or the
    /// hyphen of "12-"): a code head attached to it is inside a number chain, not a name.
    fn number_before(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Digits)
            || self.key(i) == "-"
                && i >= 1
                && self.attached(i)
                && self.kind(i - 1) == Some(TokKind::Digits)
    }

    /// Whether token `i` is a word that a number before it would count: a lower-case word
    /// that is not a month and not in the language's `year_followers` (verbs, function
    /// words). Capitalized words are names, not counted nouns, unless plural ("1500
    /// Syriens").
    fn counted_noun(&self, i: usize) -> bool {
        let lex = self.lex();
        let key = self.key(i);
        self.kind(i) == Some(TokKind::Word)
            && (!self.raw(i).starts_with(char::is_uppercase) || key.ends_with(['s', 'x']))
            && !lex.year_followers.contains(self.key(i))
            && !lex.months.contains_key(self.key(i))
    }

    /// "+33 1 23 45 67 89", "01 23 45 67 89", "+1-222-2222-2222".
    fn phone(&mut self, c: &Core) -> Option<usize> {
        let s = c.start;
        let plus = s >= 1 && self.key(s - 1) == "+" && self.attached(s) && s > self.floor;
        let mut groups = vec![self.raw(s).len()];
        let mut k = s + 1;
        if self.kind(s) != Some(TokKind::Digits) {
            return None;
        }
        let mut seps = 0;
        loop {
            let next_digits = |j: usize| self.kind(j) == Some(TokKind::Digits);
            if next_digits(k) && self.toks().get(k).is_some_and(|t| t.gap) && self.single_space(k) {
                groups.push(self.raw(k).len());
                k += 1;
            } else if matches!(self.key(k), "-" | "." | "/" | ")")
                && self.attached(k)
                && next_digits(k + 1)
                && self.attached(k + 1)
            {
                groups.push(self.raw(k + 1).len());
                k += 2;
                seps += 1;
            } else {
                break;
            }
        }
        let digits: usize = groups.iter().sum();
        let all_pairs = groups.len() >= 4 && groups.iter().all(|&g| g == 2);
        let dashed = seps >= 2 && digits >= 8 && groups.len() >= 3;
        if !(plus && digits >= 7 && groups.len() >= 2
            || all_pairs
            || dashed && !self.date_shape(&groups))
        {
            return None;
        }
        let start = if plus { s - 1 } else { s };
        Some(self.emit_simple(
            start,
            k,
            QuantityKind::Phone,
            None,
            "numbers/not-figure/phone",
        ))
    }

    fn date_shape(&self, groups: &[usize]) -> bool {
        groups.len() == 3
            && (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 4 || groups[2] == 2)
                || groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)
    }

    fn single_space(&self, k: usize) -> bool {
        let toks = self.toks();
        match (k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k)) {
            (Some(a), Some(b)) => self
                .c
                .text
                .get(a.end..b.start)
                .is_some_and(|g| g.chars().count() == 1),
            _ => false,
        }
    }

    /// "17/05/2018", "17.05.2018", "2018-05-17", "01/1995".
    fn numeric_date(&mut self, c: &Core) -> Option<usize> {
        let s = c.start;
        if self.kind(s) != Some(TokKind::Digits) {
            return None;
        }
        let sep = self.key(s + 1);
        if !matches!(sep, "/" | "." | "-")
            || !self.attached(s + 1)
            || !self.attached(s + 2)
            || self.kind(s + 2) != Some(TokKind::Digits)
        {
            return None;
        }
        let a = self.raw(s).len();
        let b = self.raw(s + 2).len();
        let three = self.key(s + 3) == sep
            && self.attached(s + 3)
            && self.kind(s + 4) == Some(TokKind::Digits)
            && self.attached(s + 4);
        let num = |k: usize| self.raw(k).parse::<u32>().unwrap_or(0);
        let end = if three {
            let c3 = self.raw(s + 4).len();
            let dmy = a <= 2
                && b <= 2
                && (c3 == 4 || c3 == 2)
                && (1..=31).contains(&num(s))
                && (1..=12).contains(&num(s + 2));
            let mdy = a <= 2
                && b <= 2
                && (c3 == 4 || c3 == 2)
                && (1..=12).contains(&num(s))
                && (1..=31).contains(&num(s + 2));
            let ymd = a == 4 && b <= 2 && c3 <= 2 && (1..=12).contains(&num(s + 2));
            (dmy || mdy || ymd).then_some(s + 5)?
        } else if sep != "." && a <= 2 && b == 4 && (1..=12).contains(&num(s))
            || sep == "-" && a == 4 && b == 2 && (1..=12).contains(&num(s + 2))
        {
            s + 3
        } else {
            return None;
        };
        Some(self.emit_simple(s, end, QuantityKind::Date, None, "numbers/not-figure/date"))
    }

    /// Computes the interval and pushes the quantity.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &mut self,
        d: Draft,
        v: f64,
        _: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        kind: QuantityKind,
        rule: &str,
    ) -> usize {
        let lex = self.lex();
        let (value, best, low, high) = match d.qualifier {
            Qualifier::Exact => (Some(v), Some(v), Some(v), Some(v)),
            Qualifier::Approx => (None, Some(v), None, None),
            Qualifier::Nearly | Qualifier::LessThan | Qualifier::AtMost => {
                (None, Some(v), None, Some(v))
            }
            Qualifier::MoreThan | Qualifier::AtLeast => (None, Some(v), Some(v), None),
            Qualifier::Range | Qualifier::Vague => (None, None, low, high),
        };
        let span = self.span(d.start, d.end);
        // Joined by hand: `format!` costs several times more, once per quantity.
        let rule = match &d.qualifier_rule {
            Some(q) => ["numbers/", self.code, "/", q].concat(),
            None => ["numbers/", self.code, "/", rule].concat(),
        };
        let per = d.per.and_then(|p| lex.units.get(p));
        let unit = d.unit.and_then(|u| lex.units.get(u)).map(|u| match per {
            Some(p) => Unit {
                id: format!("{}/{}", u.id, p.id),
                dimension: Dimension::Speed,
            },
            None => Unit {
                id: u.id.clone(),
                dimension: u.dimension,
            },
        });
        let parts = d
            .parts
            .iter()
            .filter(|p| p.1 > p.0)
            .map(|&(a, b, role, value)| QuantityPart {
                span: self.span(a, b),
                role,
                value,
            })
            .collect();
        self.out.push(Quantity {
            span,
            text: span.slice(self.c.text).to_string(),
            value,
            best,
            low,
            high,
            qualifier: d.qualifier,
            unit,
            kind,
            is_figure: kind.is_figure(),
            rule,
            parts,
        });
        d.end
    }
}

#[derive(Clone, Copy)]
enum NounAmount {
    Fraction,
    Approx,
    Vague(f64, f64),
}

/// A rule-id piece from a phrase: "plus d'" → "plus-d", "jusqu'à" → "jusqu-a".
fn slug(keys: &[&str]) -> String {
    let mut out = String::new();
    for k in keys {
        let clean: String = k.chars().filter(|c| c.is_alphanumeric()).collect();
        let clean = if clean.is_empty() {
            match *k {
                ">" => "gt".to_string(),
                "<" => "lt".to_string(),
                "=" => "eq".to_string(),
                "~" | "≈" => "tilde".to_string(),
                _ => continue,
            }
        } else {
            clean
        };
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&clean);
    }
    out
}

fn roman_value(s: &str) -> Option<f64> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let vals: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &v) in vals.iter().enumerate() {
        if vals.get(k + 1).is_some_and(|&n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some(total as f64)
}
