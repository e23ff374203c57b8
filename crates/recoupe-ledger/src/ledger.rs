//! The ledger's types and [`build_ledger`]: every claim of the corpus copied with what the
//! report needs (figure, interval, categories, date, place, origin, party, outlet, evidence
//! sentence), then grouped into measures, checked, and weighed for independence.
//!
//! A [`LedgerClaim`] points back to its claim by (document index, claim index), so a reader
//! can always find the sentence and the rules the figure came from.

use chrono::NaiveDate;
use recoupe_model::Span;
use recoupe_model::claim::{AttributionHow, Claim, FigureQualifier, Modality, WindowKind};
use recoupe_model::document::Document;
use serde::{Deserialize, Serialize};

use crate::checks::CopiedPassage;
use crate::dates::{CorpusDate, infer_corpus_dates};
use crate::reuse::{SharedPassage, find_reuse_with, fingerprints};
use crate::stories::{Story, group_stories_with};
use crate::vocab::VOCAB;
use crate::{checks, independence, measures};

/// Version tag of the ledger JSON shape.
pub const LEDGER_SCHEMA: &str = "recoupe.ledger/1";

/// Tolerances of the checks. The defaults are the documented ones (see the crate README).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerConfig {
    /// Relative half-width of an "approx" figure ("environ 7 000" = 6 300..7 700).
    pub approx_tolerance: f64,
    /// How far below its value a "nearly" figure may be ("près de 8 500" = 7 650..8 500).
    pub nearly_tolerance: f64,
    /// How far above its value a "more than" / "at least" figure may be ("plus de 13 000"
    /// = 13 000..15 600); "at most" / "less than" mirror it downwards.
    pub open_tolerance: f64,
    /// Ratio between a total and the cumulative totals around it that makes it a jump.
    pub jump_factor: f64,
    /// How many days apart two totals may be for the jump check to compare them.
    pub jump_window_days: i64,
    /// A total whose window began more than this many days before another figure (before
    /// its window's start, else its date) counts far more events than that figure (a
    /// national toll "since 2015" beside the toll of one attack): the jump check does not
    /// compare them.
    #[serde(default = "default_max_total_lead_days")]
    pub max_total_lead_days: i64,
    /// Relative tolerance when daily figures are added up against a cumulative change.
    pub daily_sum_tolerance: f64,
    /// A date inferred from the document's story is used (to place its claims in time)
    /// only from this confidence up; below it the date is reported but the claims stay
    /// undated.
    pub min_corpus_date_confidence: f64,
}

impl Default for LedgerConfig {
    fn default() -> Self {
        LedgerConfig {
            approx_tolerance: 0.10,
            nearly_tolerance: 0.10,
            open_tolerance: 0.20,
            jump_factor: 5.0,
            jump_window_days: 7,
            max_total_lead_days: default_max_total_lead_days(),
            daily_sum_tolerance: 0.10,
            min_corpus_date_confidence: 0.5,
        }
    }
}

fn default_max_total_lead_days() -> i64 {
    90
}

/// The ledger of a corpus.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ledger {
    /// Always [`LEDGER_SCHEMA`].
    pub schema: String,
    pub config: LedgerConfig,
    pub documents: Vec<LedgerDocument>,
    pub claims: Vec<LedgerClaim>,
    pub measures: Vec<Measure>,
    pub checks: Vec<Check>,
    pub independence: Vec<Independence>,
    pub relays: Vec<RelayRow>,
    /// Passages shared word for word between documents (text reuse).
    pub shared_passages: Vec<SharedPassage>,
    /// Documents grouped by the events they report; claims are compared within a story.
    pub stories: Vec<Story>,
    /// Dates inferred from the story for documents that had none, used or not.
    pub corpus_dates: Vec<CorpusDate>,
}

/// One document of the corpus, as the report names it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LedgerDocument {
    pub id: String,
    pub source: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// Where `date` comes from; `None` when the document is undated.
    pub date_origin: Option<DateOrigin>,
    /// Index in [`Ledger::stories`].
    pub story: usize,
    /// Sources the document says it relays ("Sources: RT; Sputnik; AFP").
    pub relayed: Vec<String>,
}

/// Where a document's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// The publication date the input declared.
    Published,
    /// Inferred from the document's own text and embeds.
    Text,
    /// Inferred from the dated documents of its story.
    Story,
}

/// Where a claim's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// The end of the claim's time window.
    Window,
    /// The date of the document (published or inferred).
    Document,
    /// No date at all: the claim sorts last in its series.
    Undated,
}

/// One claim of the corpus with what the ledger needs of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LedgerClaim {
    /// Index in [`Ledger::claims`].
    pub id: usize,
    /// Index in [`Ledger::documents`] (and in the input slice).
    pub document: usize,
    /// Index in the document's `annotations.claims`.
    pub claim: usize,
    /// The story of its document: claims are compared only within a story.
    pub story: usize,
    /// The figure as written ("plus de 110 000").
    pub figure: String,
    pub qualifier: FigureQualifier,
    /// The central value, when the figure has one.
    pub value: Option<f64>,
    /// The interval the figure allows once its qualifier is read ([`LedgerConfig`]); none
    /// for vague figures ("des milliers"), which are shown but never compared.
    pub interval: Option<[f64; 2]>,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub counted_category: Option<String>,
    pub predicate: Option<String>,
    pub predicate_category: Option<String>,
    /// The predicate family the measure uses ("left" and "rescued" are "evacuated").
    pub predicate_family: Option<String>,
    pub modality: Option<Modality>,
    pub window: WindowKind,
    pub since: Option<String>,
    /// First day of the claim's window, when resolved ("depuis 2015": 2015-01-01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_start: Option<NaiveDate>,
    pub date: Option<NaiveDate>,
    pub date_from: DateFrom,
    /// Canonical place from the place hierarchy.
    pub place: Option<String>,
    pub speaker: Option<String>,
    pub organisation: Option<String>,
    pub how: AttributionHow,
    pub unattributed: bool,
    /// Who stands behind the figure: the organisation, else the speaker, else the outlet.
    pub origin: String,
    /// Id of the party the origin belongs to (`ledger-parties.toml`), when known.
    pub party: Option<String>,
    /// Display name of that party, or the origin itself when it belongs to none.
    pub party_name: String,
    pub outlet: String,
    /// The evidence sentence, as written.
    pub evidence: String,
    pub evidence_span: Span,
    /// The figure in the document's text.
    pub figure_span: Span,
    /// Ledger id of the claim this one is a part of ("dont 2 934 enfants").
    pub part_of: Option<usize>,
    /// Index in [`Ledger::measures`].
    pub measure: Option<usize>,
    /// Ledger id of the claim this one was copied from (an earlier document of another
    /// outlet with the same passage): it does not count as a confirmation.
    pub copy_of: Option<usize>,
}

/// Claims that measure the same thing, in time order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Measure {
    pub id: usize,
    /// Index in [`Ledger::stories`]: a measure never mixes stories.
    pub story: usize,
    pub predicate: String,
    pub counted: String,
    pub place: Option<String>,
    pub window: WindowKind,
    /// "evacuated × civilians × Alep-Est × last_24h".
    pub label: String,
    pub series: Vec<SeriesPoint>,
}

/// One claim in a measure's series.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub claim: usize,
    pub date: Option<NaiveDate>,
    /// True when the claim has no date: it is listed after the dated ones.
    pub undated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Agreement,
    Conflict,
    SubsetViolation,
    CumulativeDecrease,
    CumulativeJump,
    DailySumMismatch,
    Copy,
}

impl CheckKind {
    /// The order a reader needs the checks in, in every report: problems first, agreements
    /// last.
    pub const REPORT_ORDER: [CheckKind; 7] = [
        CheckKind::Conflict,
        CheckKind::SubsetViolation,
        CheckKind::CumulativeDecrease,
        CheckKind::CumulativeJump,
        CheckKind::DailySumMismatch,
        CheckKind::Copy,
        CheckKind::Agreement,
    ];
}

/// One finding of the cross-checks.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Check {
    pub kind: CheckKind,
    /// The measure it is about, when one.
    pub measure: Option<usize>,
    /// The date compared, when one.
    pub date: Option<NaiveDate>,
    /// Ledger ids of the claims involved.
    pub claims: Vec<usize>,
    /// Plain-language explanation quoting the figures as written.
    pub explanation: String,
    /// Id of the rule that fired (`ledger/conflict/disjoint-intervals`).
    pub rule: String,
}

/// The origins of one measure's figures, against the outlets that relay them.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Independence {
    pub measure: usize,
    pub origins: Vec<OriginRow>,
    /// Parties (an origin no party lists is its own party), copies left out.
    pub independent_origins: usize,
    /// True when every figure of the measure comes from one party.
    pub single_party: bool,
    pub outlets: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OriginRow {
    pub origin: String,
    pub party: Option<String>,
    pub party_name: String,
    /// Ledger ids of its claims in the measure.
    pub claims: Vec<usize>,
    pub outlets: Vec<String>,
}

/// What an outlet relays: the origins of its figures and the sources it names.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RelayRow {
    pub outlet: String,
    pub documents: Vec<usize>,
    /// Parties (or origins) behind its figures, with how many claims each.
    pub origins: Vec<(String, usize)>,
    /// Sources the outlet's documents say they relay.
    pub relayed: Vec<String>,
}

impl RelayRow {
    /// "gouvernement russe (11); L'Écho des Deux Rives (5)", as every report writes it.
    pub fn origins_text(&self) -> String {
        let origins: Vec<String> = self
            .origins
            .iter()
            .map(|(o, n)| format!("{o} ({n})"))
            .collect();
        origins.join("; ")
    }
}

/// Build the ledger of annotated documents.
pub fn build_ledger(docs: &[Document], config: &LedgerConfig) -> Ledger {
    // One fingerprint per document serves text reuse and stories alike.
    let prints = fingerprints(docs);
    let shared_passages = find_reuse_with(docs, &prints);
    let stories = group_stories_with(docs, &prints);
    let corpus_dates = infer_corpus_dates(docs, &stories);
    let mut documents: Vec<LedgerDocument> = docs.iter().map(ledger_document).collect();
    for (i, story) in stories.iter().enumerate() {
        for &d in &story.documents {
            if let Some(doc) = documents.get_mut(d) {
                doc.story = i;
            }
        }
    }
    for inferred in &corpus_dates {
        if let Some(doc) = documents.get_mut(inferred.document)
            && doc.date.is_none()
            && inferred.confidence >= config.min_corpus_date_confidence
        {
            doc.date = Some(inferred.date);
            doc.date_origin = Some(DateOrigin::Story);
        }
    }
    let mut claims = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let first = claims.len();
        for (c, claim) in doc.annotations.claims.iter().enumerate() {
            let id = claims.len();
            let mut lc = ledger_claim(id, d, c, claim, doc, &documents[d], config);
            lc.part_of = claim.part_of.filter(|p| *p < c).map(|p| first + p);
            claims.push(lc);
        }
    }
    let measures = measures::group(&mut claims);
    let copied = shared_passages
        .iter()
        .filter(|p| !p.same_outlet)
        .map(|p| {
            // The earlier document is the original; when the dates cannot tell, corpus order.
            let original_is_a = p.earlier.is_none_or(|e| e == p.a);
            if original_is_a {
                CopiedPassage {
                    original: p.a,
                    original_span: p.a_span,
                    copy: p.b,
                    copy_span: p.b_span,
                }
            } else {
                CopiedPassage {
                    original: p.b,
                    original_span: p.b_span,
                    copy: p.a,
                    copy_span: p.a_span,
                }
            }
        })
        .collect();
    let mut checks = checks::copies(&mut claims, &documents, copied);
    checks.extend(checks::run(&claims, &measures, config));
    let independence = independence::weigh(&claims, &measures);
    let relays = independence::relays(&claims, &documents);
    Ledger {
        schema: LEDGER_SCHEMA.to_owned(),
        config: config.clone(),
        documents,
        claims,
        measures,
        checks,
        independence,
        relays,
        shared_passages,
        stories,
        corpus_dates,
    }
}

/// A document as the report names it, dated by its publication date, else by the date its
/// own text gives confidently (the reference date of its relative expressions).
fn ledger_document(doc: &Document) -> LedgerDocument {
    let (date, date_origin) = match (doc.published, doc.annotations.reference_date) {
        (Some(p), _) => (Some(p.date_naive()), Some(DateOrigin::Published)),
        (None, Some(r)) => (Some(r.date), Some(DateOrigin::Text)),
        (None, None) => (None, None),
    };
    LedgerDocument {
        id: doc.id.clone(),
        source: doc.source.label(),
        outlet: doc.outlet.as_ref().map(|o| o.name.clone()),
        title: doc.title.clone(),
        date,
        date_origin,
        story: 0,
        relayed: doc.relays.iter().map(|r| r.name.clone()).collect(),
    }
}

fn ledger_claim(
    id: usize,
    document: usize,
    index: usize,
    claim: &Claim,
    doc: &Document,
    ldoc: &LedgerDocument,
    config: &LedgerConfig,
) -> LedgerClaim {
    let (date, date_from) = match (claim.time.end, claim.date.or(ldoc.date)) {
        (Some(end), _) => (Some(end), DateFrom::Window),
        (None, Some(day)) => (Some(day), DateFrom::Document),
        (None, None) => (None, DateFrom::Undated),
    };
    let outlet = claim
        .outlet
        .clone()
        .or_else(|| ldoc.outlet.clone())
        .unwrap_or_else(|| ldoc.source.clone());
    let a = &claim.attribution;
    let named = if a.unattributed {
        None
    } else {
        a.organisation.clone().or_else(|| a.speaker.clone())
    };
    let origin = named.clone().unwrap_or_else(|| outlet.clone());
    // The party may be known from the speaker when the organisation is not listed.
    let party = [a.organisation.as_deref(), a.speaker.as_deref()]
        .into_iter()
        .flatten()
        .filter(|_| !a.unattributed)
        .find_map(|name| VOCAB.party_of(name));
    let figure = &claim.figure;
    LedgerClaim {
        id,
        document,
        claim: index,
        story: ldoc.story,
        figure: figure.text.clone(),
        qualifier: figure.qualifier,
        value: figure.best.or(figure.value),
        interval: interval(claim, config),
        unit: figure.unit.clone(),
        counted: claim.counted.as_ref().map(|c| c.text.clone()),
        counted_category: claim.counted.as_ref().map(|c| c.category.clone()),
        predicate: claim.predicate.as_ref().map(|p| p.text.clone()),
        predicate_category: claim.predicate.as_ref().map(|p| p.category.clone()),
        predicate_family: claim
            .predicate
            .as_ref()
            .map(|p| VOCAB.predicate_family(&p.category)),
        modality: claim.predicate.as_ref().map(|p| p.modality),
        window: claim.time.kind,
        since: claim.time.since.clone(),
        window_start: claim.time.start,
        date,
        date_from,
        place: claim.place.as_ref().map(|p| VOCAB.place(&p.name)),
        speaker: a.speaker.clone(),
        organisation: a.organisation.clone(),
        how: a.how,
        unattributed: a.unattributed,
        party_name: party.map_or_else(|| origin.clone(), |p| p.name.clone()),
        party: party.map(|p| p.id.clone()),
        origin,
        outlet,
        evidence: doc
            .text
            .get(claim.evidence.start..claim.evidence.end)
            .unwrap_or("")
            .trim()
            .to_owned(),
        evidence_span: claim.evidence,
        figure_span: figure.span,
        part_of: None,
        measure: None,
        copy_of: None,
    }
}

/// The interval a figure allows, from its value and qualifier (see [`LedgerConfig`]).
pub fn interval(claim: &Claim, config: &LedgerConfig) -> Option<[f64; 2]> {
    let f = &claim.figure;
    let v = f.best.or(f.value).or(f.low).or(f.high)?;
    let bounds = match f.qualifier {
        FigureQualifier::Exact => [v, v],
        FigureQualifier::Approx => [
            v * (1.0 - config.approx_tolerance),
            v * (1.0 + config.approx_tolerance),
        ],
        FigureQualifier::Nearly => [v * (1.0 - config.nearly_tolerance), v],
        FigureQualifier::AtLeast | FigureQualifier::MoreThan => {
            [v, v * (1.0 + config.open_tolerance)]
        }
        FigureQualifier::AtMost | FigureQualifier::LessThan => {
            [v * (1.0 - config.open_tolerance), v]
        }
        FigureQualifier::Range => [f.low.unwrap_or(v), f.high.unwrap_or(v)],
        FigureQualifier::Vague => return None,
    };
    (bounds[0].is_finite() && bounds[1].is_finite() && bounds[0] <= bounds[1]).then_some(bounds)
}
