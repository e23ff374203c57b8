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
        let (take, done) = match find_newline(chunk) {
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

/// Index of the first `\n` of `bytes`. Every byte of the input passes here; reading eight
/// bytes at a time costs about one instruction a byte where a byte loop cost six.
fn find_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const NEWLINES: u64 = ONES * b'\n' as u64;
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        // Bytes equal to `\n` become zero; the lowest zero byte gets its high bit set in
        // `zero` (a borrow can only set bits above a real zero byte, never below).
        let v = u64::from_le_bytes(eight) ^ NEWLINES;
        let zero = v.wrapping_sub(ONES) & !v & HIGHS;
        if zero != 0 {
            return Some(base + (zero.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| base + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newline_found_at_every_place() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 7) as u8).collect();
                // Bytes that differ from `\n` by one bit or a borrow.
                bytes.iter_mut().step_by(3).for_each(|b| *b = 0x0B);
                bytes.iter_mut().skip(1).step_by(5).for_each(|b| *b = 0x8A);
                if at < len {
                    bytes[at] = b'\n';
                    if at + 1 < len {
                        bytes[at + 1] = b'\n';
                    }
                }
                let expected = bytes.iter().position(|&b| b == b'\n');
                assert_eq!(find_newline(&bytes), expected, "{bytes:?}");
            }
        }
    }

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
