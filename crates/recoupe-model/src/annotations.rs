//! What the extract stage finds in a document. Every annotation's span points into the
//! document's original text.

use serde::{Deserialize, Serialize};

use crate::quantity::Quantity;

/// The annotations of one document, one list per dimension, each in text order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Numbers and amounts, figures or not (`is_figure` tells).
    #[serde(default)]
    pub quantities: Vec<Quantity>,
}
