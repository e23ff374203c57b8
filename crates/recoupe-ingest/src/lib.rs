//! Readers: turn files, directories and streams into [`recoupe_model::InputDocument`]s.
//!
//! [`read_inputs`] streams every document of every input (files, directories, glob patterns,
//! `-` for standard input) as [`Item`]s: a document, or a problem with a file or a record.
//! One bad record never stops the rest of its file, one bad file never stops the other inputs.
//!
//! Readers never guess: a title, outlet, date or language that the input does not carry stays
//! `None`. Repairs that still give a document (lossy UTF-8, an unreadable date) are warnings in
//! [`InputDocument::diagnostics`]; what could not be read at all is an [`Item::Problem`].
//!
//! ```
//! use recoupe_ingest::{IngestConfig, Item, read_bytes};
//! use recoupe_model::InputFormat;
//!
//! let line = br#"{"id": "a1", "title": "Alep", "date": "2016-12-14", "text": "Bonjour."}"#;
//! let items = read_bytes(InputFormat::Jsonl, "mem.jsonl", line, &IngestConfig::default());
//! let Item::Document(doc) = &items[0] else { panic!("expected a document") };
//! assert_eq!(doc.given_id.as_deref(), Some("a1"));
//! assert_eq!(doc.text, "Bonjour.");
//! ```

mod dates;
mod decode;
mod detect;
mod expand;
mod feed;
mod html;
mod inputs;
mod jsonl;
mod lines;
mod open;
mod problem;
mod text;
mod warc;

pub use detect::format_for_path;
pub use html::{HtmlMeta, HtmlPage, extract_html};
pub use inputs::Inputs;

use recoupe_model::{Diagnostic, InputDocument, InputFormat};

/// How inputs are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestConfig {
    /// Forces the format of every input (`--input-format`); otherwise the file extension
    /// decides, and the content is sniffed when the extension says nothing.
    pub input_format: Option<InputFormat>,
    /// Files larger than this (for JSONL and WARC: single records) are skipped with an error.
    pub max_file_bytes: u64,
}

/// 64 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            input_format: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// One thing produced while reading: a document, or a problem with a file or a record.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Document(InputDocument),
    Problem(Diagnostic),
}

impl Item {
    pub fn document(&self) -> Option<&InputDocument> {
        match self {
            Item::Document(d) => Some(d),
            Item::Problem(_) => None,
        }
    }

    pub fn problem(&self) -> Option<&Diagnostic> {
        match self {
            Item::Document(_) => None,
            Item::Problem(p) => Some(p),
        }
    }
}

/// Streams every document of every input, in order: files, directories (recursive, sorted by
/// name, hidden entries skipped), glob patterns (for shells that do not expand them) and `-`
/// for standard input.
pub fn read_inputs(inputs: &[String], config: &IngestConfig) -> Inputs {
    Inputs::new(inputs, config)
}

/// Reads one in-memory input. `format` is used as is (no sniffing); `name` is reported as the
/// source path. Gzip-compressed bytes are decompressed first.
pub fn read_bytes(
    format: InputFormat,
    name: &str,
    bytes: &[u8],
    config: &IngestConfig,
) -> Vec<Item> {
    let config = IngestConfig {
        input_format: Some(format),
        ..config.clone()
    };
    open::read_stream(
        name,
        None,
        Box::new(std::io::Cursor::new(bytes.to_vec())),
        &config,
    )
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn is_send<T: Send>(_: &T) {}
        is_send(&read_inputs(&["-".to_owned()], &IngestConfig::default()));
    }

    #[test]
    fn read_bytes_forces_the_format() {
        let items = read_bytes(
            InputFormat::Text,
            "x",
            b"{\"text\": \"not parsed\"}",
            &IngestConfig::default(),
        );
        let Some(Item::Document(d)) = items.first() else {
            panic!("{items:?}")
        };
        assert_eq!(d.text, "{\"text\": \"not parsed\"}");
        assert_eq!(d.source.format, Some(InputFormat::Text));
    }
}
