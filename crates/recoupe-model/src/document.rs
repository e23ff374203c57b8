//! Documents: what a reader produces ([`InputDocument`]) and what the text stage makes of it
//! ([`Document`]).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{Annotations, DOCUMENT_SCHEMA, Diagnostic, Normalized, Span};

/// Languages recoupe has data for, and everything else.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    /// Any other language, or too little text to tell.
    #[default]
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Reads an ISO 639-1/639-3 code or an English or French language name; unknown → `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            "" => None,
            _ => Some(Lang::Other),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The input formats readers understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

impl InputFormat {
    pub const ALL: [InputFormat; 5] = [
        InputFormat::Text,
        InputFormat::Jsonl,
        InputFormat::Html,
        InputFormat::Feed,
        InputFormat::Warc,
    ];

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Warc => "warc",
        }
    }
}

/// Where a document came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// File path as given on the command line (`-` for standard input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// URL of the article (from metadata, a feed item link or a WARC target URI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Record inside the file: `line 12`, `item 3`, a WARC record id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    pub format: Option<InputFormat>,
}

impl Source {
    /// A short human label: `path [record]`, or the URL.
    pub fn label(&self) -> String {
        let base = self
            .path
            .as_deref()
            .or(self.url.as_deref())
            .unwrap_or("<unknown>");
        match &self.record {
            Some(r) => format!("{base} [{r}]"),
            None => base.to_owned(),
        }
    }
}

/// A document as a reader hands it over: text plus whatever metadata the format carried.
/// Readers never guess: what is not in the input stays `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InputDocument {
    pub source: Source,
    /// Identifier given by the input itself (a JSONL `id`), kept as is.
    pub given_id: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    /// Language declared by the input (`lang`, `<html lang>`, `og:locale`).
    pub lang: Option<String>,
    /// The article text: plain text as read, or the main text extracted from HTML.
    pub text: String,
    /// Fields the format carried that the model has no place for.
    pub metadata: BTreeMap<String, serde_json::Value>,
    /// What the reader repaired or dropped while reading this document.
    pub diagnostics: Vec<Diagnostic>,
}

/// How the outlet of a document was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletOrigin {
    /// Declared by the input's metadata (JSONL field, `og:site_name`, feed title).
    Metadata,
    /// A byline in the text ("Par Euronews").
    Byline,
    /// The host name of the document's URL.
    Url,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlet {
    pub name: String,
    pub origin: OutletOrigin,
    /// The byline, when the outlet was read from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageOrigin {
    /// Chosen with `--lang`.
    Flag,
    /// Declared by the input.
    Metadata,
    /// Identified from the text.
    Detected,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LanguageGuess {
    pub lang: Lang,
    pub origin: LanguageOrigin,
    /// Between 0 and 1; 1 for a flag or metadata.
    pub confidence: f64,
}

/// A paragraph: spans in the original and in the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub span: Span,
    pub norm: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub norm: Span,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

/// A party the document says it relays ("Sources: RT; Sputnik; AFP", "(AFP)", "avec AFP").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relay {
    pub name: String,
    pub span: Span,
    pub rule: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbedKind {
    Tweet,
    Video,
    Link,
}

/// Content embedded in the article (a tweet, a video) that is not the article's own text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Embed {
    pub kind: EmbedKind,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The date as written ("11 décembre 2016"); later stages resolve it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    pub rule: String,
}

/// Original text left out of the normalized text, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub span: Span,
    /// What was removed: `advertisement`, `share-widget`, `read-also`, `related-list`,
    /// `embed`, `url`, `byline`, `relay-trailer`, `duplicate-title`, …
    pub kind: String,
    pub rule: String,
}

/// A document after the text stage: the unit every later stage reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`DOCUMENT_SCHEMA`].
    pub schema: String,
    /// Stable id: the input's own id when it has one, else derived from source and text.
    pub id: String,
    pub source: Source,
    pub outlet: Option<Outlet>,
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub language: LanguageGuess,
    /// The text as read. Every span of the document points into it.
    pub text: String,
    pub normalized: Normalized,
    pub paragraphs: Vec<Segment>,
    pub sentences: Vec<Sentence>,
    pub relays: Vec<Relay>,
    pub embeds: Vec<Embed>,
    pub removed: Vec<Removal>,
    pub metadata: BTreeMap<String, serde_json::Value>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the extract stage found; empty until it runs.
    #[serde(default)]
    pub annotations: Annotations,
}

impl Document {
    /// A document with the text as its own normalization and no segments yet.
    pub fn bare(id: String, source: Source, text: String, language: LanguageGuess) -> Document {
        Document {
            schema: DOCUMENT_SCHEMA.to_owned(),
            id,
            source,
            outlet: None,
            title: None,
            published: None,
            language,
            normalized: Normalized::identity(&text),
            text,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            relays: Vec::new(),
            embeds: Vec::new(),
            removed: Vec::new(),
            metadata: BTreeMap::new(),
            diagnostics: Vec::new(),
            annotations: Annotations::default(),
        }
    }

    /// The original text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        sentence.span.slice(&self.text)
    }
}

/// Stable id derived from where a document came from and what it says: the same file read
/// twice gets the same id, two different texts never share one.
pub fn document_id(source: &Source, text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    let origin = source
        .url
        .as_deref()
        .or(source.path.as_deref())
        .unwrap_or("");
    hasher.update(origin.as_bytes());
    hasher.update(b"\0");
    hasher.update(source.record.as_deref().unwrap_or("").as_bytes());
    hasher.update(b"\0");
    hasher.update(text.as_bytes());
    let hex = hasher.finalize().to_hex();
    format!("d-{}", &hex[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_depend_on_text_and_source() {
        let a = Source {
            path: Some("a.txt".into()),
            ..Source::default()
        };
        let b = Source {
            path: Some("b.txt".into()),
            ..Source::default()
        };
        assert_eq!(document_id(&a, "x"), document_id(&a, "x"));
        assert_ne!(document_id(&a, "x"), document_id(&a, "y"));
        assert_ne!(document_id(&a, "x"), document_id(&b, "x"));
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::parse("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), Some(Lang::Other));
        assert_eq!(Lang::parse(" "), None);
    }
}
