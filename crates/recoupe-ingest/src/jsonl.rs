//! JSON Lines: one document per line, read line by line so memory stays flat on big files.
//!
//! Known fields: `id` (→ given id), `url`, `outlet`, `title`, `published` or `date`, `lang`,
//! and `text` or `html` (HTML goes through the extractor). Every other field is kept in the
//! document's metadata. Blank lines are skipped; a bad line is an error for that line only.

use std::io::BufRead;

use recoupe_model::{Diagnostic, InputDocument, InputFormat, Source};
use serde_json::{Map, Value};

use crate::Item;
use crate::decode::invalid_utf8;
use crate::html;
use crate::lines::{Line, read_line};
use crate::problem::{code, error, io_error, too_large};

pub(crate) struct JsonlReader<R> {
    reader: R,
    name: String,
    max_line: u64,
    gzip: bool,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
    /// Documents and problems given so far, to tell an input with no record at all.
    produced: usize,
}

impl<R: BufRead> JsonlReader<R> {
    pub(crate) fn new(reader: R, name: &str, max_line: u64, gzip: bool) -> Self {
        JsonlReader {
            reader,
            name: name.to_owned(),
            max_line,
            gzip,
            line_no: 0,
            buf: Vec::new(),
            done: false,
            produced: 0,
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let line = read_line(&mut self.reader, &mut self.buf, self.max_line);
            let record = format!("line {}", self.line_no + 1);
            let item = match line {
                Ok(Line::Eof) => {
                    self.done = true;
                    if self.produced == 0 {
                        return Some(error(
                            code::EMPTY,
                            &self.name,
                            None,
                            "no JSON line in the input",
                        ));
                    }
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    io_error(&self.name, Some(&record), &e, self.gzip)
                }
                Ok(Line::TooLong(len)) => {
                    self.line_no += 1;
                    too_large(&self.name, Some(&record), Some(len), self.max_line)
                }
                Ok(Line::Read) => {
                    self.line_no += 1;
                    let bytes = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
                    let bytes = if self.line_no == 1 {
                        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
                    } else {
                        bytes
                    };
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    read_record(bytes, &self.name, &record)
                }
            };
            self.produced += 1;
            return Some(item);
        }
        None
    }
}

/// One line to a document or to the error that says why it gave none.
pub(crate) fn read_record(bytes: &[u8], name: &str, record: &str) -> Item {
    let mut repaired = None;
    // The whole line checked at once, with SIMD, rather than string by string by the
    // parser; a line that is not UTF-8 takes the parser's path, whose errors it reports.
    let parsed = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Value>(text),
        Err(_) => serde_json::from_slice::<Value>(bytes),
    };
    let value = match parsed {
        Ok(v) => v,
        Err(first) => match std::str::from_utf8(bytes) {
            Ok(_) => return invalid_json(name, record, &first.to_string()),
            Err(_) => {
                // Retry once on the lossy text: a stray byte should not cost the record.
                let replaced: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
                let text = String::from_utf8_lossy(bytes);
                match serde_json::from_str::<Value>(&text) {
                    Ok(v) => {
                        repaired = Some(invalid_utf8(replaced));
                        v
                    }
                    Err(e) => return invalid_json(name, record, &e.to_string()),
                }
            }
        },
    };
    let Value::Object(map) = value else {
        return invalid_json(name, record, "the line is JSON but not an object");
    };
    to_document(map, name, record, repaired)
}

fn invalid_json(name: &str, record: &str, why: &str) -> Item {
    error(
        code::INVALID_JSON,
        name,
        Some(record),
        format!("not valid JSON: {why}"),
    )
}

/// A string field; `null` and empty strings count as absent.
fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(Value::Null) | Some(Value::String(_)) => {
            map.remove(key);
            return None;
        }
        _ => return None,
    }
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn to_document(
    mut map: Map<String, Value>,
    name: &str,
    record: &str,
    repaired: Option<Diagnostic>,
) -> Item {
    let given_id = match map.get("id") {
        Some(Value::Number(n)) => {
            let id = n.to_string();
            map.remove("id");
            Some(id)
        }
        _ => take_string(&mut map, "id"),
    };
    let url = take_string(&mut map, "url");
    let mut doc = InputDocument {
        source: Source {
            path: Some(name.to_owned()),
            url: url.clone(),
            record: Some(record.to_owned()),
            format: Some(InputFormat::Jsonl),
        },
        given_id,
        outlet: take_string(&mut map, "outlet"),
        title: take_string(&mut map, "title"),
        lang: take_string(&mut map, "lang"),
        ..InputDocument::default()
    };
    for key in ["published", "date"] {
        if doc.published.is_some() {
            break;
        }
        if let Some(raw) = take_string(&mut map, key) {
            match crate::dates::parse(&raw) {
                Some(d) => doc.published = Some(d),
                None => {
                    doc.diagnostics.push(crate::dates::unparsed_warning(
                        key,
                        &raw,
                        name,
                        Some(record),
                    ));
                    map.insert(key.to_owned(), Value::String(raw));
                }
            }
        }
    }
    if let Some(text) = take_string(&mut map, "text") {
        doc.text = text;
    } else if let Some(markup) = take_string(&mut map, "html") {
        let page = html::extract_html(&markup);
        doc.text = page.text;
        html::apply_meta(&mut doc, page.meta, page.fallback, name, Some(record));
    }
    if doc.text.trim().is_empty() {
        return error(
            code::NO_TEXT,
            name,
            Some(record),
            "the record has no `text` or `html` field with text in it",
        );
    }
    if let Some(w) = repaired {
        doc.diagnostics
            .insert(0, w.with_source(name).with_record(record));
    }
    doc.metadata.extend(map);
    Item::Document(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(line: &str) -> InputDocument {
        match read_record(line.as_bytes(), "t.jsonl", "line 1") {
            Item::Document(d) => d,
            Item::Problem(p) => panic!("{p}"),
        }
    }

    #[test]
    fn fields() {
        let d = doc(
            r#"{"id": 7, "url": "https://x.fr/a", "outlet": "X", "title": null, "date": "2016-12-14", "lang": "fr", "country": "FR", "text": "Bonjour."}"#,
        );
        assert_eq!(d.given_id.as_deref(), Some("7"));
        assert_eq!(d.source.url.as_deref(), Some("https://x.fr/a"));
        assert_eq!(d.outlet.as_deref(), Some("X"));
        assert_eq!(d.title, None);
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(
            d.published.map(|p| p.to_rfc3339()).as_deref(),
            Some("2016-12-14T00:00:00+00:00")
        );
        assert_eq!(d.metadata.get("country"), Some(&Value::String("FR".into())));
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn unreadable_date_is_kept_with_a_warning() {
        let d = doc(r#"{"date": "la semaine dernière", "text": "x"}"#);
        assert_eq!(d.published, None);
        assert_eq!(
            d.metadata.get("date"),
            Some(&Value::String("la semaine dernière".into()))
        );
        assert_eq!(d.diagnostics[0].code, code::UNPARSED_DATE);
    }

    #[test]
    fn html_field_is_extracted() {
        let d = doc(
            r#"{"html": "<html lang=\"fr\"><head><title>T</title></head><body><p>Un.</p><p>Deux.</p></body></html>"}"#,
        );
        assert_eq!(d.text, "Un.\n\nDeux.");
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn bad_lines() {
        for (line, code) in [
            ("{\"text\": ", code::INVALID_JSON),
            ("[1, 2]", code::INVALID_JSON),
            ("{\"title\": \"t\"}", code::NO_TEXT),
            ("{\"text\": \"  \"}", code::NO_TEXT),
        ] {
            let item = read_record(line.as_bytes(), "t.jsonl", "line 3");
            let p = item.problem().unwrap_or_else(|| panic!("{line}: {item:?}"));
            assert_eq!(p.code, code, "{line}");
            assert_eq!(p.record.as_deref(), Some("line 3"));
        }
    }

    #[test]
    fn invalid_utf8_is_repaired() {
        let d = match read_record(b"{\"text\": \"caf\xe9\"}", "t.jsonl", "line 1") {
            Item::Document(d) => d,
            other => panic!("{other:?}"),
        };
        assert_eq!(d.text, "caf\u{FFFD}");
        assert_eq!(d.diagnostics[0].code, code::INVALID_UTF8);
    }
}
