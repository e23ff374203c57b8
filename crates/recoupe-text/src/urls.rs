//! Bare URLs in text: found so that they can be left out of the normalized text (their digits
//! are not figures) and kept with embeds.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use recoupe_model::Span;

/// How a URL can start. `pic.twitter.com/` is how embedded tweets write their pictures.
const STARTS: [&str; 4] = ["http://", "https://", "www.", "pic.twitter.com/"];

static FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(STARTS)
        .ok()
});

/// Characters that end a URL.
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '\u{200B}' | '\u{FEFF}'
        )
}

/// Characters dropped from the end of a URL: the sentence's punctuation, not the URL's.
fn trailing_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ')' | ']' | '}'
    )
}

/// Spans of the URLs of a text, in order, non-overlapping.
pub fn find_urls(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(finder) = FINDER.as_ref() else {
        return out;
    };
    let mut from = 0;
    while from < text.len() {
        let Some(m) = finder.find(&text[from..]) else {
            break;
        };
        let start = from + m.start();
        let after_prefix = from + m.end();
        from = after_prefix;
        // A URL starts a word: "xwww.a.b" is not one.
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let mut end = text[after_prefix..]
            .char_indices()
            .find(|&(_, c)| ends_url(c))
            .map_or(text.len(), |(i, _)| after_prefix + i);
        while let Some(c) = text[after_prefix..end].chars().next_back() {
            if trailing_punctuation(c) {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        // "www." or "http://" alone is not a URL.
        let rest = &text[after_prefix..end];
        if rest.is_empty() || !rest.chars().any(|c| c.is_alphanumeric()) {
            continue;
        }
        out.push(Span::new(start, end));
        from = end;
    }
    out
}

/// Splits a run of URLs glued together ("https://t.co/xpic.twitter.com/y") into its URLs.
pub fn split_glued(url: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = url;
    loop {
        // Look for the next URL start after the first character.
        let next = STARTS
            .iter()
            .filter_map(|s| rest.get(1..).and_then(|r| r.find(s)).map(|i| i + 1))
            .filter(|&i| {
                // "https://" contains no other start; "www." right after "://" is the same URL.
                !rest[..i].ends_with("://")
            })
            .min();
        match next {
            Some(i) if rest.is_char_boundary(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i..];
            }
            _ => {
                parts.push(rest);
                return parts;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        find_urls(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn urls_stop_at_spaces_and_trailing_punctuation() {
        assert_eq!(
            urls("voir https://t.co/PXx. Et www.rt.com, puis"),
            ["https://t.co/PXx", "www.rt.com"]
        );
        assert_eq!(urls("awww.x.y et http:// seul"), Vec::<&str>::new());
        assert_eq!(
            urls("Alep-Est https://t.co/PXxbnfMzF0pic.twitter.com/0R4Y8S7ub1"),
            ["https://t.co/PXxbnfMzF0pic.twitter.com/0R4Y8S7ub1"]
        );
    }

    #[test]
    fn glued_urls_are_split() {
        assert_eq!(
            split_glued("https://t.co/PXxbnfMzF0pic.twitter.com/0R4Y8S7ub1"),
            ["https://t.co/PXxbnfMzF0", "pic.twitter.com/0R4Y8S7ub1"]
        );
        assert_eq!(
            split_glued("https://www.rt.com/a"),
            ["https://www.rt.com/a"]
        );
    }
}
