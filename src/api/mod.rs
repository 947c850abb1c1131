//! The hub's REST API (hub-api.md): typed models and one async function per endpoint.

mod bodies;
mod early;
mod endpoint;
mod error;
mod list_params;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use list_params::ListParams;
pub use contract::{
    ConnectionRequest, CountsByStatus, CredentialsSummary, History, HistoryAction, HistoryEvent, LastTest, Page, Status, TestOutcome, User,
    UserRef,
};

use endpoint::url;
pub use endpoint::{api_base, set_api_base};
pub use early::{forget_early_answers, page_promise, window_promise};

use crate::url_encoding::encode;

/// `GET /user`: who is signed in.
pub async fn current_user() -> Result<User, ApiError> {
    get_json_or_early("user", &url("/user")).await
}

/// `GET /session/users`: whom one may sign in as while the development login is on.
pub async fn sign_in_users() -> Result<Vec<User>, ApiError> {
    get_json(&url("/session/users")).await
}

/// `POST /session`: signs in as `user_id` with the development login.
pub async fn sign_in(user_id: String) -> Result<User, ApiError> {
    let request = post(&url("/session"))
        .json(&bodies::SignIn { user: &user_id })
        .map_err(|error| invalid_response(&error))?;
    parse(&answer_text(request.send().await.map_err(|_| ApiError::Network)?).await?)
}

/// `GET /connectionRequests`: one page, and the number of matches.
pub async fn connection_requests(params: &ListParams) -> Result<Page<ConnectionRequest>, ApiError> {
    get_json_or_early("page", &url(&format!("/connectionRequests?{}", params.to_query()))).await
}

/// `GET /connectionRequests/{id}`: one request as it is now.
pub async fn connection_request(id: &str) -> Result<ConnectionRequest, ApiError> {
    get_json(&url(&format!("/connectionRequests/{}", encode(id)))).await
}

/// `PUT /connectionRequests/{id}/credentials`: replaces the credentials of the request at
/// `version` with `body` (JSON as the API portal generates it).
pub async fn replace_credentials(id: String, version: i64, body: String) -> Result<ConnectionRequest, ApiError> {
    let token = csrf_token().await?;
    let request = put(&url(&format!("/connectionRequests/{}/credentials", encode(&id))))
        .header("X-CSRF-Token", &token)
        .header("If-Match", &format!("\"{version}\""))
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|error| invalid_response(&error))?;
    parse(&answer_text(request.send().await.map_err(|_| ApiError::Network)?).await?)
}

/// `POST /connectionRequests`: submits a new request with `alias`, `comment` and `credentials`
/// (JSON as the API portal generates it).
pub async fn submit_request(alias: String, comment: String, credentials: String) -> Result<ConnectionRequest, ApiError> {
    let credentials: &serde_json::value::RawValue =
        serde_json::from_str(&credentials).map_err(|error| invalid_response(&error))?;
    let body = bodies::NewRequest { api_portal_alias: &alias, comment: &comment, credentials };
    let body = serde_json::to_string(&body).map_err(|error| invalid_response(&error))?;
    post_json(&url("/connectionRequests"), None, Some(body)).await
}

/// What a hub administrator decides on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

/// `POST /connectionRequests/{id}/approve` or `.../reject`, at the version the administrator
/// saw, with their reason.
pub async fn decide(id: String, version: i64, decision: Decision, reason: String) -> Result<ConnectionRequest, ApiError> {
    let action = match decision {
        Decision::Approve => "approve",
        Decision::Reject => "reject",
    };
    let reason = reason.trim();
    let body = (!reason.is_empty()).then(|| serde_json::to_string(&bodies::Reason { reason })).transpose();
    let body = body.map_err(|error| invalid_response(&error))?;
    post_json(&url(&format!("/connectionRequests/{}/{action}", encode(&id))), Some(version), body).await
}

/// `POST /credentials/test`: asks the token endpoint of `credentials` (not saved) for a token.
pub async fn test_credentials(credentials: String) -> Result<TestOutcome, ApiError> {
    post_json(&url("/credentials/test"), None, Some(credentials)).await
}

/// `POST /connectionRequests/{id}/credentials/test`: tests the stored credentials of a request.
pub async fn test_stored_credentials(id: String) -> Result<TestOutcome, ApiError> {
    post_json(&url(&format!("/connectionRequests/{}/credentials/test", encode(&id))), None, None).await
}

/// How many API portals are connected: the approved requests.
pub async fn connected_portals() -> Result<u64, ApiError> {
    let page: Page<ConnectionRequest> = get_json(&url("/connectionRequests?status=APPROVED&top=1")).await?;
    Ok(page.count)
}

/// `GET /connectionRequests/{id}/history`: what happened to a request, newest first.
pub async fn history(id: &str) -> Result<History, ApiError> {
    get_json(&url(&format!("/connectionRequests/{}/history", encode(id)))).await
}

/// A POST with the CSRF token, `If-Match: "<version>"` when given, and a JSON body when given.
async fn post_json<T: DeserializeOwned>(url: &str, version: Option<i64>, body: Option<String>) -> Result<T, ApiError> {
    parse(&post_for_text(url, version, body).await?)
}

/// [`post_json`] up to the answer's text: the same for every type of answer.
async fn post_for_text(url: &str, version: Option<i64>, body: Option<String>) -> Result<String, ApiError> {
    let token = csrf_token().await?;
    let mut request = post(url).header("X-CSRF-Token", &token);
    if let Some(version) = version {
        request = request.header("If-Match", &format!("\"{version}\""));
    }
    let request = match body {
        Some(body) => request.header("Content-Type", "application/json").body(body),
        None => request.build(),
    }
    .map_err(|error| invalid_response(&error))?;
    answer_text(request.send().await.map_err(|_| ApiError::Network)?).await
}

/// The CSRF token of the session, for a change (`GET /user` with `X-CSRF-Token: Fetch`).
async fn csrf_token() -> Result<String, ApiError> {
    let response = get(&url("/user"))
        .header("X-CSRF-Token", "Fetch")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let token = response.headers().get("x-csrf-token");
    match token {
        Some(token) if response.ok() => Ok(token),
        // Cross-origin, a hub that does not expose the header to the app.
        None if response.ok() => Err(ApiError::InvalidResponse("it has no X-CSRF-Token header".to_owned())),
        _ => Err(answer_error(response).await),
    }
}

/// `DELETE /session`: signs out.
pub async fn sign_out() -> Result<(), ApiError> {
    let token = csrf_token().await?;
    let response = delete(&url("/session"))
        .header("X-CSRF-Token", &token)
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(());
    }
    Err(answer_error(response).await)
}

/// Requests carry the session cookie also when the API is on another origin (config.json).
fn with_credentials(request: RequestBuilder) -> RequestBuilder {
    request.credentials(web_sys::RequestCredentials::Include)
}

fn get(url: &str) -> RequestBuilder {
    with_credentials(Request::get(url))
}

fn post(url: &str) -> RequestBuilder {
    with_credentials(Request::post(url))
}

fn put(url: &str) -> RequestBuilder {
    with_credentials(Request::put(url))
}

fn delete(url: &str) -> RequestBuilder {
    with_credentials(Request::delete(url))
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    parse(&get_text(url).await?)
}

/// [`get_json`] up to the answer's text.
async fn get_text(url: &str) -> Result<String, ApiError> {
    let response = get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    answer_text(response).await
}

/// `get_json`, or the answer `index.html` asked for under `name`, if that was for `url`.
async fn get_json_or_early<T: DeserializeOwned>(name: &str, url: &str) -> Result<T, ApiError> {
    let text = match early::take(name, url).await {
        Some(answer) if (200..300).contains(&answer.status) => answer.text,
        Some(answer) => return Err(error_of(answer.status, &answer.text)),
        None => get_text(url).await?,
    };
    parse(&text)
}

/// The text of a successful answer; for any other, the contract's error it carries. Only
/// [`parse`] depends on the type of the answer, so that this and every step before it are
/// built once, not once per type.
async fn answer_text(response: Response) -> Result<String, ApiError> {
    if response.ok() {
        return response.text().await.map_err(|error| invalid_response(&error));
    }
    Err(answer_error(response).await)
}

/// The contract's error an answer that is not a success carries.
async fn answer_error(response: Response) -> ApiError {
    error_of(response.status(), &response.text().await.unwrap_or_default())
}

/// The contract's error an answer that is not a success carries: its status, and the error body
/// if its text is one.
fn error_of(status: u16, text: &str) -> ApiError {
    ApiError::from_response(status, serde_json::from_str::<ErrorBody>(text).ok())
}

/// An answer's JSON as `T`.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|error| invalid_response(&error))
}

/// An answer or a request the app cannot read or write, and why.
fn invalid_response(error: &dyn std::fmt::Display) -> ApiError {
    ApiError::InvalidResponse(error.to_string())
}

/// Builders of API values for tests.
#[cfg(test)]
pub mod test_support {
    use super::*;

    pub fn user(id: &str, roles: &[&str]) -> User {
        User { id: id.to_owned(), name: id.to_owned(), roles: roles.iter().map(|role| role.to_string()).collect() }
    }

    pub fn request(requester: &str, status: Status) -> ConnectionRequest {
        ConnectionRequest {
            id: format!("cr-{requester}"),
            api_portal_alias: "EU Production Portal".to_owned(),
            api_portal_url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
            status,
            comment: String::new(),
            requested_by: UserRef { id: requester.to_owned(), name: requester.to_owned() },
            requested_at: "2026-11-02T09:14:00Z".to_owned(),
            updated_at: "2026-11-20T16:03:11Z".to_owned(),
            credentials: CredentialsSummary {
                kind: credentials::CredentialKind::ClientSecret,
                url: "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned(),
                token_url: "https://a.authentication.eu10.hana.ondemand.com/oauth/token".to_owned(),
                cert_url: None,
                client_id: Some("sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160".to_owned()),
                updated_at: "2026-11-20T16:03:11Z".to_owned(),
                expires_at: "2027-11-20T16:03:11Z".to_owned(),
            },
            version: 1,
            decision_reason: None,
            last_test: None,
        }
    }
}
