//! `/connectionRequests`: list, read, submit, replace credentials, approve and reject.

mod list_query;
pub mod store;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use credentials::{Analysis, Context, Credentials, Shape, WHERE_CREDENTIALS_COME_FROM};
use serde::Deserialize;
use serde_json::value::RawValue;

pub use list_query::ListQuery;
use store::Decision;

use crate::error::{ApiError, ErrorDetail};
use crate::json_body::{JsonBody, JsonText, OptionalJsonBody};
use crate::model::{ConnectionRequest, Page, User, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};
use crate::session::CurrentUser;
use crate::AppState;

const MAX_ALIAS_CHARS: usize = 64;
const MAX_COMMENT_CHARS: usize = 2000;
const MAX_REASON_CHARS: usize = 2000;

/// `GET /connectionRequests`.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Page<ConnectionRequest>>, ApiError> {
    require_reader(&session.user)?;
    let Query(pairs) = query.map_err(|rejection| list_query::invalid(rejection.body_text()))?;
    let query = ListQuery::parse(&pairs)?;
    let page = state.db.read(move |db| store::select_page(db, &query)).await?;
    Ok(Json(page))
}

/// `GET /connectionRequests/{id}`, with its version as ETag.
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_reader(&session.user)?;
    let request = load(&state, &id).await?;
    Ok(with_etag(StatusCode::OK, request))
}

/// `PUT /connectionRequests/{id}/credentials`: replaces the credentials, If-Match the version.
pub async fn replace_credentials(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    JsonText(body): JsonText,
) -> Result<Response, ApiError> {
    require_role(&session.user, ROLE_PORTAL_REGISTRATION)?;
    let expected_version = if_match(&headers)?;
    let current = load(&state, &id).await?;
    store::check_editable(&current, &session.user, expected_version)?;
    let context = Context { registered_api_portal_url: Some(current.api_portal_url.clone()) };
    let credentials = usable(credentials::analyze(&body, &context))?;
    let secrets = state.secrets.clone();
    let user = session.user.clone();
    let updated = state
        .db
        .call(move |db| store::replace_credentials(db, &id, &user, expected_version, &credentials, &secrets))
        .await?;
    tracing::info!(request = %updated.id, version = updated.version, user = %session.user.id, "credentials replaced");
    Ok(with_etag(StatusCode::OK, updated))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    api_portal_alias: String,
    #[serde(default)]
    comment: String,
    credentials: Box<RawValue>,
}

/// `POST /connectionRequests`: submits a new request.
pub async fn submit(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    JsonBody(submission): JsonBody<Submission>,
) -> Result<Response, ApiError> {
    require_role(&session.user, ROLE_PORTAL_REGISTRATION)?;
    let alias = submission.api_portal_alias.trim().to_owned();
    let mut details = Vec::new();
    if alias.is_empty() || alias.chars().count() > MAX_ALIAS_CHARS {
        details.push(detail("ALIAS_LENGTH", "apiPortalAlias", "The alias must have 1 to 64 characters."));
    }
    if submission.comment.chars().count() > MAX_COMMENT_CHARS {
        details.push(detail("COMMENT_TOO_LONG", "comment", "The comment may have at most 2000 characters."));
    }
    let analysis = credentials::analyze(submission.credentials.get(), &Context::default());
    let credentials = match usable(analysis) {
        Ok(credentials) if details.is_empty() => credentials,
        Ok(_) => return Err(validation_failed(details)),
        Err(ApiError::ValidationFailed { details: more, .. }) => {
            details.extend(more.into_iter().map(|d| ErrorDetail { target: format!("credentials.{}", d.target), ..d }));
            return Err(validation_failed(details));
        }
        Err(other) => return Err(other),
    };
    let secrets = state.secrets.clone();
    let user = session.user.clone();
    let comment = submission.comment;
    let created = state.db.call(move |db| store::insert(db, &alias, &comment, &user, &credentials, &secrets)).await?;
    tracing::info!(request = %created.id, user = %session.user.id, "request submitted");
    let location = format!("/api/1.0/connectionRequests/{}", created.id);
    let mut response = with_etag(StatusCode::CREATED, created);
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    reason: Option<String>,
}

/// `POST /connectionRequests/{id}/approve`.
pub async fn approve(
    state: State<AppState>,
    user: CurrentUser,
    id: Path<String>,
    body: OptionalJsonBody<DecisionBody>,
) -> Result<Response, ApiError> {
    decide(state, user, id, body, Decision::Approve).await
}

/// `POST /connectionRequests/{id}/reject`.
pub async fn reject(
    state: State<AppState>,
    user: CurrentUser,
    id: Path<String>,
    body: OptionalJsonBody<DecisionBody>,
) -> Result<Response, ApiError> {
    decide(state, user, id, body, Decision::Reject).await
}

async fn decide(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    Path(id): Path<String>,
    OptionalJsonBody(body): OptionalJsonBody<DecisionBody>,
    decision: Decision,
) -> Result<Response, ApiError> {
    require_role(&session.user, ROLE_HUB_ADMIN)?;
    let reason = body.and_then(|body| body.reason).map(|reason| reason.trim().to_owned()).filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|reason| reason.chars().count() > MAX_REASON_CHARS) {
        return Err(validation_failed(vec![detail("REASON_TOO_LONG", "reason", "The reason may have at most 2000 characters.")]));
    }
    let decided = state.db.call(move |db| store::decide(db, &id, decision, reason.as_deref())).await?;
    tracing::info!(request = %decided.id, status = decided.status.as_str(), user = %session.user.id, "request decided");
    Ok(with_etag(StatusCode::OK, decided))
}

async fn load(state: &AppState, id: &str) -> Result<ConnectionRequest, ApiError> {
    let id = id.to_owned();
    let lookup = id.clone();
    state.db.read(move |db| store::find(db, &lookup)).await?.ok_or_else(|| store::not_found(&id))
}

fn require_role(user: &User, role: &'static str) -> Result<(), ApiError> {
    if user.has_role(role) {
        Ok(())
    } else {
        Err(ApiError::MissingRole(role))
    }
}

/// Reading requests needs the requester's or the hub administrator's role.
fn require_reader(user: &User) -> Result<(), ApiError> {
    if user.has_role(ROLE_HUB_ADMIN) {
        return Ok(());
    }
    require_role(user, ROLE_PORTAL_REGISTRATION)
}

/// The version named by `If-Match: "<version>"`.
fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let value = headers.get(header::IF_MATCH).ok_or(ApiError::PreconditionRequired)?;
    let text = value.to_str().unwrap_or_default().trim();
    text.strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .and_then(|version| version.parse().ok())
        .ok_or_else(|| ApiError::InvalidParameter(format!("If-Match must be the ETag of the request, like \"4\"; got {text}.")))
}

/// The credentials the analysis found usable, or the error that says why not.
fn usable(analysis: Analysis) -> Result<Credentials, ApiError> {
    if let Some(credentials) = analysis.credentials {
        return Ok(credentials);
    }
    let details: Vec<ErrorDetail> = analysis.errors().map(ErrorDetail::from).collect();
    // Where real credentials come from, said once for the whole answer when a finding calls for it.
    let guidance = analysis.errors().any(|diagnostic| diagnostic.code.calls_for_new_credentials());
    let with_guidance = |message: String| if guidance { format!("{message} {WHERE_CREDENTIALS_COME_FROM}") } else { message };
    match analysis.shape {
        Shape::TooLarge => Err(ApiError::PayloadTooLarge),
        Shape::Empty | Shape::NotJson | Shape::InvalidJson => {
            let first = details.first().map_or_else(|| "The body is not JSON.".to_owned(), |d| d.message.clone());
            Err(ApiError::InvalidJson { message: with_guidance(first), details })
        }
        _ => Err(ApiError::ValidationFailed { message: with_guidance(validation_message(&details)), details }),
    }
}

fn validation_failed(details: Vec<ErrorDetail>) -> ApiError {
    ApiError::ValidationFailed { message: validation_message(&details), details }
}

fn validation_message(details: &[ErrorDetail]) -> String {
    match details {
        [only] => format!("The request is not valid: {}", only.message),
        _ => format!("The request is not valid: {} problems, each named in details.", details.len()),
    }
}

fn detail(code: &str, target: &str, message: &str) -> ErrorDetail {
    ErrorDetail { code: code.to_owned(), target: target.to_owned(), message: message.to_owned() }
}

fn with_etag(status: StatusCode, request: ConnectionRequest) -> Response {
    let etag = format!("\"{}\"", request.version);
    let mut response = (status, Json(request)).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(if_match: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_static(if_match));
        headers
    }

    #[test]
    fn if_match_takes_a_quoted_version() {
        assert_eq!(if_match(&headers("\"4\"")).unwrap(), 4);
        assert!(matches!(if_match(&HeaderMap::new()), Err(ApiError::PreconditionRequired)));
        assert!(matches!(if_match(&headers("4")), Err(ApiError::InvalidParameter(_))));
        assert!(matches!(if_match(&headers("*")), Err(ApiError::InvalidParameter(_))));
    }
}
