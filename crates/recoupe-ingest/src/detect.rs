//! Choosing a reader: by file extension first, by sniffing the first bytes otherwise, and
//! telling text from binary and plain bytes from gzip.

use std::path::Path;

use recoupe_model::InputFormat;

/// What a file name says about its format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameHint {
    Format(InputFormat),
    /// `.xml`: a feed, unless the content says it is an HTML page.
    Xml,
    /// Nothing known: sniff the content.
    Unknown,
}

/// The name with a trailing `.gz` removed, lower-cased extension of what is left.
fn inner_extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_owned())
}

pub(crate) fn name_hint(path: &Path) -> NameHint {
    let Some(ext) = inner_extension(path) else {
        return NameHint::Unknown;
    };
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => NameHint::Format(InputFormat::Text),
        "jsonl" | "ndjson" => NameHint::Format(InputFormat::Jsonl),
        "html" | "htm" | "xhtml" => NameHint::Format(InputFormat::Html),
        "rss" | "atom" => NameHint::Format(InputFormat::Feed),
        "xml" => NameHint::Xml,
        "warc" => NameHint::Format(InputFormat::Warc),
        _ => NameHint::Unknown,
    }
}

/// The format a file name implies (`.xml` counts as a feed), or `None` when only the content
/// can tell.
pub fn format_for_path(path: &Path) -> Option<InputFormat> {
    match name_hint(path) {
        NameHint::Format(f) => Some(f),
        NameHint::Xml => Some(InputFormat::Feed),
        NameHint::Unknown => None,
    }
}

pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Skips a byte-order mark and leading whitespace.
fn content_start(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    head.get(start..).unwrap_or_default()
}

/// Whether markup is a feed: an `<rss`, `<feed` or `<rdf:RDF` root near the start.
pub(crate) fn looks_like_feed(head: &[u8]) -> bool {
    let window = &head[..head.len().min(2048)];
    let lower = window.to_ascii_lowercase();
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
        .iter()
        .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

/// Guesses the format of content whose name says nothing: `{` → JSONL, `WARC/` → WARC,
/// a feed root → feed, other markup → HTML, anything else → text.
pub(crate) fn sniff(head: &[u8]) -> InputFormat {
    let start = content_start(head);
    if start.starts_with(b"{") {
        InputFormat::Jsonl
    } else if start.starts_with(b"WARC/") {
        InputFormat::Warc
    } else if start.starts_with(b"<") {
        if looks_like_feed(head) {
            InputFormat::Feed
        } else {
            InputFormat::Html
        }
    } else {
        InputFormat::Text
    }
}

/// Resolves the format from the forced one, the name and the content.
pub(crate) fn resolve(forced: Option<InputFormat>, hint: NameHint, head: &[u8]) -> InputFormat {
    if let Some(f) = forced {
        return f;
    }
    match hint {
        NameHint::Format(f) => f,
        NameHint::Xml => {
            let start = content_start(head).to_ascii_lowercase();
            if !looks_like_feed(head)
                && (start.starts_with(b"<!doctype html") || start.starts_with(b"<html"))
            {
                InputFormat::Html
            } else {
                InputFormat::Feed
            }
        }
        NameHint::Unknown => sniff(head),
    }
}

/// Whether the first bytes are binary rather than text: a NUL byte, or more than one byte in
/// ten being a control character that text does not use. UTF-16 with a byte-order mark is text.
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            format_for_path(Path::new("a/b.TXT")),
            Some(InputFormat::Text)
        );
        assert_eq!(
            format_for_path(Path::new("x.jsonl.gz")),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            format_for_path(Path::new("x.warc.gz")),
            Some(InputFormat::Warc)
        );
        assert_eq!(format_for_path(Path::new("x.xml")), Some(InputFormat::Feed));
        assert_eq!(format_for_path(Path::new("x.gz")), None);
        assert_eq!(format_for_path(Path::new("README")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  {\"a\":1}\n"), InputFormat::Jsonl);
        assert_eq!(sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss>"), InputFormat::Feed);
        assert_eq!(
            sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputFormat::Feed
        );
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff(b"Alep : la Russie"), InputFormat::Text);
        assert_eq!(
            resolve(None, NameHint::Xml, b"<!doctype html><p>x"),
            InputFormat::Html
        );
    }

    #[test]
    fn binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("Près de 8 500 civils".as_bytes()));
        assert!(!looks_binary(b"\xFF\xFEa\0b\0"));
    }
}
