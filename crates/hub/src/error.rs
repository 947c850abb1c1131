//! Errors of the contract, each with its HTTP status, code and an English message.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// One entry of an error's `details`: which field broke which rule.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub target: String,
    pub message: String,
}

/// Every error the API answers with (see the error table of hub-api.md).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    InvalidParameter(String),
    #[error("Sign in to continue.")]
    NotAuthenticated,
    #[error("The CSRF token is missing or wrong. Fetch a token with the header 'X-CSRF-Token: Fetch' and send it with the change.")]
    CsrfTokenInvalid,
    #[error("This action needs the role {0}.")]
    MissingRole(&'static str),
    #[error("{0}")]
    NotFound(String),
    #[error("The development login is off.")]
    DevLoginDisabled,
    #[error("{0}")]
    InvalidJson(String),
    #[error("The body is larger than 64 KiB.")]
    PayloadTooLarge,
    #[error("Send the body as JSON with the header 'Content-Type: application/json'.")]
    UnsupportedMediaType,
    #[error("Something went wrong on the hub. Try again; if it keeps failing, the hub's log says why.")]
    Internal(String),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::InvalidParameter(_) | Self::InvalidJson(_) => StatusCode::BAD_REQUEST,
            Self::NotAuthenticated => StatusCode::UNAUTHORIZED,
            Self::CsrfTokenInvalid | Self::MissingRole(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) | Self::DevLoginDisabled => StatusCode::NOT_FOUND,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidParameter(_) => "INVALID_PARAMETER",
            Self::InvalidJson(_) => "INVALID_JSON",
            Self::NotAuthenticated => "NOT_AUTHENTICATED",
            Self::CsrfTokenInvalid => "CSRF_TOKEN_INVALID",
            Self::MissingRole(_) => "MISSING_ROLE",
            Self::NotFound(_) | Self::DevLoginDisabled => "NOT_FOUND",
            Self::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            Self::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            Self::Internal(_) => "INTERNAL_ERROR",
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Internal(error.to_string())
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorPayload<'a>,
}

#[derive(Serialize)]
struct ErrorPayload<'a> {
    code: &'a str,
    message: String,
    details: &'a [ErrorDetail],
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            // The cause stays in the log; the caller gets a message without internals.
            tracing::error!(%cause, "request failed");
        }
        let body = ErrorBody {
            error: ErrorPayload { code: self.code(), message: self.to_string(), details: &[] },
        };
        let mut response = (self.status(), Json(body)).into_response();
        if matches!(self, Self::CsrfTokenInvalid) {
            response.headers_mut().insert(crate::session::CSRF_HEADER, HeaderValue::from_static("Required"));
        }
        response
    }
}
