//! Numbers and quantities found in text (owned by the figures stage).
