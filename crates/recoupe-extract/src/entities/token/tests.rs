//! The tokenizer against the one it replaced.

use super::*;

/// The tokenizer of main 2138a76, kept as the slow path the fast one must agree with: its loop
/// over gaps and marks; words are cut by the same `word_end`, which that change left alone.
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
        // The word cut did not change with the gap loop: the reference reads it the same way.
        let cut = word_end(text, start, elisions, lang);
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
