//! The reference hub: the REST API of hub-api.md on axum and SQLite.

pub mod config;
mod connection_requests;
mod db;
mod error;
mod json_body;
mod model;
mod seed;
mod session;
mod time_format;
mod web;

use std::path::Path;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use config::{Config, SeedSet};
pub use db::Db;
use error::ApiError;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub dev_login: bool,
}

/// Opens the database (seeding it if asked) and builds the whole application.
pub fn app(config: &Config) -> Result<Router, StartError> {
    if let Some(folder) = config.db.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| StartError::DataFolder { path: folder.into(), source })?;
    }
    let db = Db::open(&config.db).map_err(|source| StartError::Database { path: config.db.clone(), source })?;
    if config.seed == Some(SeedSet::Demo) {
        let seeded = db.blocking_call(seed::seed_demo).map_err(|source| StartError::Database { path: config.db.clone(), source })?;
        if seeded {
            tracing::info!("seeded the demo data set");
        }
    }
    let state = AppState { db, dev_login: !config.no_dev_login };
    Ok(router(state, config.static_dir.as_deref()))
}

/// The routes: the API under `/api/1.0`, the app (if any) everywhere else.
pub fn router(state: AppState, static_dir: Option<&Path>) -> Router {
    let api = Router::new()
        .route("/session", post(session::login).delete(session::logout))
        .route("/session/users", get(session::sign_in_users))
        .route("/user", get(session::current_user))
        .route("/connectionRequests", get(connection_requests::list))
        .fallback(api_not_found)
        .layer(from_fn_with_state(state.clone(), session::session_layer))
        .layer(DefaultBodyLimit::max(json_body::BODY_LIMIT_BYTES))
        .with_state(state);

    let app = Router::new()
        .nest("/api/1.0", api)
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found));
    let app = match static_dir {
        Some(dir) => app.fallback_service(web::single_page_app(dir)),
        None => app.fallback(api_not_found),
    };
    app.layer(CompressionLayer::new()).layer(
        TraceLayer::new_for_http()
            .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound("There is no such resource in this API.".into())
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data folder {path}: {source}")]
    DataFolder { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot open the database {path}: {source}")]
    Database { path: std::path::PathBuf, source: rusqlite::Error },
}
