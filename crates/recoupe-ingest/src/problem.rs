//! Building the diagnostics readers report, so every code is spelled in one place.

use std::io;

use recoupe_model::Diagnostic;

use crate::Item;

/// Stable diagnostic codes. Errors: the file or record gave no document.
pub mod code {
    pub const INVALID_JSON: &str = "ingest/invalid-json";
    pub const TRUNCATED_GZIP: &str = "ingest/truncated-gzip";
    pub const CORRUPT_GZIP: &str = "ingest/corrupt-gzip";
    pub const TOO_LARGE: &str = "ingest/too-large";
    pub const BINARY: &str = "ingest/binary";
    pub const EMPTY: &str = "ingest/empty";
    pub const NO_TEXT: &str = "ingest/no-text";
    pub const NOT_A_FEED: &str = "ingest/not-a-feed";
    pub const WARC_RECORD: &str = "ingest/warc-record";
    pub const NOT_FOUND: &str = "ingest/not-found";
    pub const NO_MATCH: &str = "ingest/no-match";
    pub const BAD_PATTERN: &str = "ingest/bad-pattern";
    pub const IO: &str = "ingest/io";
    // Warnings: a document was produced, but something was repaired or left out.
    pub const INVALID_UTF8: &str = "ingest/invalid-utf8";
    pub const UNPARSED_DATE: &str = "ingest/unparsed-date";
    pub const HTML_FALLBACK: &str = "ingest/html-fallback";
    // Information.
    pub const SKIPPED: &str = "ingest/skipped";
}

/// An error about a whole input or one of its records.
pub fn error(code: &str, source: &str, record: Option<&str>, message: impl Into<String>) -> Item {
    Item::Problem(diagnostic(code, source, record, message))
}

/// The diagnostic inside [`error`].
pub fn diagnostic(
    code: &str,
    source: &str,
    record: Option<&str>,
    message: impl Into<String>,
) -> Diagnostic {
    let d = Diagnostic::error(code, message).with_source(source);
    match record {
        Some(r) => d.with_record(r),
        None => d,
    }
}

/// An I/O failure while reading `source`, named after what most likely caused it.
pub fn io_error(source: &str, record: Option<&str>, err: &io::Error, gzip: bool) -> Item {
    let (code, message) = match err.kind() {
        io::ErrorKind::UnexpectedEof if gzip => (
            code::TRUNCATED_GZIP,
            format!("the gzip stream ends early ({err}); what came before it was kept"),
        ),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData if gzip => (
            code::CORRUPT_GZIP,
            format!("the gzip stream is corrupt ({err}); what came before it was kept"),
        ),
        io::ErrorKind::NotFound => (code::NOT_FOUND, "no such file or directory".to_owned()),
        _ => (code::IO, format!("could not read: {err}")),
    };
    error(code, source, record, message)
}

/// The error for an input or record over the configured size limit.
pub fn too_large(source: &str, record: Option<&str>, size: Option<u64>, max: u64) -> Item {
    let what = if record.is_some() { "record" } else { "file" };
    let message = match size {
        Some(size) => format!("{what} of {size} bytes is over the limit of {max} bytes; skipped"),
        None => format!("{what} is over the limit of {max} bytes; skipped"),
    };
    error(code::TOO_LARGE, source, record, message)
}
