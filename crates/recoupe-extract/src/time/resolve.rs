//! Turns one rule match into a [`TimeExpression`]: reads the captured words as values (day,
//! month, weekday, amount, unit…) and, when a reference date is given, resolves the expression
//! to an inclusive interval of days.
//!
//! Conventions (news text, reference = the document's date):
//! - a year-less day and month takes the year that puts it closest to the reference, ties to
//!   the past; with a weekday, the closest year (within ±10 years) where the weekday matches,
//!   and a conflict is recorded when the nearest year does not match;
//! - a bare weekday and "ce/this + weekday" name the day of the reference's ISO week (Monday to
//!   Sunday); "prochain/next" the first such day after the reference, "dernier/last" the last
//!   one before it;
//! - windows end on the reference day: "les dernières 24 heures" is the day before and the
//!   reference day.

use chrono::{Datelike, NaiveDate};
use recoupe_model::time::{
    Granularity, PartOfDay, Resolved, TimeExpression, TimeKind, TimeUnit, Weekday, WeekdayConflict,
    Window,
};
use recoupe_model::{Normalized, Span};

use super::calendar::{
    bounds, month_bounds, months_span, nearest_year, nth_weekday, shift, span_back,
    valid_day_month, weekday_years,
};
use super::lexicon::{
    Class, Direction, Lexicon, Mode, Rule, RuleKind, Scope, WindowKind, base_name, fold,
    fold_borrowed,
};

/// How far from the reference year a weekday may pull a year-less date.
const WEEKDAY_YEAR_RADIUS: i32 = 10;
/// How many years back a year-less weekday date is searched without reference.
const WEEKDAY_YEARS_BACK: i32 = 30;

/// The text being read: the original and its ASCII shadow, which the rules match.
pub(crate) struct Source<'t> {
    pub original: &'t str,
    pub shadow: &'t Normalized,
    /// The shadow in lower case (the same length), where captured words are read as keys.
    pub lower: &'t str,
}

impl Source<'_> {
    /// The original span and text of a span of the shadow.
    fn original(&self, start: usize, end: usize) -> (Span, String) {
        let span = self.shadow.to_original(Span::new(start, end));
        (span, span.slice(self.original).to_owned())
    }
}

/// The values read from one match.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    day: Option<u32>,
    /// First day of a range ("du 4 au 22 mars").
    day_from: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    a: Option<(u32, usize)>,
    b: Option<(u32, usize)>,
    weekday: Option<usize>,
    relday: Option<i64>,
    narrday: bool,
    n: Option<u32>,
    n2: Option<u32>,
    few: bool,
    /// "the last week of July": the last one of its container.
    final_: bool,
    approx: bool,
    unit: Option<TimeUnit>,
    part: Option<PartOfDay>,
    this: bool,
    next: bool,
    last: bool,
    ordinal: Option<u32>,
    anchor: Option<String>,
    /// Month a season starts in.
    season: Option<u32>,
    /// First year of a decade.
    decade: Option<i32>,
    /// Where the date part of a "since" window starts (its anchor text).
    date_start: Option<usize>,
}

/// A matched group: its span in the shadow and its text.
#[derive(Clone, Copy)]
struct Group<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> Group<'a> {
    fn of(src: &Source<'a>, span: (usize, usize)) -> Option<Group<'a>> {
        Some(Group {
            start: span.0,
            end: span.1,
            text: src.shadow.text.get(span.0..span.1)?,
        })
    }
    fn as_str(&self) -> &'a str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// The values of one match of `rule` (its `groups` in the order of `Rule::groups`, as spans
/// of the shadow); `None` when a word has no value (a month name not in the calendar).
/// They do not depend on the reference date, so every resolution of a document reads them
/// once ([`crate::time::TimeMatches`] keeps them with the match).
pub(crate) fn read_parts(
    rule: &Rule,
    groups: &[Option<(usize, usize)>],
    lex: &Lexicon,
    src: &Source,
) -> Option<Parts> {
    let mut p = Parts::default();
    for ((group, class), span) in rule.groups.iter().zip(groups) {
        let Some(m) = span.and_then(|span| Group::of(src, span)) else {
            continue;
        };
        let raw = m.as_str();
        let folded = fold_borrowed(
            src.lower
                .get(m.start()..m.end())
                .unwrap_or(raw)
                .trim_end_matches('.'),
        );
        let key: &str = &folded;
        let name = base_name(group);
        let dateish = matches!(
            class,
            Class::Day
                | Class::Month
                | Class::MonthBare
                | Class::Year
                | Class::Year2
                | Class::Num
                | Class::Weekday
                | Class::RelDay
                | Class::MonthNum
                | Class::MonthNum2
        );
        if dateish {
            p.date_start = Some(p.date_start.map_or(m.start(), |s| s.min(m.start())));
        }
        match class {
            Class::Month | Class::MonthBare => p.month = Some(*lex.months.get(key)?),
            Class::MonthNum | Class::MonthNum2 => p.month = Some(key.parse().ok()?),
            Class::Weekday | Class::WeekdayShort => p.weekday = Some(*lex.weekdays.get(key)?),
            Class::Day if name == "from" => p.day_from = Some(day_value(key, lex)?),
            Class::Day => p.day = Some(day_value(key, lex)?),
            Class::Num => {
                let v = (key.parse().ok()?, raw.len());
                if name == "b" {
                    p.b = Some(v);
                } else {
                    p.a = Some(v);
                }
            }
            Class::Year => p.year = Some(key.parse().ok()?),
            Class::Year2 => {
                let y: i32 = key.parse().ok()?;
                p.year = Some(if y < 50 { 2000 + y } else { 1900 + y });
            }
            Class::N => {
                let v = key.parse().ok().or_else(|| lex.numbers.get(key).copied())?;
                if name == "n2" {
                    p.n2 = Some(v);
                } else {
                    p.n = Some(v);
                }
            }
            Class::Ordinal => p.ordinal = Some(*lex.ordinals.get(key)?),
            Class::Unit => p.unit = Some(*lex.units.get(key)?),
            Class::RelDay => p.relday = Some(*lex.relative_days.get(key)?),
            Class::NarrDay => p.narrday = true,
            Class::Part => p.part = Some(*lex.parts.get(key)?),
            Class::This => p.this = true,
            Class::Next => p.next = true,
            Class::Last => p.last = true,
            Class::Approx => p.approx = true,
            Class::Few => p.few = true,
            Class::Final => p.final_ = true,
            Class::Season | Class::SeasonBare => p.season = Some(*lex.seasons.get(key)?),
            Class::Decade => p.decade = Some(key.parse().ok()?),
            Class::Decade2 => p.decade = Some(1900 + key.parse::<i32>().ok()?),
            Class::DecadeWord => p.decade = Some(*lex.decade_words.get(key)?),
            Class::Anchor => p.anchor = Some(src.original(m.start(), m.end()).1),
        }
    }
    Some(p)
}

/// A day written as digits with an optional suffix ("1er", "27th"), an ordinal or a number word.
fn day_value(key: &str, lex: &Lexicon) -> Option<u32> {
    let digits: String = key.chars().take_while(|c| c.is_ascii_digit()).collect();
    let v = if digits.is_empty() {
        lex.ordinals
            .get(key)
            .or_else(|| lex.numbers.get(key))
            .copied()?
    } else {
        digits.parse().ok()?
    };
    (1..=31).contains(&v).then_some(v)
}

/// The outcome of calendar resolution.
#[derive(Debug, Default)]
struct Cal {
    resolved: Option<Resolved>,
    year_candidates: Vec<i32>,
    conflict: Option<WeekdayConflict>,
}

fn one_day(date: NaiveDate, part: Option<PartOfDay>) -> Resolved {
    Resolved {
        start: date,
        end: date,
        granularity: if part.is_some() {
            Granularity::PartOfDay
        } else {
            Granularity::Day
        },
        approximate: false,
    }
}

fn period(bounds: (NaiveDate, NaiveDate), granularity: Granularity) -> Resolved {
    Resolved {
        start: bounds.0,
        end: bounds.1,
        granularity,
        approximate: false,
    }
}

fn granularity_of(unit: TimeUnit) -> Option<Granularity> {
    match unit {
        TimeUnit::Week => Some(Granularity::Week),
        TimeUnit::Month => Some(Granularity::Month),
        TimeUnit::Year => Some(Granularity::Year),
        _ => None,
    }
}

fn shift_amount(p: &Parts) -> i64 {
    if p.next {
        1
    } else if p.last {
        -1
    } else {
        0
    }
}

/// Day and month of a numeric date "a/b", in the language's order, swapped when only the other
/// order is valid. Without year nor weekday, a bare "a/b" must be unambiguous in shape: one
/// part above 12 or both written with two digits (so "1/2" stays a fraction).
fn numeric_day_month(p: &Parts, lex: &Lexicon) -> Option<(u32, u32)> {
    let ((a, alen), (b, blen)) = (p.a?, p.b?);
    if p.year.is_none() && p.weekday.is_none() && !(a > 12 || b > 12 || (alen == 2 && blen == 2)) {
        return None;
    }
    let (first, second) = if lex.month_first {
        ((b, a), (a, b))
    } else {
        ((a, b), (b, a))
    };
    [first, second]
        .into_iter()
        .find(|(d, m)| (1..=12).contains(m) && valid_day_month(*d, *m))
}

/// A conflict when weekday `wd` (Monday = 0) is not the weekday of `date`.
fn weekday_conflict(wd: Option<usize>, date: NaiveDate) -> Option<WeekdayConflict> {
    let actual = date.weekday().num_days_from_monday() as usize;
    let wd = wd?;
    (actual != wd).then_some(WeekdayConflict {
        written: Weekday::from_index(wd)?,
        date,
        actual: Weekday::from_index(actual)?,
    })
}

fn calendar(p: &Parts, rule: &Rule, lex: &Lexicon, reference: Option<NaiveDate>) -> Option<Cal> {
    let mut cal = calendar_day(p, rule, lex, reference)?;
    // The week of a date, or seven days from it.
    if let (Some(scope @ (Scope::WeekOf | Scope::WeekFrom)), Some(r)) =
        (rule.scope, &mut cal.resolved)
    {
        let (start, end) = if scope == Scope::WeekOf {
            bounds(r.start, TimeUnit::Week)?
        } else {
            (r.start, shift(r.start, 6, TimeUnit::Day)?)
        };
        *r = span_of(start, end, false);
    }
    // A range of days: from `day_from` to the day resolved, in its month.
    if let Some(from) = p.day_from
        && let Some(r) = &mut cal.resolved
    {
        let start = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), from)?;
        if start > r.end {
            return None;
        }
        r.start = start;
        r.granularity = Granularity::Span;
    }
    Some(cal)
}

fn calendar_day(
    p: &Parts,
    rule: &Rule,
    lex: &Lexicon,
    reference: Option<NaiveDate>,
) -> Option<Cal> {
    let mut cal = Cal::default();
    if let Some(offset) = p.relday {
        if let Some(r) = reference {
            cal.resolved = Some(one_day(shift(r, offset, TimeUnit::Day)?, p.part));
        }
        return Some(cal);
    }
    if p.narrday {
        return Some(cal);
    }
    if let Some(first) = p.decade {
        cal.resolved = Some(span_of(
            NaiveDate::from_ymd_opt(first, 1, 1)?,
            NaiveDate::from_ymd_opt(first + 9, 12, 31)?,
            false,
        ));
        return Some(cal);
    }
    if let Some(m) = p.season {
        cal.resolved = season(p, m, reference);
        return Some(cal);
    }
    match rule.scope {
        Some(Scope::Quarter) => {
            let q = p.ordinal.or(p.n).filter(|q| (1..=4).contains(q))?;
            let year = p
                .year
                .or(reference.map(|r| r.year() + shift_amount(p) as i32));
            if let Some(y) = year {
                let (s, e) = months_span(y, 3 * q - 2, 3)?;
                cal.resolved = Some(span_of(s, e, false));
            }
            return Some(cal);
        }
        Some(Scope::Weekend) => {
            if let Some(r) = reference {
                let week = bounds(shift(r, shift_amount(p), TimeUnit::Week)?, TimeUnit::Week)?;
                cal.resolved = Some(span_of(shift(week.0, 5, TimeUnit::Day)?, week.1, false));
            }
            return Some(cal);
        }
        Some(Scope::RestOf) => {
            let unit = p.unit.filter(|u| *u >= TimeUnit::Week)?;
            if let Some(r) = reference {
                cal.resolved = Some(span_of(r, bounds(r, unit)?.1, false));
            }
            return Some(cal);
        }
        Some(Scope::NthWeek) => {
            let n = p.ordinal.filter(|n| (1..=5).contains(n));
            if n.is_none() && !p.final_ {
                return None;
            }
            let container = match (p.month, p.year, p.unit, reference) {
                (Some(m), Some(y), _, _) => month_bounds(y, m),
                (Some(m), None, _, Some(r)) => {
                    nearest_year(1, m, r).and_then(|d| month_bounds(d.year(), m))
                }
                (None, Some(y), _, _) => Some((
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                )),
                (None, None, Some(u @ (TimeUnit::Month | TimeUnit::Year)), Some(r)) => {
                    bounds(shift(r, shift_amount(p), u)?, u)
                }
                _ => None,
            };
            if let Some((first, last)) = container {
                // Weeks run Monday to Sunday; the first is the first one starting in the
                // container, the last the last one ending in it.
                let first_monday = shift(
                    first,
                    (7 - i64::from(first.weekday().num_days_from_monday())) % 7,
                    TimeUnit::Day,
                )?;
                let start = match n {
                    Some(n) => shift(first_monday, 7 * (i64::from(n) - 1), TimeUnit::Day)?,
                    None => {
                        let end_back = i64::from((last.weekday().num_days_from_monday() + 1) % 7);
                        shift(last, -end_back - 6, TimeUnit::Day)?
                    }
                };
                let end = shift(start, 6, TimeUnit::Day)?;
                if end > last {
                    return None;
                }
                cal.resolved = Some(span_of(start, end, false));
            }
            return Some(cal);
        }
        _ => {}
    }
    // A day and a month, written or numeric.
    let day_month = match (p.day, p.month) {
        (Some(d), Some(m)) => Some((d, m)),
        _ if p.a.is_some() => Some(numeric_day_month(p, lex)?),
        _ => None,
    };
    if let Some((d, m)) = day_month {
        if !valid_day_month(d, m) {
            return None;
        }
        let date = match (p.year, reference) {
            (Some(y), _) => Some(NaiveDate::from_ymd_opt(y, m, d)?),
            (None, Some(r)) => match p.weekday {
                Some(wd) => {
                    let y = r.year();
                    cal.year_candidates = weekday_years(
                        d,
                        m,
                        wd,
                        y - WEEKDAY_YEAR_RADIUS,
                        y + WEEKDAY_YEAR_RADIUS,
                        y,
                    );
                    nearest_year(d, m, r)
                }
                None => nearest_year(d, m, r),
            },
            (None, None) => {
                if let Some(wd) = p.weekday {
                    let cap = chrono::Utc::now().year();
                    cal.year_candidates =
                        weekday_years(d, m, wd, cap - WEEKDAY_YEARS_BACK, cap, cap);
                }
                None
            }
        };
        if let Some(date) = date {
            cal.conflict = weekday_conflict(p.weekday, date);
            cal.resolved = Some(one_day(date, p.part));
        }
        return Some(cal);
    }
    // A day of this / next / last month.
    if let (Some(d), Some(Scope::Month), None) = (p.day, rule.scope, p.ordinal) {
        if let Some(r) = reference {
            let month = shift(
                bounds(r, TimeUnit::Month)?.0,
                shift_amount(p),
                TimeUnit::Month,
            )?;
            cal.resolved = Some(one_day(
                NaiveDate::from_ymd_opt(month.year(), month.month(), d)?,
                None,
            ));
        }
        return Some(cal);
    }
    // The nth weekday of a month.
    if let (Some(nth), Some(wd)) = (p.ordinal, p.weekday) {
        if !(1..=5).contains(&nth) {
            return None;
        }
        let month = match (p.month, reference) {
            (Some(m), Some(r)) => nearest_year(1, m, r),
            (None, Some(r)) => shift(
                bounds(r, TimeUnit::Month)?.0,
                shift_amount(p),
                TimeUnit::Month,
            ),
            _ => None,
        };
        if let Some(first) = month {
            cal.resolved =
                nth_weekday(first.year(), first.month(), wd, nth).map(|d| one_day(d, None));
        }
        return Some(cal);
    }
    if let Some(m) = p.month {
        let year = match (p.year, reference) {
            (Some(y), _) => Some(y),
            // "depuis mars": the most recent March that has begun by the reference;
            // "juin prochain" the first one after it, "juin dernier" the last one before it.
            (None, Some(r)) => Some(if p.next {
                if m > r.month() {
                    r.year()
                } else {
                    r.year() + 1
                }
            } else if p.last {
                if m < r.month() {
                    r.year()
                } else {
                    r.year() - 1
                }
            } else if m <= r.month() {
                r.year()
            } else {
                r.year() - 1
            }),
            (None, None) => None,
        };
        if let Some(y) = year {
            cal.resolved = Some(period(month_bounds(y, m)?, Granularity::Month));
        }
        return Some(cal);
    }
    if let Some(y) = p.year {
        let b = (
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        );
        cal.resolved = Some(period(b, Granularity::Year));
        return Some(cal);
    }
    // A day alone ("le 27.", "friday the 15th"): that day of the reference's month.
    if let (Some(d), None, None) = (p.day, p.month, p.unit) {
        if let Some(date) = reference.and_then(|r| NaiveDate::from_ymd_opt(r.year(), r.month(), d))
        {
            cal.conflict = weekday_conflict(p.weekday, date);
            cal.resolved = Some(one_day(date, p.part));
        }
        return Some(cal);
    }
    if let Some(wd) = p.weekday {
        if let Some(r) = reference {
            let r_wd = i64::from(r.weekday().num_days_from_monday());
            let wd = wd as i64;
            let date = if rule.scope == Some(Scope::Week) {
                shift(r, wd - r_wd + 7 * shift_amount(p), TimeUnit::Day)?
            } else if p.next {
                let ahead = (wd - r_wd).rem_euclid(7);
                shift(r, if ahead == 0 { 7 } else { ahead }, TimeUnit::Day)?
            } else if p.last {
                let back = (r_wd - wd).rem_euclid(7);
                shift(r, -(if back == 0 { 7 } else { back }), TimeUnit::Day)?
            } else {
                shift(r, wd - r_wd, TimeUnit::Day)?
            };
            cal.resolved = Some(one_day(date, p.part));
        }
        return Some(cal);
    }
    if p.this && p.part.is_some() && p.unit.is_none() {
        if let Some(r) = reference {
            cal.resolved = Some(one_day(r, p.part));
        }
        return Some(cal);
    }
    if let Some(unit) = p.unit {
        let g = granularity_of(unit)?;
        if let Some(r) = reference {
            let moved = shift(r, shift_amount(p), unit)?;
            let mut res = period(bounds(moved, unit)?, g);
            // "en cours de semaine": no this/next/last word, the bounds are a reading.
            res.approximate = !(p.this || p.next || p.last);
            cal.resolved = Some(res);
        }
        return Some(cal);
    }
    None
}

fn span_of(start: NaiveDate, end: NaiveDate, approximate: bool) -> Resolved {
    Resolved {
        start,
        end,
        granularity: Granularity::Span,
        approximate,
    }
}

/// The three months of a season starting in month `m`: with a year, that year's; otherwise the
/// one the reference falls in ("cet été"), the first after it ("next spring") or the last one
/// over before it ("l'hiver dernier"). Season bounds are the meteorological convention, hence
/// approximate.
fn season(p: &Parts, m: u32, reference: Option<NaiveDate>) -> Option<Resolved> {
    let of_year = |y: i32| months_span(y, m, 3);
    let (start, end) = match (p.year, reference) {
        (Some(y), _) => of_year(y)?,
        (None, Some(r)) => {
            let years = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
            let spans: Vec<(NaiveDate, NaiveDate)> =
                years.iter().filter_map(|y| of_year(*y)).collect();
            if p.next {
                spans.into_iter().find(|(s, _)| *s > r)?
            } else if p.last {
                spans.into_iter().rev().find(|(_, e)| *e < r)?
            } else {
                // The season the reference is in, else this calendar year's.
                let current = spans.iter().copied().find(|(s, e)| *s <= r && r <= *e);
                current.or_else(|| of_year(r.year()))?
            }
        }
        (None, None) => return None,
    };
    Some(span_of(start, end, true))
}

/// The "amount unit" pairs of a compound duration, in text order.
fn duration_pairs(text: &str, lex: &Lexicon) -> Vec<(u32, TimeUnit)> {
    lex.duration
        .captures_iter(text)
        .filter_map(|c| {
            let n = fold(c.name("n")?.as_str());
            let n = n.parse().ok().or_else(|| lex.numbers.get(&n).copied())?;
            let unit = *lex.units.get(&fold(c.name("unit")?.as_str()))?;
            Some((n, unit))
        })
        .collect()
}

/// Builds the expression for one match of `rule` (`whole`, as a span of the shadow, and the
/// values [`read_parts`] read from its groups), or `None` when the words do not make a time
/// expression after all (31 February, "le 27" without a day value, an hour "cette heure").
pub(crate) fn interpret(
    rule: &Rule,
    whole: (usize, usize),
    p: &Parts,
    src: &Source,
    lex: &Lexicon,
    reference: Option<NaiveDate>,
) -> Option<TimeExpression> {
    let whole = Group::of(src, whole)?;
    let kind = match rule.kind {
        RuleKind::Date => TimeKind::Date,
        RuleKind::Period => TimeKind::Period,
        RuleKind::Relative => TimeKind::Relative,
        RuleKind::Window => TimeKind::Window,
        RuleKind::Exclude => return None,
    };
    let vague = p.few || (p.n.is_none() && p.unit.is_some());
    let amount = if vague { None } else { p.n };
    let counted = i64::from(amount.unwrap_or(lex.vague_amount));
    let mut cal = Cal::default();
    match rule.mode {
        Mode::Calendar => cal = calendar(p, rule, lex, reference)?,
        Mode::Offset => {
            let unit = p.unit?;
            let sign = if rule.direction == Some(Direction::Past) {
                -1
            } else {
                1
            };
            // "deux jours après demain": counted from that day.
            let base = match (reference, p.relday) {
                (Some(r), Some(off)) => shift(r, off, TimeUnit::Day),
                (r, _) => r,
            };
            let pairs = duration_pairs(whole.as_str(), lex);
            if let Some(r) = base
                && p.n2.is_none()
                && pairs.len() > 1
            {
                let mut date = r;
                for (n, u) in pairs {
                    date = shift(date, sign * i64::from(n), u)?;
                }
                cal.resolved = Some(Resolved {
                    start: date,
                    end: date,
                    granularity: Granularity::Day,
                    approximate: p.approx,
                });
            } else if let Some(r) = base {
                let a = shift(r, sign * counted, unit)?;
                let b = shift(
                    r,
                    sign * i64::from(p.n2.unwrap_or(amount.unwrap_or(0))),
                    unit,
                )
                .filter(|_| p.n2.is_some())
                .unwrap_or(a);
                cal.resolved = Some(Resolved {
                    start: a.min(b),
                    end: a.max(b),
                    granularity: Granularity::Day,
                    approximate: p.approx || vague || unit > TimeUnit::Day,
                });
            }
        }
        Mode::Last | Mode::Next => {
            let unit = p.unit?;
            if let Some(r) = reference {
                let (start, end) = if rule.mode == Mode::Last {
                    (span_back(r, counted, unit)?, r)
                } else {
                    (r, shift(r, counted, unit)?)
                };
                cal.resolved = Some(Resolved {
                    start,
                    end,
                    granularity: Granularity::Span,
                    approximate: p.approx || vague,
                });
            }
        }
        Mode::ToDate => {
            let unit = p.unit.unwrap_or(TimeUnit::Week);
            granularity_of(unit)?;
            if let Some(r) = reference {
                cal.resolved = Some(Resolved {
                    start: bounds(r, unit)?.0,
                    end: r,
                    granularity: Granularity::Span,
                    approximate: false,
                });
            }
        }
        Mode::Since => {
            let start = calendar(p, rule, lex, reference)?;
            let begin = start.resolved.map(|s| s.start);
            if let (Some(begin), Some(r)) = (begin, reference) {
                cal.resolved = Some(Resolved {
                    start: begin,
                    end: r.max(begin),
                    granularity: Granularity::Span,
                    approximate: false,
                });
            }
            cal.conflict = start.conflict;
        }
        Mode::None => {}
    }
    let window = rule.window.and_then(|w| {
        let unit = p.unit;
        Some(match w {
            WindowKind::Last => Window::Last {
                amount,
                unit: unit?,
            },
            WindowKind::Next => Window::Next {
                amount,
                unit: unit?,
            },
            WindowKind::Within => Window::Within {
                amount,
                unit: unit?,
            },
            WindowKind::Per => Window::Per { unit: unit? },
            WindowKind::Since => Window::Since {
                anchor: p
                    .anchor
                    .clone()
                    .or_else(|| p.date_start.map(|s| src.original(s, whole.end()).1))
                    .unwrap_or_default(),
                date: if rule.mode == Mode::Since {
                    calendar(p, rule, lex, reference)
                        .and_then(|c| c.resolved)
                        .map(|r| r.start)
                } else {
                    None
                },
            },
        })
    });
    if rule.window.is_some() && window.is_none() {
        return None;
    }
    let (span, text) = src.original(whole.start(), whole.end());
    Some(TimeExpression {
        span,
        text,
        kind,
        window,
        resolved: cal.resolved,
        weekday: p.weekday.and_then(Weekday::from_index),
        part_of_day: p.part,
        year_candidates: cal.year_candidates,
        conflict: cal.conflict,
        rule: rule.id.clone(),
    })
}
