//! One module per annotated dimension; each adds its rows to the report.

pub mod entities;
pub mod figures;
pub mod speech;
