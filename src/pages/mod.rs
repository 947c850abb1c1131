//! One module per page of the app.

pub mod connections;
pub mod edit_credentials;
pub mod not_found;
