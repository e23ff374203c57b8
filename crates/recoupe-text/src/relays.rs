//! Relayed agencies and outlets mentioned in running text: "(AFP)", "(avec AFP)",
//! "avec Reuters", "with AFP", "AFP/Reuters", credit lines ("additional reporting by AFP",
//! "AFP contributed to this report"), and the names that continue such a list ("(avec AFP et
//! Reuters)"). A name credited for a photo ("© AFP", "Photo : Reuters") is not a relay.
//! Source trailers and bylines are lines of their own and are read by the boilerplate pass.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use recoupe_model::{Lang, Normalized, Relay, Span};

use crate::data::DATA;

static FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(DATA.aliases.iter().map(|a| a.alias.as_str()))
        .ok()
});

/// The canonical name of a relayed name as written: a known alias, else the text itself.
pub fn canonical_name(name: &str) -> String {
    DATA.canonical(name)
        .map_or_else(|| name.trim().to_owned(), |a| a.canonical.clone())
}

fn folder(lang: Lang) -> &'static str {
    match lang {
        Lang::Other => "common",
        other => other.code(),
    }
}

/// The language of the phrase of `phrases` that ends `before` ("… avec ", "… avec l'",
/// "… reporting by "), as whole words, if any.
fn phrase_before(before: &str, phrases: &[(Lang, String)]) -> Option<Lang> {
    let before = before.strip_suffix("l'").unwrap_or(before);
    let before = before.strip_suffix(' ')?;
    phrases
        .iter()
        .find_map(|(lang, w)| ends_with_words(before, w).then_some(*lang))
}

/// Whether `text` ends with `words` (ignoring ASCII case) after a word boundary.
fn ends_with_words(text: &str, words: &str) -> bool {
    let Some(start) = text.len().checked_sub(words.len()) else {
        return false;
    };
    let boundary = text
        .get(..start)
        .is_some_and(|b| b.chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
    boundary
        && text
            .get(start..)
            .is_some_and(|t| t.eq_ignore_ascii_case(words))
}

/// The language of the credit phrase that follows a name (" contributed to this report").
fn phrase_after(after: &str) -> Option<Lang> {
    let after = after.strip_prefix(' ')?;
    DATA.relay_words.credit_after.iter().find_map(|(lang, w)| {
        let head = after.get(..w.len())?;
        let boundary = after[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (boundary && head.eq_ignore_ascii_case(w)).then_some(*lang)
    })
}

/// Whether the name after `before` credits a photo ("© AFP", "Photo : Reuters", "(Photo AFP)").
fn photo_credit(before: &str) -> bool {
    let before = before.trim_end_matches([' ', ':']);
    DATA.relay_words
        .photo_words
        .iter()
        .any(|(_, w)| ends_with_words(before, w) || (w == "©" && before.ends_with('©')))
}

/// Whether the text between two names joins them in a list: ", ", " et ", " and ", " & ",
/// ", and " (an article "l'" may follow: "et l'AFP").
fn list_joint(between: &str) -> bool {
    let b = between.strip_suffix("l'").unwrap_or(between);
    let b = b.trim_matches(' ');
    let b = b.strip_prefix(',').map_or(b, |rest| {
        let rest = rest.trim_start_matches(' ');
        if rest.is_empty() { "," } else { rest }
    });
    matches!(b, "," | "&" | "/")
        || DATA
            .relay_words
            .list_words
            .iter()
            .any(|w| b.eq_ignore_ascii_case(w))
}

/// What the previous name found was: where it ended, its relay rule if it was one, and
/// whether it credited a photo.
struct Previous {
    end: usize,
    rule: Option<String>,
    photo: bool,
}

/// Relays found in the normalized text, with original spans.
pub fn inline_relays(normalized: &Normalized) -> Vec<Relay> {
    let Some(finder) = FINDER.as_ref() else {
        return Vec::new();
    };
    let text = normalized.text.as_str();
    let matches: Vec<(usize, usize, usize)> = finder
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    let mut out = Vec::new();
    let mut previous: Option<Previous> = None;
    for (k, &(start, end, alias)) in matches.iter().enumerate() {
        let before = &text[..start];
        // The name before, when this one continues its list ("AFP et Reuters", "AFP/Reuters").
        let joined = previous
            .take()
            .filter(|p| text.get(p.end..start).is_some_and(list_joint));
        if photo_credit(before) || joined.as_ref().is_some_and(|p| p.photo) {
            previous = Some(Previous {
                end,
                rule: None,
                photo: true,
            });
            continue;
        }
        let slash_before = k > 0 && before.ends_with('/') && matches[k - 1].1 + 1 == start;
        let slash_after =
            text[end..].starts_with('/') && matches.get(k + 1).is_some_and(|m| m.0 == end + 1);
        let rule = if before.ends_with('(') {
            Some("relays/common/parenthesis".to_owned())
        } else if slash_before || slash_after {
            Some("relays/common/slash".to_owned())
        } else if let Some(lang) = phrase_before(before, &DATA.relay_words.with_words) {
            Some(format!("relays/{}/with", folder(lang)))
        } else if let Some(lang) = phrase_before(before, &DATA.relay_words.credit_phrases)
            .or_else(|| phrase_after(&text[end..]))
        {
            Some(format!("relays/{}/credit", folder(lang)))
        } else {
            joined.and_then(|p| p.rule)
        };
        previous = Some(Previous {
            end,
            rule: rule.clone(),
            photo: false,
        });
        let (Some(rule), Some(alias)) = (rule, DATA.aliases.get(alias)) else {
            continue;
        };
        out.push(Relay {
            name: alias.canonical.clone(),
            span: normalized.to_original(Span::new(start, end)),
            rule,
        });
    }
    out
}

/// Keeps the first mention of each relayed name.
pub fn dedupe(relays: &mut Vec<Relay>) {
    let mut seen = HashSet::new();
    relays.retain(|r| seen.insert(r.name.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn names(text: &str) -> Vec<(String, String)> {
        inline_relays(&normalize(text))
            .into_iter()
            .map(|r| (r.name, r.rule))
            .collect()
    }

    #[test]
    fn relay_contexts() {
        let found = names("PARIS (AFP) - Il a dit (avec Reuters). Selon l'AFP, AFP/Belga; with AP");
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["AFP", "Reuters", "AFP", "Belga", "AP"]);
        assert!(names("Le RAPport de PC").is_empty());
    }
}
