//! WARC archives, read record by record so memory stays flat: each `response` record with an
//! HTML payload becomes a document. Other records are skipped and counted.
//!
//! Header blocks are parsed with the `warc` crate's parser; the framing around it is done
//! here because the crate's readers neither bound a record's size nor recover after a
//! corrupt record. A corrupt record is an error for that record, and reading resumes at the
//! next line that starts a record (`WARC/`).

use std::io::{self, BufRead, Read};

use recoupe_model::{Diagnostic, InputDocument, InputFormat, Source};
use serde_json::Value;

use crate::Item;
use crate::decode::{charset_param, decode, html_meta_charset};
use crate::html::{apply_meta, extract_html};
use crate::lines::{Line, read_line};
use crate::problem::{code, diagnostic, error, io_error, too_large};

/// Largest header block accepted for one record.
const MAX_HEADER: u64 = 64 * 1024;

pub(crate) struct WarcReader<R> {
    reader: R,
    name: String,
    max_record: u64,
    gzip: bool,
    /// Records seen, to name those whose id is unknown (`record 3`).
    index: usize,
    skipped: usize,
    produced: usize,
    done: bool,
    /// After a corrupt record: skip to the next `WARC/` line.
    resync: bool,
    /// A `WARC/` line found while resynchronising: the start of the next header block.
    carry: Option<Vec<u8>>,
    line: Vec<u8>,
}

enum Step {
    Item(Item),
    Skip,
    End,
    /// Reading cannot go on (I/O error, truncated stream).
    Fatal(Item),
}

impl<R: BufRead> WarcReader<R> {
    pub(crate) fn new(reader: R, name: &str, max_record: u64, gzip: bool) -> Self {
        WarcReader {
            reader,
            name: name.to_owned(),
            max_record,
            gzip,
            index: 0,
            skipped: 0,
            produced: 0,
            done: false,
            resync: false,
            carry: None,
            line: Vec::new(),
        }
    }

    fn record_error(&mut self, record: &str, message: String) -> Step {
        self.resync = true;
        Step::Item(error(code::WARC_RECORD, &self.name, Some(record), message))
    }

    fn io(&self, record: &str, e: &io::Error) -> Step {
        Step::Fatal(io_error(&self.name, Some(record), e, self.gzip))
    }

    fn ended_inside(&self, record: &str) -> Step {
        let message = "the input ends inside this record".to_owned();
        Step::Fatal(error(code::WARC_RECORD, &self.name, Some(record), message))
    }

    /// Reads lines until one starts a record; keeps it for the next header block.
    fn resynchronise(&mut self) -> io::Result<bool> {
        loop {
            match read_line(&mut self.reader, &mut self.line, MAX_HEADER)? {
                Line::Eof => return Ok(false),
                Line::TooLong(_) => {}
                Line::Read => {
                    if self.line.starts_with(b"WARC/") {
                        self.carry = Some(self.line.clone());
                        return Ok(true);
                    }
                }
            }
        }
    }

    /// Consumes the blank lines that close a record.
    fn skip_record_end(&mut self) -> io::Result<()> {
        for _ in 0..4 {
            let buf = self.reader.fill_buf()?;
            match buf.first() {
                Some(b'\r') | Some(b'\n') => self.reader.consume(1),
                _ => break,
            }
        }
        Ok(())
    }

    fn step(&mut self) -> Step {
        let fallback_name = format!("record {}", self.index + 1);
        if self.resync {
            self.resync = false;
            match self.resynchronise() {
                Ok(true) => {}
                Ok(false) => return Step::End,
                Err(e) => return self.io(&fallback_name, &e),
            }
        }
        // The header block, each line normalised to CRLF.
        let mut header = Vec::new();
        let mut first = self.carry.take();
        loop {
            let line = match first.take() {
                Some(l) => l,
                None => match read_line(&mut self.reader, &mut self.line, MAX_HEADER) {
                    Ok(Line::Read) => std::mem::take(&mut self.line),
                    Ok(Line::TooLong(_)) => {
                        self.index += 1;
                        return self
                            .record_error(&fallback_name, "a header line is too long".into());
                    }
                    Ok(Line::Eof) if header.is_empty() => return Step::End,
                    Ok(Line::Eof) => {
                        self.index += 1;
                        return self.ended_inside(&fallback_name);
                    }
                    Err(e) => return self.io(&fallback_name, &e),
                },
            };
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            if line.is_empty() {
                if header.is_empty() {
                    continue; // blank lines between records
                }
                header.extend_from_slice(b"\r\n");
                break;
            }
            header.extend_from_slice(line);
            header.extend_from_slice(b"\r\n");
            if header.len() as u64 > MAX_HEADER {
                self.index += 1;
                return self.record_error(&fallback_name, "the header block is too long".into());
            }
        }
        self.index += 1;

        let (fields, length) = match warc::parser::headers(&header) {
            Ok((_, (_, fields, length))) => (
                fields
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            k.to_ascii_lowercase(),
                            String::from_utf8_lossy(v).trim().to_owned(),
                        )
                    })
                    .collect::<Vec<_>>(),
                length as u64,
            ),
            Err(_) => {
                return self.record_error(
                    &fallback_name,
                    "not a WARC record header (expected `WARC/1.x` and `Name: value` lines)".into(),
                );
            }
        };
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let record = field("warc-record-id").unwrap_or(fallback_name);

        if length > self.max_record {
            if let Err(e) = skip_exact(&mut self.reader, length) {
                return if e.kind() == io::ErrorKind::UnexpectedEof && !self.gzip {
                    self.ended_inside(&record)
                } else {
                    self.io(&record, &e)
                };
            }
            let _ = self.skip_record_end();
            return Step::Item(too_large(
                &self.name,
                Some(&record),
                Some(length),
                self.max_record,
            ));
        }
        let is_response = field("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let mut body = Vec::new();
        let read = (&mut self.reader).take(length).read_to_end(&mut body);
        match read {
            Err(e) => return self.io(&record, &e),
            Ok(n) if (n as u64) < length => return self.ended_inside(&record),
            Ok(_) => {}
        }
        if let Err(e) = self.skip_record_end() {
            return self.io(&record, &e);
        }
        if !is_response {
            self.skipped += 1;
            return Step::Skip;
        }
        let target = field("warc-target-uri").filter(|u| !u.is_empty());
        match response_document(body, &self.name, &record, target, self.max_record) {
            Some(Ok(mut doc)) => {
                if let Some(date) = field("warc-date") {
                    doc.metadata.insert("warc_date".into(), Value::String(date));
                }
                Step::Item(Item::Document(doc))
            }
            Some(Err(problem)) => Step::Item(Item::Problem(problem)),
            None => {
                self.skipped += 1;
                Step::Skip
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.step() {
                Step::Item(item) => {
                    self.produced += 1;
                    return Some(item);
                }
                Step::Skip => {}
                Step::Fatal(item) => {
                    self.done = true;
                    return Some(item);
                }
                Step::End => {
                    self.done = true;
                    if self.skipped > 0 {
                        let d = Diagnostic::info(
                            code::SKIPPED,
                            format!("{} record(s) skipped: not an HTML response", self.skipped),
                        )
                        .with_source(self.name.clone());
                        return Some(Item::Problem(d));
                    }
                    if self.produced == 0 {
                        return Some(error(
                            code::EMPTY,
                            &self.name,
                            None,
                            "no WARC record in the input",
                        ));
                    }
                }
            }
        }
        None
    }
}

fn skip_exact<R: Read>(reader: &mut R, length: u64) -> io::Result<()> {
    let copied = io::copy(&mut reader.take(length), &mut io::sink())?;
    if copied < length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(())
}

/// An HTTP response with an HTML payload → a document; `None` for other responses (not HTML,
/// not a success), which are skipped.
fn response_document(
    body: Vec<u8>,
    name: &str,
    record: &str,
    target_uri: Option<String>,
    max: u64,
) -> Option<Result<InputDocument, Diagnostic>> {
    // Responses to other protocols (`dns:` lookups in crawler archives) are not pages.
    if !body.starts_with(b"HTTP/") {
        return None;
    }
    let head_end = find(&body, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(&body, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_len, payload_start)) = head_end else {
        return Some(Err(diagnostic(
            code::WARC_RECORD,
            name,
            Some(record),
            "the HTTP response has no end of headers",
        )));
    };
    let head = String::from_utf8_lossy(body.get(..head_len).unwrap_or_default()).into_owned();
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let header = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    let content_type = header("content-type").unwrap_or("");
    if !content_type.to_ascii_lowercase().contains("html") {
        return None;
    }
    let mut payload = body.get(payload_start..).unwrap_or_default().to_vec();
    let chunked =
        header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    if let Some(joined) = chunked.then(|| dechunk(&payload)).flatten() {
        payload = joined;
    }
    let mut diagnostics = Vec::new();
    match header("content-encoding").map(|e| e.trim().to_ascii_lowercase()) {
        None => {}
        Some(e) if e == "identity" || e.is_empty() => {}
        Some(e) if e == "gzip" || e == "x-gzip" => {
            let mut out = Vec::new();
            let decoder = flate2::read::MultiGzDecoder::new(payload.as_slice());
            match decoder.take(max).read_to_end(&mut out) {
                Ok(_) => payload = out,
                Err(err) => {
                    return Some(Err(diagnostic(
                        code::WARC_RECORD,
                        name,
                        Some(record),
                        format!("the gzip-encoded HTTP payload is corrupt: {err}"),
                    )));
                }
            }
        }
        Some(e) => {
            return Some(Err(diagnostic(
                code::WARC_RECORD,
                name,
                Some(record),
                format!("HTTP content encoding `{e}` is not supported"),
            )));
        }
    }
    let charset = charset_param(content_type).or_else(|| html_meta_charset(&payload));
    let decoded = decode(payload, charset.as_deref());
    if let Some(w) = decoded.warning {
        diagnostics.push(w.with_source(name).with_record(record));
    }
    let page = extract_html(&decoded.text);
    if page.text.trim().is_empty() {
        return Some(Err(diagnostic(
            code::NO_TEXT,
            name,
            Some(record),
            "no text found in the page",
        )));
    }
    let mut doc = InputDocument {
        source: Source {
            path: Some(name.to_owned()),
            record: Some(record.to_owned()),
            format: Some(InputFormat::Warc),
            url: target_uri,
        },
        text: page.text,
        diagnostics,
        ..InputDocument::default()
    };
    apply_meta(&mut doc, page.meta, page.fallback, name, Some(record));
    Some(Ok(doc))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Joins an HTTP chunked body; `None` when it is not well formed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = find(data, b"\n")?;
        let size_line = std::str::from_utf8(data.get(..line_end)?).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = data.get(line_end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcde"[..])
        );
        assert_eq!(dechunk(b"zz\r\nabc"), None);
        assert_eq!(dechunk(b"ff\r\nabc"), None);
    }
}
