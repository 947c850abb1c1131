//! The reference hub: the REST API of hub-api.md on axum and SQLite.

pub mod config;
pub mod connection_requests;
mod db;
mod error;
mod json_body;
pub mod model;
mod openapi;
mod seed;
pub mod secrets;
mod session;
mod time_format;
mod web;

use std::path::Path;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::middleware::from_fn_with_state;
use axum::routing::{any, get, post, put};
use axum::Router;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

pub use config::{Config, SeedSet};
pub use db::Db;
use error::ApiError;
pub use openapi::API_ROUTES;
pub use secrets::SecretBox;

/// Requests that `--seed bench` writes.
const BENCH_REQUESTS: usize = 10_000;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub secrets: SecretBox,
    pub dev_login: bool,
}

/// Opens the database (seeding it if asked) and builds the whole application.
pub fn app(config: &Config) -> Result<Router, StartError> {
    if let Some(folder) = config.db.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| StartError::DataFolder { path: folder.into(), source })?;
    }
    let env_key = std::env::var("HUB_SECRET_KEY").ok();
    let secrets = secrets::load_or_create_key(env_key.as_deref(), &config.secret_key_path())?;
    let db = Db::open(&config.db).map_err(|source| StartError::Database { path: config.db.clone(), source })?;
    let seeded = match config.seed {
        Some(SeedSet::Demo) => db.blocking_call(|db| seed::seed_demo(db, &secrets)),
        Some(SeedSet::Bench) => db.blocking_call(|db| seed::seed_bench(db, &secrets, BENCH_REQUESTS)),
        None => Ok(false),
    };
    if seeded.map_err(|source| StartError::Database { path: config.db.clone(), source })? {
        tracing::info!(set = ?config.seed, "seeded the database");
    }
    let state = AppState { db, secrets, dev_login: !config.no_dev_login };
    let policy = web::content_security_policy(config.static_dir.as_deref(), &config.frame_ancestors);
    Ok(router(state, config.static_dir.as_deref(), &policy))
}

/// The routes: the API under `/api/1.0`, the app (if any) everywhere else.
pub fn router(state: AppState, static_dir: Option<&Path>, content_security_policy: &str) -> Router {
    let api = Router::new()
        .route("/session", post(session::login).delete(session::logout))
        .route("/session/users", get(session::sign_in_users))
        .route("/user", get(session::current_user))
        .route("/connectionRequests", get(connection_requests::list).post(connection_requests::submit))
        .route("/connectionRequests/{id}", get(connection_requests::get))
        .route("/connectionRequests/{id}/credentials", put(connection_requests::replace_credentials))
        .route("/connectionRequests/{id}/approve", post(connection_requests::approve))
        .route("/connectionRequests/{id}/reject", post(connection_requests::reject))
        .route("/openapi.json", get(openapi::document))
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), session::session_layer))
        .layer(DefaultBodyLimit::max(json_body::BODY_LIMIT_BYTES))
        .with_state(state);

    let app = Router::new()
        .nest("/api/1.0", api)
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found));
    let app = match static_dir {
        Some(dir) => app.merge(web::single_page_app(dir)),
        None => app.fallback(api_not_found),
    };
    let request_id = HeaderName::from_static("x-request-id");
    web::security_headers(app, content_security_policy).layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &Request<_>| {
                        let id = request.headers().get("x-request-id").and_then(|id| id.to_str().ok()).unwrap_or("-");
                        // The path only: queries and bodies stay out of the log.
                        tracing::info_span!("request", id, method = %request.method(), path = request.uri().path())
                    })
                    .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Micros)),
            )
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(CompressionLayer::new()),
    )
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound("There is no such resource in this API.".into())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data folder {path}: {source}")]
    DataFolder { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot open the database {path}: {source}")]
    Database { path: std::path::PathBuf, source: rusqlite::Error },
    #[error(transparent)]
    SecretKey(#[from] secrets::KeyError),
}
