//! Quotations and reported speech, with their speakers.
//!
//! [`find_speech`] reads a prepared document's normalized text, where every opening mark is
//! « and every closing mark », and finds:
//! - quotations with marks, told apart from scare quotes and titles, with the speaker after
//!   the quotation ("», a déclaré X"), before it ("X a déclaré : «"), in the surrounding
//!   sentence for a quoted fragment, or on a speaker line under it;
//! - block quotations without marks, followed by a speaker line ("Name, role");
//! - reported speech without marks ("selon X", "X a indiqué que …", "lit-on dans le
//!   communiqué de X", "according to X", "X said").
//!
//! Speakers are mentions — a name, a role phrase, a pronoun — as written: linking them to
//! entities is the entities stage's work. The text is tokenized once and every cue is found
//! by one hash look-up per word; the rules then only read token arrays, so the stage runs in
//! linear time. All language knowledge is in `speech-cues.toml` and `speech-phrases.toml`.

mod context;
mod direct;
mod lexicon;
mod marks;
mod np;
mod reported;
mod tokens;

use recoupe_model::speech::{Cue, QuoteMarks, SpeakerMention, Speech};
use recoupe_model::{Document, Lang, Span};

use context::{Ctx, Found};
use lexicon::Lexicon;

/// Quotations and reported speech of a prepared document, in text order, with spans into
/// the original text.
pub fn find_speech(doc: &Document) -> Vec<Speech> {
    let (found, _) = analyze(doc);
    found.into_iter().map(|f| to_original(doc, f)).collect()
}

/// Every pair of quotation marks of a prepared document and what it encloses (speech, scare
/// quotes, title), with spans into the original text.
pub fn find_quote_marks(doc: &Document) -> Vec<QuoteMarks> {
    let (_, marks) = analyze(doc);
    marks
        .into_iter()
        .map(|m| QuoteMarks {
            span: doc.normalized.to_original(m.span),
            kind: m.kind,
            rule: m.rule,
        })
        .collect()
}

fn analyze(doc: &Document) -> (Vec<Found>, Vec<direct::MarksFound>) {
    let lang = match doc.language.lang {
        Lang::En => Lang::En,
        _ => Lang::Fr,
    };
    let paragraphs: Vec<Span> = doc.paragraphs.iter().map(|p| p.norm).collect();
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| s.norm).collect();
    find_in_normalized(&doc.normalized.text, lang, &paragraphs, &sentences)
}

/// The work of [`find_speech`] on a normalized text with its paragraph and sentence spans
/// (sorted, in that text); spans of the result point into `text`.
fn find_in_normalized(
    text: &str,
    lang: Lang,
    paragraphs: &[Span],
    sentences: &[Span],
) -> (Vec<Found>, Vec<direct::MarksFound>) {
    let lex = Lexicon::for_lang(lang);
    let toks = tokens::tokenize(text, lex, paragraphs, sentences);
    let pairs = marks::pair_marks(&toks);
    let mut cx = Ctx::new(toks, lex, lang.code());
    let mut found = Vec::new();
    let marks = direct::quotations(&mut cx, &pairs, &mut found);
    direct::blocks(&cx, &mut found);
    reported::reported(&cx, &mut found);
    found.retain(|f| !f.content.is_empty());
    found.sort_by_key(|f| (f.content.start, f.content.end));
    (found, marks)
}

fn to_original(doc: &Document, f: Found) -> Speech {
    let map = |s: Span| doc.normalized.to_original(s);
    Speech {
        kind: f.kind,
        content: map(f.content),
        marks: f.marks.map(map),
        cue: f.cue.map(|(span, lemma)| Cue {
            span: map(span),
            lemma,
        }),
        speaker: f.speaker.map(|(span, kind)| {
            let span = map(span);
            SpeakerMention {
                span,
                text: span.slice(&doc.text).to_owned(),
                kind,
            }
        }),
        speaker_entity: None,
        rule: f.rule,
        confidence: f.confidence,
    }
}
