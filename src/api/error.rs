//! What can go wrong when talking to the hub, as messages a user can act on.

pub use contract::{ErrorBody, ErrorDetail};

use crate::i18n::{t, tf};

/// Every failure of a call to the hub, one variant per status of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    BadRequest(String),
    NotAuthenticated,
    MissingRole(String),
    Forbidden(String),
    NotFound(String),
    /// Where the API should be, something that is not the hub answered "not found" (a static
    /// host without the API): the deployment needs `config.json` or a proxy.
    NoApi,
    Conflict(String),
    AliasTaken(String),
    PortalLimitReached(String),
    TooManyRequests(String),
    PreconditionFailed,
    PayloadTooLarge,
    UnsupportedMediaType(String),
    Validation { message: String, details: Vec<ErrorDetail> },
    PreconditionRequired,
    TimedOut,
    Busy,
    StorageFull,
    Server(u16),
    Network,
    InvalidResponse(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::BadRequest(message) => tf("The hub refused the request: {message}", &[("message", message)]),
            Self::NotAuthenticated => t("You are not signed in, or your session has ended. Sign in to continue.").to_owned(),
            Self::MissingRole(message) => tf("{message} Ask your SAP BTP subaccount administrator to assign it to you.", &[("message", message)]),
            Self::Forbidden(message) => tf("You may not do this: {message}", &[("message", message)]),
            Self::NotFound(message) => tf("Not found: {message}", &[("message", message)]),
            Self::NoApi => tf(
                "The hub's API is not at {address}. If this app is deployed apart from the hub, name the API's address \
                 as apiBase in a config.json beside index.html, or let a proxy serve the API at that address.",
                &[("address", &super::api_base())],
            ),
            Self::Conflict(message) => tf("This conflicts with the request's current state: {message}", &[("message", message)]),
            Self::AliasTaken(message) | Self::PortalLimitReached(message) | Self::TooManyRequests(message) => message.clone(),
            Self::PreconditionFailed => {
                t("Someone else changed this request in the meantime. Load its current state and try again.").to_owned()
            }
            Self::PayloadTooLarge => t("What you sent is larger than the hub accepts (64 KiB).").to_owned(),
            Self::UnsupportedMediaType(message) => tf("The hub did not accept the format of what was sent: {message}", &[("message", message)]),
            Self::Validation { message, .. } => tf("Some values are not valid: {message}", &[("message", message)]),
            Self::PreconditionRequired => {
                t("The change was refused because it did not say which version it replaces. Reload and try again.").to_owned()
            }
            Self::TimedOut => t("The hub did not receive the whole request in time. Try again.").to_owned(),
            Self::Busy => t("The hub is busy. Try again in a few seconds.").to_owned(),
            Self::StorageFull => {
                t("The hub cannot save anything at the moment: its disk is full. Tell the hub's operator, and try again later.").to_owned()
            }
            Self::Server(status) => tf("The hub had a problem (HTTP {status}). Try again in a moment.", &[("status", status)]),
            Self::Network => t("The hub could not be reached. Check your network connection and try again.").to_owned(),
            Self::InvalidResponse(message) => tf("The hub's answer could not be read: {message}", &[("message", message)]),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// Whether trying the same again may help (the network or the hub had trouble); a refusal
    /// will not change by retrying.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Network | Self::Server(_) | Self::TimedOut | Self::Busy | Self::StorageFull)
    }

    /// The error for a response with `status` and, if it could be read, its error body.
    pub fn from_response(status: u16, body: Option<ErrorBody>) -> Self {
        if status == 404 && body.is_none() {
            return Self::NoApi;
        }
        let (code, message, details) = match body {
            // The hub's words in the user's language, when it sent them as a template.
            Some(ErrorBody { error }) => (error.code.clone(), error.translated_message(crate::i18n::translate), error.details),
            None => (String::new(), format!("HTTP {status}"), Vec::new()),
        };
        match status {
            400 => Self::BadRequest(message),
            401 => Self::NotAuthenticated,
            403 if code == contract::code::MISSING_ROLE => Self::MissingRole(message),
            403 => Self::Forbidden(message),
            404 => Self::NotFound(message),
            409 if code == contract::code::ALIAS_TAKEN => Self::AliasTaken(message),
            409 if code == contract::code::PORTAL_LIMIT_REACHED => Self::PortalLimitReached(message),
            409 => Self::Conflict(message),
            429 => Self::TooManyRequests(message),
            412 => Self::PreconditionFailed,
            413 => Self::PayloadTooLarge,
            415 => Self::UnsupportedMediaType(message),
            422 => Self::Validation { message, details },
            428 => Self::PreconditionRequired,
            408 => Self::TimedOut,
            503 => Self::Busy,
            507 => Self::StorageFull,
            500..=599 => Self::Server(status),
            _ => Self::InvalidResponse(tf("unexpected HTTP {status}: {message}", &[("status", &status), ("message", &message)])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::ErrorPayload;

    fn body(code: &str, message: &str) -> Option<ErrorBody> {
        Some(ErrorBody {
            error: ErrorPayload { code: code.into(), message: message.into(), details: Vec::new(), template: None, params: None },
        })
    }

    #[test]
    fn maps_every_status_of_the_contract() {
        let cases = [
            (400, ApiError::BadRequest("bad".into())),
            (401, ApiError::NotAuthenticated),
            (403, ApiError::Forbidden("bad".into())),
            (404, ApiError::NotFound("bad".into())),
            (409, ApiError::Conflict("bad".into())),
            (429, ApiError::TooManyRequests("bad".into())),
            (412, ApiError::PreconditionFailed),
            (413, ApiError::PayloadTooLarge),
            (415, ApiError::UnsupportedMediaType("bad".into())),
            (422, ApiError::Validation { message: "bad".into(), details: Vec::new() }),
            (428, ApiError::PreconditionRequired),
            (408, ApiError::TimedOut),
            (503, ApiError::Busy),
            (507, ApiError::StorageFull),
            (500, ApiError::Server(500)),
        ];
        for (status, expected) in cases {
            assert_eq!(ApiError::from_response(status, body("X", "bad")), expected, "HTTP {status}");
        }
        // A "not found" that is no answer of the hub: the API is not where the app looks.
        assert_eq!(ApiError::from_response(404, None), ApiError::NoApi);
        assert!(ApiError::NoApi.to_string().starts_with("The hub's API is not at /api/1.0."));
    }

    #[test]
    fn a_missing_role_is_named_with_whom_to_ask() {
        let error = ApiError::from_response(403, body("MISSING_ROLE", "This action needs the role AuthGroup.APIPortalRegistration."));
        assert!(matches!(error, ApiError::MissingRole(_)));
        assert_eq!(
            error.to_string(),
            "This action needs the role AuthGroup.APIPortalRegistration. Ask your SAP BTP subaccount administrator to assign it to you."
        );
        assert!(matches!(ApiError::from_response(403, body("NOT_SUBMITTER", "Only...")), ApiError::Forbidden(_)));
    }

    #[test]
    fn only_trouble_on_the_way_is_worth_a_retry() {
        assert!(ApiError::Network.is_transient() && ApiError::Server(503).is_transient());
        assert!(!ApiError::MissingRole("x".into()).is_transient() && !ApiError::NotAuthenticated.is_transient());
    }

    #[test]
    fn an_unreadable_error_body_still_gives_a_message() {
        assert_eq!(ApiError::from_response(502, None).to_string(), "The hub had a problem (HTTP 502). Try again in a moment.");
    }
}
