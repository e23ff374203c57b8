//! Opening one input: undo gzip, peek at the first bytes to choose the reader, refuse empty
//! and binary inputs, then hand the stream to the reader. JSONL and WARC are streamed; the
//! other formats are read whole, up to the size limit.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use recoupe_model::InputFormat;

use crate::detect::{NameHint, is_gzip, looks_binary, name_hint, resolve};
use crate::jsonl::JsonlReader;
use crate::problem::{code, error, io_error, too_large};
use crate::warc::WarcReader;
use crate::{IngestConfig, Item, feed, html, text};

/// Items of one input, streamed.
pub(crate) type ItemIter = Box<dyn Iterator<Item = Item> + Send>;

/// Bytes looked at to choose a reader.
const SNIFF_BYTES: u64 = 8 * 1024;
const BUFFER: usize = 64 * 1024;

fn one(item: Item) -> ItemIter {
    Box::new(std::iter::once(item))
}

/// Opens a file; `display` is the path as the user gave it or as found in a directory.
pub(crate) fn open_file(path: &Path, display: &str, config: &IngestConfig) -> ItemIter {
    match File::open(path) {
        Ok(file) => {
            let size = file.metadata().ok().map(|m| m.len());
            open_stream(display, Some(name_hint(path)), Box::new(file), size, config)
        }
        Err(e) => one(io_error(display, None, &e, false)),
    }
}

/// Reads one stream. `hint` is what the name says about the format (`None`: nothing).
pub(crate) fn read_stream(
    name: &str,
    hint: Option<NameHint>,
    reader: Box<dyn Read + Send>,
    config: &IngestConfig,
) -> ItemIter {
    open_stream(name, hint, reader, None, config)
}

/// [`read_stream`], knowing the size of a file: a whole-read format over the limit is then
/// refused without reading it.
fn open_stream(
    name: &str,
    hint: Option<NameHint>,
    reader: Box<dyn Read + Send>,
    size: Option<u64>,
    config: &IngestConfig,
) -> ItemIter {
    let mut raw = BufReader::with_capacity(BUFFER, reader);
    let gzip = match raw.fill_buf() {
        Ok(head) => is_gzip(head),
        Err(e) => return one(io_error(name, None, &e, false)),
    };
    let mut inner: Box<dyn Read + Send> = if gzip {
        Box::new(MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut head = Vec::new();
    if let Err(e) = (&mut inner).take(SNIFF_BYTES).read_to_end(&mut head) {
        if head.is_empty() {
            return one(io_error(name, None, &e, gzip));
        }
        // A short stream that fails (a truncated gzip): read what came, then the error.
        inner = Box::new(Failing(Some(e)));
    }
    if head.is_empty() {
        return one(error(code::EMPTY, name, None, "the input is empty"));
    }
    let format = resolve(
        config.input_format,
        hint.unwrap_or(NameHint::Unknown),
        &head,
    );
    if format != InputFormat::Warc && looks_binary(&head) {
        return one(error(
            code::BINARY,
            name,
            None,
            "the input looks binary (NUL or control bytes), not text",
        ));
    }
    let reader = BufReader::with_capacity(BUFFER, Cursor::new(head).chain(inner));
    let max = config.max_file_bytes;
    match format {
        InputFormat::Jsonl => Box::new(JsonlReader::new(reader, name, max, gzip)),
        InputFormat::Warc => Box::new(WarcReader::new(reader, name, max, gzip)),
        InputFormat::Text | InputFormat::Html | InputFormat::Feed => {
            if let Some(size) = size.filter(|&s| !gzip && s > max) {
                return one(too_large(name, None, Some(size), max));
            }
            let mut bytes = Vec::new();
            match reader.take(max.saturating_add(1)).read_to_end(&mut bytes) {
                Ok(n) if n as u64 > max => one(too_large(name, None, None, max)),
                Ok(_) => {
                    let items = match format {
                        InputFormat::Text => text::read(name, bytes),
                        InputFormat::Html => html::read(name, bytes),
                        _ => feed::read(name, bytes),
                    };
                    Box::new(items.into_iter())
                }
                Err(e) => one(read_failure(name, &e, gzip)),
            }
        }
    }
}

/// A reader that fails once with a stored error, then ends.
struct Failing(Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

fn read_failure(name: &str, e: &io::Error, gzip: bool) -> Item {
    io_error(name, None, e, gzip)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `-` does: no name, so the content decides.
    fn formats_of(bytes: &[u8]) -> Vec<Option<InputFormat>> {
        read_stream(
            "-",
            None,
            Box::new(Cursor::new(bytes.to_vec())),
            &IngestConfig::default(),
        )
        .map(|item| match item {
            Item::Document(d) => d.source.format,
            Item::Problem(p) => panic!("{p}"),
        })
        .collect()
    }

    #[test]
    fn standard_input_is_sniffed() {
        assert_eq!(
            formats_of(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
            vec![Some(InputFormat::Jsonl); 2]
        );
        assert_eq!(
            formats_of(b"<!doctype html><p>Un.</p>"),
            vec![Some(InputFormat::Html)]
        );
        assert_eq!(
            formats_of(b"<rss version=\"2.0\"><channel><title>T</title><item><description>Un.</description></item></channel></rss>"),
            vec![Some(InputFormat::Feed)]
        );
        assert_eq!(
            formats_of("Alep.\nSuite.".as_bytes()),
            vec![Some(InputFormat::Text)]
        );
    }

    #[test]
    fn gzip_on_standard_input() {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = e.write_all(b"{\"text\":\"a\"}\n");
        let packed = e.finish().unwrap_or_default();
        assert_eq!(formats_of(&packed), vec![Some(InputFormat::Jsonl)]);
    }
}
