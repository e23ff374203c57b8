//! The extract stage: annotations of a document's sentences, each with a span into the
//! original text and the id of the rule that produced it.

pub mod numbers;
pub mod time;
