//! Bytes to text: UTF-8 when it is, a declared or marked charset when there is one, else
//! lossy UTF-8 with a warning saying how many bytes were replaced.

use encoding_rs::Encoding;
use recoupe_model::Diagnostic;

use crate::problem::code;

/// Decoded text and, when bytes had to be replaced, the warning to attach to the document.
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<Diagnostic>,
}

/// Decodes `bytes`. A byte-order mark wins, then `declared` (an HTTP or `<meta>` charset),
/// then UTF-8. Invalid sequences become U+FFFD and are counted in the warning.
pub(crate) fn decode(bytes: Vec<u8>, declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return with_encoding(encoding, bytes.get(bom_len..).unwrap_or_default());
    }
    let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = declared.filter(|&e| e != encoding_rs::UTF_8) {
        return with_encoding(encoding, &bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            warning: None,
        },
        Err(e) => {
            let bytes = e.into_bytes();
            let replaced: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            Decoded {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                warning: Some(invalid_utf8(replaced)),
            }
        }
    }
}

fn with_encoding(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        Diagnostic::warning(
            code::INVALID_UTF8,
            format!(
                "some bytes are not valid {}; they were replaced with U+FFFD",
                encoding.name()
            ),
        )
    });
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

pub(crate) fn invalid_utf8(replaced: usize) -> Diagnostic {
    Diagnostic::warning(
        code::INVALID_UTF8,
        format!("not valid UTF-8: decoded lossily, {replaced} byte(s) replaced with U+FFFD"),
    )
}

/// The charset named in an HTTP `Content-Type` value (`text/html; charset=ISO-8859-1`).
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// The charset an HTML page declares in its first kilobytes (`<meta charset=…>` or
/// `<meta http-equiv=Content-Type content="…; charset=…">`).
pub(crate) fn html_meta_charset(head: &[u8]) -> Option<String> {
    let window = &head[..head.len().min(4096)];
    let lower = window.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = lower.get(at + 8..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(rest.get(..end)?).ok()?;
    (!label.is_empty()).then(|| label.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Alep-Est, 8 500 civils".as_bytes().to_vec(), None);
        assert_eq!(d.text, "Alep-Est, 8 500 civils");
        assert!(d.warning.is_none());
    }

    #[test]
    fn invalid_utf8_is_counted() {
        let d = decode(b"caf\xe9 \xff ok".to_vec(), None);
        assert_eq!(d.text, "caf\u{FFFD} \u{FFFD} ok");
        let w = d.warning.expect("a warning");
        assert!(w.message.contains("2 byte(s)"), "{}", w.message);
    }

    #[test]
    fn declared_latin1() {
        let d = decode(b"caf\xe9".to_vec(), Some("ISO-8859-1"));
        assert_eq!(d.text, "café");
        assert!(d.warning.is_none());
    }

    #[test]
    fn charsets() {
        assert_eq!(
            charset_param("text/html; charset=\"windows-1252\"").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            html_meta_charset(b"<head><meta charset=\"ISO-8859-1\">").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(html_meta_charset(b"<head><title>x</title>"), None);
    }
}
