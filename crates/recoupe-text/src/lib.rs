//! The text stage: from an [`InputDocument`] to a [`Document`].
//!
//! [`prepare`] finds boilerplate lines (advertisements, share widgets, "Lire aussi" links,
//! related-article lists, embedded tweets, bylines, source trailers) on the original text,
//! normalizes what is left with a byte-exact map back ([`normalize`]), identifies the
//! language, finds relayed agencies and the outlet, and splits the normalized text into
//! paragraphs and sentences. Every span of the result points into the original text.
//!
//! ```
//! use recoupe_model::InputDocument;
//! use recoupe_text::{prepare, TextConfig};
//! let input = InputDocument {
//!     text: "PUBLICITÉ\nM. Lavrov a parlé.\u{a0}Il a dit « oui ».\nSources: RT; AFP".into(),
//!     ..InputDocument::default()
//! };
//! let doc = prepare(input, &TextConfig::default());
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
//! assert_eq!(sentences, ["M. Lavrov a parlé.", "Il a dit « oui »."]);
//! let relays: Vec<&str> = doc.relays.iter().map(|r| r.name.as_str()).collect();
//! assert_eq!(relays, ["RT", "AFP"]);
//! ```

mod boilerplate;
mod data;
mod invariants;
mod language;
mod lines;
mod normalize;
mod outlet;
mod relays;
mod segment;
mod tokenize;
mod urls;

use recoupe_model::{Diagnostic, Document, InputDocument, Lang, Removal, document_id};

pub use boilerplate::{Boilerplate, find_boilerplate};
pub use invariants::{INLINE_REMOVALS, check_document};
pub use language::{choose_language, detect_language, detect_language_trigrams};
pub use normalize::{normalize, normalize_with};
pub use segment::{paragraph_spans, segment, sentence_spans};
pub use tokenize::{Token, TokenKind, tokenize};
pub use urls::find_urls;

/// Settings of the text stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextConfig {
    /// Language chosen by the user (`--lang`), overriding metadata and detection.
    pub lang: Option<Lang>,
}

/// Words after which a period does not end a sentence, for a language (from data files).
pub fn abbreviations(lang: Lang) -> &'static std::collections::HashSet<String> {
    data::DATA.abbreviations(lang)
}

/// Builds a document from what a reader produced.
pub fn prepare(input: InputDocument, config: &TextConfig) -> Document {
    let InputDocument {
        source,
        given_id,
        outlet,
        title,
        published,
        lang,
        text,
        mut metadata,
        mut diagnostics,
    } = input;
    let id = given_id.unwrap_or_else(|| document_id(&source, &text));

    let found = find_boilerplate(&text, title.as_deref());
    let line_spans: Vec<_> = found.removals.iter().map(|r| r.span).collect();
    let (normalized, urls) = normalize_with(&text, &line_spans);

    let language = choose_language(config.lang, lang.as_deref(), &normalized.text);
    let (paragraphs, sentences) = segment(&normalized, abbreviations(language.lang));

    let mut relays = found.relays;
    relays.extend(relays::inline_relays(&normalized));
    relays::dedupe(&mut relays);
    let outlet = outlet::choose_outlet(
        outlet.as_deref(),
        found.byline.as_ref(),
        source.url.as_deref(),
    );
    if let Some(byline) = &found.byline
        && outlet.as_ref().is_some_and(|o| o.name != byline.name)
        && byline.relay
    {
        relays.push(recoupe_model::Relay {
            name: byline.name.clone(),
            span: byline.span,
            rule: "relays/byline".to_owned(),
        });
    }

    if let Some(author) = found.author {
        metadata
            .entry("byline_author".to_owned())
            .or_insert(serde_json::Value::String(author));
    }

    let mut removed = found.removals;
    removed.extend(urls.into_iter().map(|span| Removal {
        span,
        kind: "url".to_owned(),
        rule: "boilerplate/common/inline-url".to_owned(),
    }));
    removed.sort_by_key(|r| (r.span.start, r.span.end));

    if sentences.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "text/empty",
            "no article text is left after boilerplate removal",
        ));
    }
    if language.origin == recoupe_model::LanguageOrigin::Detected && language.confidence < 0.2 {
        diagnostics.push(Diagnostic::info(
            "text/language-unsure",
            format!(
                "language identified as {} with low confidence ({:.2})",
                language.lang, language.confidence
            ),
        ));
    }

    let mut doc = Document::bare(id, source, String::new(), language);
    doc.outlet = outlet;
    doc.title = title.or(found.title);
    doc.published = published;
    doc.text = text;
    doc.normalized = normalized;
    doc.paragraphs = paragraphs;
    doc.sentences = sentences;
    doc.relays = relays;
    doc.embeds = found.embeds;
    doc.removed = removed;
    doc.metadata = metadata;
    doc.diagnostics = diagnostics;
    doc
}
