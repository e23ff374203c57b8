//! Entities found in text: people, organisations and places (owned by the entities stage).
