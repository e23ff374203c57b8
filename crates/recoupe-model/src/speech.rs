//! Quotations and reported speech (owned by the quotes stage).
