//! Runs the named cases of `testdata/<stage>/<lang>.toml`, one test per stage.

use std::path::{Path, PathBuf};

use recoupe_model::{Document, EmbedKind, InputDocument, Lang, OutletOrigin, Source};
use recoupe_text::{TextConfig, check_document, detect_language, normalize, prepare};
use serde::Deserialize;

#[derive(Deserialize)]
struct File<T> {
    case: Vec<T>,
}

fn cases<T: for<'de> Deserialize<'de>>(stage: &str) -> Vec<(PathBuf, T)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(stage);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: File<T> =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.extend(file.case.into_iter().map(|c| (path.clone(), c)));
    }
    assert!(!out.is_empty(), "no cases for {stage}");
    out
}

/// The language of a case file (`fr.toml` → French; `common.toml` → none forced).
fn file_lang(path: &Path) -> Option<Lang> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| match s {
            "common" => None,
            s => Lang::parse(s),
        })
}

fn run(
    input: &str,
    lang: Option<Lang>,
    title: Option<&str>,
    outlet: Option<&str>,
    url: Option<&str>,
) -> Document {
    let doc = prepare(
        InputDocument {
            source: Source {
                url: url.map(str::to_owned),
                ..Source::default()
            },
            title: title.map(str::to_owned),
            outlet: outlet.map(str::to_owned),
            text: input.to_owned(),
            ..InputDocument::default()
        },
        &TextConfig { lang },
    );
    let problems = check_document(&doc);
    assert!(problems.is_empty(), "{input:?}: {problems:#?}");
    doc
}

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences
        .iter()
        .map(|s| s.norm.slice(&doc.normalized.text))
        .collect()
}

#[derive(Deserialize)]
struct NormCase {
    name: String,
    input: String,
    expected: String,
}

#[test]
fn normalization_cases() {
    let mut failures = Vec::new();
    for (path, c) in cases::<NormCase>("normalization") {
        let got = normalize(&c.input).text;
        if got != c.expected {
            failures.push(format!(
                "{} / {}: got {got:?}, want {:?}",
                path.display(),
                c.name,
                c.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[derive(Deserialize)]
struct SentenceCase {
    name: String,
    input: String,
    sentences: Vec<String>,
}

#[test]
fn sentence_cases() {
    let mut failures = Vec::new();
    for (path, c) in cases::<SentenceCase>("sentences") {
        let doc = run(&c.input, file_lang(&path), None, None, None);
        let got = sentences(&doc);
        if got != c.sentences {
            failures.push(format!("{} / {}: got {got:#?}", path.display(), c.name));
        }
        // The original text of each sentence, normalized, is the sentence.
        for s in &doc.sentences {
            assert_eq!(
                normalize(s.span.slice(&doc.text)).text,
                s.norm.slice(&doc.normalized.text)
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[derive(Deserialize)]
struct BoilerplateCase {
    name: String,
    input: String,
    title: Option<String>,
    removed: Vec<String>,
    sentences: Vec<String>,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    tweets: Vec<String>,
}

#[test]
fn boilerplate_cases() {
    let mut failures = Vec::new();
    for (path, c) in cases::<BoilerplateCase>("boilerplate") {
        let doc = run(&c.input, file_lang(&path), c.title.as_deref(), None, None);
        let removed: Vec<String> = doc
            .removed
            .iter()
            .map(|r| format!("{}: {}", r.kind, r.span.slice(&doc.text)))
            .collect();
        let links: Vec<&str> = doc
            .embeds
            .iter()
            .filter(|e| e.kind == EmbedKind::Link)
            .filter_map(|e| e.text.as_deref())
            .collect();
        let tweets: Vec<String> = doc
            .embeds
            .iter()
            .filter(|e| e.kind == EmbedKind::Tweet)
            .map(|e| {
                let f = |x: &Option<String>| x.clone().unwrap_or_default();
                format!(
                    "{}|{}|{}|{}",
                    f(&e.author),
                    f(&e.handle),
                    f(&e.date_text),
                    f(&e.text)
                )
            })
            .collect();
        let got = (removed, sentences(&doc), links, tweets);
        let want = (
            c.removed,
            c.sentences.iter().map(String::as_str).collect::<Vec<_>>(),
            c.links.iter().map(String::as_str).collect::<Vec<_>>(),
            c.tweets,
        );
        if got.0 != want.0 || got.1 != want.1 || got.2 != want.2 || got.3 != want.3 {
            failures.push(format!("{} / {}: got {got:#?}", path.display(), c.name));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[derive(Deserialize)]
struct RelayCase {
    name: String,
    input: String,
    relays: Vec<String>,
    outlet: Option<String>,
    outlet_metadata: Option<String>,
    url: Option<String>,
    author: Option<String>,
}

#[test]
fn relay_cases() {
    let mut failures = Vec::new();
    for (path, c) in cases::<RelayCase>("relays") {
        let doc = run(
            &c.input,
            file_lang(&path),
            None,
            c.outlet_metadata.as_deref(),
            c.url.as_deref(),
        );
        let relays: Vec<String> = doc
            .relays
            .iter()
            .map(|r| format!("{} ({})", r.name, r.rule))
            .collect();
        let outlet = doc.outlet.as_ref().map(|o| {
            let origin = match o.origin {
                OutletOrigin::Metadata => "metadata",
                OutletOrigin::Byline => "byline",
                OutletOrigin::Url => "url",
            };
            format!("{} ({origin})", o.name)
        });
        let author = doc
            .metadata
            .get("byline_author")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if relays != c.relays || outlet != c.outlet || author != c.author {
            failures.push(format!(
                "{} / {}: got {relays:?} {outlet:?} {author:?}",
                path.display(),
                c.name
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[derive(Deserialize)]
struct LanguageCase {
    name: String,
    input: String,
    lang: String,
}

#[test]
fn language_cases() {
    let mut failures = Vec::new();
    for (path, c) in cases::<LanguageCase>("language") {
        let got = detect_language(&normalize(&c.input).text);
        if Lang::parse(&c.lang).unwrap_or(Lang::Other) != got.lang {
            failures.push(format!(
                "{} / {}: got {} ({:.2})",
                path.display(),
                c.name,
                got.lang,
                got.confidence
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
