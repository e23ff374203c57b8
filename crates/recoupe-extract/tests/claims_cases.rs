//! Data-driven claims cases (`testdata/claims/<lang>.toml`): each text goes through prepare
//! and annotate, and the claims found must say what the case expects.

use recoupe_extract::annotate;
use recoupe_model::claim::Claim;
use recoupe_model::{Document, InputDocument, Lang};
use recoupe_text::{TextConfig, prepare};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    claim: Vec<Expected>,
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Deserialize)]
struct Expected {
    figure: String,
    category: Option<String>,
    /// The counted noun as written ("" for none).
    counted: Option<String>,
    predicate: Option<String>,
    /// The predicate as written ("" for none).
    predicate_text: Option<String>,
    modality: Option<String>,
    window: Option<String>,
    part_of: Option<String>,
    how: Option<String>,
    speaker: Option<String>,
    organisation: Option<String>,
    place: Option<String>,
    /// The figure's unit id ("" for none).
    unit: Option<String>,
    /// The figure's best value.
    value: Option<f64>,
}

fn label<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn check(doc: &Document, e: &Expected, errors: &mut Vec<String>) {
    let claims = &doc.annotations.claims;
    let Some(c) = claims.iter().find(|c| c.figure.text == e.figure) else {
        errors.push(format!("no claim for {:?}", e.figure));
        return;
    };
    let mut expect = |field: &str, want: &Option<String>, got: String| {
        if let Some(w) = want
            && *w != got
        {
            errors.push(format!("{:?}: {field} {got:?}, expected {w:?}", e.figure));
        }
    };
    expect(
        "category",
        &e.category,
        c.counted
            .as_ref()
            .map(|x| x.category.clone())
            .unwrap_or_default(),
    );
    expect(
        "predicate",
        &e.predicate,
        c.predicate
            .as_ref()
            .map(|x| x.category.clone())
            .unwrap_or_default(),
    );
    expect(
        "counted",
        &e.counted,
        c.counted
            .as_ref()
            .map(|x| x.text.clone())
            .unwrap_or_default(),
    );
    expect(
        "predicate text",
        &e.predicate_text,
        c.predicate
            .as_ref()
            .map(|x| x.text.clone())
            .unwrap_or_default(),
    );
    expect(
        "modality",
        &e.modality,
        c.predicate
            .as_ref()
            .map(|x| label(&x.modality))
            .unwrap_or_default(),
    );
    expect("window", &e.window, label(&c.time.kind));
    expect("unit", &e.unit, c.figure.unit.clone().unwrap_or_default());
    expect(
        "value",
        &e.value.map(|v| v.to_string()),
        c.figure.best.map(|v| v.to_string()).unwrap_or_default(),
    );
    expect("how", &e.how, label(&c.attribution.how));
    expect(
        "speaker",
        &e.speaker,
        c.attribution.speaker.clone().unwrap_or_default(),
    );
    expect(
        "organisation",
        &e.organisation,
        c.attribution.organisation.clone().unwrap_or_default(),
    );
    expect(
        "place",
        &e.place,
        c.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
    );
    let parent = |c: &Claim| {
        c.part_of
            .and_then(|p| claims.get(p))
            .map(|p| p.figure.text.clone())
            .unwrap_or_default()
    };
    expect("part_of", &e.part_of, parent(c));
}

fn run(lang: &str) {
    let path = format!("{}/testdata/claims/{lang}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("test data file");
    let file: File = toml::from_str(&text).expect("valid test data");
    let config = TextConfig {
        lang: Lang::parse(lang),
    };
    let mut failures = Vec::new();
    for case in &file.case {
        let input = InputDocument {
            text: case.text.clone(),
            ..InputDocument::default()
        };
        let mut doc = prepare(input, &config);
        annotate(&mut doc);
        let mut errors = Vec::new();
        for e in &case.claim {
            check(&doc, e, &mut errors);
        }
        for a in &case.absent {
            if doc
                .annotations
                .claims
                .iter()
                .any(|c| c.figure.text.contains(a.as_str()))
            {
                errors.push(format!("{a:?} must give no claim"));
            }
        }
        if !errors.is_empty() {
            let found: Vec<String> = doc
                .annotations
                .claims
                .iter()
                .map(|c| format!("{c:?}"))
                .collect();
            failures.push(format!(
                "case {}:\n  - {}\n  found: {}",
                case.name,
                errors.join("\n  - "),
                found.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn french_cases() {
    run("fr");
}

#[test]
fn english_cases() {
    run("en");
}

#[test]
fn data_files_parse() {
    for lang in [Lang::Fr, Lang::En] {
        recoupe_extract::claims::data_is_valid(lang).expect("claims data parses");
    }
}
