//! Runs the named cases of `testdata/entities/coref-{fr,en}.toml`: each case names mentions
//! (a description, a pronoun, a short form, as a quotation's speaker line would hold them)
//! and the entity each must resolve to, linked as the annotation stage links a speaker: the
//! entity listing the mention, else [`resolve_mention`].

use recoupe_extract::entities::{entity_at, find_entities, resolve_mention};
use recoupe_model::{InputDocument, Span};
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
    resolve: Vec<Resolve>,
}

#[derive(Deserialize)]
struct Resolve {
    /// The mention as written.
    mention: String,
    /// Its 1-based rank among the exact matches in the text.
    #[serde(default = "first")]
    occurrence: usize,
    /// Canonical name of the entity it must resolve to, "" for none.
    entity: String,
}

fn first() -> usize {
    1
}

fn nth(text: &str, needle: &str, n: usize) -> Option<Span> {
    let (start, _) = text.match_indices(needle).nth(n.checked_sub(1)?)?;
    Some(Span::new(start, start + needle.len()))
}

fn run(lang: &str) {
    let path = format!(
        "{}/testdata/entities/coref-{lang}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("case file");
    let file: File = toml::from_str(&text).expect("case file parses");
    let config = TextConfig {
        lang: recoupe_model::Lang::parse(lang),
    };
    let mut failures = Vec::new();
    for case in &file.case {
        let input = InputDocument {
            text: case.text.clone(),
            ..InputDocument::default()
        };
        let doc = prepare(input, &config);
        let entities = find_entities(&doc);
        for r in &case.resolve {
            let Some(span) = nth(&doc.text, &r.mention, r.occurrence) else {
                failures.push(format!(
                    "case {}: {:?} not in the text",
                    case.name, r.mention
                ));
                continue;
            };
            let id = entity_at(&entities, span)
                .map(|e| e.id.clone())
                .or_else(|| resolve_mention(&doc, &entities, span));
            let got = id
                .and_then(|id| entities.iter().find(|e| e.id == id))
                .map_or("", |e| e.canonical.as_str());
            if got != r.entity {
                let all: Vec<String> = entities
                    .iter()
                    .map(|e| format!("{} {:?} roles {:?}", e.id, e.canonical, e.roles))
                    .collect();
                failures.push(format!(
                    "case {}: {:?} (#{}) resolved to {got:?}, expected {:?}\n  entities: {:#?}",
                    case.name, r.mention, r.occurrence, r.entity, all
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing resolution(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn french_coreference_cases() {
    run("fr");
}

#[test]
fn english_coreference_cases() {
    run("en");
}
