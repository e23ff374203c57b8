//! Arbitrary bytes through every reader: no panic, and every item is well formed (documents
//! have text and say where they came from, problems name the input).

use proptest::prelude::*;
use recoupe_ingest::{IngestConfig, Item, read_bytes};
use recoupe_model::InputFormat;

fn check(format: InputFormat, bytes: &[u8]) {
    let config = IngestConfig {
        max_file_bytes: 4096,
        ..IngestConfig::default()
    };
    for item in read_bytes(format, "mem", bytes, &config) {
        match item {
            Item::Document(d) => {
                assert!(!d.text.trim().is_empty(), "{format:?}: empty text");
                assert_eq!(d.source.path.as_deref(), Some("mem"));
                assert_eq!(d.source.format, Some(format));
            }
            Item::Problem(p) => assert_eq!(p.source.as_deref(), Some("mem")),
        }
    }
}

/// Bytes that look a little like each format, so the readers get past their first checks.
fn shaped() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop::sample::select(vec![
        &b""[..],
        b"{\"text\":\"",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        b"<rss version=\"2.0\"><channel><item><description>",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
        b"<html><body><p>",
        b"\x1f\x8b\x08\x00",
    ]);
    (prefix, prop::collection::vec(any::<u8>(), 0..600)).prop_map(|(p, tail)| {
        let mut v = p.to_vec();
        v.extend(tail);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn text_never_panics(bytes in shaped()) { check(InputFormat::Text, &bytes) }

    #[test]
    fn jsonl_never_panics(bytes in shaped()) { check(InputFormat::Jsonl, &bytes) }

    #[test]
    fn html_never_panics(bytes in shaped()) { check(InputFormat::Html, &bytes) }

    #[test]
    fn feed_never_panics(bytes in shaped()) { check(InputFormat::Feed, &bytes) }

    #[test]
    fn warc_never_panics(bytes in shaped()) { check(InputFormat::Warc, &bytes) }

    #[test]
    fn html_text_keeps_the_words(words in prop::collection::vec("[a-zA-Zéàç]{1,12}", 1..40)) {
        let html = format!("<html><body><p>{}</p></body></html>", words.join(" "));
        let items = read_bytes(InputFormat::Html, "mem", html.as_bytes(), &IngestConfig::default());
        let Some(Item::Document(d)) = items.first() else { panic!("{items:?}") };
        prop_assert_eq!(d.text.split_whitespace().collect::<Vec<_>>(), words.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
