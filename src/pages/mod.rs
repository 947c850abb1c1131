//! One module per page of the app.

pub mod connections;
pub mod not_found;
