//! Stories: documents that report the same events.
