//! HTML pages: main-text extraction with `dom_smoothie` (a port of Mozilla's Readability),
//! rendered to text by [`render`] so paragraphs stay paragraphs, plus the page's declared
//! metadata ([`meta`]). When the extractor finds no article, the whole body minus page
//! furniture is rendered instead, with a warning: broken HTML still gives text.

mod meta;
mod render;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use recoupe_model::{Diagnostic, InputDocument, InputFormat, Source};
use serde_json::Value;

pub use meta::HtmlMeta;

use crate::Item;
use crate::decode::{decode, html_meta_charset};
use crate::problem::{code, error};

/// The main text of a page and what the page declares about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlPage {
    pub text: String,
    pub meta: HtmlMeta,
    /// True when the extractor found no article and the whole body was rendered.
    pub fallback: bool,
}

/// Extracts the main text and the metadata of an HTML page. Never fails: a page without an
/// article gives its body's text, a page without text gives an empty string.
pub fn extract_html(html: &str) -> HtmlPage {
    let doc = Document::from(html);
    let meta = meta::read(&doc);
    let config = Config {
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    let article_text = Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|article| fragment_text(&article.content))
        .filter(|t| !t.trim().is_empty());
    match article_text {
        Some(text) => HtmlPage {
            text,
            meta,
            fallback: false,
        },
        None => {
            let doc = Document::from(html);
            let mut text = render::render(&doc.root(), true);
            if text.trim().is_empty() {
                text = unclosed_title_text(&doc);
            }
            HtmlPage {
                text,
                meta,
                fallback: true,
            }
        }
    }
}

/// A `<title>` left open swallows the rest of the page as raw text (the HTML rules for
/// `<title>`); when that left the body empty, the swallowed markup is rendered instead.
fn unclosed_title_text(doc: &Document) -> String {
    let Some(title) = doc.select("title").nodes().first().map(|t| t.text()) else {
        return String::new();
    };
    if !title.contains('<') {
        return String::new();
    }
    let swallowed = Document::from(title.as_ref());
    render::render(&swallowed.root(), true)
}

/// Renders an HTML fragment (a feed item's content) as structured text, keeping all of it.
pub(crate) fn fragment_text(html: &str) -> String {
    let doc = Document::fragment(html);
    render::render(&doc.root(), false)
}

/// Fills what the document does not have yet from the page's metadata.
pub(crate) fn apply_meta(
    doc: &mut InputDocument,
    meta: HtmlMeta,
    fallback: bool,
    source: &str,
    record: Option<&str>,
) {
    let with_place = |d: Diagnostic| {
        let d = d.with_source(source);
        match record {
            Some(r) => d.with_record(r),
            None => d,
        }
    };
    if fallback {
        doc.diagnostics.push(with_place(Diagnostic::warning(
            code::HTML_FALLBACK,
            "no article found in the page: the text of the whole page body was kept",
        )));
    }
    doc.title = doc.title.take().or(meta.title);
    doc.outlet = doc.outlet.take().or(meta.outlet);
    doc.lang = doc.lang.take().or(meta.lang);
    match (&doc.source.url, meta.url) {
        (None, url) => doc.source.url = url,
        // The input's own URL wins; a different canonical one is worth keeping.
        (Some(given), Some(canonical)) if *given != canonical => {
            doc.metadata
                .entry("canonical_url".to_owned())
                .or_insert(Value::String(canonical));
        }
        _ => {}
    }
    if let Some(raw) = meta.published.filter(|_| doc.published.is_none()) {
        match crate::dates::parse(&raw) {
            Some(d) => doc.published = Some(d),
            None => {
                doc.diagnostics.push(crate::dates::unparsed_warning(
                    "published",
                    &raw,
                    source,
                    record,
                ));
                doc.metadata
                    .entry("published".to_owned())
                    .or_insert(Value::String(raw));
            }
        }
    }
    for (k, v) in meta.extra {
        doc.metadata.entry(k).or_insert(v);
    }
}

/// An HTML file: one document.
pub(crate) fn read(name: &str, bytes: Vec<u8>) -> Vec<Item> {
    let charset = html_meta_charset(&bytes);
    let decoded = decode(bytes, charset.as_deref());
    let page = extract_html(&decoded.text);
    if page.text.trim().is_empty() {
        return vec![error(
            code::NO_TEXT,
            name,
            None,
            "no text found in the page",
        )];
    }
    let mut doc = InputDocument {
        source: Source {
            path: Some(name.to_owned()),
            format: Some(InputFormat::Html),
            ..Source::default()
        },
        text: page.text,
        ..InputDocument::default()
    };
    if let Some(w) = decoded.warning {
        doc.diagnostics.push(w.with_source(name));
    }
    apply_meta(&mut doc, page.meta, page.fallback, name, None);
    vec![Item::Document(doc)]
}
