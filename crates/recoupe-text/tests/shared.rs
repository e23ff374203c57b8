//! The real articles of `../shared`: the five seeds and the 1,122-article press corpus.
//! Skipped with a message when `../shared` is absent.

use std::path::PathBuf;

use recoupe_model::{Document, EmbedKind, InputDocument, Lang, OutletOrigin, Source};
use recoupe_text::{TextConfig, check_document, detect_language_trigrams, prepare};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared not found");
        None
    }
}

/// Prepares the seed whose file name starts with `prefix`.
fn seed(prefix: &str) -> Option<Document> {
    let dir = shared()?.join("seeds");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })?;
    let text = std::fs::read_to_string(&path).ok()?;
    let doc = prepare(
        InputDocument {
            source: Source {
                path: Some(path.display().to_string()),
                ..Source::default()
            },
            text,
            ..InputDocument::default()
        },
        &TextConfig::default(),
    );
    let problems = check_document(&doc);
    assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    assert_eq!(doc.language.lang, Lang::Fr, "{}", path.display());
    Some(doc)
}

fn kinds(doc: &Document, kind: &str) -> Vec<String> {
    doc.removed
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.span.slice(&doc.text).trim().to_owned())
        .collect()
}

fn relays(doc: &Document) -> Vec<&str> {
    doc.relays.iter().map(|r| r.name.as_str()).collect()
}

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences
        .iter()
        .map(|s| s.norm.slice(&doc.normalized.text))
        .collect()
}

fn has_sentence(doc: &Document, start: &str, end: &str) -> bool {
    sentences(doc)
        .iter()
        .any(|s| s.starts_with(start) && s.ends_with(end))
}

#[test]
fn seed_000_sources_trailer_and_quotes() {
    let Some(doc) = seed("000_") else { return };
    assert_eq!(relays(&doc), ["RT", "Sputnik", "AFP"]);
    assert_eq!(kinds(&doc, "relay-trailer"), ["Sources: RT; Sputnik; AFP"]);
    assert!(has_sentence(
        &doc,
        "En ce qui concerne le dialogue inter-syrien, M. Lavrov a en outre",
        "les négociations."
    ));
    assert!(has_sentence(
        &doc,
        "Une colonne de 8 000 personnes",
        "colossale."
    ));
    assert!(has_sentence(&doc, "(…) Il en est chargé", "autre mission."));
    assert!(!sentences(&doc).iter().any(|s| s.contains("Sources")));
}

#[test]
fn seed_001_relays() {
    let Some(doc) = seed("001_") else { return };
    assert_eq!(relays(&doc), ["Sputnik", "RT"]);
    assert!(sentences(&doc).contains(&"Dans deux ou trois jours"));
    assert!(has_sentence(
        &doc,
        "5 992 civils, y compris 2 210 enfants",
        "14 décembre."
    ));
}

#[test]
fn seed_002_euronews_furniture() {
    let Some(doc) = seed("002_") else { return };
    let outlet = doc.outlet.as_ref().map(|o| (o.name.as_str(), o.origin));
    assert_eq!(outlet, Some(("Euronews", OutletOrigin::Byline)));
    assert_eq!(kinds(&doc, "share-widget").len(), 4);
    assert_eq!(kinds(&doc, "advertisement"), ["PUBLICITÉ"]);
    assert_eq!(kinds(&doc, "duplicate-title").len(), 1);
    let related = kinds(&doc, "related-list");
    assert!(related.len() == 1 && related[0].starts_with("À découvrir également"));
    assert!(related[0].ends_with("province rebelle d'Idlib"));
    let all = sentences(&doc).join("\n");
    for gone in [
        "Partager",
        "Copy to clipboard",
        "PUBLICITÉ",
        "Idlib",
        "Tous droits",
        "Par Euronews",
    ] {
        assert!(!all.contains(gone), "{gone} left in the text");
    }
    assert!(sentences(&doc).contains(&"Il s'agit d'évoquer le retrait des combattants et l'évacuation des civils qui souhaitent.»"));
}

#[test]
fn seed_003_advertisements_and_mr() {
    let Some(doc) = seed("003_") else { return };
    assert_eq!(
        kinds(&doc, "advertisement"),
        ["Publicité", "Publicité", "Publicité"]
    );
    assert!(has_sentence(
        &doc,
        "En effet, en plus des 10 000 civils évacués grâce à ce Centre, Mr. Konachenkov explique",
        "régions de Syrie»."
    ));
    assert!(has_sentence(
        &doc,
        "Suite à l'arrêt des hostilités à Alep,",
        "toute la Syrie."
    ));
    // The text ends "… d'autres. #Russie": a tag list, not a sentence "Russie".
    assert_eq!(kinds(&doc, "tags"), ["#Russie"]);
    assert!(
        sentences(&doc)
            .last()
            .is_some_and(|s| s.ends_with("d'autres."))
    );
}

#[test]
fn seed_004_tweet_and_read_also() {
    let Some(doc) = seed("004_") else { return };
    let tweets: Vec<_> = doc
        .embeds
        .iter()
        .filter(|e| e.kind == EmbedKind::Tweet)
        .collect();
    assert_eq!(tweets.len(), 1);
    assert_eq!(tweets[0].author.as_deref(), Some("RT France"));
    assert_eq!(tweets[0].handle.as_deref(), Some("RTenfrancais"));
    assert_eq!(tweets[0].date_text.as_deref(), Some("11 décembre 2016"));
    assert_eq!(tweets[0].urls.len(), 2);
    let links: Vec<_> = doc
        .embeds
        .iter()
        .filter(|e| e.kind == EmbedKind::Link)
        .collect();
    assert_eq!(links.len(), 1);
    assert!(
        links[0]
            .text
            .as_deref()
            .is_some_and(|t| t.starts_with("Plus de 78 000 civils"))
    );
    assert_eq!(kinds(&doc, "embed").len(), 1);
    assert_eq!(kinds(&doc, "read-also").len(), 1);
    let all = sentences(&doc).join("\n");
    assert!(
        !all.contains("twitter") && !all.contains("Lire aussi") && !all.contains("@RTenfrancais")
    );
    assert!(has_sentence(
        &doc,
        "728 rebelles ont déposé les armes",
        "aide médicale."
    ));
}

#[derive(serde::Deserialize)]
struct Article {
    id: String,
    outlet: Option<String>,
    url: Option<String>,
    text: String,
}

#[test]
fn press_corpus_prepares_cleanly() {
    let Some(dir) = shared() else { return };
    let path = dir.join("corpora/fr-press-1122.jsonl");
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let (mut docs, mut french, mut sentences) = (0, 0, 0);
    let mut problems = Vec::new();
    // Documents where the two-step identification and the trigram detector alone disagree.
    let mut disagreements = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        let article: Article =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        let doc = prepare(
            InputDocument {
                source: Source {
                    url: article.url,
                    record: Some(format!("line {}", n + 1)),
                    ..Source::default()
                },
                given_id: Some(article.id.clone()),
                outlet: article.outlet,
                // Declared language left out on purpose: this test measures detection.
                text: article.text,
                ..InputDocument::default()
            },
            &TextConfig::default(),
        );
        docs += 1;
        french += usize::from(doc.language.lang == Lang::Fr);
        sentences += doc.sentences.len();
        let trigrams = detect_language_trigrams(&doc.normalized.text);
        if trigrams.lang != doc.language.lang {
            disagreements.push(format!(
                "{}: {} ({:.2}), trigrams {} ({:.2})",
                article.id,
                doc.language.lang,
                doc.language.confidence,
                trigrams.lang,
                trigrams.confidence
            ));
        }
        for p in check_document(&doc) {
            problems.push(format!("{}: {p}", article.id));
        }
    }
    eprintln!("press corpus: {docs} documents, {french} detected as French, {sentences} sentences");
    eprintln!(
        "language: {} disagreements with trigrams alone: {disagreements:#?}",
        disagreements.len()
    );
    assert_eq!(docs, 1122);
    assert!(
        problems.is_empty(),
        "{} problems: {:#?}",
        problems.len(),
        &problems[..problems.len().min(20)]
    );
    assert!(
        disagreements.len() * 200 <= docs,
        "{} disagreements with the trigram detector",
        disagreements.len()
    );
    assert!(
        french * 100 >= docs * 97,
        "only {french} of {docs} detected as French"
    );
}
