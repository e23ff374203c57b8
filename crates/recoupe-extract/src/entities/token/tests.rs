//! The tokenizer against the one it replaced.

use super::*;

/// The tokenizer of main 2138a76, kept as the slow path the fast one must agree with.
fn reference<'t>(
    text: &'t str,
    elisions: &Words,
    lang: Lang,
    sentence_starts: &[usize],
) -> Vec<Tok<'t>> {
    let bytes = text.as_bytes();
    // A token every four bytes is more than nearly any text has (five and a half in the
    // corpus): growing the vector would copy every token.
    let mut toks: Vec<Tok<'t>> = Vec::with_capacity(text.len() / 4 + 16);
    let start_of = |k: usize| sentence_starts.get(k).copied().unwrap_or(usize::MAX);
    let mut next_sentence = 0usize;
    let mut next_start = start_of(0);
    let mut sentence = 0u32;
    let mut initial = true;
    let mut quoted = false;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        // Plain spaces, most of the gaps, on bytes.
        if b == b' ' {
            i += 1;
            continue;
        }
        // Plain ASCII bytes are the common case: decide on them without decoding.
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                initial = true;
            }
            i += len;
            continue;
        }
        // Only tokens read the sentence count, so it is brought up to date at each.
        while next_start <= i {
            next_sentence += 1;
            next_start = start_of(next_sentence);
            sentence += 1;
            initial = true;
        }
        if !is_alphanumeric(c) {
            match c {
                '«' => {
                    quoted = true;
                    initial = true;
                }
                '»' => quoted = false,
                ':' | '•' | '—' | '–' | '*' | '_' | '"' | '[' => initial = true,
                _ => {}
            }
            toks.push(Tok {
                text: text.get(i..i + len).unwrap_or(""),
                start: i,
                end: i + len,
                word: false,
                upper: false,
                initial: false,
                quoted,
                hyphen: false,
                sentence,
                lower: Cow::Borrowed(""),
            });
            i += len;
            continue;
        }
        let start = i;
        let cut = reference_word_end(text, start, elisions, lang);
        let word = text.get(start..cut.end).unwrap_or("");
        let lower = match cut.case {
            Case::AsciiLower => Cow::Borrowed(word),
            Case::AsciiUpper => Cow::Owned(word.to_ascii_lowercase()),
            Case::Unchanged => Cow::Borrowed(word),
            Case::Other => Cow::Owned(word.to_lowercase()),
        };
        toks.push(Tok {
            text: word,
            start,
            end: cut.end,
            word: true,
            upper: is_uppercase(c),
            initial,
            quoted,
            hyphen: cut.hyphen,
            sentence,
            lower,
        });
        initial = false;
        i = cut.end;
    }
    toks
}

/// End of the word starting at `start`: letters and digits, joined by a hyphen, an apostrophe
/// or (in initialisms like "U.N") a period followed by a letter. An elided article ends at its
/// apostrophe; an English possessive "'s" is left out. Also says how the word lowers and
/// whether it has a hyphen, found on the way so the word is not scanned again.
fn reference_word_end(text: &str, start: usize, elisions: &Words, lang: Lang) -> Cut {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut pos = start;
    let mut segment_len = 0usize;
    let mut segment_upper = false;
    // `upper`: a character whose lower case is another (an ASCII capital, "É").
    let (mut ascii, mut upper, mut hyphen) = (true, false, false);
    let cut = |end, ascii, upper, hyphen| Cut {
        end,
        case: case(ascii, upper),
        hyphen,
    };
    loop {
        // ASCII letters and digits, most of the text, on bytes.
        let (run_end, seen) = ascii_run(bytes, pos, class::ALNUM);
        if run_end > pos {
            if segment_len == 0 {
                segment_upper = bytes.get(pos).is_some_and(u8::is_ascii_uppercase);
            }
            upper |= seen & class::UPPER != 0;
            segment_len += run_end - pos;
            pos = run_end;
            end = pos;
        }
        // Most words end at a space or a mark that joins nothing: known from the byte.
        match bytes.get(pos) {
            None => break,
            Some(&b) if b < 0x80 && !matches!(b, b'-' | b'\'' | b'.') => break,
            _ => {}
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        let len = c.len_utf8();
        if is_alphanumeric(c) {
            if segment_len == 0 {
                segment_upper = is_uppercase(c);
            }
            upper |= !lowercase_is_itself(c);
            ascii = false;
            segment_len += 1;
            end = pos + len;
            pos += len;
            continue;
        }
        if !joins(c) {
            break;
        }
        let next = char_at(text, pos + len);
        if !next.is_some_and(is_alphanumeric) {
            break;
        }
        match c {
            '\'' => {
                let before = text.get(start..pos).unwrap_or("");
                // A word without capitals is its own lower case: no copy to look it up.
                let elided = if !upper {
                    elisions.contains(before)
                } else {
                    elisions.contains(&lowercase(before))
                };
                if elided {
                    return cut(pos + 1, ascii, upper, hyphen);
                }
                if lang == Lang::En && possessive(text.get(pos + 1..).unwrap_or("")) {
                    return cut(pos, ascii, upper, hyphen);
                }
            }
            '.' => {
                // Only initialisms: one capital letter, a period, another capital.
                let next_upper = next.is_some_and(char::is_uppercase);
                if !(segment_len == 1 && segment_upper && next_upper) {
                    break;
                }
            }
            _ => hyphen = true,
        }
        segment_len = 0;
        pos += len;
    }
    let first = char_at(text, start).map_or(1, char::len_utf8);
    if end < start + first {
        // Not reached: the word starts with a letter or digit.
        return Cut {
            end: start + first,
            case: Case::Other,
            hyphen,
        };
    }
    cut(end, ascii, upper, hyphen)
}

type Fields<'t> = (&'t str, usize, usize, [bool; 5], u32, String);

fn fields<'t>(toks: &[Tok<'t>]) -> Vec<Fields<'t>> {
    toks.iter()
        .map(|t| {
            let flags = [t.word, t.upper, t.initial, t.quoted, t.hyphen];
            (
                t.text,
                t.start,
                t.end,
                flags,
                t.sentence,
                t.lower.to_string(),
            )
        })
        .collect()
}

fn elisions() -> Words {
    let mut words = Words::default();
    for w in ["l", "d", "qu", "j", "n", "s", "c", "jusqu", "lorsqu"] {
        words.insert(w.to_string());
    }
    words
}

fn check(text: &str, elisions: &Words) {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| *c == '.')
        .map(|(i, _)| i + 1)
        .collect();
    for lang in [Lang::Fr, Lang::En] {
        for starts in [&starts[..], &[]] {
            let lowered = text.to_ascii_lowercase();
            let fast = tokenize(text, &lowered, elisions, lang, starts);
            let slow = reference(text, elisions, lang, starts);
            assert_eq!(fields(&fast), fields(&slow), "{text:?}");
        }
    }
}

#[test]
fn same_tokens_as_before() {
    let elisions = elisions();
    let texts = [
        "",
        " ",
        "L'ONU a dit à l’Élysée qu'Alep-Est, U.N. et el-Assad «\u{a0}Bon\u{a0}» — 2016.",
        "Sergueï Lavrov\tdit:\n« ÉTAT » d'Ébène, John's book, l'État\u{2009}islamique\r\n",
        "Ωμέγα ΣΊΣΥΦΟΣ İstanbul Straße ǅemal ﬁn 12,5 % 3e x² ×÷ …\u{85}\u{2028}x\u{3000}y",
        "jusqu'à lorsqu'il, L'Express, D'ACCORD, A.B.C, a.b, U.n, -x, x-, x--y, x'-y, '",
        "ça Ça ÇA œuvre Œuvre ŒUVRE ǈ ǉ Ǉ ß ẞ ı İ I’m I'm it's Bob's 's \x0b\x0c\x1c",
    ];
    for text in texts {
        check(text, &elisions);
    }
    // Every triple of a set of awkward chars, alone and inside words.
    let chars = [
        'a',
        'Z',
        'é',
        'É',
        '1',
        '-',
        '\'',
        '’',
        '.',
        ' ',
        '\n',
        '\t',
        '«',
        '»',
        'Σ',
        'ß',
        'İ',
        '\u{a0}',
        ':',
        '—',
        'ǅ',
        '中',
        '\u{1F600}',
    ];
    for a in chars {
        for b in chars {
            for c in chars {
                let text: String = [a, b, c].iter().collect();
                check(&text, &elisions);
                check(&format!("l{text}x"), &elisions);
                check(&format!("L{text}Ab"), &elisions);
            }
        }
    }
}
