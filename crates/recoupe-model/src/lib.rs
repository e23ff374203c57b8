//! The data model shared by every stage of recoupe.
//!
//! Everything here is plain data with serde derives: no I/O, no language knowledge, no
//! extraction logic. Every annotation carries a [`Span`] into the document's original text
//! (`Document::text`) and a rule id, so any output line can be checked against its sentence.
//!
//! ```
//! use recoupe_model::{NormalizedBuilder, Span};
//! let original = "l’Onu";
//! let mut b = NormalizedBuilder::new(original);
//! b.copy(1);
//! b.replace("’".len(), "'");
//! b.copy_rest();
//! let n = b.finish();
//! assert_eq!(n.text, "l'Onu");
//! assert_eq!(n.map.span_to_original(Span::new(2, 5)), Span::new(4, 7));
//! ```

pub mod annotations;
pub mod claim;
pub mod diagnostic;
pub mod document;
pub mod entity;
pub mod normalized;
pub mod quantity;
pub mod span;
pub mod speech;
pub mod time;

pub use annotations::Annotations;
pub use diagnostic::{Diagnostic, Severity};
pub use document::{
    Document, Embed, EmbedKind, InputDocument, InputFormat, Lang, LanguageGuess, LanguageOrigin,
    Outlet, OutletOrigin, Relay, Removal, Segment, Sentence, Source, document_id,
};
pub use normalized::{Normalized, NormalizedBuilder, OffsetMap};
pub use span::Span;

/// Version tag written in every serialized [`Document`]; bump it when the JSON shape changes
/// in a way that breaks readers.
pub const DOCUMENT_SCHEMA: &str = "recoupe.document/1";
