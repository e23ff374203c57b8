//! Time expressions found in text (owned by the figures stage).
//!
//! A [`TimeExpression`] is a piece of text that names a date ("14 décembre"), a period
//! ("Mars 2011"), a date relative to the document's date ("hier", "ce jeudi") or a window that
//! qualifies a figure ("au cours des dernières 24 heures", "par jour"). When the document's date
//! is known it is resolved to an inclusive interval of days with its granularity.
//!
//! [`InferredDate`] is the document's date guessed from its own text when metadata has none,
//! with the evidence it rests on and the weekday–date inconsistencies met on the way.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// What a time expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A calendar day written in full or in part ("14 décembre", "11/12/2016").
    Date,
    /// A calendar period: month, year, week ("Mars 2011", "en 1986").
    Period,
    /// A day or period given relative to the document's date ("hier", "ce jeudi",
    /// "la semaine dernière", "il y a près d'un mois").
    Relative,
    /// A window that qualifies a figure ("en 24 heures", "par jour", "depuis mars 2011").
    Window,
}

/// A unit of time, as counted in durations and windows (ordered from shortest to longest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// How precise a resolution is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A part of one day ("jeudi soir", "dans la matinée du 14 décembre").
    PartOfDay,
    Day,
    Week,
    Month,
    Year,
    /// Any other span of days (windows, "ces derniers mois").
    Span,
}

/// Part of a day named next to a date ("soir", "matinée").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

/// Day of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday = 0 … Sunday = 6; `None` outside that range.
    pub fn from_index(i: usize) -> Option<Weekday> {
        use Weekday::*;
        [
            Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
        ]
        .get(i)
        .copied()
    }

    /// Monday = 0 … Sunday = 6.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }

    pub fn from_chrono(w: chrono::Weekday) -> Weekday {
        // num_days_from_monday is 0..=6, so the lookup cannot fail.
        Weekday::from_index(w.num_days_from_monday() as usize).unwrap_or(Weekday::Monday)
    }
}

/// A window qualifying a figure: over which stretch of time something was counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Window {
    /// The last `amount` units before the document's date ("au cours des dernières 24 heures",
    /// "in the past 24 hours"). `amount` is `None` for vague counts ("ces derniers jours").
    Last { amount: Option<u32>, unit: TimeUnit },
    /// Within a span of that length, anchored nowhere ("en 24 heures").
    Within { amount: Option<u32>, unit: TimeUnit },
    /// A rate: per unit ("par jour", "chaque jour", "per day").
    Per { unit: TimeUnit },
    /// From an anchor to the document's date ("depuis mars 2011", "depuis le début de
    /// l'offensive"). `date` is set when the anchor is itself a date.
    Since {
        anchor: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// The next `amount` units after the document's date ("dans les jours à venir").
    Next { amount: Option<u32>, unit: TimeUnit },
}

/// A time expression resolved against a reference date.
///
/// `start` and `end` are both inclusive: "Mars 2011" is 2011-03-01 to 2011-03-31, "hier" is one
/// day with `start == end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub granularity: Granularity,
    /// The text hedges ("près d'un mois", "quelques jours") or the bounds are a convention.
    #[serde(default)]
    pub approximate: bool,
}

/// A time expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Byte span into the text the finder was given.
    pub span: Span,
    pub text: String,
    pub kind: TimeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// `None` when no reference date was given or the expression cannot be placed
    /// (a year-less date without reference, "depuis le début de l'offensive").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolved>,
    /// The weekday written in the text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Weekday>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<PartOfDay>,
    /// For a weekday with day and month but no year ("Samedi 10 décembre"): the years in
    /// which that day is that weekday, most plausible first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub year_candidates: Vec<i32>,
    /// Set when the weekday written disagrees with the date it accompanies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<WeekdayConflict>,
    pub rule: String,
}

/// Where a piece of evidence for the document's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// A time expression of the article's text.
    Text,
    /// The date of an embedded post (tweet, video).
    Embed,
    /// A weekday next to a year-less date, used to choose the year.
    WeekdayConsistency,
    /// A year-less date placed in the year the other evidence points to.
    YearlessDate,
}

/// One reason to believe a document date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Span into the text for [`EvidenceSource::Text`] and weekday evidence; `None` for embeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    pub text: String,
    pub source: EvidenceSource,
    /// The date this piece of evidence points to, if it points to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub rule: String,
}

/// A weekday that does not match the date it is written with, in the year chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekdayConflict {
    pub written: Weekday,
    pub date: NaiveDate,
    pub actual: Weekday,
}

/// The document's date inferred from its own text and embeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InferredDate {
    pub date: NaiveDate,
    /// In `[0, 1]`.
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Other dates the same evidence allows (a weekday that fits several years), most
    /// plausible first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<NaiveDate>,
}

/// A weekday–date inconsistency met while inferring the document's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub span: Span,
    pub text: String,
    #[serde(flatten)]
    pub weekday: WeekdayConflict,
}
