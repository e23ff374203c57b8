//! The text stage: from an [`recoupe_model::InputDocument`] to a [`recoupe_model::Document`].
