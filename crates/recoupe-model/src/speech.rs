//! Quotations and reported speech (owned by the quotes stage).
//!
//! A [`Speech`] is one thing a document says someone said: a direct quotation between marks,
//! a fragment quoted inside the writer's sentence, a block quotation with a speaker line, or
//! reported speech without marks ("selon X", "X a indiqué que …"). The speaker is a
//! [`SpeakerMention`]: the words of the text that name or describe who speaks. Turning a
//! mention into an entity is a later step (`speaker_entity`), so a pronoun or a role noun
//! phrase ("le diplomate russe") is kept as written.
//!
//! Spans point into the document's original text, like every annotation.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How the text gives the words it attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechKind {
    /// One or more whole sentences between quotation marks.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
    /// A paragraph without quotation marks, given by a speaker line ("Name, role").
    Block,
    /// Reported speech without marks: "selon X", "X a indiqué que …".
    Reported,
    /// A document cited as the source: "lit-on dans le communiqué de X".
    Document,
}

/// The speech verb or marker that ties the words to their speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written, auxiliary included ("a-t-il poursuivi", "lit-on dans", ":").
    pub span: Span,
    /// Dictionary form: "déclarer", "selon", "indiquer", "say", or ":" for a bare colon.
    pub lemma: String,
}

/// What kind of words name the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A proper name ("Sergueï Lavrov", "M. Lavrov").
    Name,
    /// A role noun phrase ("le diplomate russe", "le chef de la diplomatie russe").
    Description,
    /// A pronoun ("il" in "a-t-il poursuivi").
    Pronoun,
    /// An organisation, by name or description ("le ministère russe de la Défense", "l'AFP").
    Organisation,
    /// A document with no author named ("un communiqué").
    Document,
}

/// The words of the text that say who speaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerMention {
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    pub kind: SpeakerKind,
}

/// One quotation or piece of reported speech.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    pub kind: SpeechKind,
    /// The attributed words, without quotation marks or the spaces next to them.
    pub content: Span,
    /// The quoted passage with its marks, for quotations with marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marks: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerMention>,
    /// Id of the entity the speaker mention refers to, filled by entity linking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_entity: Option<String>,
    /// Hierarchical id of the rule that produced it, e.g. `speech/fr/direct/after-cue`.
    pub rule: String,
    /// Between 0 and 1: how sure the rule is of the quotation and its speaker.
    pub confidence: f32,
}

/// What a pair of quotation marks encloses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteMarksKind {
    /// Someone's words.
    Speech,
    /// A word or two the writer holds at a distance («atrocités», «énorme»).
    Scare,
    /// The title of a work, an operation or a document.
    Title,
}

/// A pair of quotation marks and what they enclose, speech or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMarks {
    /// The marks and what they enclose.
    pub span: Span,
    pub kind: QuoteMarksKind,
    pub rule: String,
}
