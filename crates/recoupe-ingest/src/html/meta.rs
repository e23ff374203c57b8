//! Page metadata: `<title>`, OpenGraph and article meta tags, JSON-LD `Article`s (also inside
//! `@graph`), `<time datetime>`, `<html lang>` and `<link rel=canonical>`. Only what the page
//! declares; nothing is inferred.

use std::collections::{BTreeMap, HashMap};

use dom_query::Document;
use serde_json::Value;

/// What a page says about itself. `published` is the raw value, read later with a warning
/// when it cannot be parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// Other declared values worth keeping: `description`, `modified`, `canonical_url`,
    /// `og_url`, `html_title`.
    pub extra: BTreeMap<String, Value>,
}

/// Collapses whitespace runs; empty → `None`.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// `<meta>` contents by lower-cased `property`, `name` or `itemprop`; the first one wins.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(key_attr) {
                tags.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    tags
}

fn first<'a>(tags: &'a HashMap<String, String>, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        tags.get(*k)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    })
}

/// The article-like object of the page's JSON-LD, if any.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    lang: Option<String>,
}

fn is_article_type(v: &Value) -> bool {
    let matches = |t: &str| t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report";
    match v {
        Value::String(t) => matches(t),
        Value::Array(ts) => ts.iter().any(|t| t.as_str().is_some_and(matches)),
        _ => false,
    }
}

/// Finds the first article object, looking into arrays and `@graph` (bounded depth).
fn find_article(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 6 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(map);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Array(items) => items.iter().find_map(|i| string_of(Some(i))),
        Value::Object(map) => string_of(map.get("name")),
        _ => None,
    }
}

fn json_ld(doc: &Document) -> JsonLd {
    for node in doc.select("script[type]").nodes() {
        let is_ld = node
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        if let Some(a) = find_article(&value, 0) {
            return JsonLd {
                headline: string_of(a.get("headline")),
                published: string_of(a.get("datePublished")),
                modified: string_of(a.get("dateModified")),
                publisher: string_of(a.get("publisher")),
                lang: string_of(a.get("inLanguage")),
            };
        }
    }
    JsonLd::default()
}

fn attr_of(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr).and_then(|v| clean(&v)))
}

pub(crate) fn read(doc: &Document) -> HtmlMeta {
    let tags = meta_tags(doc);
    let ld = json_ld(doc);
    // An unclosed `<title>` holds the page's markup: keep what comes before it.
    let html_title = doc
        .select("title")
        .nodes()
        .first()
        .and_then(|t| clean(t.text().split('<').next().unwrap_or_default()));
    let canonical = attr_of(doc, "link[rel~=canonical]", "href");
    let og_url = first(&tags, &["og:url"]).and_then(clean);

    let mut meta = HtmlMeta {
        title: first(&tags, &["og:title", "twitter:title"])
            .and_then(clean)
            .or(ld.headline)
            .or_else(|| html_title.clone()),
        outlet: first(&tags, &["og:site_name", "application-name"])
            .and_then(clean)
            .or(ld.publisher),
        url: canonical.clone().or_else(|| og_url.clone()),
        published: first(
            &tags,
            &[
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "date",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
            ],
        )
        .and_then(clean)
        .or(ld.published)
        .or_else(|| attr_of(doc, "time[datetime]", "datetime")),
        lang: attr_of(doc, "html", "lang")
            .or_else(|| attr_of(doc, "html", "xml:lang"))
            .or_else(|| first(&tags, &["og:locale"]).and_then(clean))
            .or(ld.lang),
        extra: BTreeMap::new(),
    };
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            meta.extra.insert(key.to_owned(), Value::String(v));
        }
    };
    put(
        "description",
        first(&tags, &["og:description", "description"]).and_then(clean),
    );
    put(
        "modified",
        first(&tags, &["article:modified_time", "datemodified"])
            .and_then(clean)
            .or(ld.modified),
    );
    if canonical.is_some() && og_url.is_some() && canonical != og_url {
        put("og_url", og_url);
    }
    if html_title != meta.title {
        put("html_title", html_title);
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_in_graph() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},
             {"@type":["NewsArticle"],"headline":"H","datePublished":"2016-12-14T10:00:00+01:00",
              "publisher":{"@type":"Organization","name":"Le Journal"},"inLanguage":"fr-FR"}]}
            </script></head><body></body></html>"#,
        );
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.outlet.as_deref(), Some("Le Journal"));
        assert_eq!(m.published.as_deref(), Some("2016-12-14T10:00:00+01:00"));
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn nothing_declared_nothing_found() {
        let m = read(&Document::from("<p>Texte seul.</p>"));
        assert_eq!(m, HtmlMeta::default());
    }
}
