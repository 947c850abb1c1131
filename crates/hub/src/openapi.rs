//! The OpenAPI 3.1 document of the API, served at `/api/1.0/openapi.json`.

use axum::http::header;
use axum::response::IntoResponse;

/// The document, kept in the repository beside the code it describes.
const DOCUMENT: &str = include_str!("../openapi.json");

/// Every route of the API as (method, path below `/api/1.0`); the router registers exactly
/// these, and a test checks them against the document.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("POST", "/session"),
    ("DELETE", "/session"),
    ("GET", "/session/users"),
    ("GET", "/user"),
    ("GET", "/connectionRequests"),
    ("POST", "/connectionRequests"),
    ("GET", "/connectionRequests/{id}"),
    ("PUT", "/connectionRequests/{id}/credentials"),
    ("POST", "/connectionRequests/{id}/approve"),
    ("POST", "/connectionRequests/{id}/reject"),
    ("GET", "/connectionRequests/{id}/history"),
    ("POST", "/connectionRequests/{id}/credentials/test"),
    ("POST", "/credentials/test"),
    ("GET", "/openapi.json"),
];

/// `GET /openapi.json`.
pub async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT)
}
