//! Reusable pieces of the app's pages.

pub mod error_message;
pub mod request_table;
pub mod sign_in;
