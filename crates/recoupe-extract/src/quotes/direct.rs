//! Quotations: marked passages told apart from scare quotes and titles, with their speaker
//! found after the closing mark ("», a déclaré X", "», a-t-il poursuivi", `," Lavrov told
//! reporters`), before the opening one ("X a déclaré : «"), in the surrounding sentence for a
//! quoted fragment, or on a speaker line under the quotation ("• Name, role"); and block
//! quotations without marks, given by such a speaker line.

use recoupe_model::Span;
use recoupe_model::speech::{QuoteMarksKind, SpeakerKind, SpeechKind};

use super::context::{Ctx, Found};
use super::lexicon::{CueClass, flag};
use super::marks::Pair;
use super::np::{self, Np};
use super::tokens::TokKind;

/// A quoted fragment of fewer words, without a cue next to it, is held at a distance by the
/// writer («atrocités», «énorme»), not quoted.
const MIN_FRAGMENT_WORDS: usize = 3;
/// An unattributed fragment needs this many words to count as speech.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// A block quotation without marks is at least this long.
const MIN_BLOCK_WORDS: usize = 6;
/// A title between marks is short.
const MAX_TITLE_WORDS: usize = 10;
/// A speaker line is short.
const MAX_SPEAKER_LINE_TOKENS: usize = 24;

/// What the marks of a pair enclose, with its normalized span.
pub(crate) struct MarksFound {
    pub span: Span,
    pub kind: QuoteMarksKind,
    pub rule: String,
}

pub(crate) fn quotations(cx: &mut Ctx, pairs: &[Pair], out: &mut Vec<Found>) -> Vec<MarksFound> {
    let mut marks = Vec::new();
    for p in pairs.iter().filter(|p| p.depth == 0) {
        if p.close <= p.open + 1 {
            continue;
        }
        let marks_span = cx.t.span(p.open, p.close);
        match quotation(cx, p, out.last()) {
            Some(found) => {
                for k in p.open..=p.close {
                    if let Some(tok) = cx.t.toks.get_mut(k) {
                        tok.set_quoted();
                    }
                }
                out.push(found);
                marks.push(MarksFound {
                    span: marks_span,
                    kind: QuoteMarksKind::Speech,
                    rule: cx.rule("marks/speech"),
                });
            }
            None => {
                let words = (p.open + 1..p.close)
                    .filter(|&i| cx.t.toks[i].is_word())
                    .count();
                let (kind, rule) = if is_title(cx, p, words) {
                    (QuoteMarksKind::Title, "marks/title")
                } else {
                    (QuoteMarksKind::Scare, "marks/scare")
                };
                marks.push(MarksFound {
                    span: marks_span,
                    kind,
                    rule: cx.rule(rule),
                });
            }
        }
    }
    marks
}

/// A speech item for the pair, or `None` for scare quotes and titles.
fn quotation(cx: &mut Ctx, p: &Pair, previous: Option<&Found>) -> Option<Found> {
    let t = &cx.t;
    let content = t.span(p.open + 1, p.close - 1);
    let words = (p.open + 1..p.close)
        .filter(|&i| t.toks[i].is_word())
        .count();
    if words == 0 {
        return None;
    }
    let open_tok = &t.toks[p.open];
    let at_start = p.open == 0
        || open_tok.nl_before()
        || matches!(t.punct(p.open - 1), Some('.' | '!' | '?' | '…'))
        || t.get(p.open - 1).is_some_and(|x| x.kind == TokKind::Close);
    let colon = p.open > 0 && t.is_punct(p.open - 1, ':') && !open_tok.nl_before();
    if !colon && is_title(cx, p, words) {
        return None;
    }
    let whole = if at_start || colon {
        SpeechKind::Direct
    } else {
        SpeechKind::Partial
    };
    let make = |kind, cue, speaker, rule: String, confidence| Found {
        kind,
        content,
        marks: Some(t.span(p.open, p.close)),
        cue,
        speaker,
        rule,
        confidence,
    };

    // 1. Speaker after the closing mark.
    if let Some((k, np)) = after_close(cx, p.close) {
        cx.used[k] = true;
        let hit = &cx.t.cues[k];
        let rule = cx.rule(&format!("{}/after-cue", kind_name(whole)));
        return Some(make(
            whole,
            Some(cx.cue_of(hit)),
            Some(cx.speaker(hit, &np)),
            rule,
            0.95,
        ));
    }
    // 2. Speaker before a colon.
    if colon {
        let (sf, _) = cx.sentence_of(p.open - 1);
        let cue = cx.t.cues.iter().enumerate().rev().find(|(_, h)| {
            h.last < p.open && h.first >= sf && !matches!(h.info.class, CueClass::Document)
        });
        if let Some((k, hit)) = cue
            && let Some(np) = cx.cue_speaker(hit)
        {
            let found = make(
                SpeechKind::Direct,
                Some(cx.cue_of(hit)),
                Some(cx.speaker(hit, &np)),
                cx.rule("direct/colon-cue"),
                0.9,
            );
            cx.used[k] = true;
            return Some(found);
        }
        let colon_span = cx.t.span(p.open - 1, p.open - 1);
        let subject = np::forward(&cx.t, sf, p.open - 1);
        return Some(make(
            SpeechKind::Direct,
            Some((colon_span, ":".to_owned())),
            subject.map(|np| (cx.np_span(&np), np.kind)),
            cx.rule("direct/colon"),
            if subject.is_some() { 0.75 } else { 0.5 },
        ));
    }
    // 3. A speaker line under the quotation.
    if let Some(np) = speaker_line_after(cx, p.close) {
        return Some(make(
            SpeechKind::Direct,
            None,
            Some((cx.np_span(&np), np.kind)),
            cx.rule("direct/speaker-line"),
            0.85,
        ));
    }
    // 4. A fragment inside a sentence: the sentence's cue.
    if whole == SpeechKind::Partial {
        let (sf, sl) = cx.sentence_of(p.open);
        // A marker right before the marks ("selon lui «…»") or heading the sentence ("Pour
        // X, il faut «…»"), else the first verb of the
        // sentence before them: the main clause's speaker ("X said on Wednesday that he
        // expected … «…»").
        let in_sentence = |h: &&super::tokens::CueHit| {
            h.last < p.open && h.first >= sf && !cx.t.toks[h.verb].quoted()
        };
        let marker = cx.t.cues.iter().enumerate().rev().find(|(_, h)| {
            in_sentence(h)
                && h.info.class == CueClass::Marker
                && (h.info.initial
                    || np::forward(&cx.t, h.last + 1, p.open)
                        .is_some_and(|np| np.whole.1 + 1 >= p.open - 1))
        });
        // The first verb whose speaker can be read, skipping cues already used by a
        // quotation ("«…», a insisté X, qui a prévenu que … «…»").
        let verb = || {
            cx.t.cues.iter().enumerate().find(|(k, h)| {
                in_sentence(h)
                    && h.info.class != CueClass::Marker
                    && !cx.used[*k]
                    && cx.cue_speaker(h).is_some()
            })
        };
        let before = marker.or_else(verb);
        let after = || {
            cx.t.cues.iter().enumerate().find(|(_, h)| {
                h.first > p.close && h.last <= sl && h.info.class == CueClass::Marker
            })
        };
        if let Some((k, hit)) = before.or_else(after)
            && let Some(np) = cx.cue_speaker(hit)
        {
            let _ = k;
            // A word or two is quoted speech only outside a noun phrase ("a jugé
            // «indispensable»", "qualifie d'«exceptionnelle»", not "une «énorme» opération").
            let in_np = cx.t.get(p.open - 1).is_some_and(|x| x.has(flag::DET));
            if words < MIN_FRAGMENT_WORDS && in_np {
                return None;
            }
            return Some(make(
                SpeechKind::Partial,
                Some(cx.cue_of(hit)),
                Some(cx.speaker(hit, &np)),
                cx.rule("partial/sentence-cue"),
                if words >= MIN_FRAGMENT_WORDS {
                    0.8
                } else {
                    0.6
                },
            ));
        }
        if words >= MIN_UNATTRIBUTED_WORDS {
            // "… de Sergueï Lavrov, qui s'était donné « deux ou trois jours »": a fragment
            // in a relative clause gives the words of its antecedent, when that is a name.
            if let Some(np) = relative_antecedent(cx, sf, p.open) {
                return Some(make(
                    SpeechKind::Partial,
                    None,
                    Some((cx.np_span(&np), np.kind)),
                    cx.rule("partial/relative-subject"),
                    0.6,
                ));
            }
            return Some(make(
                SpeechKind::Partial,
                None,
                None,
                cx.rule("partial/unattributed"),
                0.4,
            ));
        }
        return None;
    }
    // 5. A whole sentence quoted with no cue: the speaker of the quotation just before, when
    // it is close (a quotation continued after an interruption).
    if words < MIN_FRAGMENT_WORDS {
        return None;
    }
    let this_para = cx.t.toks[p.open].para;
    if let Some(prev) = previous
        && prev.speaker.is_some()
        && prev.marks.is_some()
        && let Some(prev_tok) = cx.t.toks.iter().position(|x| x.start >= prev.content.start)
        && this_para <= cx.t.toks[prev_tok].para + 1
    {
        return Some(make(
            SpeechKind::Direct,
            None,
            prev.speaker,
            cx.rule("direct/continued"),
            0.6,
        ));
    }
    Some(make(
        SpeechKind::Direct,
        None,
        None,
        cx.rule("direct/unattributed"),
        0.5,
    ))
}

/// The name a subject relative pronoun ("qui", "who") before the opening mark `open`
/// refers to, when the pronoun opens the clause holding the marks (no comma or other marks
/// between them).
fn relative_antecedent(cx: &Ctx, sf: usize, open: usize) -> Option<Np> {
    let t = &cx.t;
    let mut j = open.checked_sub(1)?;
    while j > sf {
        let x = t.get(j)?;
        if !x.is_word() {
            return None;
        }
        if x.has(flag::SUBJECT_RELATIVE) {
            let np = np::backward(t, j + 1, sf)?;
            return (np.kind == SpeakerKind::Name).then_some(np);
        }
        j -= 1;
    }
    None
}

/// A title or a name between marks: a capitalised passage of a few words right after a word
/// such as "intitulé", "opération", "journal".
fn is_title(cx: &Ctx, p: &Pair, words: usize) -> bool {
    let t = &cx.t;
    p.open > 0
        && words <= MAX_TITLE_WORDS
        && t.get(p.open - 1).is_some_and(|x| x.has(flag::TITLE_CUE))
        && t.get(p.open + 1).is_some_and(|x| x.is_word() && x.cap())
}

fn kind_name(kind: SpeechKind) -> &'static str {
    match kind {
        SpeechKind::Direct => "direct",
        SpeechKind::Partial => "partial",
        SpeechKind::Block => "block",
        SpeechKind::Reported => "reported",
        SpeechKind::Document => "document",
    }
}

/// The cue and speaker right after a closing mark: "», a déclaré X", "», a-t-il poursuivi",
/// "», selon X", `," Lavrov told reporters`, `," he said`.
fn after_close(cx: &Ctx, close: usize) -> Option<(usize, Np)> {
    let t = &cx.t;
    let mut k = close + 1;
    if t.is_punct(k, ',') {
        k += 1;
    }
    if t.get(k).is_none_or(|x| x.nl_before()) {
        return None;
    }
    let (_, sl) = cx.sentence_of(k);
    if let Some(c) = cx.cue_at(k) {
        let hit = &t.cues[c];
        if hit.info.class != CueClass::Gerund {
            let np = match hit.info.class {
                CueClass::Finite | CueClass::Participle => match hit.pronoun {
                    Some(_) => cx.cue_speaker(hit),
                    None => np::forward(t, hit.last + 1, sl + 1),
                },
                _ => cx.cue_speaker(hit),
            };
            return np.map(|np| (c, np));
        }
    }
    // Subject first: `," Lavrov told reporters`.
    let np = np::forward(t, k, sl + 1)?;
    let c = cx.cue_at(np.whole.1 + 1)?;
    let hit = &t.cues[c];
    matches!(hit.info.class, CueClass::Finite | CueClass::Participle).then_some((c, np))
}

/// The name on a speaker line right under the passage ending at token `last`.
fn speaker_line_after(cx: &Ctx, last: usize) -> Option<Np> {
    let next = last + 1;
    if !cx.t.get(next).is_some_and(|x| x.nl_before()) {
        return None;
    }
    let p = cx.paragraph_of(next)?;
    let (a, b) = *cx.paras.get(p)?;
    if a != next {
        return None;
    }
    speaker_line(cx, a, b)
}

/// "• Sergueï Lavrov, ministre russe des Affaires étrangères", "Brita Hali Hasan, maire
/// d'Alep": a name of two words or more, a comma and a role, nothing else.
pub(crate) fn speaker_line(cx: &Ctx, a: usize, b: usize) -> Option<Np> {
    let t = &cx.t;
    if b + 1 - a > MAX_SPEAKER_LINE_TOKENS {
        return None;
    }
    let mut i = a;
    while i <= b
        && let Some(TokKind::Punct(c)) = t.get(i).map(|x| x.kind)
    {
        let mut buf = [0u8; 4];
        if !cx.lex.bullets.iter().any(|s| s == c.encode_utf8(&mut buf)) {
            return None;
        }
        i += 1;
    }
    let start = i;
    while i <= b
        && t.get(i)
            .is_some_and(|x| x.is_word() && (x.cap() || x.has(flag::CONNECTOR)))
    {
        i += 1;
    }
    let name_last = i.checked_sub(1)?;
    let caps = (start..=name_last).filter(|&k| t.toks[k].cap()).count();
    if caps < 2 || !t.toks[name_last].cap() || !t.is_punct(i, ',') || i >= b {
        return None;
    }
    let role_first = t.get(i + 1)?;
    if !role_first.is_word() || role_first.cap() {
        return None;
    }
    let clean = (i + 1..=b).all(|k| {
        let x = &t.toks[k];
        match x.kind {
            TokKind::Word => !x.has(flag::AUX) && !x.has(flag::CUE),
            TokKind::Punct(c) => c != '.' || k == b,
            _ => false,
        }
    });
    clean.then_some(Np {
        first: start,
        last: name_last,
        kind: SpeakerKind::Name,
        whole: (start, b),
    })
}

/// Paragraphs without marks followed by a speaker line: block quotations.
pub(crate) fn blocks(cx: &Ctx, out: &mut Vec<Found>) {
    for w in 0..cx.paras.len().saturating_sub(1) {
        let (a, b) = cx.paras[w];
        let (la, lb) = cx.paras[w + 1];
        let has_marks = (a..=b).any(|k| {
            matches!(cx.t.toks[k].kind, TokKind::Open | TokKind::Close) || cx.t.toks[k].quoted()
        });
        let words = (a..=b).filter(|&k| cx.t.toks[k].is_word()).count();
        if has_marks || words < MIN_BLOCK_WORDS || speaker_line(cx, a, b).is_some() {
            continue;
        }
        if let Some(np) = speaker_line(cx, la, lb) {
            out.push(Found {
                kind: SpeechKind::Block,
                content: cx.t.span(a, b),
                marks: None,
                cue: None,
                speaker: Some((cx.np_span(&np), np.kind)),
                rule: cx.rule("block/speaker-line"),
                confidence: 0.8,
            });
        }
    }
}
