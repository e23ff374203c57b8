//! Numbers and quantities found in text (owned by the figures stage).
//!
//! A [`Quantity`] is one number as the text states it: its span (qualifier, number and unit
//! together), its value or interval, the qualifier that bounds it, its unit, and its kind.
//! Numbers that are not figures (years, dates, times of day, ordinals, phone numbers,
//! identifiers, ranks) are annotated too, with `is_figure: false`, so later stages can tell
//! "not a figure" apart from "not seen".
//!
//! # Value convention
//!
//! Bounds follow the low / best / high estimates of the UCDP Georeferenced Event Dataset:
//! `best` is the figure the text states, `low` and `high` the bounds it implies, `None`
//! where the text implies none. `value` is set only when the amount is exact.
//!
//! | qualifier | example | value | best | low | high |
//! |---|---|---|---|---|---|
//! | exact | 8 461 | 8461 | 8461 | 8461 | 8461 |
//! | approx | environ 7 000 | – | 7000 | – | – |
//! | nearly | près de 8 500 | – | 8500 | – | 8500 |
//! | more_than / at_least | plus de 110 000 | – | 110000 | 110000 | – |
//! | less_than / at_most | moins de 50, jusqu'à 50 | – | 50 | – | 50 |
//! | range | de 50 à 100 | – | – | 50 | 100 |
//! | vague | des dizaines de milliers | – | – | 20000 | 100000 |
//!
//! `more_than` and `less_than` bounds are exclusive, `at_least` and `at_most` inclusive (the
//! qualifier says which). Vague amounts take their bounds from the language data: a plural
//! of a round number N ("des milliers") means at least 2N and less than the next order of
//! magnitude.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One number or amount in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Qualifier, number(s) and unit together, e.g. "plus de 110 000", "7,1 hectares".
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// The point value, when the amount is exact.
    pub value: Option<f64>,
    /// The stated figure (UCDP "best estimate"), when there is one.
    pub best: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: Option<Unit>,
    pub kind: QuantityKind,
    /// False for numbers that must never be counted as figures (years, ordinals, …).
    pub is_figure: bool,
    /// Hierarchical id of the rule that produced it, e.g. `numbers/fr/thousands-space`.
    pub rule: String,
    /// The pieces of `span`: each number, qualifier, unit and connector.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<QuantityPart>,
}

/// How the text bounds an amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    Approx,
    Nearly,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Range,
    Vague,
}

/// A unit: a canonical id (`km`, `m2`, `ha`, `hour`, `day`, `percent`, `EUR`, `USD`…) and
/// what it measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub dimension: Dimension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Length,
    Area,
    Volume,
    Mass,
    Speed,
    Temperature,
    Information,
    Duration,
    Currency,
    Ratio,
    Energy,
    Power,
    Other,
}

/// What a number is. The first kinds are figures; the rest are numbers that are not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Count,
    Measure,
    Percent,
    Money,
    Fraction,
    Duration,
    Age,
    /// Not a figure: "en 1986".
    Year,
    /// Not a figure: "11 décembre 2016", "17/05/2018".
    Date,
    /// Not a figure: "14h30", "10:30".
    TimeOfDay,
    /// Not a figure: "23e", "XIIIe", "1er", "21st", "troisième".
    Ordinal,
    /// Not a figure: "numéro un", "n° 3", "No. 5".
    Rank,
    /// Not a figure: "+33 1 23 45 67 89".
    Phone,
    /// Not a figure: digits inside a URL, a handle, a hashtag, an address or a code.
    Identifier(IdentifierKind),
    /// Not a figure: a set phrase such as "24 heures sur 24".
    Idiom,
}

impl QuantityKind {
    /// Whether a number of this kind is a figure that claims may count.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            QuantityKind::Count
                | QuantityKind::Measure
                | QuantityKind::Percent
                | QuantityKind::Money
                | QuantityKind::Fraction
                | QuantityKind::Duration
                | QuantityKind::Age
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Url,
    Handle,
    Hashtag,
    Email,
    Code,
}

/// A piece of a quantity's span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityPart {
    pub span: Span,
    pub role: PartRole,
    /// The number's value, for [`PartRole::Number`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartRole {
    Number,
    Qualifier,
    Unit,
    Connector,
}
