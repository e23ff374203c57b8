//! Claims (owned by the claims stage): one reported figure with what it counts, what
//! happened, when, where, who says so, and the sentence that says it.
//!
//! The types are self-contained plain data (strings, numbers, dates, spans) so that the JSON
//! they serialize to is described completely by `schemas/claim.schema.json`, generated from
//! them with `schemars`. Bump [`CLAIM_SCHEMA`] when the shape changes in a way that breaks
//! readers.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Version tag of the claim JSON shape, also the `$id` of its JSON Schema.
pub const CLAIM_SCHEMA: &str = "recoupe.claim/1";

/// The JSON shape of a [`Span`] for the schema: a half-open byte range into the document's
/// original text, on char boundaries.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct SpanSchema {
    start: usize,
    end: usize,
}

/// One reported figure and its context.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    pub figure: Figure,
    /// What is counted ("civils", "kilomètres de route"), when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Counted>,
    /// What the figure says happened ("évacués", "ont déposé les armes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Predicate>,
    pub time: TimeWindow,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Index, in the document's claims, of the claim this one is a subset of ("dont",
    /// "y compris", "including"). Always an earlier claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    pub attribution: Attribution,
    /// The outlet that published the document, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The document's date (published, else inferred), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The sentence the claim is read from.
    #[schemars(with = "SpanSchema")]
    pub evidence: Span,
    /// Index of the figure in the document's `annotations.quantities`.
    pub quantity: usize,
    /// Ids of the rules that built the claim, one per field they filled.
    pub rules: Vec<String>,
    /// Between 0 and 1: how sure the rules are of the claim as a whole.
    pub confidence: f32,
}

/// The figure as the text states it. Values follow the UCDP low / best / high convention of
/// the quantities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Qualifier, number and attached unit as written ("plus de 110 000").
    pub text: String,
    #[schemars(with = "SpanSchema")]
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub qualifier: FigureQualifier,
    /// Canonical unit id ("km", "ha", "m2", "percent"), when the figure has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// How the text bounds the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureQualifier {
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

/// The thing counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Counted {
    /// The counted noun as written.
    pub text: String,
    #[schemars(with = "SpanSchema")]
    pub span: Span,
    /// Category from the language's lexicon: civilians, children, people, fighters, deaths,
    /// injured, area, length, munitions, vehicles, buildings, votes, countries, aid, duration,
    /// other.
    pub category: String,
}

/// What the figure says happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Predicate {
    /// The predicate as written.
    pub text: String,
    #[schemars(with = "SpanSchema")]
    pub span: Span,
    /// Category from the language's lexicon: evacuated, rescued, left, surrendered,
    /// amnestied, demined, found, returned, killed, injured, displaced, at_risk, arrested,
    /// trapped, assigned, voted, aided, settled, other.
    pub category: String,
    pub modality: Modality,
}

/// Whether the text reports the event as done or as something else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened.
    #[default]
    Done,
    /// Intended or scheduled: "doit", "table sur", "will".
    Planned,
    /// An estimate or a risk: "risquent de", "selon nos estimations".
    Estimated,
    /// Expected or forecast: "je compte que", "expects".
    Expected,
    /// A possibility: "pourrait".
    Hypothetical,
    /// Reported as not having happened: "n'ont jamais été retrouvés", "sans être évacués".
    Negated,
}

/// Over which stretch of time the figure counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimeWindow {
    pub kind: WindowKind,
    /// For `last` windows other than 24 hours: the length in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// For cumulative windows: the start as written ("le début de l'offensive").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// First day of the window, inclusive, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day of the window (or the day of a point), inclusive, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The time expression the window was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<SpanSchema>")]
    pub evidence: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WindowKind {
    /// One moment or one event.
    Point,
    /// The last 24 hours before the report.
    #[serde(rename = "last_24h")]
    Last24h,
    /// The last `hours` hours (other than 24) before the report.
    Last,
    /// A rate per day.
    PerDay,
    /// A total to date, since `since` when the text says.
    Cumulative,
    /// The text does not say.
    Unknown,
}

impl WindowKind {
    /// The name JSON writes for this window ("last_24h"), for reports and comparisons.
    pub fn name(self) -> &'static str {
        match self {
            WindowKind::Point => "point",
            WindowKind::Last24h => "last_24h",
            WindowKind::Last => "last",
            WindowKind::PerDay => "per_day",
            WindowKind::Cumulative => "cumulative",
            WindowKind::Unknown => "unknown",
        }
    }
}

/// The place a figure is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// Canonical name of the place entity.
    pub name: String,
    /// Id of the place entity in the document's annotations.
    pub entity: String,
    /// The mention read, in the sentence or elsewhere in the document.
    #[schemars(with = "SpanSchema")]
    pub span: Span,
    pub origin: PlaceOrigin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceOrigin {
    /// The sentence names the place.
    Sentence,
    /// The sentence names none: the document's most mentioned place.
    Document,
}

/// Who says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attribution {
    /// Canonical name of the person who speaks, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Canonical name of the organisation that speaks, or the person's organisation, or the
    /// outlet for unattributed figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Ids of the entities named above, in the document's annotations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    pub how: AttributionHow,
    /// The speech cue or marker ("selon", "a-t-il déclaré"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<SpanSchema>")]
    pub cue: Option<Span>,
    /// True when nobody but the outlet stands behind the figure.
    pub unattributed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttributionHow {
    /// Inside a quotation whose speaker the text names.
    DirectQuote,
    /// Reported speech: "a fait savoir le ministère", "X said".
    Reported,
    /// "selon X", "according to X".
    Selon,
    /// A communiqué, report or statement.
    Document,
    /// A title or "Lire aussi" headline.
    Headline,
    /// Nothing said: the outlet stands behind it.
    Outlet,
}

/// The JSON Schema of a [`Claim`], versioned by [`CLAIM_SCHEMA`]. `schemas/claim.schema.json`
/// at the repository root is this value, pretty-printed.
pub fn claim_schema() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Claim)).unwrap_or_default();
    if let Some(object) = schema.as_object_mut() {
        object.insert("$id".to_owned(), CLAIM_SCHEMA.into());
        object.insert("title".to_owned(), format!("Claim ({CLAIM_SCHEMA})").into());
    }
    schema
}
