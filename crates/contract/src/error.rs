//! The error body every failed call answers with, and its codes.

use serde::{Deserialize, Serialize};

/// `{"error": {"code", "message", "details"}}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorBody {
    pub error: ErrorPayload,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub details: Vec<ErrorDetail>,
}

/// Which field broke which rule.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub target: String,
    pub message: String,
}

/// The codes of the error table (`error.code`).
pub mod code {
    pub const INVALID_JSON: &str = "INVALID_JSON";
    pub const INVALID_PARAMETER: &str = "INVALID_PARAMETER";
    pub const NOT_AUTHENTICATED: &str = "NOT_AUTHENTICATED";
    pub const CSRF_TOKEN_INVALID: &str = "CSRF_TOKEN_INVALID";
    pub const MISSING_ROLE: &str = "MISSING_ROLE";
    pub const NOT_SUBMITTER: &str = "NOT_SUBMITTER";
    pub const NOT_FOUND: &str = "NOT_FOUND";
    pub const INVALID_STATE: &str = "INVALID_STATE";
    pub const ALIAS_TAKEN: &str = "ALIAS_TAKEN";
    pub const PORTAL_LIMIT_REACHED: &str = "PORTAL_LIMIT_REACHED";
    pub const PRECONDITION_FAILED: &str = "PRECONDITION_FAILED";
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "UNSUPPORTED_MEDIA_TYPE";
    pub const VALIDATION_FAILED: &str = "VALIDATION_FAILED";
    pub const PRECONDITION_REQUIRED: &str = "PRECONDITION_REQUIRED";
    pub const METHOD_NOT_ALLOWED: &str = "METHOD_NOT_ALLOWED";
    pub const REQUEST_TIMEOUT: &str = "REQUEST_TIMEOUT";
    pub const TOO_MANY_REQUESTS: &str = "TOO_MANY_REQUESTS";
    pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
    pub const INSUFFICIENT_STORAGE: &str = "INSUFFICIENT_STORAGE";
    pub const INTERNAL_ERROR: &str = "INTERNAL_ERROR";
}
