//! Sessions: the development login, the session cookie, the current user and CSRF tokens.

use axum::extract::{FromRequestParts, Request, State};
use axum::Extension;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rand::Rng;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::{quoted, ApiError};
use crate::https::ReachedOverHttps;
use crate::json_body::JsonBody;
use contract::User;
use crate::AppState;

pub const SESSION_COOKIE: &str = "hub_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A session's last-seen time is written at most this often (a write per request would cost
/// every request the writer's lock), and at least twice per idle timeout.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// The session a request belongs to, put into the request's extensions by [`session_layer`].
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: Vec<u8>,
    pub csrf_token: String,
    pub user: User,
}

/// The signed-in user; extracting it answers 401 when there is no session.
pub struct CurrentUser(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Session>().cloned().map(CurrentUser).ok_or(ApiError::NotAuthenticated)
    }
}

/// Finds the caller's session, enforces the CSRF token on every change but the login,
/// and hands the token out to a GET that asks for it with `X-CSRF-Token: Fetch`.
pub async fn session_layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let session = match session_token(request.headers()) {
        Some(token) => match current_session(&state, token_hash(&token)).await {
            Ok(session) => session,
            Err(error) => return error.into_response(),
        },
        None => None,
    };

    let method = request.method().clone();
    let is_change = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    let is_login = method == Method::POST && request.uri().path().trim_end_matches('/').ends_with("/session");
    if is_change && !is_login {
        let Some(session) = &session else {
            return ApiError::NotAuthenticated.into_response();
        };
        let sent = request.headers().get(CSRF_HEADER).and_then(|value| value.to_str().ok());
        if !sent.is_some_and(|sent| constant_time_eq(sent.as_bytes(), session.csrf_token.as_bytes())) {
            let mut response = ApiError::CsrfTokenInvalid.into_response();
            response.headers_mut().insert(CSRF_HEADER, HeaderValue::from_static("Required"));
            return response;
        }
    }

    let wants_csrf_token = method == Method::GET
        && request
            .headers()
            .get(CSRF_HEADER)
            .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"fetch"));
    let csrf_token = session.as_ref().map(|session| session.csrf_token.clone());
    if let Some(session) = session {
        request.extensions_mut().insert(session);
    }
    let mut response = next.run(request).await;
    if let (true, Some(token)) = (wants_csrf_token, csrf_token) {
        if let Ok(value) = HeaderValue::from_str(&token) {
            response.headers_mut().insert(CSRF_HEADER, value);
        }
    }
    response
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    user: String,
}

/// `POST /session`: the development login. It ends the session the browser presented, and
/// sessions that have run out.
pub async fn login(
    State(state): State<AppState>,
    https: Option<Extension<ReachedOverHttps>>,
    headers: HeaderMap,
    JsonBody(login): JsonBody<LoginRequest>,
) -> Result<Response, ApiError> {
    if !state.dev_login {
        return Err(ApiError::DevLoginDisabled);
    }
    let token = random_token();
    let csrf_token = random_token();
    let stored_hash = token_hash(&token);
    let previous = session_token(&headers).map(|token| token_hash(&token));
    let limits = state.sessions.clone();
    let user = state
        .db
        .call(move |db| -> Result<User, ApiError> {
            let user = load_user(db, &login.user)?
                .ok_or_else(|| ApiError::InvalidParameter(format!("There is no user '{}'.", quoted(&login.user))))?;
            let transaction = db.transaction()?;
            let now = now_seconds();
            if let Some(previous) = previous {
                transaction.execute("DELETE FROM sessions WHERE token_hash = ?1", [previous])?;
            }
            transaction.execute(
                "DELETE FROM sessions WHERE created_at <= ?1 OR last_seen_at <= ?2",
                (now - seconds(limits.lifetime()), now - seconds(limits.idle())),
            )?;
            transaction.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                (&stored_hash, &user.id, &csrf_token, now),
            )?;
            transaction.commit()?;
            Ok(user)
        })
        .await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(([(header::SET_COOKIE, session_cookie(&token, https.is_some()))], Json(user)).into_response())
}

/// `DELETE /session`: signs out.
pub async fn logout(
    State(state): State<AppState>,
    https: Option<Extension<ReachedOverHttps>>,
    CurrentUser(session): CurrentUser,
) -> Result<Response, ApiError> {
    let hash = session.token_hash;
    state.db.call(move |db| db.execute("DELETE FROM sessions WHERE token_hash = ?1", [&hash])).await?;
    let cookie = format!("{}; Max-Age=0", session_cookie("", https.is_some()));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// The `Set-Cookie` value for the session `token`: never readable by scripts, never sent by
/// another site, and over https only when the hub is reached so.
fn session_cookie(token: &str, https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}")
}

/// `GET /session/users`: whom one may sign in as, while the development login is on.
pub async fn sign_in_users(State(state): State<AppState>) -> Result<Json<Vec<User>>, ApiError> {
    if !state.dev_login {
        return Err(ApiError::DevLoginDisabled);
    }
    let users = state.db.read(|db| load_users(db)).await?;
    Ok(Json(users))
}

/// `GET /user`: the signed-in user.
pub async fn current_user(CurrentUser(session): CurrentUser) -> Json<User> {
    Json(session.user)
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// The session of the token with `hash`, if it has neither been idle too long nor lived too
/// long; one that has is deleted.
async fn current_session(state: &AppState, hash: Vec<u8>) -> Result<Option<Session>, ApiError> {
    let lookup = hash.clone();
    let Some((session, created_at, last_seen_at)) = state.db.read(move |db| load_session(db, lookup)).await? else {
        return Ok(None);
    };
    let now = now_seconds();
    let limits = &state.sessions;
    // Both writes are housekeeping: when they fail (a full disk), reading goes on.
    if now - created_at >= seconds(limits.lifetime()) || now - last_seen_at >= seconds(limits.idle()) {
        let deleted = state.db.call(move |db| db.execute("DELETE FROM sessions WHERE token_hash = ?1", [hash])).await;
        if let Err(error) = deleted {
            tracing::warn!(%error, "cannot delete an ended session");
        }
        return Ok(None);
    }
    if now - last_seen_at >= TOUCH_EVERY_SECONDS.min(seconds(limits.idle()) / 2) {
        let touched = state
            .db
            .call(move |db| db.execute("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1", (hash, now)))
            .await;
        if let Err(error) = touched {
            tracing::warn!(%error, "cannot record that a session was used");
        }
    }
    Ok(Some(session))
}

/// The session with `hash`, its creation and last-seen times.
fn load_session(db: &Connection, hash: Vec<u8>) -> rusqlite::Result<Option<(Session, i64, i64)>> {
    let found: Option<(String, String, i64, i64)> = db
        .prepare_cached("SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?1")?
        .query_row([&hash], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
        .optional()?;
    let Some((user_id, csrf_token, created_at, last_seen_at)) = found else { return Ok(None) };
    let session = load_user(db, &user_id)?.map(|user| Session { token_hash: hash, csrf_token, user });
    Ok(session.map(|session| (session, created_at, last_seen_at)))
}

/// What the database keeps of a token: a stolen copy of the database signs nobody in.
fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn now_seconds() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn seconds(duration: std::time::Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

fn load_user(db: &Connection, id: &str) -> rusqlite::Result<Option<User>> {
    let name: Option<String> =
        db.prepare_cached("SELECT name FROM users WHERE id = ?1")?.query_row([id], |row| row.get(0)).optional()?;
    let Some(name) = name else { return Ok(None) };
    let mut statement = db.prepare_cached("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role")?;
    let roles = statement.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(User { id: id.to_owned(), name, roles }))
}

fn load_users(db: &Connection) -> rusqlite::Result<Vec<User>> {
    let ids: Vec<String> = db
        .prepare("SELECT id FROM users ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().filter_map(|id| load_user(db, id).transpose()).collect()
}

fn random_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("theme=dark; hub_session=abc123; x=y"));
        assert_eq!(session_token(&headers).as_deref(), Some("abc123"));
    }

    #[test]
    fn no_cookie_means_no_session() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("hub_session_old=abc"));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(constant_time_eq(a.as_bytes(), a.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), b.as_bytes()));
    }
}
