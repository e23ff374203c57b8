//! Line reading with a size bound, so one huge line cannot take all the memory: the rest of an
//! over-long line is skipped without being stored.

use std::io::{self, BufRead};

pub(crate) enum Line {
    /// A line is in the buffer (without its `\n`).
    Read,
    /// The line was longer than the bound and was skipped; its length in bytes.
    TooLong(u64),
    Eof,
}

/// Reads one line into `buf` (cleared first). Lines over `max` bytes are consumed and reported
/// as [`Line::TooLong`].
pub(crate) fn read_line<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: u64,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if !any {
                Line::Eof
            } else if total > max {
                Line::TooLong(total)
            } else {
                Line::Read
            });
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let content = if done { take - 1 } else { take };
        total = total.saturating_add(content as u64);
        if total <= max {
            buf.extend_from_slice(chunk.get(..content).unwrap_or_default());
        } else if !buf.is_empty() {
            // Over the bound: stop storing, keep counting.
            buf.clear();
            buf.shrink_to(64 * 1024);
        }
        reader.consume(take);
        if done {
            return Ok(if total > max {
                Line::TooLong(total)
            } else {
                Line::Read
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let mut r = io::BufReader::with_capacity(4, &b"ab\nlonger line\n\nend"[..]);
        let mut buf = Vec::new();
        assert!(matches!(read_line(&mut r, &mut buf, 5), Ok(Line::Read)));
        assert_eq!(buf, b"ab");
        assert!(matches!(
            read_line(&mut r, &mut buf, 5),
            Ok(Line::TooLong(11))
        ));
        assert!(matches!(read_line(&mut r, &mut buf, 5), Ok(Line::Read)));
        assert_eq!(buf, b"");
        assert!(matches!(read_line(&mut r, &mut buf, 5), Ok(Line::Read)));
        assert_eq!(buf, b"end");
        assert!(matches!(read_line(&mut r, &mut buf, 5), Ok(Line::Eof)));
    }
}
