//! Tokens of a normalized text for the quotes stage: words (hyphenated words kept whole, an
//! apostrophe ending its word), punctuation and the two canonical quotation marks, each with
//! its lowercase key, word classes, paragraph and sentence, in one pass over the text.
//! Cues are matched here too, once per word, so later rules only read arrays.

use recoupe_model::Span;

use crate::chars::{
    ascii_class, ascii_run, char_at, class, is_alphabetic, is_alphanumeric, is_uppercase,
    lowercase_is_itself, push_lowercase,
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
    /// Lowercase key: a range of the text when the word is its own key, else of
    /// [`Tokens::keys`].
    key: (u32, u32),
    key_in_text: bool,
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
    /// A word of ASCII digits only.
    digits: bool,
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
        self.toks.get(i).map_or("", |t| self.key_of(t))
    }

    fn key_of(&self, t: &Tok) -> &str {
        let keys = if t.key_in_text {
            self.text
        } else {
            self.keys.as_str()
        };
        keys.get(t.key.0 as usize..t.key.1 as usize).unwrap_or("")
    }

    /// The key without its inverted-subject suffix ("a-t-il" → "a").
    fn stem_key(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        self.key_of(t).get(..t.stem_len? as usize)
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
#[derive(Clone, Copy, Default)]
struct Seen {
    /// Every char of the token is ASCII.
    ascii: bool,
    /// The classes of its ASCII letters and digits ([`class`] bits).
    classes: u8,
    /// The word has a hyphen.
    hyphen: bool,
    /// A line break stands between this token and the previous one.
    nl_before: bool,
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
        let c = loop {
            // Plain spaces, most of the gaps, on bytes.
            if bytes.get(i) == Some(&b' ') {
                i += 1;
                continue;
            }
            let c = char_at(text, i)?;
            if !c.is_whitespace() {
                break c;
            }
            self.nl_before |= c == '\n';
            i += c.len_utf8();
        };
        let len = c.len_utf8();
        let mut seen = Seen {
            ascii: len == 1,
            classes: if len == 1 {
                bytes.get(i).map_or(0, |&b| ascii_class(b))
            } else {
                0
            },
            hyphen: false,
            nl_before: self.nl_before,
        };
        self.nl_before = false;
        if !is_word_char(c) {
            self.pos = i + len;
            return Some((i, i + len, false, seen));
        }
        let start = i;
        let mut end = i + len;
        let mut prev_alnum = true;
        let mut j = end;
        loop {
            // ASCII letters and digits, most of the text, on bytes.
            let (run_end, classes) = ascii_run(bytes, j, class::ALNUM);
            if run_end > j {
                seen.classes |= classes;
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
pub(crate) fn tokenize<'t>(
    text: &'t str,
    lex: &Lexicon,
    paragraphs: &[Span],
    sentences: &[Span],
) -> Tokens<'t> {
    // A token every four bytes is more than nearly any text has: growing would copy them all.
    let mut toks = Vec::with_capacity(text.len() / 4 + 16);
    // Only the keys that differ from their word: most words are their own key.
    let mut keys = String::new();
    // Tokens that may start a phrase (as themselves or as a stem), with its phrases.
    let mut phrase_starts: Vec<(usize, &[Phrase])> = Vec::new();
    let mut marks = Vec::new();
    let (mut paras, mut sents) = (Ranges::default(), Ranges::default());
    let end_of = |spans: &[Span], k: usize| spans.get(k).map_or(usize::MAX, |x| x.end);
    let (mut p, mut s) = (0usize, 0usize);
    let (mut p_end, mut s_end) = (end_of(paragraphs, 0), end_of(sentences, 0));
    let mut scanner = Scanner {
        text,
        pos: 0,
        nl_before: false,
    };
    while let Some((start, end, is_word, seen)) = scanner.next_token() {
        let index = toks.len();
        while p_end <= start {
            p += 1;
            p_end = end_of(paragraphs, p);
        }
        while s_end <= start {
            s += 1;
            s_end = end_of(sentences, s);
        }
        let Some(slice) = text.get(start..end) else {
            continue;
        };
        paras.add(p, index);
        sents.add(s, index);
        let mut tok = Tok {
            start,
            end,
            kind: TokKind::Word,
            cap: false,
            acronym: false,
            key: (to_u32(start), to_u32(end)),
            key_in_text: true,
            stem_len: None,
            inv_from: 0,
            flags: 0,
            skip: false,
            quoted: false,
            digits: false,
            para: to_u32(p),
            sent: to_u32(s),
            nl_before: seen.nl_before,
            hyphen: seen.hyphen,
        };
        if !is_word {
            // Punctuation has an empty key, as before keys were read from the text.
            tok.key = (0, 0);
            tok.key_in_text = false;
            tok.kind = match slice.chars().next() {
                Some('«') => TokKind::Open,
                Some('»') => TokKind::Close,
                Some(c) => TokKind::Punct(c),
                None => TokKind::Punct(' '),
            };
            if matches!(tok.kind, TokKind::Open | TokKind::Close) {
                marks.push(index);
            }
            toks.push(tok);
            continue;
        }
        if seen.ascii {
            // The common case, decided on bytes; a word without a capital is its own key.
            if seen.classes & class::UPPER != 0 {
                let key_start = keys.len();
                keys.push_str(slice);
                if let Some(key) = keys.get_mut(key_start..) {
                    key.make_ascii_lowercase();
                }
                tok.key = (to_u32(key_start), to_u32(keys.len()));
                tok.key_in_text = false;
                // An acronym is capitalized with no lower-case letter: most words stop at
                // the first test, without counting letters.
                let bytes = slice.as_bytes();
                tok.cap = bytes
                    .iter()
                    .find(|c| c.is_ascii_alphabetic())
                    .is_some_and(u8::is_ascii_uppercase);
                tok.acronym = tok.cap
                    && seen.classes & class::LOWER == 0
                    && bytes.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
            } else {
                tok.digits =
                    seen.classes == class::DIGIT && slice.bytes().all(|b| b.is_ascii_digit());
            }
        } else {
            let (mut uppers, mut alpha) = (0usize, 0usize);
            let mut own_key = true;
            for ch in slice.chars() {
                let upper = is_uppercase(ch);
                if is_alphabetic(ch) {
                    if alpha == 0 {
                        tok.cap = upper;
                    }
                    alpha += 1;
                }
                uppers += usize::from(upper);
                own_key &= lowercase_is_itself(ch);
            }
            tok.acronym = alpha >= 2 && uppers == alpha;
            if !own_key {
                let key_start = keys.len();
                for ch in slice.chars() {
                    push_lowercase(ch, &mut keys);
                }
                tok.key = (to_u32(key_start), to_u32(keys.len()));
                tok.key_in_text = false;
            }
        }
        let key = if tok.key_in_text { text } else { keys.as_str() }
            .get(tok.key.0 as usize..tok.key.1 as usize)
            .unwrap_or("");
        let (mut flags, starting) = lex.word(key);
        // Most words have no hyphen, and every suffix needs one: skip the comparisons.
        if flags == 0 && starting.is_empty() && (!lex.inversion_hyphenated || tok.hyphen) {
            for suffix in &lex.inversion_suffixes {
                if key.len() > suffix.len() && key.ends_with(suffix.as_str()) {
                    let stem_len = key.len() - suffix.len();
                    tok.stem_len = Some(to_u32(stem_len));
                    // The pronoun is what follows the last hyphen of the suffix.
                    if let Some(h) = slice.rfind('-') {
                        tok.inv_from = to_u32(h + 1);
                    }
                    flags = lex.flags(key.get(..stem_len).unwrap_or(""));
                    break;
                }
            }
        }
        tok.flags = flags;
        if !starting.is_empty() || tok.stem_len.is_some() {
            phrase_starts.push((index, starting));
        }
        toks.push(tok);
    }
    let mut tokens = Tokens {
        text,
        toks,
        keys,
        cues: Vec::new(),
        marks,
        paras: paras.ranges,
        sents: sents.ranges,
    };
    classify(&mut tokens, lex, &phrase_starts);
    tokens
}

/// Token ranges of groups (paragraphs or sentences) built along the tokens: consecutive
/// tokens of one group share a range.
#[derive(Default)]
struct Ranges {
    ranges: Vec<(usize, usize)>,
    group: Option<usize>,
}

impl Ranges {
    #[inline(always)]
    fn add(&mut self, group: usize, index: usize) {
        match self.ranges.last_mut() {
            Some((_, last)) if self.group == Some(group) => *last = index,
            _ => {
                self.ranges.push((index, index));
                self.group = Some(group);
            }
        }
    }
}

/// Skippable adjuncts and cues, once every word has its classes; `phrase_starts` are the
/// words that may start a phrase, with the phrases starting with their key.
fn classify(t: &mut Tokens, lex: &Lexicon, phrase_starts: &[(usize, &[Phrase])]) {
    let n = t.toks.len();
    // Adjuncts: adverbs, time words, dates ("le 16 décembre 2016"), and "ce"/"on" before a
    // time word. Backwards, so a prefix sees whether what follows it is an adjunct.
    let digits = |t: &Tokens, i: usize| t.toks.get(i).is_some_and(|x| x.digits);
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
        next = last + 1;
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
