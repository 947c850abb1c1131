//! Request bodies: JSON whose every rejection is an error of the contract.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::error::ApiError;
use crate::AppState;

/// The largest body the hub reads; larger ones answer 413.
pub const BODY_LIMIT_BYTES: usize = credentials::MAX_INPUT_BYTES;

/// A JSON body, deserialised.
pub struct JsonBody<T>(pub T);

/// A JSON body as text, for the credentials analyser to read with positions.
pub struct JsonText(pub String);

/// An optional JSON body: `None` when the request has no body at all.
pub struct OptionalJsonBody<T>(pub Option<T>);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let JsonText(text) = JsonText::from_request(request, state).await?;
        parse(&text).map(JsonBody)
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for OptionalJsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = request.headers().clone();
        let bytes = read_bytes(request, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJsonBody(None));
        }
        let text = checked_text(&headers, bytes)?;
        parse(&text).map(|value| OptionalJsonBody(Some(value)))
    }
}

impl FromRequest<AppState> for JsonText {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = request.headers().clone();
        if !is_json(&headers) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = read_bytes(request, state).await?;
        checked_text(&headers, bytes).map(JsonText)
    }
}

/// The body, if it arrives whole within the body timeout. A body announced larger than the
/// limit is refused at once, not after the timeout its bytes that never come would take.
async fn read_bytes(request: Request, state: &AppState) -> Result<Bytes, ApiError> {
    let announced = request.headers().get(header::CONTENT_LENGTH).and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|length| length > BODY_LIMIT_BYTES as u64) {
        return Err(ApiError::PayloadTooLarge);
    }
    let read = Bytes::from_request(request, state);
    let Ok(read) = tokio::time::timeout(state.body_timeout, read).await else {
        return Err(ApiError::RequestTimeout);
    };
    read.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::invalid_json(format!("The body could not be read: {rejection}"))
        }
    })
}

fn checked_text(headers: &HeaderMap, bytes: Bytes) -> Result<String, ApiError> {
    if !is_json(headers) {
        return Err(ApiError::UnsupportedMediaType);
    }
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        ApiError::invalid_json(format!("The body is not UTF-8 text (invalid byte at position {}).", error.utf8_error().valid_up_to()))
    })
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        // serde_json's own text ends with the place, which the message says first.
        let reason = error.to_string();
        let reason = reason.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&reason);
        let message = match error.classify() {
            Category::Data => format!("The body is JSON, but not what this call takes (line {line}, column {column}): {reason}."),
            _ => format!("The body is not valid JSON at line {line}, column {column}: {reason}."),
        };
        ApiError::invalid_json(message)
    })
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use header::HeaderValue;

    fn headers(content_type: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(value) = content_type {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn accepts_json_with_or_without_charset() {
        assert!(is_json(&headers(Some("application/json"))));
        assert!(is_json(&headers(Some("Application/JSON; charset=utf-8"))));
    }

    #[test]
    fn refuses_other_or_missing_types() {
        assert!(!is_json(&headers(None)));
        assert!(!is_json(&headers(Some("text/plain"))));
        assert!(!is_json(&headers(Some("application/jsonx"))));
    }
}
