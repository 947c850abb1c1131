//! `JsonBody<T>`: a JSON request body whose every rejection is an error of the contract.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The largest body the hub reads; larger ones answer 413.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

pub struct JsonBody<T>(pub T);

impl<T, S> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(request.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::InvalidJson(format!("The body could not be read: {rejection}"))
            }
        })?;
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|error| {
            ApiError::InvalidJson(format!(
                "The body is not valid JSON at line {}, column {}: {error}",
                error.line(),
                error.column()
            ))
        })
    }
}

fn is_json(content_type: Option<&header::HeaderValue>) -> bool {
    let Some(value) = content_type.and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use header::HeaderValue;

    #[test]
    fn accepts_json_with_or_without_charset() {
        assert!(is_json(Some(&HeaderValue::from_static("application/json"))));
        assert!(is_json(Some(&HeaderValue::from_static("Application/JSON; charset=utf-8"))));
    }

    #[test]
    fn refuses_other_or_missing_types() {
        assert!(!is_json(None));
        assert!(!is_json(Some(&HeaderValue::from_static("text/plain"))));
        assert!(!is_json(Some(&HeaderValue::from_static("application/jsonx"))));
    }
}
