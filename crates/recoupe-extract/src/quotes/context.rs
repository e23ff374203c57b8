//! What every rule of the quotes stage reads: the tokens, the token ranges of paragraphs and
//! sentences, the cues by first token, and the speech found so far (in normalized-text spans).

use recoupe_model::Span;
use recoupe_model::speech::{SpeakerKind, SpeechKind};

use super::lexicon::{CueClass, Lexicon};
use super::np::{self, Np};
use super::tokens::{CueHit, Tokens};

/// A speech item with spans into the normalized text.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub kind: SpeechKind,
    pub content: Span,
    pub marks: Option<Span>,
    pub cue: Option<(Span, String)>,
    pub speaker: Option<(Span, SpeakerKind)>,
    pub rule: String,
    pub confidence: f32,
}

pub(crate) struct Ctx<'t> {
    pub t: Tokens<'t>,
    pub lex: &'static Lexicon,
    pub lang: &'static str,
    /// First and last token of each paragraph that has tokens.
    pub paras: Vec<(usize, usize)>,
    /// First and last token of each sentence, by sentence index of the tokens.
    pub sents: Vec<(usize, usize)>,
    /// The cues by first token: (first token, index into `t.cues`), sorted by first token,
    /// one per token (the last cue starting there). A handful per text, where a slot per
    /// token would cost a zeroed array the size of the text.
    cue_starts: Vec<(usize, usize)>,
    /// Cues already used by a quotation.
    pub used: Vec<bool>,
}

impl<'t> Ctx<'t> {
    pub fn new(mut t: Tokens<'t>, lex: &'static Lexicon, lang: &'static str) -> Ctx<'t> {
        let n = t.toks.len();
        let paras = std::mem::take(&mut t.paras);
        let sents = std::mem::take(&mut t.sents);
        let mut cue_starts: Vec<(usize, usize)> = t
            .cues
            .iter()
            .enumerate()
            .filter(|(_, c)| c.first < n)
            .map(|(k, c)| (c.first, k))
            .collect();
        // Stable: of the cues starting at one token, the last one stays.
        cue_starts.sort_by_key(|&(first, _)| first);
        cue_starts.dedup_by(|later, earlier| {
            if later.0 == earlier.0 {
                earlier.1 = later.1;
                true
            } else {
                false
            }
        });
        let used = vec![false; t.cues.len()];
        Ctx {
            t,
            lex,
            lang,
            paras,
            sents,
            cue_starts,
            used,
        }
    }

    /// Index into `t.cues` of the cue starting at token `i`.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        let k = self
            .cue_starts
            .binary_search_by_key(&i, |&(first, _)| first)
            .ok()?;
        self.cue_starts.get(k).map(|&(_, cue)| cue)
    }

    /// The sentence range holding token `i`.
    pub fn sentence_of(&self, i: usize) -> (usize, usize) {
        let k = self.sents.partition_point(|&(_, last)| last < i);
        self.sents.get(k).copied().unwrap_or((i, i))
    }

    /// The paragraph range holding token `i`, and its index in `paras`.
    pub fn paragraph_of(&self, i: usize) -> Option<usize> {
        let k = self.paras.partition_point(|&(_, last)| last < i);
        (k < self.paras.len()).then_some(k)
    }

    pub fn rule(&self, tail: &str) -> String {
        // Joined by hand: `format!` costs several times more, once per speech item.
        ["speech/", self.lang, "/", tail].concat()
    }

    /// The speaker a cue gives: an inverted pronoun, the subject before it, the phrase after
    /// it, or for a document the author of the document.
    pub fn cue_speaker(&self, hit: &CueHit) -> Option<Np> {
        let (sf, sl) = self.sentence_of(hit.verb);
        match hit.info.class {
            CueClass::Marker => np::forward(&self.t, hit.last + 1, sl + 1),
            CueClass::Document => {
                let doc = np::forward(&self.t, hit.last + 1, sl + 1)?;
                Some(np::document_author(&self.t, &doc, sl + 1).unwrap_or(doc))
            }
            // "a-t-il déclaré, ajoutant que …": the speaker of the clause's own cue.
            CueClass::Gerund => self
                .t
                .cues
                .iter()
                .rev()
                .find(|h| h.last < hit.first && h.first >= sf && h.info.class != CueClass::Gerund)
                .and_then(|h| {
                    self.cue_speaker(h)
                        .or_else(|| np::forward(&self.t, h.last + 1, hit.first))
                })
                .or_else(|| np::forward(&self.t, sf, hit.first))
                .or_else(|| {
                    // "Jeudi soir, Sergueï Lavrov avait été le premier à annoncer que …":
                    // the subject after a time adjunct and its comma.
                    let mut i = sf;
                    while i < hit.first && self.t.get(i).is_some_and(|x| x.skip() && x.is_word()) {
                        i += 1;
                    }
                    (i > sf && self.t.is_punct(i, ','))
                        .then(|| np::forward(&self.t, i + 1, hit.first))
                        .flatten()
                }),
            CueClass::Finite | CueClass::Participle => {
                if let Some(p) = hit.pronoun {
                    return Some(self.pronoun_np(p));
                }
                np::backward(&self.t, hit.first, sf)
            }
        }
    }

    /// A mention for an inverted pronoun ("il" of "a-t-il"), which lives inside a token.
    fn pronoun_np(&self, span: Span) -> Np {
        let k = self.t.toks.partition_point(|x| x.end <= span.start);
        Np {
            first: k,
            last: k,
            kind: SpeakerKind::Pronoun,
            whole: (k, k),
        }
    }

    /// The text span of a mention; an inverted pronoun is the part of its token after the
    /// hyphen.
    pub fn np_span(&self, np: &Np) -> Span {
        if np.kind == SpeakerKind::Pronoun
            && let Some(tok) = self.t.get(np.first)
            && let Some(p) = tok.inv_pronoun()
        {
            return p;
        }
        self.t.span(np.first, np.last)
    }

    pub fn speaker(&self, hit: &CueHit, np: &Np) -> (Span, SpeakerKind) {
        if np.kind == SpeakerKind::Pronoun
            && let Some(p) = hit.pronoun
        {
            return (p, SpeakerKind::Pronoun);
        }
        (self.np_span(np), np.kind)
    }

    pub fn cue_of(&self, hit: &CueHit) -> (Span, String) {
        (self.t.span(hit.first, hit.last), hit.info.lemma.clone())
    }
}
