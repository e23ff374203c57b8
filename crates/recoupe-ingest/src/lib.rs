//! Readers: turn files, directories and streams into [`recoupe_model::InputDocument`]s.
