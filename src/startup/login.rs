//! A deployment's own login (`loginUrl` in `config.json`): what to do with a signed-out user.

use leptos::prelude::window;

/// Marks that the app sent the user to the login, so that coming back still signed out (the
/// session cookie never reaches the hub: another site, blocked cookies) ends in a message
/// instead of an endless round trip. Not a secret: a time.
const SENT_AT: &str = "portal-connections.login-sent-at";
/// Coming back signed out within this time after being sent means the login did not help.
const ROUND_TRIP_MS: u64 = 120_000;

/// What a signed-out user gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginStep {
    /// No login of the deployment: the development login's choice, if the hub has it.
    NotConfigured,
    /// Off to the login, which sends the user back here.
    Redirect(String),
    /// In a frame the login page cannot be shown (login pages refuse frames): a link that opens
    /// it in the whole window.
    Link(String),
    /// Just back from the login and still signed out.
    RoundTripFailed(String),
}

/// The step for a signed-out user now; marks a redirect as sent.
pub fn next_step() -> LoginStep {
    let Some(address) = window().location().href().ok().and_then(|here| super::environment().config.login_address(&here)) else {
        return LoginStep::NotConfigured;
    };
    if super::environment().framed {
        return LoginStep::Link(address);
    }
    let storage = window().session_storage().ok().flatten();
    // Whole milliseconds: integers keep the parsing and printing of floats out of the app.
    let now = js_sys::Date::now() as u64;
    let sent_at = storage.as_ref().and_then(|storage| storage.get_item(SENT_AT).ok().flatten()).and_then(|at| at.parse::<u64>().ok());
    if sent_at.is_some_and(|at| now.saturating_sub(at) < ROUND_TRIP_MS) {
        forget_sent();
        return LoginStep::RoundTripFailed(address);
    }
    if let Some(storage) = storage {
        let _ = storage.set_item(SENT_AT, &now.to_string());
    }
    LoginStep::Redirect(address)
}

/// Signed in: a later sign-out starts afresh. Only a deployment with a login marks anything, and
/// the start of every other leaves the session storage alone (its first use costs a browser a
/// few milliseconds).
pub fn forget_sent() {
    if super::environment().config.login_url.is_none() {
        return;
    }
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = storage.remove_item(SENT_AT);
    }
}
