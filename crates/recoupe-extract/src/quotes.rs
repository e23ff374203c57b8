//! Quotations and reported speech, with their speakers.
