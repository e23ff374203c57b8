//! The extract stage: annotations of a document's sentences, each with a span into the
//! original text and the id of the rule that produced it.
//!
//! Each dimension is a module with a function over a string (`numbers::find_quantities`);
//! [`annotate`] runs them all over a [`recoupe_model::Document`] and maps their spans back to
//! the original text.

mod annotate;
mod chars;
pub mod claims;
pub mod entities;
mod keys;
pub mod numbers;
pub mod quotes;
pub mod time;

pub use annotate::annotate;
