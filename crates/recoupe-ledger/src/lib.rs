//! The ledger: the claims of a whole corpus, grouped into the measures they report on,
//! ordered in time and cross-checked.
//!
//! Input: annotated documents (`recoupe_extract::annotate` has run, so each carries its
//! claims). Output: a [`Ledger`] with stories (documents about the same events), measures
//! (claims that measure the same thing), checks (agreements, conflicts, subset violations,
//! cumulative anomalies, copies), the independence of each measure's sources, and the
//! passages shared between outlets.

pub mod dates;
pub mod reuse;
pub mod stories;
