//! The ledger: the claims of a whole corpus, grouped into the measures they report on,
//! ordered in time and cross-checked.
//!
//! Input: annotated documents (`recoupe_extract::annotate` has run, so each carries its
//! claims). Output: a [`Ledger`] with measures (claims that measure the same thing), checks
//! (agreements, conflicts, subset violations, cumulative anomalies, copies), the
//! independence of each measure's sources, and what each outlet relays.
//! [`report::markdown`] renders it for a terminal; the JSON is the [`Ledger`] serialized.

pub mod checks;
pub mod dates;
pub mod html;
pub mod independence;
pub mod ledger;
pub mod measures;
pub mod report;
pub mod reuse;
pub mod stories;
pub mod vocab;

pub use ledger::{
    Check, CheckKind, DateFrom, Independence, LEDGER_SCHEMA, Ledger, LedgerClaim, LedgerConfig,
    LedgerDocument, Measure, OriginRow, RelayRow, SeriesPoint, build_ledger,
};
