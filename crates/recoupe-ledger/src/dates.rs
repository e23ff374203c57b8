//! Corpus-level dates: documents without a date get one from their story.
