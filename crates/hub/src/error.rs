//! Errors of the contract, each with its HTTP status, code and an English message.

use std::collections::HashMap;
use std::fmt;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::hub_texts::{self, HubText};
use contract::{code, ErrorBody, ErrorPayload};

pub use contract::ErrorDetail;

/// One finding of the credentials engine as an entry of an error's `details`, with the template
/// and params a client translates it from.
pub fn detail_of(diagnostic: &credentials::Diagnostic) -> ErrorDetail {
    ErrorDetail::finding(diagnostic)
}

/// What only the user who submitted a request may do (`NOT_SUBMITTER` when someone else tries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitterOnly {
    ChangeCredentials,
    /// Administrators may as well.
    TestStoredCredentials,
}

/// Every error the API answers with (see the error table of hub-api.md).
#[derive(Debug)]
pub enum ApiError {
    InvalidJson { message: String, details: Vec<ErrorDetail> },
    InvalidParameter(String),
    NotAuthenticated,
    CsrfTokenInvalid,
    MissingRole(&'static str),
    NotSubmitter(SubmitterOnly),
    NotFound(HubText),
    DevLoginDisabled,
    InvalidState(String),
    AliasTaken(String),
    PortalLimitReached,
    PreconditionFailed { current: i64 },
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed { message: String, details: Vec<ErrorDetail> },
    PreconditionRequired,
    MethodNotAllowed,
    RequestTimeout,
    TooManyRequests { retry_after_seconds: u64 },
    Unavailable,
    InsufficientStorage,
    /// The cause, for the log only.
    Internal(String),
}

impl std::error::Error for ApiError {}

/// The English message: the hub's fixed text, or the words the error carries.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.hub_text(), self) {
            (Some(text), _) => f.write_str(&text.english()),
            (None, Self::InvalidJson { message, .. } | Self::ValidationFailed { message, .. }) => f.write_str(message),
            (None, Self::InvalidParameter(message) | Self::InvalidState(message)) => f.write_str(message),
            (None, _) => unreachable!("every other error says one of the hub's texts"),
        }
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::InvalidJson { .. } | Self::InvalidParameter(_) => StatusCode::BAD_REQUEST,
            Self::NotAuthenticated => StatusCode::UNAUTHORIZED,
            Self::CsrfTokenInvalid | Self::MissingRole(_) | Self::NotSubmitter(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) | Self::DevLoginDisabled => StatusCode::NOT_FOUND,
            Self::InvalidState(_) | Self::AliasTaken(_) | Self::PortalLimitReached => StatusCode::CONFLICT,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::ValidationFailed { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::InsufficientStorage => StatusCode::INSUFFICIENT_STORAGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidJson { .. } => code::INVALID_JSON,
            Self::InvalidParameter(_) => code::INVALID_PARAMETER,
            Self::NotAuthenticated => code::NOT_AUTHENTICATED,
            Self::CsrfTokenInvalid => code::CSRF_TOKEN_INVALID,
            Self::MissingRole(_) => code::MISSING_ROLE,
            Self::NotSubmitter(_) => code::NOT_SUBMITTER,
            Self::NotFound(_) | Self::DevLoginDisabled => code::NOT_FOUND,
            Self::InvalidState(_) => code::INVALID_STATE,
            Self::AliasTaken(_) => code::ALIAS_TAKEN,
            Self::PortalLimitReached => code::PORTAL_LIMIT_REACHED,
            Self::PreconditionFailed { .. } => code::PRECONDITION_FAILED,
            Self::PayloadTooLarge => code::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => code::UNSUPPORTED_MEDIA_TYPE,
            Self::ValidationFailed { .. } => code::VALIDATION_FAILED,
            Self::PreconditionRequired => code::PRECONDITION_REQUIRED,
            Self::MethodNotAllowed => code::METHOD_NOT_ALLOWED,
            Self::RequestTimeout => code::REQUEST_TIMEOUT,
            Self::TooManyRequests { .. } => code::TOO_MANY_REQUESTS,
            Self::Unavailable => code::SERVICE_UNAVAILABLE,
            Self::InsufficientStorage => code::INSUFFICIENT_STORAGE,
            Self::Internal(_) => code::INTERNAL_ERROR,
        }
    }

    /// The message as one of the hub's texts, for the errors that say a fixed thing (the others
    /// carry words made where they arise).
    fn hub_text(&self) -> Option<HubText> {
        let fixed = |template| Some(HubText::new(template, Vec::new()));
        match self {
            Self::NotAuthenticated => fixed(hub_texts::NOT_AUTHENTICATED),
            Self::CsrfTokenInvalid => fixed(hub_texts::CSRF_TOKEN_INVALID),
            Self::MissingRole(role) => Some(HubText::new(hub_texts::MISSING_ROLE, vec![("role", role.to_string())])),
            Self::NotSubmitter(SubmitterOnly::ChangeCredentials) => fixed(hub_texts::NOT_SUBMITTER),
            Self::NotSubmitter(SubmitterOnly::TestStoredCredentials) => fixed(hub_texts::NOT_SUBMITTER_TO_TEST),
            Self::NotFound(text) => Some(text.clone()),
            Self::DevLoginDisabled => fixed(hub_texts::DEV_LOGIN_DISABLED),
            Self::AliasTaken(alias) => Some(HubText::new(hub_texts::ALIAS_TAKEN, vec![("alias", alias.clone())])),
            Self::PortalLimitReached => fixed(hub_texts::PORTAL_LIMIT_REACHED),
            Self::PreconditionFailed { current } => {
                Some(HubText::new(hub_texts::PRECONDITION_FAILED, vec![("current", current.to_string())]))
            }
            Self::PayloadTooLarge => fixed(hub_texts::PAYLOAD_TOO_LARGE),
            Self::UnsupportedMediaType => fixed(hub_texts::UNSUPPORTED_MEDIA_TYPE),
            Self::PreconditionRequired => fixed(hub_texts::PRECONDITION_REQUIRED),
            Self::MethodNotAllowed => fixed(hub_texts::METHOD_NOT_ALLOWED),
            Self::RequestTimeout => fixed(hub_texts::REQUEST_TIMEOUT),
            Self::TooManyRequests { retry_after_seconds } => {
                Some(HubText::new(hub_texts::TOO_MANY_REQUESTS, vec![("seconds", retry_after_seconds.to_string())]))
            }
            Self::Unavailable => fixed(hub_texts::SERVICE_UNAVAILABLE),
            Self::InsufficientStorage => fixed(hub_texts::INSUFFICIENT_STORAGE),
            Self::Internal(_) => fixed(hub_texts::INTERNAL_ERROR),
            Self::InvalidJson { .. } | Self::InvalidParameter(_) | Self::InvalidState(_) | Self::ValidationFailed { .. } => {
                None
            }
        }
    }

    /// A body that is not JSON, with where it breaks.
    pub fn invalid_json(message: impl Into<String>) -> Self {
        Self::InvalidJson { message: message.into(), details: Vec::new() }
    }

    /// A body that is not JSON, with findings, bounded as for [`ApiError::validation_failed`].
    pub fn invalid_json_with(message: String, details: Vec<ErrorDetail>) -> Self {
        Self::InvalidJson { message, details: bounded(details) }
    }

    /// Findings about a request, at most [`MAX_DETAILS_PER_CODE`] of each code and
    /// [`MAX_DETAILS`] in all, with one summing-up entry per code for the rest: a hostile body
    /// cannot make a large answer.
    pub fn validation_failed(details: Vec<ErrorDetail>) -> Self {
        let details = bounded(details);
        let message = match details.as_slice() {
            [only] => format!("The request is not valid: {}", only.message),
            _ => format!("The request is not valid: {} problems, each named in details.", details.len()),
        };
        Self::ValidationFailed { message, details }
    }

    /// The same error with `advice` after its message.
    pub fn followed_by(mut self, advice: &str) -> Self {
        if let Self::InvalidJson { message, .. } | Self::ValidationFailed { message, .. } = &mut self {
            message.push(' ');
            message.push_str(advice);
        }
        self
    }

    fn details(&self) -> &[ErrorDetail] {
        match self {
            Self::InvalidJson { details, .. } | Self::ValidationFailed { details, .. } => details,
            _ => &[],
        }
    }
}

/// Text from the caller, as an error message quotes it: at most 64 characters, so that an
/// answer never carries much of what was sent.
pub fn quoted(text: &str) -> String {
    const MAX_QUOTED_CHARS: usize = 64;
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Findings kept of one code; the engine reports at most this many of a rule, too.
pub const MAX_DETAILS_PER_CODE: usize = 10;
/// Findings kept in all.
pub const MAX_DETAILS: usize = 40;

fn bounded(details: Vec<ErrorDetail>) -> Vec<ErrorDetail> {
    let mut kept: Vec<ErrorDetail> = Vec::new();
    let mut per_code: HashMap<String, usize> = HashMap::new();
    // One summing-up entry per code (a fixed set, so these are few): the first left out, counted.
    let mut left_out: Vec<(ErrorDetail, usize)> = Vec::new();
    for detail in details {
        let count = per_code.entry(detail.code.clone()).or_default();
        *count += 1;
        if *count <= MAX_DETAILS_PER_CODE && kept.len() < MAX_DETAILS {
            kept.push(detail);
        } else if let Some((_, more)) = left_out.iter_mut().find(|(first, _)| first.code == detail.code) {
            *more += 1;
        } else {
            left_out.push((detail, 1));
        }
    }
    kept.extend(left_out.into_iter().map(|(first, more)| {
        ErrorDetail::text(first.code, first.target, &HubText::new(hub_texts::MORE_FINDINGS, vec![("count", more.to_string())]))
    }));
    kept
}

/// SQLite's answers that are about the moment, not the request: a database another process
/// holds locked, a full disk.
impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Self::Unavailable,
            Some(rusqlite::ErrorCode::DiskFull) => Self::InsufficientStorage,
            _ => Self::Internal(error.to_string()),
        }
    }
}

/// When a client should try again after a 503.
const RETRY_AFTER_SECONDS: &str = "5";


impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            // The cause stays in the log; the caller gets a message without internals.
            tracing::error!(%cause, "request failed");
        }
        let text = self.hub_text();
        let body = ErrorBody {
            error: ErrorPayload {
                code: self.code().to_owned(),
                message: self.to_string(),
                details: self.details().to_vec(),
                template: text.as_ref().map(|text| text.template.to_owned()),
                params: text.as_ref().map(HubText::wire_params),
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        if matches!(self, Self::Unavailable) {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
        }
        if let Self::TooManyRequests { retry_after_seconds } = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &str, index: usize) -> ErrorDetail {
        ErrorDetail::new(code, format!("field{index}"), format!("finding {index}"))
    }

    #[test]
    fn details_are_bounded_per_code_and_in_all() {
        let many: Vec<ErrorDetail> = (0..3000).map(|index| finding("DUPLICATE_FIELD", index)).collect();
        let ApiError::ValidationFailed { details, message } = ApiError::validation_failed(many) else { panic!() };
        assert_eq!(details.len(), MAX_DETAILS_PER_CODE + 1);
        assert_eq!(details.last().unwrap().message, "2990 more findings of this kind are left out.");
        assert_eq!(details.last().unwrap().template.as_deref(), Some(hub_texts::MORE_FINDINGS), "the hub's own sentence, translatable");
        assert!(message.contains("11 problems"), "{message}");

        let mixed: Vec<ErrorDetail> = (0..100).flat_map(|index| ["A", "B", "C", "D", "E"].map(|code| finding(code, index))).collect();
        let ApiError::ValidationFailed { details, .. } = ApiError::validation_failed(mixed) else { panic!() };
        assert_eq!(details.len(), MAX_DETAILS + 5, "40 findings and one summing-up entry per code");
    }

    #[test]
    fn quotes_at_most_64_characters() {
        assert_eq!(quoted("cr-1"), "cr-1");
        assert_eq!(quoted(&"ü".repeat(100)), format!("{}…", "ü".repeat(64)));
    }

    #[test]
    fn a_locked_database_or_a_full_disk_are_no_internal_errors() {
        let sqlite = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        assert!(matches!(ApiError::from(sqlite(rusqlite::ffi::SQLITE_BUSY)), ApiError::Unavailable));
        assert!(matches!(ApiError::from(sqlite(rusqlite::ffi::SQLITE_FULL)), ApiError::InsufficientStorage));
        assert!(matches!(ApiError::from(sqlite(rusqlite::ffi::SQLITE_CORRUPT)), ApiError::Internal(_)));
    }
}
