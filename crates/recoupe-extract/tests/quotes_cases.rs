//! Runs the named cases of `testdata/quotes/<lang>.toml`: every speech item a case lists must
//! be found (kind, content, speaker mention, cue lemma), and nothing else.

use recoupe_extract::quotes::find_speech;
use recoupe_model::speech::{Speech, SpeechKind};
use recoupe_model::{Document, InputDocument};
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
    lang: Option<String>,
    #[serde(default)]
    expect: Vec<Expect>,
}

#[derive(Deserialize, Debug)]
struct Expect {
    kind: String,
    content: String,
    speaker: String,
    cue: String,
}

fn kind_name(k: SpeechKind) -> &'static str {
    match k {
        SpeechKind::Direct => "direct",
        SpeechKind::Partial => "partial",
        SpeechKind::Block => "block",
        SpeechKind::Reported => "reported",
        SpeechKind::Document => "document",
    }
}

fn describe(doc: &Document, s: &Speech) -> String {
    format!(
        "{} {:?} <- {:?} cue {:?} [{}]",
        kind_name(s.kind),
        s.content.slice(&doc.text),
        s.speaker.as_ref().map(|m| m.text.as_str()).unwrap_or(""),
        s.cue.as_ref().map(|c| c.lemma.as_str()).unwrap_or(""),
        s.rule
    )
}

fn run(lang: &str) {
    let path = format!("{}/testdata/quotes/{lang}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file");
    let file: File = toml::from_str(&text).expect("case file parses");
    let mut failures = Vec::new();
    for case in &file.case {
        let input = InputDocument {
            text: case.text.clone(),
            lang: Some(case.lang.clone().unwrap_or_else(|| lang.to_owned())),
            ..Default::default()
        };
        let doc = prepare(input, &TextConfig::default());
        let found = find_speech(&doc);
        let got: Vec<String> = found.iter().map(|s| describe(&doc, s)).collect();
        let mut ok = found.len() == case.expect.len();
        for e in &case.expect {
            let hit = found.iter().any(|s| {
                kind_name(s.kind) == e.kind
                    && s.content.slice(&doc.text) == e.content
                    && s.speaker.as_ref().map(|m| m.text.as_str()).unwrap_or("") == e.speaker
                    && s.cue.as_ref().map(|c| c.lemma.as_str()).unwrap_or("") == e.cue
            });
            ok &= hit;
        }
        if !ok {
            failures.push(format!(
                "case {}:\n  expected {:?}\n  got {:#?}",
                case.name, case.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        file.case.len(),
        failures.join("\n")
    );
}

#[test]
fn french_cases() {
    run("fr");
}

#[test]
fn english_cases() {
    run("en");
}
