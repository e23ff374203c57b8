//! Date arithmetic the resolver needs: moving by units, the bounds of weeks, months and years,
//! and the years in which a day of a month falls on a given weekday.

use chrono::{Datelike, Days, Months, NaiveDate};
use recoupe_model::time::TimeUnit;

/// `date` moved by `n` units (negative: back). Hours and minutes move by whole days
/// (a news date has no time of day). `None` when out of chrono's range.
pub(crate) fn shift(date: NaiveDate, n: i64, unit: TimeUnit) -> Option<NaiveDate> {
    let days = |d: i64| {
        if d >= 0 {
            date.checked_add_days(Days::new(d as u64))
        } else {
            date.checked_sub_days(Days::new(d.unsigned_abs()))
        }
    };
    let months = |m: i64| {
        let k = u32::try_from(m.unsigned_abs()).ok()?;
        if m >= 0 {
            date.checked_add_months(Months::new(k))
        } else {
            date.checked_sub_months(Months::new(k))
        }
    };
    match unit {
        TimeUnit::Minute => days(n / (24 * 60)),
        TimeUnit::Hour => days(n / 24),
        TimeUnit::Day => days(n),
        TimeUnit::Week => days(n.checked_mul(7)?),
        TimeUnit::Month => months(n),
        TimeUnit::Year => months(n.checked_mul(12)?),
    }
}

/// How many days back a window of `n` units reaches: 24 hours reach the day before.
pub(crate) fn span_back(date: NaiveDate, n: i64, unit: TimeUnit) -> Option<NaiveDate> {
    match unit {
        TimeUnit::Hour => shift(date, -((n + 23) / 24), TimeUnit::Day),
        TimeUnit::Minute => Some(date),
        u => shift(date, -n, u),
    }
}

/// The first and last day of the week (Monday to Sunday), month or year containing `date`.
pub(crate) fn bounds(date: NaiveDate, unit: TimeUnit) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        TimeUnit::Week => {
            let start = shift(
                date,
                -i64::from(date.weekday().num_days_from_monday()),
                TimeUnit::Day,
            )?;
            Some((start, shift(start, 6, TimeUnit::Day)?))
        }
        TimeUnit::Month => month_bounds(date.year(), date.month()),
        TimeUnit::Year => Some((
            NaiveDate::from_ymd_opt(date.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(date.year(), 12, 31)?,
        )),
        _ => Some((date, date)),
    }
}

/// From the first day of month `m` of `year` to the last day of the `count`th month (which may
/// fall in the next year: a winter from December to February).
pub(crate) fn months_span(year: i32, m: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, m, 1)?;
    let last = shift(start, i64::from(count.checked_sub(1)?), TimeUnit::Month)?;
    Some((start, month_bounds(last.year(), last.month())?.1))
}

pub(crate) fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first
        .checked_add_months(Months::new(1))?
        .checked_sub_days(Days::new(1))?;
    Some((first, last))
}

/// Whether day `d` of month `m` exists in some year (29 February does).
pub(crate) fn valid_day_month(d: u32, m: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, m, d).is_some()
}

/// The year, among the year before, of and after `reference`, that puts day/month closest to
/// it; ties go to the past (news reports what happened).
pub(crate) fn nearest_year(d: u32, m: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let y = reference.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|c| {
            let gap = (*c - reference).num_days();
            (gap.abs(), gap > 0)
        })
}

/// Years in `range` (inclusive, any order) in which day/month falls on weekday `wd`
/// (Monday = 0), ordered by distance to `centre`, most recent first on ties.
pub(crate) fn weekday_years(d: u32, m: u32, wd: usize, lo: i32, hi: i32, centre: i32) -> Vec<i32> {
    let mut years: Vec<i32> = (lo..=hi)
        .filter(|y| {
            NaiveDate::from_ymd_opt(*y, m, d)
                .is_some_and(|date| date.weekday().num_days_from_monday() as usize == wd)
        })
        .collect();
    years.sort_by_key(|y| ((y - centre).abs(), -y));
    years
}

/// The `nth` (1-based) weekday `wd` of a month; `None` when the month has no such day.
pub(crate) fn nth_weekday(year: i32, month: u32, wd: usize, nth: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (wd as i64 - i64::from(first.weekday().num_days_from_monday())).rem_euclid(7);
    let day = shift(first, offset + 7 * (i64::from(nth) - 1), TimeUnit::Day)?;
    (day.month() == month).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn saturday_tenth_of_december() {
        let years = weekday_years(10, 12, 5, 2006, 2026, 2016);
        assert_eq!(years.first(), Some(&2016));
        assert!(years.contains(&2022));
    }

    #[test]
    fn nearest_year_prefers_the_closest() {
        assert_eq!(nearest_year(14, 12, d(2016, 12, 15)), Some(d(2016, 12, 14)));
        assert_eq!(nearest_year(2, 1, d(2016, 12, 30)), Some(d(2017, 1, 2)));
    }

    #[test]
    fn first_friday_of_july_2016() {
        assert_eq!(nth_weekday(2016, 7, 4, 1), Some(d(2016, 7, 1)));
        assert_eq!(nth_weekday(2015, 2, 0, 5), None);
    }
}
