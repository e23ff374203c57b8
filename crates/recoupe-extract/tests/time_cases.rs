//! Runs the named cases of `testdata/time/<lang>.toml` through `find_times` and reports every
//! mismatch before failing.

use chrono::NaiveDate;
use recoupe_extract::time::find_times;
use recoupe_model::Lang;
use recoupe_model::time::TimeExpression;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    reference: Option<NaiveDate>,
    #[serde(default)]
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    text: String,
    kind: String,
    window: Option<String>,
    start: Option<String>,
    end: Option<String>,
    granularity: Option<String>,
    rule: Option<String>,
    conflict: Option<bool>,
}

fn json_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn check(exp: &Expect, got: &TimeExpression) -> Vec<String> {
    let mut errs = Vec::new();
    if got.text != exp.text {
        errs.push(format!("text {:?} != {:?}", got.text, exp.text));
    }
    if json_str(&got.kind) != exp.kind {
        errs.push(format!("kind {:?} != {}", got.kind, exp.kind));
    }
    if let Some(w) = &exp.window {
        let got_w = got
            .window
            .as_ref()
            .and_then(|w| serde_json::to_value(w).ok())
            .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned));
        if got_w.as_deref() != Some(w.as_str()) {
            errs.push(format!("window {:?} != {w}", got.window));
        }
    }
    let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    if let Some(s) = &exp.start {
        let got_s = got.resolved.as_ref().map(|r| fmt(r.start));
        if (s == "none" && got_s.is_some()) || (s != "none" && got_s.as_deref() != Some(s)) {
            errs.push(format!("start {got_s:?} != {s}"));
        }
    }
    if let Some(e) = &exp.end {
        let got_e = got.resolved.as_ref().map(|r| fmt(r.end));
        if got_e.as_deref() != Some(e.as_str()) {
            errs.push(format!("end {got_e:?} != {e}"));
        }
    }
    if let Some(g) = &exp.granularity {
        let got_g = got.resolved.as_ref().map(|r| json_str(&r.granularity));
        if got_g.as_deref() != Some(g.as_str()) {
            errs.push(format!("granularity {got_g:?} != {g}"));
        }
    }
    if let Some(r) = &exp.rule
        && !got.rule.ends_with(r.as_str())
    {
        errs.push(format!("rule {} does not end with {r}", got.rule));
    }
    if let Some(c) = exp.conflict
        && got.conflict.is_some() != c
    {
        errs.push(format!("conflict {:?}, expected {c}", got.conflict));
    }
    errs
}

fn run(lang: Lang, data: &str) -> (usize, Vec<String>) {
    let file: File = toml::from_str(data).unwrap_or_else(|e| panic!("{lang:?} cases: {e}"));
    let mut failures = Vec::new();
    for case in &file.case {
        let got = find_times(&case.input, lang, case.reference);
        let mut errs = Vec::new();
        if got.len() != case.expect.len() {
            errs.push(format!(
                "expected {} expressions, got {:?}",
                case.expect.len(),
                got.iter().map(|g| g.text.as_str()).collect::<Vec<_>>()
            ));
        }
        for (exp, g) in case.expect.iter().zip(&got) {
            errs.extend(check(exp, g));
        }
        for g in &got {
            if g.span.slice(&case.input) != g.text {
                errs.push(format!("span {:?} does not slice to {:?}", g.span, g.text));
            }
        }
        if !errs.is_empty() {
            failures.push(format!(
                "{}/{}: {}",
                lang.code(),
                case.name,
                errs.join("; ")
            ));
        }
    }
    (file.case.len(), failures)
}

#[test]
fn named_cases() {
    let mut all = Vec::new();
    let mut total = 0;
    for (lang, data) in [
        (Lang::Fr, include_str!("../testdata/time/fr.toml")),
        (Lang::En, include_str!("../testdata/time/en.toml")),
    ] {
        let (n, f) = run(lang, data);
        total += n;
        all.extend(f);
    }
    for f in &all {
        eprintln!("FAIL {f}");
    }
    assert!(all.is_empty(), "{} of {total} time cases failed", all.len());
}
