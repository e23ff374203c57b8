//! Runs Microsoft Recognizers-Text's date specs (French and English) through `find_times` and
//! counts passes, separately for cases their own .NET implementation supports and those it
//! does not. Shared by `tests/conformance_time.rs` and `examples/time_conformance.rs`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use recoupe_extract::time::find_times;
use recoupe_model::Lang;
use recoupe_model::time::TimeExpression;
use serde::Deserialize;
use serde_json::Value;

/// The spec folder, or `None` when ../shared is not there.
pub fn spec_dir() -> Option<PathBuf> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/conformance/recognizers-text/Specs/DateTime"
    ));
    dir.is_dir().then(|| dir.to_path_buf())
}

#[derive(Deserialize)]
struct Mapping {
    leading_words: Vec<String>,
    trailing_chars: String,
}

fn mapping() -> Mapping {
    toml::from_str(include_str!("../../testdata/time/conformance.toml"))
        .unwrap_or_else(|e| panic!("conformance.toml: {e}"))
}

/// Pass counts of one spec file.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub file: String,
    pub supported: (usize, usize, usize),
    pub unsupported: (usize, usize, usize),
}

impl Score {
    pub fn strict_rate(&self) -> f64 {
        rate(self.supported.0, self.supported.2)
    }
    pub fn relaxed_rate(&self) -> f64 {
        rate(self.supported.1, self.supported.2)
    }
}

fn rate(pass: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * pass as f64 / total as f64
    }
}

/// A case failed, for the report of disagreements.
#[derive(Debug, Clone)]
pub struct Failure {
    pub file: String,
    pub supported: bool,
    pub input: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
    /// Passes once leading function words and trailing punctuation are dropped.
    pub relaxed_pass: bool,
}

fn supported(case: &Value) -> bool {
    let says_dotnet = |k: &str| {
        case.get(k)
            .and_then(Value::as_str)
            .is_some_and(|s| s.to_lowercase().contains("dotnet"))
    };
    !says_dotnet("NotSupported") && !says_dotnet("NotSupportedByDesign")
}

fn reference(case: &Value) -> Option<NaiveDate> {
    let s = case.get("Context")?.get("ReferenceDateTime")?.as_str()?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// (start in chars, text) of an expected result.
fn expected_spans(case: &Value) -> Vec<(usize, String)> {
    case.get("Results")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter()
                .filter_map(|r| {
                    Some((
                        r.get("Start")?.as_u64()? as usize,
                        r.get("Text")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ours(input: &str, e: &TimeExpression) -> (usize, String) {
    let start = input.get(..e.span.start).map_or(0, |s| s.chars().count());
    (start, e.text.clone())
}

/// Drops leading function words and trailing punctuation, moving the start accordingly.
fn relax(m: &Mapping, (mut start, text): (usize, String)) -> (usize, String) {
    let mut t = text.to_lowercase().replace('’', "'");
    loop {
        let before = t.clone();
        for w in &m.leading_words {
            let with_space = format!("{w} ");
            for prefix in [with_space.as_str(), w.as_str()] {
                if (prefix.ends_with(' ') || prefix.ends_with('\''))
                    && t.len() > prefix.len()
                    && t.starts_with(prefix)
                {
                    start += prefix.chars().count();
                    t = t[prefix.len()..].to_owned();
                }
            }
        }
        let trimmed = t.trim_start();
        start += t.chars().count() - trimmed.chars().count();
        t = trimmed.to_owned();
        if t == before {
            break;
        }
    }
    let t = t
        .trim_end_matches(|c| m.trailing_chars.contains(c))
        .to_owned();
    (start, t)
}

fn same_set(a: &[(usize, String)], b: &[(usize, String)]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

fn date_of(v: &Value, key: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(key)?.as_str()?.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether our resolution of `e` agrees with one of theirs (future or past reading).
fn resolution_agrees(result: &Value, e: &TimeExpression) -> bool {
    let Some(r) = &e.resolved else { return false };
    let Some(value) = result.get("Value") else {
        return false;
    };
    ["FutureResolution", "PastResolution"].iter().any(|k| {
        let Some(res) = value.get(*k) else {
            return false;
        };
        if let Some(d) = date_of(res, "date") {
            return r.start == d && r.end == d;
        }
        match (date_of(res, "startDate"), date_of(res, "endDate")) {
            // Their end is exclusive for calendar periods, inclusive for explicit ranges.
            (Some(s), Some(end)) => r.start == s && (r.end == end || r.end.succ_opt() == Some(end)),
            _ => false,
        }
    })
}

/// Scores one spec file. Extractor files compare spans; parser files compare spans and
/// resolutions.
pub fn score_file(dir: &Path, lang_dir: &str, name: &str) -> (Score, Vec<Failure>) {
    let lang = if lang_dir == "French" {
        Lang::Fr
    } else {
        Lang::En
    };
    let m = mapping();
    let path = dir.join(lang_dir).join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let cases: Vec<Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or_default();
    let parser = name.ends_with("Parser");
    let mut score = Score {
        file: format!("{lang_dir}/{name}"),
        ..Score::default()
    };
    let mut failures = Vec::new();
    for case in &cases {
        let Some(input) = case.get("Input").and_then(Value::as_str) else {
            continue;
        };
        let found = find_times(input, lang, reference(case));
        let expected = expected_spans(case);
        let got: Vec<(usize, String)> = found.iter().map(|e| ours(input, e)).collect();
        let strict_spans = same_set(&expected, &got);
        let exp_r: Vec<_> = expected.iter().cloned().map(|s| relax(&m, s)).collect();
        let got_r: Vec<_> = got.iter().cloned().map(|s| relax(&m, s)).collect();
        let relaxed_spans = same_set(&exp_r, &got_r);
        let resolutions_ok = !parser || {
            let results = case
                .get("Results")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            results.iter().zip(&exp_r).all(|(res, span)| {
                found
                    .iter()
                    .zip(&got_r)
                    .any(|(e, g)| g == span && resolution_agrees(res, e))
            })
        };
        let strict = strict_spans && resolutions_ok;
        let relaxed = relaxed_spans && resolutions_ok;
        let tally = if supported(case) {
            &mut score.supported
        } else {
            &mut score.unsupported
        };
        tally.0 += usize::from(strict);
        tally.1 += usize::from(relaxed);
        tally.2 += 1;
        if !strict {
            failures.push(Failure {
                relaxed_pass: relaxed,
                file: score.file.clone(),
                supported: supported(case),
                input: input.to_owned(),
                expected: expected.iter().map(|e| e.1.clone()).collect(),
                got: got.iter().map(|g| g.1.clone()).collect(),
            });
        }
    }
    (score, failures)
}

pub const FILES: [&str; 4] = [
    "DateExtractor",
    "DatePeriodExtractor",
    "DateParser",
    "DatePeriodParser",
];

/// Every file of both languages.
pub fn score_all(dir: &Path) -> (Vec<Score>, Vec<Failure>) {
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    for lang in ["French", "English"] {
        for name in FILES {
            let (s, f) = score_file(dir, lang, name);
            scores.push(s);
            failures.extend(f);
        }
    }
    (scores, failures)
}

/// The table as Markdown.
pub fn table(scores: &[Score]) -> String {
    let mut out = String::from(
        "| file | supported strict | supported relaxed | unsupported strict | unsupported relaxed |\n|---|---|---|---|---|\n",
    );
    let cell = |p: usize, t: usize| format!("{p}/{t} ({:.1} %)", rate(p, t));
    for s in scores {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            s.file,
            cell(s.supported.0, s.supported.2),
            cell(s.supported.1, s.supported.2),
            cell(s.unsupported.0, s.unsupported.2),
            cell(s.unsupported.1, s.unsupported.2),
        ));
    }
    out
}
