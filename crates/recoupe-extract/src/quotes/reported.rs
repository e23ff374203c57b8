//! Reported speech without quotation marks: "selon X, …", "…, d'après X", "X a indiqué que
//! …", "…, a fait savoir X", "comme l'a fait remarquer X, …", "…, lit-on dans le communiqué
//! de X", "according to X", "X said …", "…, the minister added". Each gives its source and
//! the span of the words attributed: the rest of the sentence around a marker, the clause
//! after "que"/"that", or the sentence before an inverted cue.

use recoupe_model::Span;
use recoupe_model::speech::SpeechKind;

use super::context::{Ctx, Found};
use super::lexicon::{CueClass, flag};
use super::np::{self, Np};
use super::tokens::{CueHit, TokKind};

pub(crate) fn reported(cx: &Ctx, out: &mut Vec<Found>) {
    for (k, hit) in cx.t.cues.iter().enumerate() {
        if cx.used[k] || (hit.first..=hit.last).any(|i| cx.t.toks[i].quoted()) {
            continue;
        }
        let found = match hit.info.class {
            CueClass::Marker => marker(cx, hit),
            CueClass::Document => document(cx, hit),
            CueClass::Finite | CueClass::Participle | CueClass::Gerund => verb(cx, hit),
        };
        if let Some(f) = found {
            out.push(f);
        }
    }
}

/// The span of tokens `a..=b` without final punctuation and quotation marks left open.
fn content(cx: &Ctx, a: usize, mut b: usize) -> Option<Span> {
    let t = &cx.t;
    while b > a && matches!(t.get(b).map(|x| x.kind), Some(TokKind::Punct(_))) {
        b -= 1;
    }
    let mut a = a;
    while a < b && matches!(t.get(a).map(|x| x.kind), Some(TokKind::Punct(_))) {
        a += 1;
    }
    let words = (a..=b)
        .filter(|&i| t.get(i).is_some_and(|x| x.is_word()))
        .count();
    (b >= a && words >= 2).then(|| t.span(a, b))
}

fn make(
    cx: &Ctx,
    kind: SpeechKind,
    hit: &CueHit,
    span: Span,
    np: &Np,
    rule: &str,
    confidence: f32,
) -> Found {
    Found {
        kind,
        content: span,
        marks: None,
        cue: Some(cx.cue_of(hit)),
        speaker: Some(cx.speaker(hit, np)),
        rule: cx.rule(rule),
        confidence,
    }
}

/// The tokens before a cue, without the comma that ends them: `sf..=end`.
fn before(cx: &Ctx, sf: usize, cue_first: usize) -> Option<Span> {
    let mut end = cue_first.checked_sub(1)?;
    if end < sf {
        return None;
    }
    if cx.t.is_punct(end, ',') {
        end = end.checked_sub(1)?;
    }
    if end < sf {
        return None;
    }
    content(cx, sf, end)
}

/// The tokens after a speaker phrase, without the comma that opens them and without an
/// apposition ("According to Igor Konashenkov, the spokesman of the ministry, 20 buses …").
fn after(cx: &Ctx, np_last: usize, sl: usize) -> Option<Span> {
    let mut start = np_last + 1;
    if cx.t.is_punct(start, ',') {
        start += 1;
        if let Some(role) = np::forward(&cx.t, start, sl + 1)
            && cx.t.is_punct(role.whole.1 + 1, ',')
        {
            start = role.whole.1 + 2;
        }
    }
    if start > sl {
        return None;
    }
    content(cx, start, sl)
}

fn marker(cx: &Ctx, hit: &CueHit) -> Option<Found> {
    let (sf, sl) = cx.sentence_of(hit.first);
    let np = np::forward(&cx.t, hit.last + 1, sl + 1)?;
    let mut after_np = np.whole.1 + 1;
    if cx.t.is_punct(after_np, ',') {
        after_np += 1;
    }
    // "selon lui «…»": the quotation's speaker; also reported speech over the sentence
    // when no verb of the sentence reports it already.
    if cx
        .t
        .get(after_np)
        .is_some_and(|x| x.kind == TokKind::Open || x.quoted())
    {
        let verb_before =
            cx.t.cues
                .iter()
                .any(|h| h.first >= sf && h.last < hit.first && h.info.class != CueClass::Marker);
        if verb_before {
            return None;
        }
        let span = content(cx, sf, sl)?;
        return Some(make(
            cx,
            SpeechKind::Reported,
            hit,
            span,
            &np,
            "reported/marker-quote",
            0.7,
        ));
    }
    let (speaker, kind) = match np::document_author(&cx.t, &np, sl + 1) {
        Some(author) if np.kind == recoupe_model::speech::SpeakerKind::Document => {
            (author, SpeechKind::Reported)
        }
        _ if np.kind == recoupe_model::speech::SpeakerKind::Document => (np, SpeechKind::Document),
        _ => (np, SpeechKind::Reported),
    };
    let span = if hit.first <= sf + 1 {
        after(cx, np.whole.1, sl)
    } else {
        before(cx, sf, hit.first).or_else(|| after(cx, np.whole.1, sl))
    }?;
    Some(make(cx, kind, hit, span, &speaker, "reported/marker", 0.85))
}

fn document(cx: &Ctx, hit: &CueHit) -> Option<Found> {
    let (sf, _) = cx.sentence_of(hit.first);
    let np = cx.cue_speaker(hit)?;
    let span = before(cx, sf, hit.first)?;
    Some(make(
        cx,
        SpeechKind::Document,
        hit,
        span,
        &np,
        "document/inverted",
        0.85,
    ))
}

fn verb(cx: &Ctx, hit: &CueHit) -> Option<Found> {
    let t = &cx.t;
    let (sf, sl) = cx.sentence_of(hit.first);
    let prev = hit.first.checked_sub(1);

    // "comme l'a fait remarquer X, …" / "…, comme le souligne X".
    let mut c = hit.first;
    if c > sf && t.get(c - 1).is_some_and(|x| x.has(flag::CLITIC)) {
        c -= 1;
    }
    if c > sf && t.get(c - 1).is_some_and(|x| x.has(flag::COMME)) {
        let np = np::forward(t, hit.last + 1, sl + 1)?;
        let comme = c - 1;
        let span = if comme == sf {
            after(cx, np.whole.1, sl)
        } else {
            before(cx, sf, comme)
        }?;
        return Some(make(
            cx,
            SpeechKind::Reported,
            hit,
            span,
            &np,
            "reported/comme",
            0.85,
        ));
    }

    // "…, a fait savoir le ministère" / "…, a-t-il ajouté": the sentence before the cue.
    if hit.info.class != CueClass::Gerund
        && let Some(p) = prev
        && p > sf
        && t.is_punct(p, ',')
        && !t.get(p - 1).is_some_and(|x| x.kind == TokKind::Close)
    {
        let np = match hit.pronoun {
            Some(_) => cx.cue_speaker(hit),
            None => np::forward(t, skip_place(cx, hit.last + 1), sl + 1),
        };
        if let Some(np) = np
            && (hit.pronoun.is_some() || !after_relative(cx, sf, p))
        {
            let end = if hit.pronoun.is_some() {
                hit.last
            } else {
                np.whole.1
            };
            // An incise: "Cette opération, assure-t-il, «ouvre la voie…»".
            if t.is_punct(end + 1, ',') {
                let next = t.get(end + 2);
                if next.is_some_and(|x| x.kind == TokKind::Open || x.quoted()) {
                    // The writer's words before the incise and the quoted rest make one
                    // attributed sentence (the quoted fragment is also a quotation).
                    before(cx, sf, hit.first)?;
                    let span = content(cx, sf, sl)?;
                    return Some(make(
                        cx,
                        SpeechKind::Reported,
                        hit,
                        span,
                        &np,
                        "reported/incise-quote",
                        0.7,
                    ));
                }
                let span = before(cx, sf, hit.first)
                    .filter(|s| s.len() > 30)
                    .or_else(|| content(cx, end + 2, sl))?;
                return Some(make(
                    cx,
                    SpeechKind::Reported,
                    hit,
                    span,
                    &np,
                    "reported/incise",
                    0.75,
                ));
            }
            let span = before(cx, sf, hit.first)?;
            return Some(make(
                cx,
                SpeechKind::Reported,
                hit,
                span,
                &np,
                "reported/inverted",
                0.85,
            ));
        }
    }

    // "…, the minister added.": subject and cue after the reported sentence.
    if hit.info.class != CueClass::Gerund
        && let Some(np) = np::backward(t, hit.first, sf)
        && np.whole.0 > sf + 1
        && t.is_punct(np.whole.0 - 1, ',')
        && !t
            .get(np.whole.0 - 2)
            .is_some_and(|x| x.kind == TokKind::Close)
        && (following_is_end(cx, hit.last, sl) || followed_by_comma(cx, hit.last))
    {
        let span = before(cx, sf, np.whole.0)?;
        return Some(make(
            cx,
            SpeechKind::Reported,
            hit,
            span,
            &np,
            "reported/inverted-subject",
            0.8,
        ));
    }

    // "X a indiqué (à la presse) que …", "X said (that) …", "X a annoncé une suspension".
    let mut k = hit.last + 1;
    while t.get(k).is_some_and(|x| x.is_word() && x.skip()) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.has(flag::ADDRESSEE))
        && !t.get(k).is_some_and(|x| x.has(flag::THAT))
        && let Some(addr) = np::forward(t, k + 1, sl + 1)
    {
        k = addr.whole.1 + 1;
    }
    let that = t.get(k).is_some_and(|x| x.has(flag::THAT));
    let object = hit.info.object
        && hit.info.class != CueClass::Gerund
        && t.get(k)
            .is_some_and(|x| x.is_word() && !x.has(flag::STOP) || x.has(flag::THAT));
    if !(that || object) || k > sl {
        return None;
    }
    let start = if that { k + 1 } else { k };
    let np = cx.cue_speaker(hit)?;
    let span = content(cx, start, sl)?;
    let rule = if that {
        "reported/that"
    } else {
        "reported/object"
    };
    Some(make(
        cx,
        SpeechKind::Reported,
        hit,
        span,
        &np,
        rule,
        if that { 0.85 } else { 0.65 },
    ))
}

/// Past a place between a cue and its speaker ("a rappelé à Genève le maire").
fn skip_place(cx: &Ctx, k: usize) -> usize {
    let t = &cx.t;
    if t.get(k).is_some_and(|x| x.has(flag::ADDRESSEE)) && t.get(k + 1).is_some_and(|x| x.cap()) {
        let mut j = k + 1;
        while t.get(j + 1).is_some_and(|x| x.is_word() && x.cap()) {
            j += 1;
        }
        return j + 1;
    }
    k
}

/// Adjuncts then a comma after token `last` ("the centre said on Friday, as buses …").
fn followed_by_comma(cx: &Ctx, last: usize) -> bool {
    let mut k = last + 1;
    while cx.t.get(k).is_some_and(|x| x.is_word() && x.skip()) {
        k += 1;
    }
    cx.t.is_punct(k, ',')
}

/// The comma at `comma` ends a relative clause ("le chef de la diplomatie, qui a fait cette
/// annonce, a indiqué"): what follows is the main verb, not an inverted cue.
fn after_relative(cx: &Ctx, sf: usize, comma: usize) -> bool {
    let mut s = comma;
    while s > sf && !cx.t.is_punct(s - 1, ',') {
        s -= 1;
    }
    cx.t.get(s).is_some_and(|x| x.has(flag::RELATIVE))
}

/// Only punctuation or adjuncts ("on Wednesday") between token `last` and the sentence end.
fn following_is_end(cx: &Ctx, last: usize, sl: usize) -> bool {
    (last + 1..=sl).all(|i| cx.t.get(i).is_some_and(|x| !x.is_word() || x.skip()))
}
