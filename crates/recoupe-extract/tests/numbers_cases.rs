//! Runs the named cases of `testdata/numbers/{fr,en}.toml` through `find_quantities`.
//! Each case lists every quantity expected in its input, in order; only the fields a case
//! gives are checked.

use recoupe_extract::numbers::find_quantities;
use recoupe_model::Lang;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    text: String,
    value: Option<f64>,
    best: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Option<String>,
    unit: Option<String>,
    kind: Option<toml::Value>,
    is_figure: Option<bool>,
    rule: Option<String>,
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

fn run(lang: Lang) {
    let path = format!(
        "{}/testdata/numbers/{}.toml",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(&path).expect("testdata file");
    let file: File = toml::from_str(&text).expect("valid testdata");
    let mut failures = Vec::new();
    for case in &file.case {
        let got = find_quantities(&case.input, lang);
        let mut problems = Vec::new();
        let texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
        let want: Vec<&str> = case.expect.iter().map(|e| e.text.as_str()).collect();
        if texts != want {
            problems.push(format!("texts {texts:?}, expected {want:?}"));
        }
        for (e, q) in case.expect.iter().zip(&got) {
            if e.text != q.text {
                continue;
            }
            let json = serde_json::to_value(q).unwrap_or_default();
            for (field, want, have) in [
                ("value", e.value, q.value),
                ("best", e.best, q.best),
                ("low", e.low, q.low),
                ("high", e.high, q.high),
            ] {
                if let Some(w) = want
                    && !close(have, w)
                {
                    problems.push(format!("{}: {field} {have:?}, expected {w}", e.text));
                }
            }
            if let Some(w) = &e.qualifier
                && json["qualifier"] != *w.as_str()
            {
                problems.push(format!(
                    "{}: qualifier {}, expected {w}",
                    e.text, json["qualifier"]
                ));
            }
            if let Some(w) = &e.unit
                && q.unit.as_ref().map(|u| u.id.as_str()) != Some(w.as_str())
            {
                problems.push(format!("{}: unit {:?}, expected {w}", e.text, q.unit));
            }
            if let Some(w) = &e.kind {
                let w = serde_json::to_value(w).unwrap_or_default();
                if json["kind"] != w {
                    problems.push(format!("{}: kind {}, expected {w}", e.text, json["kind"]));
                }
            }
            if let Some(w) = e.is_figure
                && q.is_figure != w
            {
                problems.push(format!(
                    "{}: is_figure {}, expected {w}",
                    e.text, q.is_figure
                ));
            }
            if let Some(w) = &e.rule
                && &q.rule != w
            {
                problems.push(format!("{}: rule {}, expected {w}", e.text, q.rule));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "[{}] {:?}\n    {}",
                case.name,
                case.input,
                problems.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {} cases fail:\n{}",
        failures.len(),
        file.case.len(),
        lang.code(),
        failures.join("\n")
    );
}

#[test]
fn french_cases() {
    run(Lang::Fr);
}

#[test]
fn english_cases() {
    run(Lang::En);
}
