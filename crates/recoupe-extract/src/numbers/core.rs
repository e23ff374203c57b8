//! Number cores: the bare number before qualifiers, ranges and units are put around it.
//! A core is written in digits ("8 461", "7,1", "1.2bn", "3/4") or in words ("quatre-vingt-dix-
//! neuf", "twenty-one", "trois quarts"), and may end in a scale word ("1,5 million").

use super::lexicon::{Lexicon, WordClass};
use super::token::{Tok, TokKind};
use recoupe_model::Lang;

/// A number found at some token, before any context is read.
#[derive(Clone, Debug)]
pub(crate) struct Core {
    pub start: usize,
    /// Exclusive token index.
    pub end: usize,
    pub value: f64,
    /// Rule suffix: "digits", "thousands-space", "decimal", "words", "fraction", …
    pub rule: &'static str,
    /// Digits with no separator, no sign, no decimals, no scale: candidates for years,
    /// days of the month and hours.
    pub plain: bool,
    /// The scale word that ended it, if any ("million", "bn").
    pub scale: Option<f64>,
    pub fraction: bool,
    pub ordinal: bool,
    pub words: bool,
}

pub(crate) struct Cores<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok<'a>],
    pub lex: &'a Lexicon,
    pub lang: Lang,
}

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

impl<'a> Cores<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn key(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.key.as_ref()).unwrap_or("")
    }

    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    fn is_digits(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Digits)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// The whitespace between token `i - 1` and token `i`, if it is one separator char.
    fn single_space_before(&self, i: usize) -> Option<char> {
        let (prev, cur) = (self.tok(i.checked_sub(1)?)?, self.tok(i)?);
        let gap = self.text.get(prev.end..cur.start)?;
        let mut chars = gap.chars();
        let c = chars.next()?;
        (chars.next().is_none() && SPACES.contains(&c)).then_some(c)
    }

    fn raw(&self, i: usize) -> &str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// A number in digits starting at token `i` (a digit run, or a sign before one, or a
    /// decimal mark before one).
    pub fn digits(&self, i: usize) -> Option<Core> {
        let (decimal, thousands) = match self.lang {
            Lang::Fr => (",", "."),
            _ => (".", ","),
        };
        let mut start = i;
        let mut k = i;
        let mut negative = false;
        let first = self.tok(i)?;
        if first.kind == TokKind::Punct && (first.key == "-" || first.key == "–") {
            // A sign only when it is not a joiner between two numbers ("50-100", "45%-55%").
            let before_ok = i == 0
                || first.gap
                || !matches!(
                    self.tok(i - 1).map(|t| t.kind),
                    Some(TokKind::Digits | TokKind::Word)
                ) && !matches!(self.key(i - 1), "%" | "‰" | "°" | ")" | "]");
            if !(self.is_digits(i + 1) && self.attached(i + 1) && before_ok) {
                return None;
            }
            negative = true;
            k = i + 1;
        } else if first.kind == TokKind::Punct && first.key == decimal {
            // ",08" / ".25": a decimal with no integer part.
            let before_ok = i == 0 || first.gap || !self.is_digits(i - 1);
            if !(before_ok && self.is_digits(i + 1) && self.attached(i + 1)) {
                return None;
            }
            let frac = &self.tok(i + 1)?.key;
            let value: f64 = format!("0.{frac}").parse().ok()?;
            return Some(Core {
                start,
                end: i + 2,
                value,
                rule: "decimal",
                plain: false,
                scale: None,
                fraction: false,
                ordinal: false,
                words: false,
            });
        } else if first.kind != TokKind::Digits {
            return None;
        }
        let head = self.tok(k)?;
        let mut int = head.key.to_string();
        let mut end = k + 1;
        let mut rule = "digits";
        let mut sep: Option<String> = None;
        if head.key.len() <= 3 {
            loop {
                // Space-grouped: "8 461", with a plain, no-break or narrow no-break space.
                if let Some(c) = self.single_space_before(end)
                    && self.is_digits(end)
                    && self.key(end).len() == 3
                    && sep.as_deref().is_none_or(|s| s == c.to_string())
                    && !self.continues_as_list(end)
                {
                    sep = Some(c.to_string());
                    rule = match c {
                        '\u{a0}' => "thousands-nbsp",
                        '\u{202f}' => "thousands-nnbsp",
                        '\u{2009}' => "thousands-thin-space",
                        _ => "thousands-space",
                    };
                    int.push_str(self.key(end));
                    end += 1;
                    continue;
                }
                // Mark-grouped: "8.461" in French, "8,461" in English.
                let mark = self.key(end);
                if (mark == thousands || mark == "'")
                    && self.attached(end)
                    && self.is_digits(end + 1)
                    && self.attached(end + 1)
                    && self.key(end + 1).len() == 3
                    && sep.as_deref().is_none_or(|s| s == mark)
                {
                    sep = Some(mark.to_string());
                    rule = if mark == "." {
                        "thousands-dot"
                    } else if mark == "," {
                        "thousands-comma"
                    } else {
                        "thousands-apostrophe"
                    };
                    int.push_str(self.key(end + 1));
                    end += 2;
                    continue;
                }
                break;
            }
        }
        let mut number = int;
        let mut plain = !negative && sep.is_none();
        // Decimals: "7,1" in French, "7.1" in English; French also reads "5.5" (no group of 3).
        let mark = self.key(end).to_string();
        let other_decimal = self.lang == Lang::Fr && mark == "." && sep.is_none();
        if (mark == decimal || other_decimal)
            && self.attached(end)
            && self.is_digits(end + 1)
            && self.attached(end + 1)
            && !(other_decimal && self.key(end + 1).len() == 3)
            && !self.is_phone_like(end + 2)
        {
            number.push('.');
            number.push_str(self.key(end + 1));
            end += 2;
            plain = false;
            if rule == "digits" {
                rule = "decimal";
            }
        }
        let mut value: f64 = number.parse().ok()?;
        // Scientific and power notation: "1e10", "12,32e+14", "1,1^23", "2,5^-1".
        let mark = self.key(end);
        if (mark == "e" || mark == "^") && self.attached(end) {
            let mut k = end + 1;
            let mut minus = false;
            while matches!(self.key(k), "+" | "-" | "–") && self.attached(k) {
                minus ^= self.key(k) != "+";
                k += 1;
            }
            if self.is_digits(k) && self.attached(k) {
                let exp: f64 = self.key(k).parse().ok()?;
                let exp = if minus { -exp } else { exp };
                value = if mark == "e" {
                    value * 10f64.powf(exp)
                } else {
                    value.powf(exp)
                };
                end = k + 1;
                plain = false;
                rule = "exponent";
            }
        }
        if negative {
            value = -value;
            start = i;
        }
        let mut core = Core {
            start,
            end,
            value,
            rule,
            plain,
            scale: None,
            fraction: false,
            ordinal: false,
            words: false,
        };
        // "3/4", "2 1/4": a fraction when the denominator is small and nothing follows.
        if self.key(end) == "/"
            && self.attached(end)
            && self.is_digits(end + 1)
            && self.attached(end + 1)
            && self.key(end + 2) != "/"
            && !(self.key(end + 2) == "-" && self.attached(end + 2))
        {
            let den: f64 = self.key(end + 1).parse().ok()?;
            if den > 0.0 && den <= 100.0 && (core.plain || negative && core.rule == "digits") {
                core.value = value / den;
                core.end = end + 2;
                core.fraction = true;
                core.plain = false;
                core.rule = "fraction";
                return Some(core);
            }
        }
        // Mixed number "2 1/4".
        if core.plain
            && self.is_digits(end)
            && self.key(end + 1) == "/"
            && self.attached(end + 1)
            && self.is_digits(end + 2)
            && self.attached(end + 2)
            && self.key(end + 3) != "/"
        {
            let num: f64 = self.key(end).parse().ok()?;
            let den: f64 = self.key(end + 2).parse().ok()?;
            if den > num && den <= 100.0 {
                core.value = value + num / den;
                core.end = end + 3;
                core.fraction = true;
                core.plain = false;
                core.rule = "fraction";
                return Some(core);
            }
        }
        self.digit_scale(&mut core);
        // "3 millions et demi", "3 million and a half": the fraction is of the scale.
        if let Some(sc) = core.scale
            && self.lex.is(&self.lex.joiners, self.key(core.end))
            && self.is_word(core.end + 1)
        {
            if let Some(&(den, _)) = self.lex.denominators.get(self.key(core.end + 1)) {
                core.value += sc / den;
                core.end += 2;
            } else if let Some(f) = self.words(core.end + 1, true)
                && f.fraction
                && f.value < 1.0
            {
                core.value += sc * f.value;
                core.end = f.end;
            }
        }
        Some(core)
    }

    /// "1 234 567 12" has a fourth group of two digits: a list or a phone number, not 1234567.
    fn continues_as_list(&self, i: usize) -> bool {
        self.single_space_before(i + 1).is_some()
            && self.is_digits(i + 1)
            && self.key(i + 1).len() < 3
    }

    fn is_phone_like(&self, i: usize) -> bool {
        matches!(self.key(i), "." | "-") && self.attached(i) && self.is_digits(i + 1)
    }

    /// "1,5 million", "2 millions", "1.2bn", "10k", "3 douzaines".
    fn digit_scale(&self, core: &mut Core) {
        let i = core.end;
        let Some(t) = self.tok(i) else { return };
        if t.kind != TokKind::Word {
            return;
        }
        let raw = self.raw(i);
        let scale = self
            .lex
            .digit_scales
            .get(raw)
            .or_else(|| self.lex.digit_scales.get(&t.key))
            .copied();
        let Some(scale) = scale else { return };
        if self.lex.money_only_scales.iter().any(|s| s == raw) {
            return;
        }
        let short = raw.chars().count() <= 2;
        // Abbreviations must touch the number ("10k"), and must not start a longer word.
        if short && t.gap && raw != "k" {
            return;
        }
        core.value *= scale;
        core.end = i + 1;
        core.scale = Some(scale);
        core.plain = false;
        if core.rule == "digits" || core.rule == "decimal" {
            core.rule = "scale";
        }
    }

    /// Whether token `i` starts a number written in words.
    pub fn starts_words(&self, i: usize) -> bool {
        self.is_word(i) && self.lex.words.contains_key(self.key(i))
    }

    /// A number in words at token `i`: cardinals, with an optional fraction or ordinal end.
    pub fn words(&self, i: usize, allow_article: bool) -> Option<Core> {
        let (value, end, n_words) = self.cardinal_words(i)?;
        let mut core = Core {
            start: i,
            end,
            value,
            rule: "words",
            plain: false,
            scale: None,
            fraction: false,
            ordinal: false,
            words: true,
        };
        if let Some(WordClass::Scale(s)) =
            self.tok(end - 1).and_then(|t| self.lex.words.get(&t.key))
        {
            core.scale = Some(*s);
        }
        let lone_article = n_words == 1 && self.lex.is(&self.lex.articles, self.key(i));
        let lone_one = n_words == 1 && value == 1.0;
        // "deux centième", "three trillionth": a singular scale ordinal after a cardinal
        // above one multiplies it (200th); the plural is a fraction ("deux centièmes").
        if let Some(j) = self.next_word(end)
            && let Some(&(den, plural)) = self.lex.denominators.get(self.key(j))
            && !plural
            && den >= 100.0
            && value > 1.0
            && value < 1000.0
            && !lone_article
            && self.lex.ordinals.contains_key(self.key(j))
        {
            core.value = value * den;
            core.end = j + 1;
            core.ordinal = true;
            core.rule = "ordinal-words";
            return Some(core);
        }
        // "quatre-vingtième": four twenties, as in the cardinal.
        if self.lang == Lang::Fr
            && value == 4.0
            && n_words == 1
            && let Some(j) = self.next_word(end)
            && self.lex.ordinals.get(self.key(j)) == Some(&20.0)
        {
            core.value = 80.0;
            core.end = j + 1;
            core.ordinal = true;
            core.rule = "ordinal-words";
            return Some(core);
        }
        // Fractions: "trois quarts", "un tiers", "quatre centièmes".
        if let Some(j) = self.next_word(end)
            && let Some(&(den, plural)) = self.lex.denominators.get(self.key(j))
        {
            let continues = self
                .lex
                .ordinals
                .get(self.key(j))
                .is_some_and(|&o| !plural && !lone_article && self.can_continue(i, end, o));
            // "Un quatrième, celui de Tienditas", "ou plutôt un quatrième :": an ordinal
            // denominator that ends its phrase ranks, it divides nothing ("Un cinquième
            // déplore" does, with the noun left out).
            let ranks = value == 1.0
                && !plural
                && self.lex.ordinals.contains_key(self.key(j))
                && matches!(self.key(j + 1), "," | ":" | ";" | "." | ")");
            if !continues && !ranks {
                core.value = value / den;
                core.end = j + 1;
                core.fraction = true;
                core.rule = "fraction";
                // "un demi-million", "trois quarts de million", "two thirds of a million"
                // stay fractions of the scale.
                let mut k = j + 1;
                if self.lex.is(&self.lex.vague_links, self.key(k)) {
                    k += 1;
                    if self.lex.is(&self.lex.articles, self.key(k)) {
                        k += 1;
                    }
                }
                if let Some(k) = self.next_word(k)
                    && let Some(WordClass::Scale(sc)) = self.lex.words.get(self.key(k))
                {
                    core.value *= sc;
                    core.end = k + 1;
                    core.fraction = false;
                    core.scale = Some(*sc);
                }
                return Some(core);
            }
        }
        // Ordinals ending a number: "vingt-cinquième", "vingt et unième".
        let card_end = end;
        let end = if self.lex.is(&self.lex.joiners, self.key(end))
            && self
                .lex
                .ordinals
                .get(self.key(end + 1))
                .is_some_and(|&o| o == 1.0 || o == 11.0)
        {
            end + 1
        } else {
            end
        };
        if let Some(j) = self.next_word(end)
            && let Some(&o) = self.lex.ordinals.get(self.key(j))
            && self.can_continue(i, card_end, o)
        {
            core.value = value + o;
            core.end = j + 1;
            core.ordinal = true;
            core.rule = "ordinal-words";
            return Some(core);
        }
        // "un vingt-cinquième": the article over a compound ordinal.
        if lone_one
            && self.starts_words(end)
            && let Some(den) = self.words(end, false)
            && den.ordinal
            && den.value > 0.0
        {
            core.value = 1.0 / den.value;
            core.end = den.end;
            core.fraction = true;
            core.rule = "fraction";
            return Some(core);
        }
        // "trois et un cinquième", "un et demi"; after a scale the fraction is of the scale:
        // "trois millions et demi".
        let of = core.scale.unwrap_or(1.0);
        if self.lex.is(&self.lex.joiners, self.key(end)) {
            if let Some(j) = self.next_word(end + 1)
                && let Some(&(den, _)) = self.lex.denominators.get(self.key(j))
                && j == end + 1
            {
                core.value = value + of / den;
                core.end = j + 1;
                core.fraction = of == 1.0;
                core.rule = "fraction";
                return Some(core);
            }
            if self.starts_words(end + 1)
                && let Some(f) = self.words(end + 1, true)
                && f.rule == "fraction"
            {
                // The fraction, and the scale written after it, if any ("a half million").
                let (fv, after) = match f.scale {
                    Some(sc) if !f.fraction && f.value < sc => (f.value / sc, Some(sc)),
                    _ => (f.value, None),
                };
                let after = after.or_else(|| {
                    let k = self.next_word(f.end)?;
                    match self.lex.words.get(self.key(k)) {
                        Some(WordClass::Scale(sc)) => Some(*sc),
                        _ => None,
                    }
                });
                if fv < 1.0 {
                    core.rule = "fraction";
                    core.end = f.end;
                    match after {
                        // "five and a half million": the scale applies to all;
                        // "one billion and a half million": to the fraction only.
                        Some(sc) => {
                            core.value = if of > sc {
                                value + fv * sc
                            } else {
                                (value + fv) * sc
                            };
                            if f.scale.is_none() {
                                core.end = self.next_word(f.end).map_or(f.end, |k| k + 1);
                            }
                            core.scale = Some(sc);
                            core.fraction = false;
                        }
                        None => {
                            core.value = value + fv * of;
                            core.fraction = of == 1.0;
                        }
                    }
                    return Some(core);
                }
            }
        }
        if lone_article && !allow_article {
            return None;
        }
        // "trois douzaines": a multiplier noun after words.
        if let Some(t) = self.tok(end)
            && t.kind == TokKind::Word
            && t.key.chars().count() > 2
            && let Some(&m) = self.lex.digit_scales.get(&t.key)
            && !self.lex.words.contains_key(&t.key)
        {
            core.value *= m;
            core.end = end + 1;
            core.scale = Some(m);
        }
        // "deux cent virgule cinq".
        if self.lex.is(&self.lex.decimal_words, self.key(end))
            && self.starts_words(end + 1)
            && let Some((d, dend)) = self.decimal_digits(end + 1)
        {
            let digits = d;
            if let Ok(frac) = format!("0.{digits}").parse::<f64>() {
                core.value = value + frac;
                core.end = dend;
                return Some(core);
            }
        }
        Some(core)
    }

    /// The digits after a decimal word: one digit per word ("zéro trois", "nought four"),
    /// or a whole number read as digits ("cinquante deux").
    fn decimal_digits(&self, i: usize) -> Option<(String, usize)> {
        let mut digits = String::new();
        let mut k = i;
        while let Some(WordClass::Cardinal(v)) = self.lex.words.get(self.key(k)) {
            if *v >= 10.0 || self.lex.is(&self.lex.articles, self.key(k)) {
                break;
            }
            digits.push_str(&format!("{v}"));
            k += 1;
        }
        if digits.len() > 1 || digits.len() == 1 && !self.starts_words(k) {
            return Some((digits, k));
        }
        let (d, end, _) = self.cardinal_words(i)?;
        Some((format!("{d}"), end))
    }

    /// The next word token at `i`, possibly after one attached hyphen ("cinq-huitièmes").
    fn next_word(&self, i: usize) -> Option<usize> {
        if self.is_word(i) {
            return Some(i);
        }
        if self.key(i) == "-" && self.attached(i) == self.attached(i + 1) && self.is_word(i + 1) {
            return Some(i + 1);
        }
        None
    }

    /// Whether an ordinal of value `o` could be the last word of the cardinal `i..end`.
    fn can_continue(&self, i: usize, end: usize, o: f64) -> bool {
        let Some(last) = self.tok(end.wrapping_sub(1)).filter(|_| end > i) else {
            return false;
        };
        match self.lex.words.get(&last.key) {
            Some(WordClass::Cardinal(v)) => {
                let v = *v;
                (v >= 20.0 && v % 10.0 == 0.0 && o < 10.0)
                    || (v == 10.0 && o < 10.0)
                    || (matches!(v as i64, 60 | 80) && o < 20.0)
            }
            Some(WordClass::Hundred) | Some(WordClass::Scale(_)) => o < 100.0,
            None => false,
        }
    }

    /// Cardinal words from `i`: (value, end token, number of words).
    pub fn cardinal_words(&self, i: usize) -> Option<(f64, usize, usize)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Last {
            None,
            Unit(f64),
            Teen(f64),
            Ten(f64),
            Hundred,
            Scale(f64),
        }
        let mut total = 0.0;
        let mut group = 0.0;
        let mut last = Last::None;
        let mut min_scale = f64::INFINITY;
        let mut j = i;
        let mut end = i;
        let mut n = 0;
        loop {
            // Between words: a space, an attached hyphen, or a joiner ("et", "and").
            let mut w = j;
            if n > 0 {
                if self.key(j) == "-" && self.attached(j) == self.attached(j + 1) {
                    w = j + 1;
                } else if self.lex.is(&self.lex.joiners, self.key(j)) {
                    w = j + 1;
                    if self.key(w) == "-" {
                        w += 1;
                    }
                }
            }
            if !self.is_word(w) {
                break;
            }
            let joined = w != j && self.lex.is(&self.lex.joiners, self.key(j));
            // An article that is never a digit word inside a number ("a", unlike French
            // "un") only begins one: "a hundred", but "a million and a half".
            if n > 0 && self.lang == Lang::En && self.lex.is(&self.lex.articles, self.key(w)) {
                break;
            }
            let Some(&class) = self.lex.words.get(self.key(w)) else {
                break;
            };
            let next = match class {
                WordClass::Cardinal(v) => {
                    let unit = v < 10.0;
                    let teen = (10.0..20.0).contains(&v);
                    // "five billion and three quarters": the joiner starts a fraction.
                    if joined
                        && self
                            .next_word(w + 1)
                            .is_some_and(|d| self.lex.denominators.contains_key(self.key(d)))
                    {
                        break;
                    }
                    if joined {
                        // "vingt et un", "soixante et onze", "hundred and five".
                        let ok = match last {
                            Last::Ten(t) => t < 80.0 && (v == 1.0 || (t == 60.0 && v == 11.0)),
                            Last::Hundred | Last::Scale(_) => self.lang == Lang::En,
                            _ => false,
                        };
                        if !ok {
                            break;
                        }
                    }
                    match (last, unit, teen) {
                        (Last::None, _, _) => Some((
                            v,
                            if unit {
                                Last::Unit(v)
                            } else if teen {
                                Last::Teen(v)
                            } else {
                                Last::Ten(v)
                            },
                        )),
                        (Last::Hundred | Last::Scale(_), _, _) if v > 0.0 => Some((
                            group + v,
                            if unit {
                                Last::Unit(v)
                            } else if teen {
                                Last::Teen(v)
                            } else {
                                Last::Ten(v)
                            },
                        )),
                        (Last::Ten(_), true, _) if v > 0.0 => Some((group + v, Last::Unit(v))),
                        (Last::Teen(t), true, _) if t == 10.0 && v > 0.0 => {
                            Some((group + v, Last::Unit(v)))
                        }
                        (Last::Ten(t), false, true) if t == 60.0 || t == 80.0 => {
                            Some((group + v, Last::Teen(v)))
                        }
                        // "quatre-vingt(s)": four twenties.
                        (Last::Unit(u), false, false) if u == 4.0 && v == 20.0 => {
                            Some((group - 4.0 + 80.0, Last::Ten(80.0)))
                        }
                        _ => None,
                    }
                }
                WordClass::Hundred => {
                    if joined || matches!(last, Last::Hundred) || group >= 100.0 {
                        None
                    } else {
                        let base = if group == 0.0 { 1.0 } else { group };
                        Some((base * 100.0, Last::Hundred))
                    }
                }
                WordClass::Scale(s) => {
                    if joined
                        || s >= min_scale
                        || matches!(last, Last::Scale(_)) && group == 0.0 && n > 0
                    {
                        None
                    } else {
                        let base = if group == 0.0 && n == 0 { 1.0 } else { group };
                        if base == 0.0 {
                            None
                        } else {
                            total += base * s;
                            min_scale = s;
                            Some((0.0, Last::Scale(s)))
                        }
                    }
                }
            };
            let Some((g, l)) = next else { break };
            group = g;
            last = l;
            n += 1;
            j = w + 1;
            end = j;
        }
        (n > 0).then_some((total + group, end, n))
    }
}
