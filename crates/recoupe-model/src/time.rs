//! Time expressions found in text (owned by the figures stage).
