//! Numbers and quantities.
