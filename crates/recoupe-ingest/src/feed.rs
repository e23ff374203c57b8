//! RSS and Atom feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed), parsed with `feed-rs`: one
//! document per item. HTML content is rendered to structured text; the feed's title is the
//! outlet of items that carry none.

use feed_rs::model::{Entry, Text};
use recoupe_model::{InputDocument, InputFormat, Source};
use serde_json::Value;

use crate::Item;
use crate::html::fragment_text;
use crate::problem::{code, error};

/// Text of a feed field: markup rendered, plain text kept as is.
fn text_of(body: &str, media_type: &str) -> String {
    if media_type.contains("html") || body.contains('<') {
        fragment_text(body)
    } else {
        body.trim().to_owned()
    }
}

fn plain(t: &Text) -> Option<String> {
    let s = text_of(&t.content, t.content_type.as_ref());
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

pub(crate) fn read(name: &str, bytes: Vec<u8>) -> Vec<Item> {
    // Items without an id get none: a made-up id would be a guess.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match parser.parse(bytes.as_slice()) {
        Ok(f) => f,
        Err(e) => {
            return vec![error(
                code::NOT_A_FEED,
                name,
                None,
                format!("not an RSS or Atom feed: {e}"),
            )];
        }
    };
    if feed.entries.is_empty() {
        return vec![error(code::EMPTY, name, None, "the feed has no items")];
    }
    let outlet = feed.title.as_ref().and_then(plain);
    let lang = feed.language.clone().filter(|l| !l.trim().is_empty());
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| item(entry, name, &format!("item {}", i + 1), &outlet, &lang))
        .collect()
}

fn item(
    entry: Entry,
    name: &str,
    record: &str,
    outlet: &Option<String>,
    lang: &Option<String>,
) -> Item {
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let content = entry
        .content
        .as_ref()
        .and_then(|c| Some(text_of(c.body.as_deref()?, c.content_type.as_ref())))
        .filter(|t| !t.trim().is_empty());
    let summary = || {
        entry
            .summary
            .as_ref()
            .map(|s| text_of(&s.content, s.content_type.as_ref()))
            .filter(|t| !t.trim().is_empty())
    };
    let Some(text) = content.or_else(summary) else {
        return error(
            code::NO_TEXT,
            name,
            Some(record),
            "the item has no content or summary",
        );
    };
    let mut doc = InputDocument {
        source: Source {
            path: Some(name.to_owned()),
            url,
            record: Some(record.to_owned()),
            format: Some(InputFormat::Feed),
        },
        outlet: outlet.clone(),
        title: entry.title.as_ref().and_then(plain),
        published: entry.published.or(entry.updated).map(|d| d.fixed_offset()),
        lang: entry.language.clone().or_else(|| lang.clone()),
        text,
        ..InputDocument::default()
    };
    if !entry.id.is_empty() {
        doc.metadata
            .insert("feed_item_id".into(), Value::String(entry.id.clone()));
    }
    if let (Some(_), Some(updated)) = (entry.published, entry.updated) {
        doc.metadata
            .insert("updated".into(), Value::String(updated.to_rfc3339()));
    }
    let authors: Vec<Value> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.clone())
        .filter(|n| !n.trim().is_empty())
        .map(Value::String)
        .collect();
    if !authors.is_empty() {
        doc.metadata.insert("authors".into(), Value::Array(authors));
    }
    Item::Document(doc)
}
