//! Entities found in text: people, organisations, places and outlets, each with its mentions
//! in the document, its roles and a canonical name (owned by the entities stage).
//!
//! An [`Entity`] is local to one document: its `id` ("e1", "e2", …) is stable for a given
//! text, and the mentions of one entity are what the document says about the same party
//! (its name, a shorter form, an acronym, a role description, a pronoun).

use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of party an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    /// A news agency or outlet (AFP, Reuters, RT, Euronews).
    Outlet,
    /// The inhabitants of a country, as a group ("les Syriens", "Russians").
    Group,
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name, full or shortened ("Sergueï Lavrov", "Lavrov").
    Name,
    /// An acronym or initialism ("OSCE", "Onu").
    Acronym,
    /// A definite description by role or type ("le ministre", "le Centre").
    Description,
    /// A personal pronoun ("il", "elle", "he").
    Pronoun,
}

/// One place in the text where an entity is referred to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Span in the original text.
    pub span: Span,
    /// The original text under `span`.
    pub text: String,
    pub kind: MentionKind,
    /// Id of the rule that found the mention (`entities/fr/role-before-name`).
    pub rule: String,
}

/// A function the document gives a person ("ministre des Affaires étrangères", "maire").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role without articles and nationality ("porte-parole", "ministre des Affaires
    /// étrangères").
    pub title: String,
    /// Id of the organisation entity the role belongs to, when the text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country the role is for ("RU").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Span of the whole role description in the original text.
    pub span: Span,
}

/// A party referred to in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Id within the document: "e1", "e2", … in order of first mention.
    pub id: String,
    pub kind: EntityKind,
    /// The fullest name the document gives (or the gazetteer's name).
    pub canonical: String,
    /// Other names the document uses for it (shorter forms, acronyms, variants).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// ISO 3166-1 alpha-2 code of the entity's country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Id of the gazetteer entry it matched ("country/SY", "org/osce"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
}
