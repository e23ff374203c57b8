//! Runs the named cases of `testdata/entities/{fr,en}.toml` through `find_entities`. Each
//! case lists entities that must be found (kind, canonical name, mention texts, role, role
//! organisation, country), texts that must not be names, and whether no person may be found.

use recoupe_extract::entities::find_entities;
use recoupe_model::entity::{Entity, EntityKind, MentionKind};
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
    input: String,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    no_person: bool,
}

#[derive(Deserialize)]
struct Expect {
    kind: String,
    canonical: String,
    #[serde(default)]
    mentions: Vec<String>,
    role: Option<String>,
    organisation: Option<String>,
    country: Option<String>,
    #[serde(default)]
    absent: Vec<String>,
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Place => "place",
        EntityKind::Outlet => "outlet",
        EntityKind::Group => "group",
    }
}

fn describe(entities: &[Entity]) -> String {
    entities
        .iter()
        .map(|e| {
            let m: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            let roles: Vec<&str> = e.roles.iter().map(|r| r.title.as_str()).collect();
            format!(
                "  {} {} {:?} mentions {:?} roles {:?} country {:?}",
                e.id,
                kind_name(e.kind),
                e.canonical,
                m,
                roles,
                e.country
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(case: &Case, doc: &Document, entities: &[Entity]) -> Vec<String> {
    let mut errors = Vec::new();
    for x in &case.expect {
        let Some(e) = entities
            .iter()
            .find(|e| kind_name(e.kind) == x.kind && e.canonical == x.canonical)
        else {
            errors.push(format!("no {} {:?}", x.kind, x.canonical));
            continue;
        };
        for m in &x.mentions {
            if !e.mentions.iter().any(|em| &em.text == m) {
                errors.push(format!("{:?} lacks mention {m:?}", x.canonical));
            }
        }
        for a in &x.absent {
            if e.mentions.iter().any(|em| &em.text == a) {
                errors.push(format!("{:?} has unexpected mention {a:?}", x.canonical));
            }
        }
        if let Some(role) = &x.role
            && !e.roles.iter().any(|r| &r.title == role)
        {
            errors.push(format!("{:?} lacks role {role:?}", x.canonical));
        }
        if let Some(org) = &x.organisation {
            let ok = e.roles.iter().any(|r| {
                r.organisation.as_ref().is_some_and(|id| {
                    entities
                        .iter()
                        .any(|o| &o.id == id && (&o.canonical == org || o.aliases.contains(org)))
                })
            });
            if !ok {
                errors.push(format!("{:?} lacks role organisation {org:?}", x.canonical));
            }
        }
        if x.country.is_some() && e.country != x.country {
            errors.push(format!(
                "{:?} country {:?}, expected {:?}",
                x.canonical, e.country, x.country
            ));
        }
    }
    for a in &case.absent {
        let named = entities
            .iter()
            .flat_map(|e| &e.mentions)
            .any(|m| &m.text == a && matches!(m.kind, MentionKind::Name | MentionKind::Acronym));
        if named {
            errors.push(format!("{a:?} must not be a name"));
        }
    }
    if case.no_person && entities.iter().any(|e| e.kind == EntityKind::Person) {
        errors.push("no person expected".to_owned());
    }
    // Every mention's text is the original text under its span.
    for m in entities.iter().flat_map(|e| &e.mentions) {
        if m.span.slice(&doc.text) != m.text {
            errors.push(format!("mention {:?} does not match its span", m.text));
        }
    }
    errors
}

fn run(lang: &str) {
    let path = format!(
        "{}/testdata/entities/{lang}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("test data file");
    let file: File = toml::from_str(&text).expect("valid test data");
    let config = TextConfig {
        lang: recoupe_model::Lang::parse(lang),
    };
    let mut failures = Vec::new();
    for case in &file.case {
        let input = InputDocument {
            text: case.input.clone(),
            ..InputDocument::default()
        };
        let doc = prepare(input, &config);
        let entities = find_entities(&doc);
        let errors = check(case, &doc, &entities);
        if !errors.is_empty() {
            failures.push(format!(
                "case {}:\n  - {}\n found:\n{}",
                case.name,
                errors.join("\n  - "),
                describe(&entities)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
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
