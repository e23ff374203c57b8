//! Relayed agencies and outlets mentioned in running text: "(AFP)", "(avec AFP)",
//! "avec Reuters", "with AFP", "AFP/Reuters". Source trailers and bylines are lines of their
//! own and are read by the boilerplate pass.

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

/// The language whose "with" word ends `before` ("… avec "), if any.
fn with_word_before(before: &str) -> Option<Lang> {
    let before = before.strip_suffix("l'").unwrap_or(before);
    let before = before.strip_suffix(' ')?;
    DATA.relay_words.with_words.iter().find_map(|(lang, w)| {
        let start = before.len().checked_sub(w.len())?;
        let tail = before.get(start..)?;
        let boundary = before[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (boundary && tail.eq_ignore_ascii_case(w)).then_some(*lang)
    })
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
    for (k, &(start, end, alias)) in matches.iter().enumerate() {
        let before = &text[..start];
        let slash_before = k > 0 && before.ends_with('/') && matches[k - 1].1 + 1 == start;
        let slash_after =
            text[end..].starts_with('/') && matches.get(k + 1).is_some_and(|m| m.0 == end + 1);
        let rule = if before.ends_with('(') {
            Some("relays/common/parenthesis".to_owned())
        } else if slash_before || slash_after {
            Some("relays/common/slash".to_owned())
        } else {
            with_word_before(before).map(|lang| format!("relays/{}/with", folder(lang)))
        };
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
