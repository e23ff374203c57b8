//! Tokens of a normalized text for the quotes stage: words (hyphenated words kept whole, an
//! apostrophe ending its word), punctuation and the two canonical quotation marks, each with
//! its lowercase key, word classes, paragraph and sentence, in one pass over the text.
//! Cues are matched here too, once per word, so later rules only read arrays.

use recoupe_model::Span;

use crate::chars::{
    ascii_run, char_at, class, is_alphabetic, is_alphanumeric, is_uppercase, push_lowercase,
};

use recoupe_model::speech::SpeakerKind;

use super::lexicon::{CueClass, CueInfo, Lexicon, Phrase, PhraseWhat, flag};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct(char),
    Open,
    Close,
}

/// Kept small (64 bytes): the stage makes one per word and the rules walk the array a lot,
/// so offsets inside a token or into [`Tokens::keys`] are `u32`.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub flags: u32,
    /// Lowercase key in [`Tokens::keys`].
    key: (u32, u32),
    /// Where the key's inverted-subject suffix starts ("a-t-il" → 1), if it has one.
    stem_len: Option<u32>,
    /// Where the inverted subject pronoun ("il" of "a-t-il") starts, from the token's start
    /// (0: none; it always follows a hyphen).
    inv_from: u32,
    pub para: u32,
    pub sent: u32,
    /// First letter upper case.
    pub cap: bool,
    /// Two letters or more, all upper case (an acronym).
    pub acronym: bool,
    /// Covered by an adverb or a time adjunct: stepped over between a cue and its speaker.
    pub skip: bool,
    /// Inside a speech quotation (set by the quotation pass).
    pub quoted: bool,
    /// A line break stands between this token and the previous one.
    pub nl_before: bool,
    /// A word with a hyphen.
    hyphen: bool,
}

/// A speech cue found in the text: the verb or marker, with its auxiliary.
#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    /// First token, auxiliary included.
    pub first: usize,
    /// First token of the verb or marker itself.
    pub verb: usize,
    /// Last token.
    pub last: usize,
    pub info: CueInfo,
    /// Inverted subject pronoun ("a-t-il poursuivi", "poursuit-il").
    pub pronoun: Option<Span>,
}

pub(crate) struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    keys: String,
    pub cues: Vec<CueHit>,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn has(&self, bit: u32) -> bool {
        self.flags & bit != 0
    }
    /// The inverted subject pronoun ("il" of "a-t-il"), in the text.
    pub fn inv_pronoun(&self) -> Option<Span> {
        (self.inv_from > 0).then(|| Span::new(self.start + self.inv_from as usize, self.end))
    }
}

impl<'t> Tokens<'t> {
    pub fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.keys.get(t.key.0 as usize..t.key.1 as usize))
            .unwrap_or("")
    }

    /// The key without its inverted-subject suffix ("a-t-il" → "a").
    fn stem_key(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        let start = t.key.0 as usize;
        self.keys.get(start..start + t.stem_len? as usize)
    }

    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// The span from the start of token `a` to the end of token `b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if x.start <= y.end => Span::new(x.start, y.end),
            _ => Span::default(),
        }
    }
}

/// Lowercase keys of the words of a phrase, as the tokenizer cuts them.
pub(crate) fn word_keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan(text, |start, end, is_word, _| {
        if is_word {
            out.push(text[start..end].to_lowercase());
        }
    });
    out
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
}

/// What [`scan`] learns about a token on the way, so the token is not read again.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// Every char of the token is ASCII.
    ascii: bool,
    /// The token has an ASCII upper-case letter.
    upper: bool,
    /// The word has a hyphen.
    hyphen: bool,
    /// A line break stands between this token and the previous one.
    nl_before: bool,
}

/// Calls `f(start, end, is_word, seen)` for every token of `text`. Quotation marks and other
/// punctuation come as one-char tokens; spaces are skipped.
fn scan(text: &str, mut f: impl FnMut(usize, usize, bool, Seen)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut nl_before = false;
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            nl_before |= c == '\n';
            i += len;
            continue;
        }
        let mut seen = Seen {
            ascii: len == 1,
            upper: c.is_ascii_uppercase(),
            hyphen: false,
            nl_before,
        };
        nl_before = false;
        if !is_word_char(c) {
            f(i, i + len, false, seen);
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut prev_alnum = true;
        let mut j = end;
        loop {
            // ASCII letters and digits, most of the text, on bytes.
            let (run_end, classes) = ascii_run(bytes, j, class::ALNUM);
            if run_end > j {
                seen.upper |= classes & class::UPPER != 0;
                j = run_end;
                end = j;
                prev_alnum = true;
            }
            let Some(d) = char_at(text, j) else {
                break;
            };
            if is_word_char(d) {
                seen.ascii = false;
                j += d.len_utf8();
                end = j;
                prev_alnum = true;
            } else if d == '-' && prev_alnum {
                // A hyphen joins two word parts only ("Alep-Est", "a-t-il").
                if char_at(text, j + 1).is_some_and(is_word_char) {
                    seen.hyphen = true;
                    j += 1;
                    end = j;
                    prev_alnum = false;
                } else {
                    break;
                }
            } else if d == '\'' {
                // An apostrophe before a letter ends its word ("l'", "qu'"); so does one
                // ending the text (a lexicon entry such as "l'").
                if char_at(text, j + 1).is_none_or(is_alphabetic) {
                    j += 1;
                    end = j;
                }
                break;
            } else {
                break;
            }
        }
        f(start, end, true, seen);
        i = j;
    }
}

/// `n` as a `u32` offset or index of [`Tok`] (texts are far below 4 GiB; saturates beyond).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Tokenizes `text`, giving each token the index of the paragraph and sentence it starts in
/// (`paragraphs` and `sentences` sorted spans of `text`).
pub(crate) fn tokenize<'t>(
    text: &'t str,
    lex: &Lexicon,
    paragraphs: &[Span],
    sentences: &[Span],
) -> Tokens<'t> {
    // A token every four bytes is more than nearly any text has: growing would copy them all.
    let mut toks = Vec::with_capacity(text.len() / 4 + 16);
    let mut keys = String::with_capacity(text.len());
    let (mut p, mut s) = (0usize, 0usize);
    scan(text, |start, end, is_word, seen| {
        let slice = &text[start..end];
        while paragraphs.get(p).is_some_and(|x| x.end <= start) {
            p += 1;
        }
        while sentences.get(s).is_some_and(|x| x.end <= start) {
            s += 1;
        }
        let kind = if is_word {
            TokKind::Word
        } else {
            match slice.chars().next() {
                Some('«') => TokKind::Open,
                Some('»') => TokKind::Close,
                Some(c) => TokKind::Punct(c),
                None => TokKind::Punct(' '),
            }
        };
        let key_start = keys.len();
        let (mut cap, mut acronym) = (false, false);
        if is_word && seen.ascii {
            // The common case, decided on bytes; a word without a capital is its own key.
            keys.push_str(slice);
            if seen.upper {
                if let Some(key) = keys.get_mut(key_start..) {
                    key.make_ascii_lowercase();
                }
                // An acronym is capitalized with no lower-case letter: most words stop at
                // the first test, without counting letters.
                let bytes = slice.as_bytes();
                cap = bytes
                    .iter()
                    .find(|c| c.is_ascii_alphabetic())
                    .is_some_and(u8::is_ascii_uppercase);
                acronym = cap
                    && !bytes.iter().any(u8::is_ascii_lowercase)
                    && bytes.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
            }
        } else if is_word {
            let (mut uppers, mut alpha) = (0usize, 0usize);
            for ch in slice.chars() {
                push_lowercase(ch, &mut keys);
                let upper = is_uppercase(ch);
                if is_alphabetic(ch) {
                    if alpha == 0 {
                        cap = upper;
                    }
                    alpha += 1;
                }
                uppers += usize::from(upper);
            }
            acronym = alpha >= 2 && uppers == alpha;
        }
        let nl_before = seen.nl_before;
        toks.push(Tok {
            start,
            end,
            kind,
            cap,
            acronym,
            key: (to_u32(key_start), to_u32(keys.len())),
            stem_len: None,
            inv_from: 0,
            flags: 0,
            skip: false,
            quoted: false,
            para: to_u32(p),
            sent: to_u32(s),
            nl_before,
            hyphen: seen.hyphen,
        });
    });
    let mut tokens = Tokens {
        text,
        toks,
        keys,
        cues: Vec::new(),
    };
    classify(&mut tokens, lex);
    tokens
}

/// Word classes, inverted subjects, skippable adjuncts and cues.
fn classify(t: &mut Tokens, lex: &Lexicon) {
    let n = t.toks.len();
    // The phrases starting with each word's key, from the one look-up of its flags.
    let mut phrases: Vec<&[Phrase]> = vec![&[]; n];
    for (i, slot) in phrases.iter_mut().enumerate() {
        if !t.toks[i].is_word() {
            continue;
        }
        let key = t.key(i);
        let (mut flags, starting) = lex.word(key);
        *slot = starting;
        let mut stem_len = None;
        let mut inv_from = 0;
        // Most words have no hyphen, and every suffix needs one: skip the comparisons.
        if flags == 0 && starting.is_empty() && (!lex.inversion_hyphenated || t.toks[i].hyphen) {
            for suffix in &lex.inversion_suffixes {
                if key.len() > suffix.len() && key.ends_with(suffix.as_str()) {
                    stem_len = Some(to_u32(key.len() - suffix.len()));
                    // The pronoun is what follows the last hyphen of the suffix.
                    let tok = &t.toks[i];
                    let word = &t.text[tok.start..tok.end];
                    if let Some(h) = word.rfind('-') {
                        inv_from = to_u32(h + 1);
                    }
                    break;
                }
            }
        }
        if let Some(len) = stem_len {
            let start = t.toks[i].key.0 as usize;
            let stem = t.keys.get(start..start + len as usize).unwrap_or("");
            flags = lex.flags(stem);
        }
        let tok = &mut t.toks[i];
        tok.flags = flags;
        tok.stem_len = stem_len;
        tok.inv_from = inv_from;
    }
    // Adjuncts: adverbs, time words, dates ("le 16 décembre 2016"), and "ce"/"on" before a
    // time word. Backwards, so a prefix sees whether what follows it is an adjunct.
    let digits = |t: &Tokens, i: usize| {
        t.toks.get(i).is_some_and(|x| {
            x.is_word() && t.text[x.start..x.end].bytes().all(|b| b.is_ascii_digit())
        })
    };
    for i in (0..n).rev() {
        let f = t.toks[i].flags;
        let next_skip = t.toks.get(i + 1).is_some_and(|x| x.skip && x.is_word());
        let next_time = t.toks.get(i + 1).is_some_and(|x| x.has(flag::TIME));
        let skip = f & (flag::ADVERB | flag::TIME) != 0
            || (next_time && digits(t, i))
            || (f & flag::TIME_PREFIX != 0 && next_skip && (next_time || digits(t, i + 1)));
        if skip {
            t.toks[i].skip = true;
        }
    }
    for i in 1..n {
        if t.toks[i - 1].has(flag::TIME) && digits(t, i) {
            t.toks[i].skip = true;
        }
    }
    // Phrases: multi-word adjuncts and cues, longest match at each word.
    let mut i = 0;
    while i < n {
        // Most words start no phrase, as themselves or as a stem.
        if !t.toks[i].is_word() || (phrases[i].is_empty() && t.toks[i].stem_len.is_none()) {
            i += 1;
            continue;
        }
        let found = match_phrase(t, i, phrases[i])
            .or_else(|| match_phrase(t, i, lex.phrases(t.stem_key(i)?)));
        let Some((last, what)) = found else {
            i += 1;
            continue;
        };
        match what {
            PhraseWhat::Skip => {
                for k in i..=last {
                    t.toks[k].skip = true;
                }
            }
            PhraseWhat::Cue(info) => {
                if let Some(hit) = cue_hit(t, i, last, info) {
                    for k in i..=last {
                        t.toks[k].flags |= flag::CUE;
                    }
                    t.cues.push(hit);
                }
            }
        }
        i = last + 1;
    }
}

/// The first of `phrases` (those starting with a key of token `i`) that the words after `i`
/// complete: its last token and what it stands for.
fn match_phrase(t: &Tokens, i: usize, phrases: &[Phrase]) -> Option<(usize, PhraseWhat)> {
    'phrases: for p in phrases {
        for (k, want) in p.rest.iter().enumerate() {
            let j = i + 1 + k;
            if !t.toks.get(j).is_some_and(Tok::is_word) || t.key(j) != want {
                continue 'phrases;
            }
        }
        return Some((i + p.rest.len(), p.what.clone()));
    }
    None
}

/// A cue at tokens `verb..=last`, with its auxiliary: a participle without one is no cue.
fn cue_hit(t: &Tokens, verb: usize, last: usize, info: CueInfo) -> Option<CueHit> {
    if info.initial && !heads_sentence_with_source(t, verb, last) {
        return None;
    }
    let mut first = verb;
    let mut pronoun = t.toks.get(verb).and_then(Tok::inv_pronoun);
    if matches!(info.class, CueClass::Finite | CueClass::Participle) {
        let mut j = verb;
        while j > 0 && t.toks[j - 1].skip && t.toks[j - 1].is_word() {
            j -= 1;
        }
        if j > 0 && t.toks[j - 1].is_word() && t.toks[j - 1].has(flag::AUX) {
            first = j - 1;
            pronoun = pronoun.or(t.toks[j - 1].inv_pronoun());
        } else if info.class == CueClass::Participle {
            return None;
        }
    }
    Some(CueHit {
        first,
        verb,
        last,
        info,
        pronoun,
    })
}

/// Whether the marker at `verb..=last` opens its sentence and is followed by a speaker phrase
/// and a comma ("Pour Igor Konachenkov, …", "Pour lui, …").
fn heads_sentence_with_source(t: &Tokens, verb: usize, last: usize) -> bool {
    let Some(sent) = t.toks.get(verb).map(|x| x.sent) else {
        return false;
    };
    let first_word = t.toks[..verb]
        .iter()
        .rev()
        .take_while(|x| x.sent == sent)
        .all(|x| !x.is_word());
    if !first_word {
        return false;
    }
    let limit = last
        + 1
        + t.toks[last + 1..]
            .iter()
            .take_while(|x| x.sent == sent)
            .count();
    super::np::forward(t, last + 1, limit).is_some_and(|np| {
        // A name or a pronoun: "Pour le moment, …" is no source.
        matches!(
            np.kind,
            SpeakerKind::Name | SpeakerKind::Organisation | SpeakerKind::Pronoun
        ) && t.is_punct(np.whole.1 + 1, ',')
    })
}
