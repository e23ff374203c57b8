//! Reading publication dates: RFC 3339, RFC 2822, ISO variants without a zone or with a
//! compact one, and plain dates. Values without a zone are read as UTC; day-first dates with
//! slashes are read only when they cannot be month-first.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use recoupe_model::Diagnostic;

use crate::problem::code;

const WITH_ZONE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
];

const NAIVE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];

const DATES: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d.%m.%Y"];

/// Parses a date as found in metadata; `None` when no known form matches.
pub(crate) fn parse(value: &str) -> Option<DateTime<FixedOffset>> {
    let s = value.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d);
    }
    // `Z` is a zone too, but `%z` does not read it.
    let zoned = s
        .strip_suffix('Z')
        .or_else(|| s.strip_suffix(" UTC"))
        .or_else(|| s.strip_suffix(" GMT"));
    if let Some(naive) = zoned {
        return parse_naive(naive).map(|d| d.fixed_offset());
    }
    for f in WITH_ZONE {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    parse_naive(s).map(|d| d.fixed_offset())
}

fn parse_naive(s: &str) -> Option<DateTime<Utc>> {
    for f in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    let date = DATES
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .or_else(|| day_first_slashes(s))?;
    date.and_hms_opt(0, 0, 0).map(|d| Utc.from_utc_datetime(&d))
}

/// `14/12/2016`, read only when the first number is over 12 (else it could be month-first).
fn day_first_slashes(s: &str) -> Option<NaiveDate> {
    let date = NaiveDate::parse_from_str(s, "%d/%m/%Y").ok()?;
    let day: u32 = s.split('/').next()?.parse().ok()?;
    (day > 12).then_some(date)
}

/// The warning for a date field that could not be read; the caller keeps the raw value in
/// the metadata under `key`.
pub(crate) fn unparsed_warning(
    key: &str,
    raw: &str,
    source: &str,
    record: Option<&str>,
) -> Diagnostic {
    let mut d = Diagnostic::warning(
        code::UNPARSED_DATE,
        format!("could not read the date in `{key}` ({raw:?}); kept in metadata"),
    )
    .with_source(source);
    if let Some(r) = record {
        d = d.with_record(r);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse(s).map(|d| d.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn forms() {
        assert_eq!(
            iso("2016-12-14T10:23:00+01:00"),
            "2016-12-14T10:23:00+01:00"
        );
        assert_eq!(iso("2016-12-14T10:23:00Z"), "2016-12-14T10:23:00+00:00");
        assert_eq!(iso("2016-12-14T10:23:00+0100"), "2016-12-14T10:23:00+01:00");
        assert_eq!(iso("2016-12-14 10:23:00"), "2016-12-14T10:23:00+00:00");
        assert_eq!(iso("2016-12-14"), "2016-12-14T00:00:00+00:00");
        assert_eq!(iso("2016/12/14"), "2016-12-14T00:00:00+00:00");
        assert_eq!(iso("14/12/2016"), "2016-12-14T00:00:00+00:00");
        assert_eq!(iso("14.12.2016"), "2016-12-14T00:00:00+00:00");
        assert_eq!(
            iso("Wed, 14 Dec 2016 10:23:00 +0100"),
            "2016-12-14T10:23:00+01:00"
        );
        assert_eq!(
            iso("2016-12-14T10:23:00.123Z"),
            "2016-12-14T10:23:00.123+00:00"
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(parse("03/04/2016"), None, "ambiguous day/month");
        assert_eq!(parse("mercredi dernier"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("2016-13-45"), None);
    }
}
