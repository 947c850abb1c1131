//! API portal connections: the app in which an API Management administrator sees the
//! connection requests their API portals raised on API Business Hub Enterprise.

pub mod api;
mod app;
pub mod components;
pub mod credentials_form;
mod dom;
pub mod focus;
pub mod format;
pub mod hidden_secrets;
pub mod i18n;
pub mod idle;
pub mod lifecycle_text;
pub mod page_title;
pub mod pages;
pub mod permissions;
pub mod startup;
pub mod table_query;
pub mod tone;
pub mod url_encoding;

pub use app::App;
