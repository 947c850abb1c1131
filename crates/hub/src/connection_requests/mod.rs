//! `/connectionRequests`: list, read, submit, replace credentials, approve and reject, history.

pub mod history;
mod if_match;
mod list_query;
mod plain_text;
pub mod store;

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use credentials::{Analysis, Context, Credentials, Shape, WHERE_CREDENTIALS_COME_FROM};
use serde::Deserialize;
use serde_json::value::RawValue;

pub use if_match::IfMatch;
pub use list_query::ListQuery;
use plain_text::{hidden_character, with_plain_spaces, Lines};
use store::{Decision, StoreError};

use crate::error::{detail_of, quoted, ApiError, ErrorDetail, SubmitterOnly};
use crate::json_body::{JsonBody, JsonText, OptionalJsonBody};
use contract::hub_texts::{self, HubText};
use contract::{ConnectionRequest, History, Page, User, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};
use crate::session::CurrentUser;
use crate::AppState;

const MAX_ALIAS_CHARS: usize = 64;
const MAX_COMMENT_CHARS: usize = 2000;
const MAX_REASON_CHARS: usize = 500;

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
    RequestId(id): RequestId,
) -> Result<Response, ApiError> {
    require_reader(&session.user)?;
    let request = load(&state, &id).await?;
    Ok(with_etag(StatusCode::OK, request))
}

/// `PUT /connectionRequests/{id}/credentials`: replaces the credentials, If-Match the version.
pub async fn replace_credentials(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    RequestId(id): RequestId,
    headers: HeaderMap,
    JsonText(body): JsonText,
) -> Result<Response, ApiError> {
    require_role(&session.user, ROLE_PORTAL_REGISTRATION)?;
    let precondition = IfMatch::from_headers(&headers)?.ok_or(ApiError::PreconditionRequired)?;
    let current = load(&state, &id).await?;
    store::check_editable(&current, &session.user, &precondition)?;
    let context = Context { registered_api_portal_url: Some(current.api_portal_url.clone()) };
    let credentials = usable(credentials::analyze(&body, &context))?;
    let secrets = state.secrets.clone();
    let user = session.user.clone();
    let updated = state
        .db
        .call(move |db| store::replace_credentials(db, &id, &user, &precondition, &credentials, &secrets))
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
        details.push(ErrorDetail::text("ALIAS_LENGTH", "apiPortalAlias", &HubText::new(hub_texts::ALIAS_LENGTH, Vec::new())));
    }
    if let Some((position, character)) = hidden_character(&alias, Lines::One) {
        let text = HubText::new(
            hub_texts::ALIAS_HIDDEN_CHARACTER,
            vec![("character", character), ("position", position.to_string())],
        );
        details.push(ErrorDetail::text("ALIAS_HIDDEN_CHARACTER", "apiPortalAlias", &text));
    }
    // Checked as sent, kept with plain spaces: "EU Production Portal" with a no-break space, or
    // two spaces, is taken when "EU Production Portal" is.
    let alias = with_plain_spaces(&alias);
    details.extend(readable_text_problems("comment", hub_texts::COMMENT, &submission.comment, MAX_COMMENT_CHARS));
    let analysis = credentials::analyze(submission.credentials.get(), &Context::default());
    let credentials = match usable(analysis) {
        Ok(credentials) if details.is_empty() => credentials,
        Ok(_) => return Err(ApiError::validation_failed(details)),
        Err(ApiError::ValidationFailed { details: more, .. }) => {
            details.extend(more.into_iter().map(|d| ErrorDetail { target: format!("credentials.{}", d.target), ..d }));
            return Err(ApiError::validation_failed(details));
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

/// `POST /connectionRequests/{id}/approve`, If-Match the version when sent.
pub async fn approve(
    state: State<AppState>,
    user: CurrentUser,
    id: RequestId,
    headers: HeaderMap,
    body: OptionalJsonBody<DecisionBody>,
) -> Result<Response, ApiError> {
    decide(state, user, id, headers, body, Decision::Approve).await
}

/// `POST /connectionRequests/{id}/reject`, If-Match the version when sent.
pub async fn reject(
    state: State<AppState>,
    user: CurrentUser,
    id: RequestId,
    headers: HeaderMap,
    body: OptionalJsonBody<DecisionBody>,
) -> Result<Response, ApiError> {
    decide(state, user, id, headers, body, Decision::Reject).await
}

async fn decide(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    RequestId(id): RequestId,
    headers: HeaderMap,
    OptionalJsonBody(body): OptionalJsonBody<DecisionBody>,
    decision: Decision,
) -> Result<Response, ApiError> {
    require_role(&session.user, ROLE_HUB_ADMIN)?;
    let precondition = IfMatch::from_headers(&headers)?;
    let reason = body.and_then(|body| body.reason).map(|reason| reason.trim().to_owned()).filter(|r| !r.is_empty());
    let problems = reason.as_deref().map(|reason| readable_text_problems("reason", hub_texts::REASON, reason, MAX_REASON_CHARS)).unwrap_or_default();
    if !problems.is_empty() {
        return Err(ApiError::validation_failed(problems));
    }
    let caller = session.user.clone();
    let decided =
        state.db.call(move |db| store::decide(db, &id, &caller, precondition.as_ref(), decision, reason.as_deref())).await?;
    tracing::info!(request = %decided.id, status = decided.status.as_str(), user = %session.user.id, "request decided");
    Ok(with_etag(StatusCode::OK, decided))
}

/// `GET /connectionRequests/{id}/history`: its events, newest first.
pub async fn history(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    RequestId(id): RequestId,
) -> Result<Json<History>, ApiError> {
    require_reader(&session.user)?;
    let lookup = id.clone();
    let events = state
        .db
        .read(move |db| -> Result<Option<Vec<_>>, rusqlite::Error> {
            if store::find(db, &lookup)?.is_none() {
                return Ok(None);
            }
            history::events(db, &lookup).map(Some)
        })
        .await?;
    let results = events.ok_or(ApiError::from(StoreError::NotFound(id)))?;
    Ok(Json(History { results }))
}

/// The `{id}` of a request's address. One that is not UTF-8 text once decoded names no request:
/// 404, in JSON like every error (axum's own refusal is plain text).
pub struct RequestId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(RequestId(id)),
            Err(_) => Err(ApiError::NotFound(HubText::new(hub_texts::NO_SUCH_REQUEST_ID_NOT_TEXT, Vec::new()))),
        }
    }
}

async fn load(state: &AppState, id: &str) -> Result<ConnectionRequest, ApiError> {
    let id = id.to_owned();
    let lookup = id.clone();
    state.db.read(move |db| store::find(db, &lookup)).await?.ok_or(ApiError::from(StoreError::NotFound(id)))
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(id) => {
                ApiError::NotFound(HubText::new(hub_texts::NO_SUCH_REQUEST, vec![("id", quoted(&id))]))
            }
            StoreError::NotSubmitter => ApiError::NotSubmitter(SubmitterOnly::ChangeCredentials),
            StoreError::NotEditable(status) => ApiError::InvalidState(format!(
                "The request is {}; credentials can be changed only while it is submitted or pending approval.",
                status.label().to_lowercase()
            )),
            StoreError::AlreadyDecided(status) => ApiError::InvalidState(format!(
                "The request is {} already; only submitted or pending requests can be approved or rejected.",
                status.label().to_lowercase()
            )),
            StoreError::VersionMismatch { current } => ApiError::PreconditionFailed { current },
            StoreError::AliasTaken(alias) => ApiError::AliasTaken(alias),
            StoreError::PortalLimitReached => ApiError::PortalLimitReached,
            StoreError::Database(error) => ApiError::from(error),
        }
    }
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

/// The credentials the analysis found usable, or the error that says why not.
pub(crate) fn usable(analysis: Analysis) -> Result<Credentials, ApiError> {
    if let Some(credentials) = analysis.credentials {
        return Ok(credentials);
    }
    let details: Vec<ErrorDetail> = analysis.errors().map(detail_of).collect();
    let error = match analysis.shape {
        Shape::TooLarge => return Err(ApiError::PayloadTooLarge),
        Shape::Empty | Shape::NotJson | Shape::InvalidJson => {
            let first = details.first().map_or_else(|| "The body is not JSON.".to_owned(), |d| d.message.clone());
            ApiError::invalid_json_with(first, details)
        }
        _ => ApiError::validation_failed(details),
    };
    // Where real credentials come from, said once for the whole answer when a finding calls for it.
    if analysis.errors().any(|diagnostic| diagnostic.code.calls_for_new_credentials()) {
        return Err(error.followed_by(WHERE_CREDENTIALS_COME_FROM));
    }
    Err(error)
}

/// What is wrong with a comment or reason: too long, or holding a character nobody could see.
/// The problems of a free text field at `target`, which the texts call `name`.
fn readable_text_problems(target: &str, name: &'static str, text: &str, max_chars: usize) -> Vec<ErrorDetail> {
    let mut problems = Vec::new();
    if text.chars().count() > max_chars {
        let code = format!("{}_TOO_LONG", target.to_uppercase());
        let message = HubText::new(hub_texts::TEXT_TOO_LONG, vec![("target", name.to_owned()), ("max", max_chars.to_string())]);
        problems.push(ErrorDetail::text(code, target, &message));
    }
    if let Some((position, character)) = hidden_character(text, Lines::Many) {
        let message = HubText::new(
            hub_texts::TEXT_HIDDEN_CHARACTER,
            vec![("target", name.to_owned()), ("character", character), ("position", position.to_string())],
        );
        problems.push(ErrorDetail::text("TEXT_HIDDEN_CHARACTER", target, &message));
    }
    problems
}

fn with_etag(status: StatusCode, request: ConnectionRequest) -> Response {
    let etag = format!("\"{}\"", request.version);
    let mut response = (status, Json(request)).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}
