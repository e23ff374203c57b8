//! Tokens of a normalized text for the quotes stage: words (hyphenated words kept whole, an
//! apostrophe ending its word), punctuation and the two canonical quotation marks, each with
//! its lowercase key, word classes, paragraph and sentence, in one pass over the text.
//! Cues are matched here too, once per word, so later rules only read arrays.

use recoupe_model::Span;

use crate::chars::{
    ascii_class, ascii_run, char_at, char_len_at, class, is_alphabetic, is_alphanumeric,
    is_uppercase, lowercase_is_itself, push_lowercase,
};

use recoupe_model::speech::SpeakerKind;

use super::lexicon::{CueClass, CueInfo, Lexicon, Phrase, PhraseWhat, flag, pack_ascii_lower};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct(char),
    Open,
    Close,
}

/// Kept small (56 bytes): the stage makes one per word and the rules walk the array a lot,
/// so offsets inside a token or into [`Tokens::keys`] are `u32` and its marks are bits.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub flags: u32,
    /// Lowercase key: a range of the text when the word is its own key, else of
    /// [`Tokens::keys`].
    key: (u32, u32),
    /// Where the key's inverted-subject suffix starts ("a-t-il" → 1), if it has one.
    /// (0: none; a stem is never empty.)
    stem_len: u32,
    /// Where the inverted subject pronoun ("il" of "a-t-il") starts, from the token's start
    /// (0: none; it always follows a hyphen).
    inv_from: u32,
    pub para: u32,
    pub sent: u32,
    /// What else is known of the token, as [`Tok::CAP`]… bits: one byte rather than eight
    /// `bool`s, since a token is written once per word and the struct is copied whole.
    bits: u8,
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
    /// The quotation marks, by token index.
    pub marks: Vec<usize>,
    /// First and last token of each paragraph that has tokens.
    pub paras: Vec<(usize, usize)>,
    /// First and last token of each sentence that has tokens, in order.
    pub sents: Vec<(usize, usize)>,
}

impl Tok {
    /// First letter upper case.
    const CAP: u8 = 1;
    /// Two letters or more, all upper case (an acronym).
    const ACRONYM: u8 = 1 << 1;
    /// Covered by an adverb or a time adjunct: stepped over between a cue and its speaker.
    const SKIP: u8 = 1 << 2;
    /// Inside a speech quotation (set by the quotation pass).
    const QUOTED: u8 = 1 << 3;
    /// A line break stands between this token and the previous one.
    const NL_BEFORE: u8 = 1 << 4;
    /// A word with a hyphen.
    const HYPHEN: u8 = 1 << 5;
    /// A word of ASCII digits only.
    const DIGITS: u8 = 1 << 6;
    /// The key is a range of the text, not of [`Tokens::keys`].
    const KEY_IN_TEXT: u8 = 1 << 7;

    /// `bit` when `on`, else nothing.
    fn bit(bit: u8, on: bool) -> u8 {
        if on { bit } else { 0 }
    }
    pub fn cap(&self) -> bool {
        self.bits & Self::CAP != 0
    }
    pub fn acronym(&self) -> bool {
        self.bits & Self::ACRONYM != 0
    }
    pub fn skip(&self) -> bool {
        self.bits & Self::SKIP != 0
    }
    pub fn set_skip(&mut self) {
        self.bits |= Self::SKIP;
    }
    pub fn quoted(&self) -> bool {
        self.bits & Self::QUOTED != 0
    }
    pub fn set_quoted(&mut self) {
        self.bits |= Self::QUOTED;
    }
    pub fn nl_before(&self) -> bool {
        self.bits & Self::NL_BEFORE != 0
    }
    fn hyphen(&self) -> bool {
        self.bits & Self::HYPHEN != 0
    }
    fn digits(&self) -> bool {
        self.bits & Self::DIGITS != 0
    }
    fn key_in_text(&self) -> bool {
        self.bits & Self::KEY_IN_TEXT != 0
    }
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
    fn key_of(&self, t: &Tok) -> &str {
        key_in(self.text, &self.keys, t)
    }

    /// The key without its inverted-subject suffix ("a-t-il" → "a").
    fn stem_key(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        let stem_len = usize::try_from(t.stem_len).ok().filter(|&n| n > 0)?;
        self.key_of(t).get(..stem_len)
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

/// The key of `t`, in the text or in the keys of the tokens.
fn key_in<'a>(text: &'a str, keys: &'a str, t: &Tok) -> &'a str {
    let keys = if t.key_in_text() { text } else { keys };
    keys.get(t.key.0 as usize..t.key.1 as usize).unwrap_or("")
}

/// Lowercase keys of the words of a phrase, as the tokenizer cuts them.
pub(crate) fn word_keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan(text, |start, end, is_word| {
        if is_word {
            out.push(text[start..end].to_lowercase());
        }
    });
    out
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
}

/// What [`Scanner`] learns about a token on the way, so the token is not read again.
#[derive(Clone, Copy)]
struct Seen {
    /// The token's first char.
    first: char,
    /// Every char of the token is ASCII.
    ascii: bool,
    /// The classes of its ASCII letters and digits ([`class`] bits).
    classes: u8,
    /// A non-ASCII char whose lower case is another.
    changes_case: bool,
    /// A non-ASCII letter that is not upper case.
    not_upper_letter: bool,
    /// The word has a hyphen.
    hyphen: bool,
    /// A line break stands between this token and the previous one.
    nl_before: bool,
}

/// What a non-ASCII char of a word tells: whether its lower case is another char, and
/// whether it is a letter that is not upper case.
#[inline]
fn non_ascii_case(c: char) -> (bool, bool) {
    (
        !lowercase_is_itself(c),
        is_alphabetic(c) && !is_uppercase(c),
    )
}

/// Cuts `text` into tokens: quotation marks and other punctuation come as one-char tokens;
/// spaces are skipped. An iterator, so the tokenizer's loop body is inlined around it.
struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    nl_before: bool,
}

impl Scanner<'_> {
    /// The next token: start, end, whether it is a word, and what was seen on the way.
    #[inline(always)]
    fn next_token(&mut self) -> Option<(usize, usize, bool, Seen)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        let (c, len) = loop {
            // Spaces, most of the gaps, and the other ASCII white space on bytes.
            match *bytes.get(i)? {
                b' ' => i += 1,
                b'\n' => {
                    self.nl_before = true;
                    i += 1;
                }
                b'\t' | 0x0B | 0x0C | b'\r' => i += 1,
                b if b < 0x80 => break (char::from(b), 1),
                _ => {
                    let (c, len) = char_len_at(text, i)?;
                    if !c.is_whitespace() {
                        break (c, len);
                    }
                    i += len;
                }
            }
        };
        let nl_before = std::mem::take(&mut self.nl_before);
        let ascii_first = len == 1;
        let mut classes = if ascii_first { ascii_class(c as u8) } else { 0 };
        // An ASCII char is a word char when it has a class.
        let word_char = if ascii_first {
            classes != 0
        } else {
            is_word_char(c)
        };
        if !word_char {
            self.pos = i + len;
            let seen = Seen {
                first: c,
                ascii: ascii_first,
                classes,
                changes_case: false,
                not_upper_letter: false,
                hyphen: false,
                nl_before,
            };
            return Some((i, i + len, false, seen));
        }
        // Plain locals rather than a struct updated in place: they stay in registers.
        let (mut ascii, mut changes_case, mut not_upper_letter) = (ascii_first, false, false);
        if !ascii_first {
            (changes_case, not_upper_letter) = non_ascii_case(c);
        }
        let mut hyphen = false;
        let start = i;
        let mut end = i + len;
        let mut prev_alnum = true;
        let mut j = end;
        loop {
            // ASCII letters and digits, most of the text, on bytes.
            let (run_end, run_classes) = ascii_run(bytes, j, class::ALNUM);
            if run_end > j {
                classes |= run_classes;
                j = run_end;
                end = j;
                prev_alnum = true;
            }
            let Some(&b) = bytes.get(j) else {
                break;
            };
            if b >= 0x80 {
                match char_len_at(text, j) {
                    Some((d, d_len)) if is_word_char(d) => {
                        let (changes, not_upper) = non_ascii_case(d);
                        ascii = false;
                        changes_case |= changes;
                        not_upper_letter |= not_upper;
                        j += d_len;
                        end = j;
                        prev_alnum = true;
                    }
                    _ => break,
                }
            } else if b == b'-' && prev_alnum {
                // A hyphen joins two word parts only ("Alep-Est", "a-t-il").
                if char_at(text, j + 1).is_some_and(is_word_char) {
                    hyphen = true;
                    j += 1;
                    end = j;
                    prev_alnum = false;
                } else {
                    break;
                }
            } else if b == b'\'' {
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
        let seen = Seen {
            first: c,
            ascii,
            classes,
            changes_case,
            not_upper_letter,
            hyphen,
            nl_before,
        };
        self.pos = j;
        Some((start, end, true, seen))
    }
}

/// Calls `f(start, end, is_word)` for every token of `text`.
fn scan(text: &str, mut f: impl FnMut(usize, usize, bool)) {
    let mut scanner = Scanner {
        text,
        pos: 0,
        nl_before: false,
    };
    while let Some((start, end, is_word, _)) = scanner.next_token() {
        f(start, end, is_word);
    }
}

/// `n` as a `u32` offset or index of [`Tok`] (texts are far below 4 GiB; saturates beyond).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Tokenizes `text`, giving each token the index of the paragraph and sentence it starts in
/// (`paragraphs` and `sentences` sorted spans of `text`), its key and its word classes.
// Out of line (called once per document) so that a profile shows the tokenizer apart.
#[inline(never)]
pub(crate) fn tokenize<'t>(
    text: &'t str,
    lex: &Lexicon,
    paragraphs: &[Span],
    sentences: &[Span],
) -> Tokens<'t> {
    // A token every four bytes is more than nearly any text has: growing would copy them all.
    let mut toks = Vec::with_capacity(text.len() / 4 + 16);
    // Sized once, for what nearly every text needs, rather than grown by copies.
    // Only the keys that differ from their word: most words are their own key (capitalized
    // words take about one byte of text in ten).
    let mut keys = String::with_capacity(text.len() / 8);
    // Tokens that may start a phrase (as themselves or as a stem), with its phrases: about
    // one every fifty bytes.
    let mut phrase_starts: Vec<(usize, &[Phrase])> = Vec::with_capacity(text.len() / 32);
    let mut marks = Vec::new();
    // First and last token of each paragraph and sentence that has tokens (one more range
    // for tokens past the last span).
    let mut paras: Vec<(usize, usize)> = Vec::with_capacity(paragraphs.len() + 1);
    let mut sents: Vec<(usize, usize)> = Vec::with_capacity(sentences.len() + 1);
    let end_of = |spans: &[Span], k: usize| spans.get(k).map_or(usize::MAX, |x| x.end);
    let (mut p, mut s) = (0usize, 0usize);
    // `p` and `s` as token fields, converted when they change.
    let (mut p32, mut s32) = (0u32, 0u32);
    let (mut p_end, mut s_end) = (end_of(paragraphs, 0), end_of(sentences, 0));
    let mut scanner = Scanner {
        text,
        pos: 0,
        nl_before: false,
    };
    let bytes = text.as_bytes();
    while let Some((start, end, is_word, seen)) = scanner.next_token() {
        let index = toks.len();
        // A token of another paragraph or sentence than the previous one starts a range.
        if p_end <= start || index == 0 {
            while p_end <= start {
                p += 1;
                p_end = end_of(paragraphs, p);
            }
            paras.push((index, index));
            p32 = to_u32(p);
        }
        if s_end <= start || index == 0 {
            while s_end <= start {
                s += 1;
                s_end = end_of(sentences, s);
            }
            sents.push((index, index));
            s32 = to_u32(s);
        }
        let mut tok = Tok {
            start,
            end,
            kind: TokKind::Word,
            key: (to_u32(start), to_u32(end)),
            stem_len: 0,
            inv_from: 0,
            flags: 0,
            para: p32,
            sent: s32,
            bits: Tok::KEY_IN_TEXT
                | Tok::bit(Tok::NL_BEFORE, seen.nl_before)
                | Tok::bit(Tok::HYPHEN, seen.hyphen),
        };
        if !is_word {
            // Punctuation has an empty key, as before keys were read from the text.
            tok.key = (0, 0);
            tok.bits &= !Tok::KEY_IN_TEXT;
            tok.kind = match seen.first {
                '«' => TokKind::Open,
                '»' => TokKind::Close,
                c => TokKind::Punct(c),
            };
            if matches!(tok.kind, TokKind::Open | TokKind::Close) {
                marks.push(index);
            }
            toks.push(tok);
            continue;
        }
        let word = bytes.get(start..end).unwrap_or_default();
        // The key is the word itself, or its lower case in `keys`.
        if seen.classes & class::UPPER != 0 || seen.changes_case {
            let key_start = keys.len();
            let slice = text.get(start..end).unwrap_or_default();
            if seen.ascii {
                keys.push_str(slice);
                if let Some(key) = keys.get_mut(key_start..) {
                    key.make_ascii_lowercase();
                }
            } else {
                for ch in slice.chars() {
                    push_lowercase(ch, &mut keys);
                }
            }
            tok.key = (to_u32(key_start), to_u32(keys.len()));
            tok.bits &= !Tok::KEY_IN_TEXT;
        }
        if seen.ascii {
            // The common case, decided on bytes.
            if seen.classes & class::UPPER != 0 {
                // An acronym is capitalized with no lower-case letter: most words stop at
                // the first test, without counting letters.
                let cap = word
                    .iter()
                    .find(|c| c.is_ascii_alphabetic())
                    .is_some_and(u8::is_ascii_uppercase);
                let acronym = cap
                    && seen.classes & class::LOWER == 0
                    && word.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
                tok.bits |= Tok::bit(Tok::CAP, cap) | Tok::bit(Tok::ACRONYM, acronym);
            } else {
                let digits = seen.classes == class::DIGIT && word.iter().all(u8::is_ascii_digit);
                tok.bits |= Tok::bit(Tok::DIGITS, digits);
            }
        } else {
            let slice = text.get(start..end).unwrap_or_default();
            let cap = slice
                .chars()
                .find(|&ch| is_alphabetic(ch))
                .is_some_and(is_uppercase);
            // Every upper-case char is a letter: with no letter that is not upper case, the
            // word is an acronym when it has two letters.
            let acronym = seen.classes & class::LOWER == 0
                && !seen.not_upper_letter
                && slice
                    .chars()
                    .filter(|&ch| is_alphabetic(ch))
                    .nth(1)
                    .is_some();
            tok.bits |= Tok::bit(Tok::CAP, cap) | Tok::bit(Tok::ACRONYM, acronym);
        }
        // Most words are ASCII: their key is packed from the text, not read from a string.
        let packed = if seen.ascii {
            pack_ascii_lower(bytes, start, end, seen.classes & class::UPPER != 0)
        } else {
            None
        };
        let (mut flags, starting) = match packed {
            Some(packed) => lex.word_packed(packed),
            None => lex.word(key_in(text, &keys, &tok)),
        };
        // Most words have no hyphen, and every suffix needs one: skip the comparisons.
        if flags == 0 && starting.is_empty() && (!lex.inversion_hyphenated || tok.hyphen()) {
            let key = key_in(text, &keys, &tok);
            for suffix in &lex.inversion_suffixes {
                if key.len() > suffix.len() && key.ends_with(suffix.as_str()) {
                    let stem_len = key.len() - suffix.len();
                    tok.stem_len = to_u32(stem_len);
                    // The pronoun is what follows the last hyphen of the suffix.
                    if let Some(h) = word.iter().rposition(|&b| b == b'-') {
                        tok.inv_from = to_u32(h + 1);
                    }
                    flags = lex.flags(key.get(..stem_len).unwrap_or(""));
                    break;
                }
            }
        }
        tok.flags = flags;
        if !starting.is_empty() || tok.stem_len > 0 {
            phrase_starts.push((index, starting));
        }
        toks.push(tok);
    }
    // Each range ends where the next one starts.
    for ranges in [&mut paras, &mut sents] {
        let mut next_first = toks.len();
        for range in ranges.iter_mut().rev() {
            range.1 = next_first.saturating_sub(1).max(range.0);
            next_first = range.0;
        }
    }
    let mut tokens = Tokens {
        text,
        toks,
        keys,
        cues: Vec::new(),
        marks,
        paras,
        sents,
    };
    classify(&mut tokens, lex, &phrase_starts);
    tokens
}

/// Skippable adjuncts and cues, once every word has its classes; `phrase_starts` are the
/// words that may start a phrase, with the phrases starting with their key.
// Out of line, like `tokenize`, for profiles.
#[inline(never)]
fn classify(t: &mut Tokens, lex: &Lexicon, phrase_starts: &[(usize, &[Phrase])]) {
    let n = t.toks.len();
    // Adjuncts: adverbs, time words, dates ("le 16 décembre 2016"), and "ce"/"on" before a
    // time word. Backwards, so a prefix sees whether what follows it is an adjunct.
    let digits = |t: &Tokens, i: usize| t.toks.get(i).is_some_and(|x| x.digits());
    for i in (0..n).rev() {
        let f = t.toks[i].flags;
        // Only adjunct words and numbers can be stepped over: most words stop here.
        if f & (flag::ADVERB | flag::TIME | flag::TIME_PREFIX) == 0 && !digits(t, i) {
            continue;
        }
        let next_skip = t.toks.get(i + 1).is_some_and(|x| x.skip() && x.is_word());
        let next_time = t.toks.get(i + 1).is_some_and(|x| x.has(flag::TIME));
        let skip = f & (flag::ADVERB | flag::TIME) != 0
            || (next_time && digits(t, i))
            || (f & flag::TIME_PREFIX != 0 && next_skip && (next_time || digits(t, i + 1)));
        if skip {
            t.toks[i].set_skip();
        }
    }
    for i in 1..n {
        if digits(t, i) && t.toks[i - 1].has(flag::TIME) {
            t.toks[i].set_skip();
        }
    }
    // Phrases: multi-word adjuncts and cues, longest match at each word.
    let mut next = 0;
    for &(i, starting) in phrase_starts {
        // A word inside the phrase just matched starts none.
        if i < next {
            continue;
        }
        let found = match_phrase(t, i, starting)
            .or_else(|| match_phrase(t, i, lex.phrases(t.stem_key(i)?)));
        let Some((last, what)) = found else {
            continue;
        };
        match what {
            PhraseWhat::Skip => {
                for k in i..=last {
                    t.toks[k].set_skip();
                }
            }
            PhraseWhat::Cue(info) => {
                if let Some(hit) = cue_hit(t, i, last, info.clone()) {
                    for k in i..=last {
                        t.toks[k].flags |= flag::CUE;
                    }
                    t.cues.push(hit);
                }
            }
        }
        next = last + 1;
    }
}

/// The first of `phrases` (those starting with a key of token `i`) that the words after `i`
/// complete: its last token and what it stands for.
fn match_phrase<'l>(
    t: &Tokens,
    i: usize,
    phrases: &'l [Phrase],
) -> Option<(usize, &'l PhraseWhat)> {
    let word_key = |j: usize| t.toks.get(j).filter(|x| x.is_word()).map(|x| t.key_of(x));
    // The word after `i` is compared with every phrase: read its key once.
    let next = word_key(i + 1);
    'phrases: for p in phrases {
        for (k, want) in p.rest.iter().enumerate() {
            let key = if k == 0 { next } else { word_key(i + 1 + k) };
            if key != Some(want.as_str()) {
                continue 'phrases;
            }
        }
        return Some((i + p.rest.len(), &p.what));
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
        while j > 0 && t.toks[j - 1].skip() && t.toks[j - 1].is_word() {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One token is written per word and copied whole: its marks stay bits.
    #[test]
    fn tokens_stay_small() {
        assert!(std::mem::size_of::<Tok>() <= 56);
        let mut tok = Tok {
            start: 0,
            end: 1,
            kind: TokKind::Word,
            key: (0, 1),
            stem_len: 0,
            inv_from: 0,
            flags: 0,
            para: 0,
            sent: 0,
            bits: Tok::bit(Tok::CAP, true) | Tok::bit(Tok::DIGITS, false),
        };
        assert!(tok.cap() && !tok.digits() && !tok.skip() && !tok.quoted());
        tok.set_skip();
        tok.set_quoted();
        assert!(tok.skip() && tok.quoted() && tok.cap() && !tok.acronym());
    }
}
