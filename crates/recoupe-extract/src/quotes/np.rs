//! Speaker noun phrases: the words after a cue ("a déclaré le porte-parole du ministère, Igor
//! Konachenkov") or before it ("Igor Mikhaïlik, responsable du Centre, a indiqué"), read
//! with the word classes of the lexicon only — determiners, connectors, stop words — so no
//! parser is needed. When a phrase holds a proper name (an apposition or a name after a role),
//! the mention is the name, the words an entity linker can match.

use recoupe_model::speech::SpeakerKind;

use super::lexicon::flag;
use super::tokens::{TokKind, Tokens};

/// Longest speaker phrase, in tokens: beyond it the phrase is a clause, not a name.
const MAX_NP: usize = 18;

/// A speaker mention: the tokens of the mention and those of the whole phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub first: usize,
    pub last: usize,
    pub kind: SpeakerKind,
    /// The whole phrase, role and name together.
    pub whole: (usize, usize),
}

/// Words a document phrase's participle may take before its agent ("diffusé vendredi matin par").
const MAX_AGENT_GAP: usize = 6;

fn word(t: &Tokens, i: usize) -> bool {
    t.get(i).is_some_and(|x| x.is_word())
}

fn has(t: &Tokens, i: usize, bit: u32) -> bool {
    t.get(i).is_some_and(|x| x.is_word() && x.has(bit))
}

fn cap(t: &Tokens, i: usize) -> bool {
    t.get(i).is_some_and(|x| x.is_word() && x.cap())
}

/// "." right after an honorific ("M.", "Mr.").
fn honorific_dot(t: &Tokens, i: usize) -> bool {
    i > 0
        && t.is_punct(i, '.')
        && has(t, i - 1, flag::HONORIFIC)
        && t.get(i - 1).map(|x| x.end) == t.get(i).map(|x| x.start)
}

/// A word that may sit inside a speaker phrase.
fn np_word(t: &Tokens, i: usize, name_context: bool) -> bool {
    let Some(x) = t.get(i) else { return false };
    if !x.is_word() || x.has(flag::CUE) || x.skip() {
        return false;
    }
    if x.has(flag::CONNECTOR) || x.has(flag::DET) || x.cap() {
        return true;
    }
    if x.has(flag::STOP) {
        return name_context && x.has(flag::NAME_INNER);
    }
    true
}

/// A run of capitalised words (particles such as "de", "el" allowed inside): a name.
fn name_run(t: &Tokens, first: usize, last: usize) -> bool {
    if first > last || !cap(t, first) || !cap(t, last) {
        return false;
    }
    (first..=last).all(|i| cap(t, i) || has(t, i, flag::CONNECTOR) || honorific_dot(t, i))
}

/// The kind of the mention `first..=last`, and the mention itself (a name inside a longer
/// phrase wins).
fn classify(t: &Tokens, first: usize, last: usize) -> Np {
    let whole = (first, last);
    if first == last && has(t, first, flag::PRONOUN) {
        return Np {
            first,
            last,
            kind: SpeakerKind::Pronoun,
            whole,
        };
    }
    // Honorific and its dot: dropped from a name mention.
    let mut start = first;
    if has(t, start, flag::HONORIFIC) && (honorific_dot(t, start + 1) || cap(t, start + 1)) {
        start += if honorific_dot(t, start + 1) { 2 } else { 1 };
        if start <= last && name_run(t, start, last) {
            return Np {
                first: start,
                last,
                kind: name_kind(t, start, last),
                whole,
            };
        }
        start = first;
    }
    // A name after a role: "le ministre russe des Affaires étrangères Sergueï Lavrov".
    let mut run = last;
    while run > start && cap(t, run - 1) {
        run -= 1;
    }
    if cap(t, last) && run > start {
        let before = run - 1;
        let role_word = word(t, before)
            && !has(t, before, flag::CONNECTOR)
            && !has(t, before, flag::DET)
            && !has(t, before, flag::STOP)
            && !has(t, before, flag::NAME_INNER)
            && !cap(t, before);
        if role_word && !(run..=last).any(|i| has(t, i, flag::ORG_HEAD)) {
            return Np {
                first: run,
                last,
                kind: SpeakerKind::Name,
                whole,
            };
        }
    }
    // The head: the first word after determiners.
    let mut head = start;
    while head < last && has(t, head, flag::DET) {
        head += 1;
    }
    let kind = if has(t, head, flag::DOC_HEAD) {
        SpeakerKind::Document
    } else if has(t, head, flag::ORG_HEAD) || t.get(head).is_some_and(|x| x.acronym()) {
        SpeakerKind::Organisation
    } else if cap(t, head) {
        name_kind(t, head, last)
    } else {
        SpeakerKind::Description
    };
    Np {
        first: start,
        last,
        kind,
        whole,
    }
}

fn name_kind(t: &Tokens, first: usize, last: usize) -> SpeakerKind {
    let org = (first..=last)
        .any(|i| has(t, i, flag::ORG_HEAD) || t.get(i).is_some_and(|x| x.is_word() && x.acronym()));
    if org {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Name
    }
}

/// The speaker phrase starting at token `i` (adjuncts skipped), not past token `limit`.
pub(crate) fn forward(t: &Tokens, mut i: usize, limit: usize) -> Option<Np> {
    while i < limit && t.get(i).is_some_and(|x| x.skip() && x.is_word()) {
        i += 1;
    }
    if i >= limit || !word(t, i) {
        return None;
    }
    if has(t, i, flag::PRONOUN) {
        return Some(classify(t, i, i));
    }
    let starts = has(t, i, flag::DET) || cap(t, i) || has(t, i, flag::HONORIFIC);
    // A capital at the start of a sentence makes no name of a word that ends phrases: "Mais
    // la responsabilité … sera évoquée : « … »", "Nous proposerons des sujets : « … »".
    let stop_word = has(t, i, flag::STOP) && !has(t, i, flag::DET) && !has(t, i, flag::HONORIFIC);
    if !starts || stop_word || t.get(i).is_some_and(|x| x.has(flag::CUE)) {
        return None;
    }
    let mut name_context = cap(t, i) && !has(t, i, flag::DET);
    let mut last = i;
    let mut j = i + 1;
    // Honorific dot.
    if honorific_dot(t, j) {
        last = j;
        j += 1;
    }
    while j < limit && j < i + MAX_NP {
        if !np_word(t, j, name_context) {
            break;
        }
        let x = &t.toks[j];
        if x.has(flag::DET)
            && !x.cap()
            && !has(t, j - 1, flag::CONNECTOR)
            && !has(t, j - 1, flag::NAME_INNER)
        {
            break;
        }
        if x.cap() && !x.has(flag::DET) {
            name_context = true;
        }
        last = j;
        j += 1;
    }
    // Drop trailing connectors and determiners.
    while last > i
        && (has(t, last, flag::CONNECTOR)
            || has(t, last, flag::DET)
            || has(t, last, flag::NAME_INNER))
    {
        last -= 1;
    }
    // Apposition: ", Igor Konachenkov" after a role.
    if t.is_punct(last + 1, ',') && !cap(t, i) {
        let a = last + 2;
        let mut b = a;
        while b + 1 < limit
            && b + 1 < a + 6
            && (cap(t, b + 1) || (has(t, b + 1, flag::CONNECTOR) && cap(t, b + 2)))
        {
            b += 1;
        }
        let ends = b + 1 >= limit
            || !word(t, b + 1)
            || has(t, b + 1, flag::STOP)
            || has(t, b + 1, flag::CUE);
        if cap(t, a) && ends && name_run(t, a, b) && !has(t, a, flag::DET) {
            return Some(Np {
                first: a,
                last: b,
                kind: name_kind(t, a, b),
                whole: (i, b),
            });
        }
        // ", le général Igor Konachenkov": a role and a name.
        if has(t, a, flag::DET)
            && let Some(np2) = forward(t, a, limit)
            && np2.kind == SpeakerKind::Name
            && np2.first > a
        {
            return Some(Np {
                whole: (i, np2.whole.1),
                ..np2
            });
        }
    }
    Some(classify(t, i, last))
}

/// Trims the start of a backward run to where a phrase can begin.
fn trim_start(t: &Tokens, mut first: usize, last: usize) -> Option<usize> {
    while first <= last {
        if has(t, first, flag::DET) || cap(t, first) || has(t, first, flag::HONORIFIC) {
            return Some(first);
        }
        first += 1;
    }
    None
}

/// The run of phrase words ending at token `last`, not before `floor`: its first token.
fn run_back(t: &Tokens, last: usize, floor: usize) -> Option<usize> {
    let mut j = last;
    let name_context = cap(t, last);
    loop {
        // "Centre russe pour la réconciliation": a preposition inside a name needs a
        // capitalised word just before it.
        let name_before = (j.saturating_sub(2).max(floor)..j).any(|k| cap(t, k));
        let ok = np_word(t, j, name_context || name_before) || honorific_dot(t, j);
        if !ok {
            return if j == last { None } else { Some(j + 1) };
        }
        if j == floor || last - j >= MAX_NP {
            return Some(j);
        }
        j -= 1;
    }
}

/// The speaker phrase ending just before token `end`, not before token `floor`: the
/// subject of a cue.
pub(crate) fn backward(t: &Tokens, end: usize, floor: usize) -> Option<Np> {
    let mut j = end.checked_sub(1)?;
    while j > floor && t.get(j).is_some_and(|x| x.skip() && x.is_word()) {
        j -= 1;
    }
    if j < floor {
        return None;
    }
    // "Sergueï Lavrov l'a dit": the object pronoun before the auxiliary.
    if j > floor && has(t, j, flag::CLITIC) && !cap(t, j) {
        j -= 1;
    }
    if has(t, j, flag::PRONOUN) {
        return Some(classify(t, j, j));
    }
    if has(t, j, flag::RELATIVE) && j > floor {
        // "le texte … qui demande", "a insisté le diplomate russe, qui a prévenu": the
        // antecedent, the phrase just before the relative pronoun.
        let mut k = j - 1;
        if t.is_punct(k, ',') && k > floor {
            k -= 1;
        }
        let first = run_back(t, k, floor)?;
        let first = trim_start(t, first, k)?;
        return Some(classify(t, first, k));
    }
    if t.is_punct(j, ',') {
        return apposition(t, j, floor);
    }
    let first = run_back(t, j, floor)?;
    let first = trim_start(t, first, j)?;
    Some(classify(t, first, j))
}

/// Subject with appositions: "Igor Konachenkov, porte-parole du ministère, a indiqué",
/// "le chef de la diplomatie russe, qui a fait cette annonce, a indiqué". `comma` is the
/// token before the verb.
fn apposition(t: &Tokens, comma: usize, floor: usize) -> Option<Np> {
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut end = comma; // exclusive end of the current segment
    for _ in 0..4 {
        if end <= floor {
            break;
        }
        // Segment: tokens back to the previous comma or the floor.
        let mut s = end;
        while s > floor
            && !t.is_punct(s - 1, ',')
            && !matches!(
                t.get(s - 1).map(|x| x.kind),
                Some(TokKind::Open | TokKind::Close)
            )
        {
            s -= 1;
        }
        if s == end {
            break;
        }
        let last = end - 1;
        if has(t, s, flag::RELATIVE) {
            // A relative clause between commas: step over it.
        } else {
            let Some(first) = run_back(t, last, s) else {
                break;
            };
            if first != s {
                break;
            }
            segments.push((s, last));
        }
        if s == floor || !t.is_punct(s - 1, ',') {
            break;
        }
        end = s - 1;
    }
    if let Some(&(a, b)) = segments.iter().find(|&&(a, b)| name_run(t, a, b)) {
        return Some(Np {
            first: a,
            last: b,
            kind: name_kind(t, a, b),
            whole: (a, b),
        });
    }
    let &(a, b) = segments.last()?;
    let a = trim_start(t, a, b)?;
    Some(classify(t, a, b))
}

/// The author of a document phrase: "le communiqué du Centre russe …" → "Centre russe …";
/// "le communiqué diffusé vendredi par le Centre" → "le Centre" (an agent after the phrase,
/// within its clause, not past token `limit`).
pub(crate) fn document_author(t: &Tokens, np: &Np, limit: usize) -> Option<Np> {
    let (first, last) = np.whole;
    let complement = (first..=last)
        .find(|&i| has(t, i, flag::CONNECTOR))
        .and_then(|c| {
            let mut s = c + 1;
            while s <= last && has(t, s, flag::DET) && !cap(t, s) {
                s += 1;
            }
            (s <= last).then(|| forward(t, s, last + 1)).flatten()
        });
    complement.or_else(|| agent_after(t, last + 1, limit))
}

/// "… par le Centre": the agent of a participle after a document phrase, a few words on,
/// before any punctuation.
fn agent_after(t: &Tokens, from: usize, limit: usize) -> Option<Np> {
    let mut j = from;
    while j < limit && j < from + MAX_AGENT_GAP {
        if !word(t, j) || has(t, j, flag::CUE) {
            return None;
        }
        if has(t, j, flag::AGENT) {
            return forward(t, j + 1, limit);
        }
        j += 1;
    }
    None
}
