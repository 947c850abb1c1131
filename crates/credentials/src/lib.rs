//! API portal access credentials: what a person pastes, parsed, recognised and validated.
//!
//! Pure Rust with no web dependencies, so that the app (in the browser, as the user types)
//! and the hub (on the server, which never trusts the browser) apply the same rules.

mod kind;

pub use kind::CredentialKind;
