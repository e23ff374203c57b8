//! Boilerplate: lines of page furniture found on the original text, removed from the
//! normalized text and recorded as [`Removal`]s (with what they carried: "Lire aussi" headlines
//! and embedded tweets become [`Embed`]s, source trailers become [`Relay`]s, a byline naming a
//! known outlet becomes the outlet).
//!
//! Only whole lines are removed here (with their line break), so a removal never cuts a
//! sentence. Markers come from `text-boilerplate.toml` of every language; the shapes that are
//! not word lists are read here: embedded tweets (a text line with a Twitter link, then
//! "— Name (@handle) date"), lines made of URLs only, a title repeated at the top of the body,
//! "Sources: RT; Sputnik; AFP" trailers and "Par Euronews" bylines.

use recoupe_model::{Embed, EmbedKind, Lang, Relay, Removal, Span};

use crate::data::{DATA, MatchKind, NameKind};
use crate::lines::{Line, is_blank_char, line_key, line_key_chars, line_key_prefix, lines};
use crate::relays::canonical_name;
use crate::urls::{find_urls, split_glued};

/// Longest line (bytes) that can be a boilerplate line; longer lines are article text.
const MAX_LINE: usize = 300;
/// Longest line that can be a byline or a list item of a related-articles list.
const MAX_BYLINE: usize = 80;
const MAX_LIST_LINE: usize = 200;
const MAX_LIST_LINES: usize = 40;
/// Bylines are looked for among the first lines only.
const BYLINE_LINES: usize = 12;

/// A byline naming an outlet or agency: a known one ("Par Euronews"), or a name that reads
/// as an outlet's ("Par Le Veilleur du Levant", "By The Evening Courier").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// Canonical name for a known outlet or agency, else the name as written.
    pub name: String,
    /// Span of the name in the original text.
    pub span: Span,
    /// Whether the name is a wire agency (relayed rather than publishing).
    pub relay: bool,
}

/// What the boilerplate pass found.
#[derive(Clone, Debug, Default)]
pub struct Boilerplate {
    /// Removed lines, sorted, non-overlapping, each ending after its line break.
    pub removals: Vec<Removal>,
    pub embeds: Vec<Embed>,
    pub relays: Vec<Relay>,
    pub byline: Option<Byline>,
    /// The author a byline names ("Par Jean Dupont"), as written.
    pub author: Option<String>,
    /// The title, when the text starts with it twice and the input gave none.
    pub title: Option<String>,
}

fn folder(lang: Lang) -> &'static str {
    match lang {
        Lang::Other => "common",
        other => other.code(),
    }
}

/// The trimmed part of a line, with its span.
fn trimmed<'a>(line: &Line<'a>) -> (Span, &'a str) {
    let t = line.text.trim_start_matches(is_blank_char);
    let start = line.content.start + (line.text.len() - t.len());
    let t = t.trim_end_matches(is_blank_char);
    (Span::new(start, start + t.len()), t)
}

struct Pass<'a> {
    lines: Vec<Line<'a>>,
    /// For each line that can be boilerplate (short enough, not blank), the start of its key:
    /// as much as marker matching needs.
    keys: Vec<Option<String>>,
    removed: Vec<bool>,
    out: Boilerplate,
}

impl Pass<'_> {
    fn remove(&mut self, i: usize, kind: &str, rule: &str) {
        if let (Some(line), Some(flag)) = (self.lines.get(i), self.removed.get_mut(i)) {
            *flag = true;
            self.out.removals.push(Removal {
                span: line.full,
                kind: kind.to_owned(),
                rule: rule.to_owned(),
            });
        }
    }

    fn key(&self, i: usize) -> Option<&str> {
        self.keys.get(i).and_then(|k| k.as_deref())
    }

    /// Whether line `i` can be boilerplate and its whole key is `key`, read no further than
    /// the first difference.
    fn full_key_is(&self, i: usize, key: &str) -> bool {
        self.key(i).is_some()
            && self
                .lines
                .get(i)
                .is_some_and(|l| line_key_chars(l.text).eq(key.chars()))
    }

    /// Whether lines `a` and `b` can both be boilerplate and have the same whole key, read
    /// no further than the first difference.
    fn same_full_key(&self, a: usize, b: usize) -> bool {
        self.key(a).is_some()
            && self.key(b).is_some()
            && match (self.lines.get(a), self.lines.get(b)) {
                (Some(la), Some(lb)) => line_key_chars(la.text).eq(line_key_chars(lb.text)),
                _ => false,
            }
    }
}

/// Finds the boilerplate lines of an original text. `title` is the title the input declared.
pub fn find_boilerplate(text: &str, title: Option<&str>) -> Boilerplate {
    let lines = lines(text);
    let keys = lines
        .iter()
        .map(|l| {
            (l.text.len() <= MAX_LINE && !l.is_blank())
                .then(|| line_key_prefix(l.text, DATA.marker_chars + 1))
        })
        .collect();
    let mut pass = Pass {
        removed: vec![false; lines.len()],
        lines,
        keys,
        out: Boilerplate::default(),
    };
    duplicate_title(&mut pass, title);
    let mut nonblank_seen = 0;
    for i in 0..pass.lines.len() {
        if pass.removed[i] || pass.lines[i].is_blank() {
            continue;
        }
        nonblank_seen += 1;
        if marker_rules(&mut pass, i) {
            if pass.removed.get(i + 1).is_some_and(|&r| r) && tail_removed(&pass, i) {
                break;
            }
            continue;
        }
        if pass.key(i).is_none() {
            continue;
        }
        let _ = url_line(&mut pass, i)
            || tag_line(&mut pass, i)
            || tweet(&mut pass, i)
            || source_trailer(&mut pass, i)
            || (nonblank_seen <= BYLINE_LINES && byline(&mut pass, i));
    }
    trailing_tags(&mut pass);
    pass.out.removals.sort_by_key(|r| r.span.start);
    pass.out
}

/// Whether every line from `i` on was removed (a related-articles list took the rest).
fn tail_removed(pass: &Pass<'_>, i: usize) -> bool {
    pass.removed[i..].iter().all(|&r| r)
}

/// Removes copies of the title repeated at the top of the body. The first copy stays: it is
/// the headline, and headlines carry figures and attributions of their own.
fn duplicate_title(pass: &mut Pass<'_>, title: Option<&str>) {
    let first: Vec<usize> = (0..pass.lines.len())
        .filter(|&i| !pass.lines[i].is_blank())
        .take(3)
        .collect();
    let rule = "boilerplate/common/duplicate-title";
    match title.map(line_key).filter(|k| !k.is_empty()) {
        Some(tkey) => {
            let copies: Vec<usize> = first
                .iter()
                .copied()
                .filter(|&i| pass.full_key_is(i, &tkey))
                .collect();
            for &i in copies.iter().skip(1) {
                pass.remove(i, "duplicate-title", rule);
            }
        }
        None => {
            if let [a, b, ..] = first[..]
                && pass.same_full_key(a, b)
            {
                pass.remove(b, "duplicate-title", rule);
                pass.out.title = Some(trimmed(&pass.lines[a]).1.to_owned());
            }
        }
    }
}

/// Applies the data-file rules to line `i`; true when the line was removed.
fn marker_rules(pass: &mut Pass<'_>, i: usize) -> bool {
    let Some(key) = pass.keys.get_mut(i).and_then(Option::take) else {
        return false;
    };
    let removed = apply_markers(pass, i, &key);
    // The key is still needed by later rules when the line stays.
    if let Some(slot) = pass.keys.get_mut(i) {
        *slot = Some(key);
    }
    removed
}

fn apply_markers(pass: &mut Pass<'_>, i: usize, key: &str) -> bool {
    for rule in &DATA.boilerplate {
        let hit = match rule.how {
            MatchKind::Line | MatchKind::Tail => rule.markers.iter().find(|m| *m == key),
            MatchKind::Prefix => rule.markers.iter().find(|m| {
                key.strip_prefix(m.as_str()).is_some_and(|rest| {
                    // "lire aussi" must be followed by a separator, not by "lire aussitôt".
                    rest.is_empty()
                        || m.ends_with(|c: char| !c.is_alphanumeric())
                        || rest.starts_with(|c: char| !c.is_alphanumeric())
                        || rule.kind != "read-also"
                })
            }),
        };
        let Some(marker) = hit else {
            continue;
        };
        match rule.how {
            MatchKind::Tail => {
                let rest_is_list = pass.lines[i + 1..]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .take(MAX_LIST_LINES + 1)
                    .enumerate()
                    .all(|(n, l)| n < MAX_LIST_LINES && l.text.len() <= MAX_LIST_LINE);
                if !rest_is_list {
                    return false;
                }
                let start = pass.lines[i].full.start;
                let end = pass.lines.last().map_or(start, |l| l.full.end);
                pass.out.removals.push(Removal {
                    span: Span::new(start, end),
                    kind: rule.kind.clone(),
                    rule: rule.rule.clone(),
                });
                for flag in &mut pass.removed[i..] {
                    *flag = true;
                }
                return true;
            }
            _ => {
                if rule.kind == "read-also" {
                    read_also(pass, i, marker.chars().count(), &rule.rule);
                }
                pass.remove(i, &rule.kind, &rule.rule);
                return true;
            }
        }
    }
    false
}

/// Keeps the headline of a "Lire aussi : …" line as a link embed.
fn read_also(pass: &mut Pass<'_>, i: usize, marker_chars: usize, rule: &str) {
    let (span, t) = trimmed(&pass.lines[i]);
    let cut = t
        .char_indices()
        .nth(marker_chars)
        .map_or(t.len(), |(k, _)| k);
    let headline = t[cut..].trim_start_matches(|c: char| {
        is_blank_char(c) || matches!(c, ':' | '-' | '–' | '—' | '>' | '»')
    });
    let urls = find_urls(headline)
        .iter()
        .map(|u| u.slice(headline).to_owned())
        .collect();
    pass.out.embeds.push(Embed {
        kind: EmbedKind::Link,
        span,
        author: None,
        handle: None,
        date_text: None,
        text: (!headline.is_empty()).then(|| headline.to_owned()),
        urls,
        rule: rule.to_owned(),
    });
}

/// A line made of URLs only.
fn url_line(pass: &mut Pass<'_>, i: usize) -> bool {
    let (_, t) = trimmed(&pass.lines[i]);
    let urls = find_urls(t);
    let mut rest = t.to_owned();
    for u in urls.iter().rev() {
        rest.replace_range(u.start..u.end, "");
    }
    if urls.is_empty() || !rest.chars().all(is_blank_char) {
        return false;
    }
    pass.remove(i, "url", "boilerplate/common/url-line");
    true
}

/// Whether a word is a hashtag: `#` then letters, digits or `_`, with at least one letter.
fn is_hashtag(word: &str) -> bool {
    word.strip_prefix('#').is_some_and(|tag| {
        tag.chars().all(|c| c.is_alphanumeric() || c == '_') && tag.chars().any(char::is_alphabetic)
    })
}

/// The words of a line from the last one backwards, with their byte offsets, split on blank
/// characters. Lazy, so that only the end of a long line is read.
fn words_from_end(t: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = t.len();
    std::iter::from_fn(move || {
        let trimmed = t.get(..end)?.trim_end_matches(is_blank_char);
        let start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| is_blank_char(c))
            .map_or(0, |(k, c)| k + c.len_utf8());
        end = start;
        trimmed
            .get(start..)
            .filter(|w| !w.is_empty())
            .map(|w| (start, w))
    })
}

/// A line made of hashtags only ("#Alep #Syrie"): a tag list, not a sentence.
fn tag_line(pass: &mut Pass<'_>, i: usize) -> bool {
    let (_, t) = trimmed(&pass.lines[i]);
    let mut words = words_from_end(t).peekable();
    if words.peek().is_none() || !words.all(|(_, w)| is_hashtag(w)) {
        return false;
    }
    pass.remove(i, "tags", "boilerplate/common/tag-line");
    true
}

/// Hashtags that end the article text after a finished sentence ("… d'autres. #Russie"):
/// a tag list on the last line, cut from the end of that line.
fn trailing_tags(pass: &mut Pass<'_>) {
    let Some(i) = (0..pass.lines.len())
        .rev()
        .find(|&i| !pass.removed[i] && !pass.lines[i].is_blank())
    else {
        return;
    };
    let line = pass.lines[i];
    let (span, t) = trimmed(&line);
    let mut words = words_from_end(t);
    let mut first_tag = None;
    let before = loop {
        match words.next() {
            Some((k, w)) if is_hashtag(w) => first_tag = Some(k),
            other => break other,
        }
    };
    // No tags, or nothing but tags (a tag line, handled above).
    let (Some(first), Some((_, before))) = (first_tag, before) else {
        return;
    };
    let finished = before
        .trim_end_matches(['»', '"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', '…']);
    if !finished {
        return;
    }
    pass.out.removals.push(Removal {
        span: Span::new(span.start + first, line.full.end),
        kind: "tags".to_owned(),
        rule: "boilerplate/common/trailing-tags".to_owned(),
    });
}

/// The parts of a tweet signature "— Name (@handle) date".
struct Signature {
    author: String,
    handle: String,
    date: Option<String>,
}

fn signature(line: &str) -> Option<Signature> {
    let t = line.trim_matches(is_blank_char);
    let t = t.strip_prefix(['—', '–', '-'])?;
    if !t.starts_with(is_blank_char) {
        return None;
    }
    let open = t.find("(@")?;
    let author = t[..open].trim_matches(is_blank_char);
    let after = &t[open + 2..];
    let close = after.find(')')?;
    let handle = &after[..close];
    let valid = !author.is_empty()
        && author.len() <= MAX_BYLINE
        && !handle.is_empty()
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let date = after[close + 1..].trim_matches(is_blank_char);
    Some(Signature {
        author: author.to_owned(),
        handle: handle.to_owned(),
        date: (!date.is_empty()).then(|| date.to_owned()),
    })
}

/// An embedded tweet: its signature line, and the line before it when that line links to
/// Twitter.
fn tweet(pass: &mut Pass<'_>, i: usize) -> bool {
    let Some(sig) = signature(pass.lines[i].text) else {
        return false;
    };
    let prev = (0..i).rev().find(|&j| !pass.lines[j].is_blank());
    let body = prev.filter(|&j| {
        let t = pass.lines[j].text;
        !pass.removed[j] && (t.contains("twitter.com") || t.contains("t.co/"))
    });
    let rule = "boilerplate/common/tweet";
    let (start, text, urls) = match body {
        Some(j) => {
            let (_, t) = trimmed(&pass.lines[j]);
            let found = find_urls(t);
            let mut words = t.to_owned();
            for u in found.iter().rev() {
                words.replace_range(u.start..u.end, "");
            }
            let urls = found
                .iter()
                .flat_map(|u| split_glued(u.slice(t)))
                .map(str::to_owned)
                .collect();
            let words = words.trim_matches(is_blank_char).to_owned();
            (j, (!words.is_empty()).then_some(words), urls)
        }
        None => (i, None, Vec::new()),
    };
    let span = Span::new(pass.lines[start].content.start, pass.lines[i].content.end);
    pass.out.embeds.push(Embed {
        kind: EmbedKind::Tweet,
        span,
        author: Some(sig.author),
        handle: Some(sig.handle),
        date_text: sig.date,
        text,
        urls,
        rule: rule.to_owned(),
    });
    let full = Span::new(pass.lines[start].full.start, pass.lines[i].full.end);
    for flag in &mut pass.removed[start..=i] {
        *flag = true;
    }
    pass.out.removals.push(Removal {
        span: full,
        kind: "embed".to_owned(),
        rule: rule.to_owned(),
    });
    true
}

/// Splits a list of names ("RT; Sputnik et AFP") into item spans relative to `s`.
fn list_items(s: &str) -> Vec<Span> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (k, c) in s.char_indices() {
        if matches!(c, ';' | ',' | '/' | '&' | '+') {
            cuts.push((k, k + c.len_utf8()));
        }
    }
    let lower = s.to_lowercase();
    if lower.len() == s.len() {
        for w in &DATA.relay_words.list_words {
            let pat = format!(" {w} ");
            let mut from = 0;
            while let Some(k) = lower[from..].find(&pat) {
                cuts.push((from + k, from + k + pat.len()));
                from += k + pat.len();
            }
        }
    }
    cuts.sort();
    let mut items = Vec::new();
    let mut start = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        if a < start {
            continue;
        }
        let item = &s[start..a];
        let lead = item.len() - item.trim_start_matches(is_blank_char).len();
        let t = item.trim_matches(is_blank_char);
        items.push(Span::new(start + lead, start + lead + t.len()));
        start = b;
    }
    items
}

/// Whether a list item looks like a source's name: short, a few words, no sentence.
fn name_like(item: &str) -> bool {
    !item.is_empty()
        && item.len() <= 40
        && item.split_whitespace().count() <= 4
        && item.chars().next().is_some_and(|c| c.is_alphanumeric())
        && !item.ends_with(['.', '!', '?'])
}

/// A "Sources: RT; Sputnik; AFP" line.
fn source_trailer(pass: &mut Pass<'_>, i: usize) -> bool {
    let line = pass.lines[i];
    let Some(colon) = line.text.find(':') else {
        return false;
    };
    let label = line_key(&line.text[..colon]);
    let Some((lang, _)) = DATA
        .relay_words
        .source_labels
        .iter()
        .find(|(_, w)| *w == label)
    else {
        return false;
    };
    let list = &line.text[colon + 1..];
    let base = line.content.start + colon + 1;
    let items = list_items(list);
    if items.is_empty() || !items.iter().all(|s| name_like(s.slice(list))) {
        return false;
    }
    let lang = folder(*lang);
    for item in items {
        pass.out.relays.push(Relay {
            name: canonical_name(item.slice(list)),
            span: item.shift(base),
            rule: format!("relays/{lang}/sources-trailer"),
        });
    }
    pass.remove(
        i,
        "relay-trailer",
        &format!("boilerplate/{lang}/sources-trailer"),
    );
    true
}

/// A byline near the top: "Par Euronews", "By The Evening Courier", "Par Jean Dupont".
fn byline(pass: &mut Pass<'_>, i: usize) -> bool {
    let line = pass.lines[i];
    let (span, t) = trimmed(&line);
    if t.len() > MAX_BYLINE || t.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    let Some((lang, rest)) = DATA.relay_words.byline_words.iter().find_map(|(lang, w)| {
        let head = t.get(..w.len())?;
        let rest = t.get(w.len()..)?;
        (head.eq_ignore_ascii_case(w) && rest.starts_with(is_blank_char)).then_some((*lang, rest))
    }) else {
        return false;
    };
    let name = rest.trim_matches(is_blank_char);
    if !is_name(name) {
        return false;
    }
    let start = span.start
        + (t.len() - rest.len())
        + (rest.len() - rest.trim_start_matches(is_blank_char).len());
    let span = Span::new(start, start + name.len());
    if let Some(alias) = DATA.canonical(name) {
        if pass.out.byline.is_none() {
            pass.out.byline = Some(Byline {
                name: alias.canonical.clone(),
                span,
                relay: alias.kind == NameKind::Agency,
            });
        }
    } else if names_outlet(name) {
        if pass.out.byline.is_none() {
            pass.out.byline = Some(Byline {
                name: name.to_owned(),
                span,
                relay: false,
            });
        }
    } else if pass.out.author.is_none() {
        pass.out.author = Some(name.to_owned());
    }
    pass.remove(i, "byline", &format!("boilerplate/{}/byline", folder(lang)));
    true
}

/// Whether a byline's text is a name: at most six words, capitalized but for small particles
/// ("Le Veilleur du Levant", "Quotidien de l'Est"), starting with a capital.
fn is_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first_capital = name.chars().next().is_some_and(char::is_uppercase);
    first_capital && name.split_whitespace().count() <= 6 && words.all(capital_or_particle)
}

fn capital_or_particle(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let key = line_key(word);
    DATA.relay_words.name_particles.iter().any(|p| {
        key == *p
            || (p.ends_with('\'')
                && key.starts_with(p.as_str())
                && word
                    .chars()
                    .nth(p.chars().count())
                    .is_some_and(char::is_uppercase))
    })
}

/// Whether a name that is not a known agency or outlet reads as an outlet's: it opens with an
/// article ("Le Veilleur du Levant", "L'Écho des Deux Rives", "The Evening Courier") or holds
/// a word of the outlet vocabulary ("Quotidien de l'Est").
fn names_outlet(name: &str) -> bool {
    let key = line_key(name);
    let words = &DATA.relay_words;
    let first = key.split(' ').next().unwrap_or("");
    let article = words
        .outlet_articles
        .iter()
        .any(|a| first == a || (a.ends_with('\'') && first.starts_with(a.as_str())));
    article
        || key
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| words.outlet_words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_split_on_separators_and_words() {
        let s = " RT; Sputnik et AFP";
        let items: Vec<&str> = list_items(s).iter().map(|i| i.slice(s)).collect();
        assert_eq!(items, ["RT", "Sputnik", "AFP"]);
    }

    #[test]
    fn tweet_signature() {
        let sig = signature("— RT France (@RTenfrancais) 11 décembre 2016");
        let sig = sig.map(|s| (s.author, s.handle, s.date));
        assert_eq!(
            sig,
            Some((
                "RT France".into(),
                "RTenfrancais".into(),
                Some("11 décembre 2016".into())
            ))
        );
        assert!(signature("- une phrase (@ ici)").is_none());
    }

    #[test]
    fn byline_names() {
        assert!(is_name("Le Veilleur du Levant"));
        assert!(is_name("Quotidien de l’Est"));
        assert!(!is_name("la suite des événements"));
        assert!(names_outlet("The Evening Courier"));
        assert!(names_outlet("L’Écho des Deux Rives"));
        assert!(names_outlet("Quotidien de l'Est"));
        assert!(!names_outlet("Jean Dupont"));
        assert!(!names_outlet("Laurent Lequien"));
    }
}
