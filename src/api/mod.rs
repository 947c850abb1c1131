//! The hub's REST API (hub-api.md): typed models and one async function per endpoint.

mod error;
mod models;

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

pub use error::{ApiError, ErrorBody};
pub use models::{ConnectionRequest, Credentials, Page, Status, User, UserRef};

/// Where the hub's API lives, relative to the app's origin.
const API_BASE: &str = "/api/1.0";

/// `GET /user`: who is signed in.
pub async fn current_user() -> Result<User, ApiError> {
    get_json(&format!("{API_BASE}/user")).await
}

/// `GET /session/users`: whom one may sign in as while the development login is on.
pub async fn sign_in_users() -> Result<Vec<User>, ApiError> {
    get_json(&format!("{API_BASE}/session/users")).await
}

/// `POST /session`: signs in as `user_id` with the development login.
pub async fn sign_in(user_id: String) -> Result<User, ApiError> {
    let request = Request::post(&format!("{API_BASE}/session"))
        .json(&serde_json::json!({ "user": user_id }))
        .map_err(|error| ApiError::InvalidResponse(error.to_string()))?;
    read_json(request.send().await.map_err(|_| ApiError::Network)?).await
}

/// `GET /connectionRequests`: the first page of requests, latest change first.
pub async fn connection_requests() -> Result<Page<ConnectionRequest>, ApiError> {
    get_json(&format!("{API_BASE}/connectionRequests?orderby=updatedAt%20desc")).await
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let response = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    read_json(response).await
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json().await.map_err(|error| ApiError::InvalidResponse(error.to_string()));
    }
    let body = response.json::<ErrorBody>().await.ok();
    Err(ApiError::from_response(response.status(), body))
}
