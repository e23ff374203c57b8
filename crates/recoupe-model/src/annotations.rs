//! What the extract stage finds in a document. Every annotation's span points into the
//! document's original text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::entity::Entity;
use crate::quantity::Quantity;
use crate::speech::Speech;
use crate::time::{InferredDate, TimeExpression};

/// The annotations of one document, one list per dimension, each in text order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Numbers and amounts, figures or not (`is_figure` tells).
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// People, organisations, places and outlets, each with its mentions and roles.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Quotations and reported speech; `speaker_entity` names an entity of `entities`.
    #[serde(default)]
    pub speech: Vec<Speech>,
    /// Dates, relative days, periods and the windows that qualify figures.
    #[serde(default)]
    pub times: Vec<TimeExpression>,
    /// The date relative expressions were resolved against: the publication date, else the
    /// inferred date when it is confident enough, else none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<ReferenceDate>,
    /// The document's date as its text and embeds tell it, when the input gave none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_date: Option<InferredDate>,
    /// One claim per reported figure, in text order (built last, from the lists above).
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// The date a document's relative time expressions ("ce jeudi", "hier") are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceDate {
    pub date: NaiveDate,
    pub origin: ReferenceOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceOrigin {
    /// The publication date the input declared.
    Published,
    /// The date inferred from the text and embeds.
    Inferred,
}
