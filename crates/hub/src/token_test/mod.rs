//! "Test Connection": the hub asks the credentials' token endpoint for a token, the way the API
//! portal will, and says what happened. `POST /credentials/test` tests credentials before they
//! are saved; `POST /connectionRequests/{id}/credentials/test` tests the stored ones and puts
//! the outcome on the request's record.

mod exchange;
pub mod guard;
mod outcome;
mod rate_limit;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use axum::Json;
use contract::{TestOutcome, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};
use credentials::{Context, Credentials};

pub use exchange::TokenClient;
use outcome::Failure;
pub use rate_limit::RateLimit;

use crate::connection_requests::{store, usable, RequestId};
use crate::error::{ApiError, SubmitterOnly};
use crate::json_body::JsonText;
use crate::session::CurrentUser;
use crate::time_format::format;
use crate::AppState;

/// What testing needs: the client under its policy, and the limit per user.
#[derive(Clone)]
pub struct Tester {
    pub client: TokenClient,
    pub limit: Arc<RateLimit>,
}

/// `POST /credentials/test`: credentials as pasted (validated like an update), not saved.
pub async fn test_credentials(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    JsonText(body): JsonText,
) -> Result<Json<TestOutcome>, ApiError> {
    if !(session.user.has_role(ROLE_PORTAL_REGISTRATION) || session.user.has_role(ROLE_HUB_ADMIN)) {
        return Err(ApiError::MissingRole(ROLE_PORTAL_REGISTRATION));
    }
    let credentials = usable(credentials::analyze(&body, &Context::default()))?;
    let outcome = run(&state.tester, &session.user.id, &credentials).await?;
    tracing::info!(user = %session.user.id, ok = outcome.ok, code = outcome.code.as_deref().unwrap_or("-"), "credentials tested");
    Ok(Json(outcome))
}

/// `POST /connectionRequests/{id}/credentials/test`: the stored credentials, for their
/// submitter or an administrator; the outcome goes on the request's record.
pub async fn test_stored(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    RequestId(id): RequestId,
) -> Result<Json<TestOutcome>, ApiError> {
    let is_admin = session.user.has_role(ROLE_HUB_ADMIN);
    if !is_admin && !session.user.has_role(ROLE_PORTAL_REGISTRATION) {
        return Err(ApiError::MissingRole(ROLE_PORTAL_REGISTRATION));
    }
    let lookup = id.clone();
    let request = state.db.read(move |db| store::find(db, &lookup)).await?.ok_or_else(|| store::StoreError::NotFound(id.clone()))?;
    if !is_admin && request.requested_by.id != session.user.id {
        return Err(ApiError::NotSubmitter(SubmitterOnly::TestStoredCredentials));
    }
    let secrets = state.secrets.clone();
    let lookup = id.clone();
    let (credentials, version) = state
        .db
        .read(move |db| store::stored_credentials(db, &lookup, &secrets))
        .await?
        .ok_or_else(|| ApiError::Internal(format!("the stored credentials of {id} cannot be read")))?;
    let outcome = run(&state.tester, &session.user.id, &credentials).await?;
    let (tester, ok, code, at) = (session.user.clone(), outcome.ok, outcome.code.clone(), outcome.tested_at.clone());
    let recorded = id.clone();
    state.db.call(move |db| store::record_test(db, &recorded, version, &tester, ok, code.as_deref(), &at)).await?;
    tracing::info!(request = %id, user = %session.user.id, ok = outcome.ok, code = outcome.code.as_deref().unwrap_or("-"), "stored credentials tested");
    Ok(Json(outcome))
}

/// Runs one test for `user`, within their limit.
async fn run(tester: &Tester, user: &str, credentials: &Credentials) -> Result<TestOutcome, ApiError> {
    tester
        .limit
        .take(user, Instant::now())
        .map_err(|wait| ApiError::TooManyRequests { retry_after_seconds: wait.as_millis().div_ceil(1000).max(1) as u64 })?;
    let x509 = matches!(credentials, Credentials::X509 { .. });
    let result = tester.client.request_token(credentials).await;
    let tested_at = format(time::OffsetDateTime::now_utc());
    Ok(match result {
        Ok(token) => TestOutcome {
            ok: true,
            token_type: Some(token.token_type),
            expires_in: token.expires_in,
            code: None,
            message: None,
            template: None,
            params: None,
            tested_at,
        },
        Err(failure) => Failure::outcome(failure, x509, tested_at),
    })
}
