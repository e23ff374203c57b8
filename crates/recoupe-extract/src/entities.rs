//! Named entities: people, organisations and places, with roles and within-document coreference.
