//! The reference hub: the REST API of hub-api.md on axum and SQLite.

pub mod config;
pub mod connection_requests;
mod data_lock;
mod db;
mod error;
mod https;
mod json_body;
mod openapi;
mod seed;
pub mod secrets;
mod server;
mod session;
mod time_format;
pub mod token_test;
mod web;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::response::IntoResponse;
use axum::middleware::from_fn_with_state;
use axum::routing::{any, get, post, put};
use axum::Router;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

pub use config::{Command, Config, ConnectionLimits, SeedSet, SessionLimits};
use data_lock::DataLock;
pub use db::Db;
use error::ApiError;
pub use https::HttpsPolicy;
pub use server::serve;
pub use web::ContentSecurityPolicy;
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
    pub sessions: SessionLimits,
    /// How long a client has to send a request's body.
    pub body_timeout: Duration,
    /// Held while the hub serves, so that no key rotation runs beside it.
    pub data_lock: Arc<DataLock>,
    /// "Test Connection": the outgoing client and its limits.
    pub tester: token_test::Tester,
}

/// Opens the database (seeding it if asked) and builds the whole application.
pub fn app(config: &Config) -> Result<Router, StartError> {
    prepare_folder(config)?;
    let data_lock = DataLock::shared(&config.db)?;
    let (db, secrets) = open_data(config)?;
    let seeded = match config.seed {
        Some(SeedSet::Demo) => db.blocking_call(|db| seed::seed_demo(db, &secrets)),
        Some(SeedSet::Bench) => db.blocking_call(|db| seed::seed_bench(db, &secrets, BENCH_REQUESTS)),
        None => Ok(false),
    };
    if seeded.map_err(|source| StartError::Database { path: config.db.clone(), source })? {
        tracing::info!(set = ?config.seed, "seeded the database");
    }
    if config.dev_login {
        tracing::warn!("the development login is on: anyone who reaches this hub can sign in as any user");
    }
    let state = AppState {
        db,
        secrets,
        dev_login: config.dev_login,
        sessions: config.sessions.clone(),
        body_timeout: config.connections.body(),
        data_lock: Arc::new(data_lock),
        tester: config.token_tests.tester().map_err(StartError::Config)?,
    };
    let policy = ContentSecurityPolicy::new(config.static_dir.as_deref(), &config.frame_ancestors).map_err(StartError::Config)?;
    let https = HttpsPolicy { always: config.https, trusted_proxies: config.trusted_proxies.clone() };
    Ok(router(state, config.static_dir.as_deref(), &config.allowed_origins, policy, https))
}

/// `hub rotate-key`: re-seals every stored secret under a new key and makes it the key file.
/// Returns how many secrets were re-sealed.
pub fn rotate_key(config: &Config) -> Result<usize, StartError> {
    if config.secret_key.is_some() {
        return Err(StartError::SecretKey(secrets::KeyError::FromEnvironment));
    }
    require_database(config)?;
    let _alone = DataLock::exclusive(&config.db)?;
    let (db, old) = open_data(config)?;
    let file = config.secret_key_path();
    let rotation = secrets::RotationKey::create(&file)?;
    let resealed = db
        .blocking_call(|db| connection_requests::store::reseal_all(db, &old, &rotation.secrets))
        .map_err(|error| StartError::Rotation(error.to_string()))?;
    rotation.install()?;
    Ok(resealed)
}

/// What `hub verify` found.
#[derive(Debug)]
pub struct Verification {
    /// SQLite's `PRAGMA integrity_check` lines; `["ok"]` when the database is sound.
    pub integrity: Vec<String>,
    pub secrets_stored: usize,
    /// Requests whose secret does not open with the key.
    pub secrets_unopenable: Vec<String>,
}

impl Verification {
    pub fn is_sound(&self) -> bool {
        self.integrity == ["ok"] && self.secrets_unopenable.is_empty()
    }
}

/// `hub verify`: the database's integrity and every stored secret against the key. Reads
/// only: no migration, no new key.
pub fn verify(config: &Config) -> Result<Verification, StartError> {
    require_database(config)?;
    let database_error = |source| StartError::Database { path: config.db.clone(), source };
    let db = rusqlite::Connection::open_with_flags(&config.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(database_error)?;
    let integrity = db
        .prepare("PRAGMA integrity_check")
        .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<Vec<String>>>())
        .map_err(database_error)?;
    let Some(sample) = connection_requests::store::a_sealed_secret(&db).map_err(database_error)? else {
        return Ok(Verification { integrity, secrets_stored: 0, secrets_unopenable: Vec::new() });
    };
    let env_key = config.secret_key.as_ref().map(|key| key.0.as_str());
    let secrets = secrets::load_key(env_key, &config.secret_key_path(), Some(&sample))?;
    let (secrets_stored, secrets_unopenable) = connection_requests::store::unopenable_secrets(&db, &secrets).map_err(database_error)?;
    Ok(Verification { integrity, secrets_stored, secrets_unopenable })
}

/// Commands that work on a database refuse a path where there is none, instead of making one.
fn require_database(config: &Config) -> Result<(), StartError> {
    if config.db.is_file() {
        Ok(())
    } else {
        Err(StartError::NoDatabase(config.db.clone()))
    }
}

/// The database, private to its owner, and the key that opens its secrets.
fn open_data(config: &Config) -> Result<(Db, SecretBox), StartError> {
    let database_error = |source| StartError::Database { path: config.db.clone(), source };
    db::keep_private(&config.db).map_err(|source| StartError::DataFolder { path: config.db.clone(), source })?;
    let db = Db::open(&config.db).map_err(database_error)?;
    let sample = db.blocking_call(|db| connection_requests::store::a_sealed_secret(db)).map_err(database_error)?;
    let env_key = config.secret_key.as_ref().map(|key| key.0.as_str());
    let secrets = secrets::load_key(env_key, &config.secret_key_path(), sample.as_ref())?;
    Ok((db, secrets))
}

/// The database's folder, made if missing.
fn prepare_folder(config: &Config) -> Result<(), StartError> {
    match config.db.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        Some(folder) => create_private_folder(folder).map_err(|source| StartError::DataFolder { path: folder.into(), source }),
        None => Ok(()),
    }
}

/// Creates `folder` (and its parents) readable by its owner only; an existing folder is left
/// as it is, with a warning if others may read it.
fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !folder.exists() {
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(folder)?;
        } else if std::fs::metadata(folder)?.permissions().mode() & 0o077 != 0 {
            tracing::warn!(folder = %folder.display(), "others may read the data folder; chmod 700 it");
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(folder)
}

/// The routes: the API under `/api/1.0`, the app (if any) everywhere else; CORS for
/// `allowed_origins`, inside what every answer goes through (its log line, its headers).
pub fn router(
    state: AppState,
    static_dir: Option<&Path>,
    allowed_origins: &[String],
    content_security_policy: ContentSecurityPolicy,
    https: HttpsPolicy,
) -> Router {
    let api = Router::new()
        .route("/session", post(session::login).delete(session::logout))
        .route("/session/users", get(session::sign_in_users))
        .route("/user", get(session::current_user))
        .route("/connectionRequests", get(connection_requests::list).post(connection_requests::submit))
        .route("/connectionRequests/{id}", get(connection_requests::get))
        .route("/connectionRequests/{id}/credentials", put(connection_requests::replace_credentials))
        .route("/connectionRequests/{id}/approve", post(connection_requests::approve))
        .route("/connectionRequests/{id}/reject", post(connection_requests::reject))
        .route("/connectionRequests/{id}/history", get(connection_requests::history))
        .route("/connectionRequests/{id}/credentials/test", post(token_test::test_stored))
        .route("/credentials/test", post(token_test::test_credentials))
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
    around(web::cors(app, allowed_origins), content_security_policy, https)
}

/// What every request and answer goes through, from the inside out: a handler that panics
/// answers 500 (the server goes on); every answer gets the security headers (and `no-store`
/// under `/api`), and HSTS when reached over https; every request gets an id (`X-Request-Id`,
/// in its log lines and its answer) and a log line with method, path, status and time;
/// answers are compressed when the client accepts it.
pub fn around(app: Router, content_security_policy: ContentSecurityPolicy, https: HttpsPolicy) -> Router {
    let app = app.layer(CatchPanicLayer::custom(|_panic: Box<dyn std::any::Any + Send>| {
        // The panic's own message went to the log through the panic hook.
        ApiError::Internal("a handler panicked".into()).into_response()
    }));
    let app = web::security_headers(app, content_security_policy).layer(from_fn_with_state(https, https::mark_https));
    let request_id = HeaderName::from_static("x-request-id");
    app.layer(
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
    ApiError::NotFound(contract::hub_texts::HubText::new(contract::hub_texts::NO_SUCH_RESOURCE, Vec::new()))
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Config(String),
    #[error("the key rotation failed: {0}")]
    Rotation(String),
    #[error("cannot create the data folder {path}: {source}")]
    DataFolder { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot open the database {path}: {source}")]
    Database { path: std::path::PathBuf, source: rusqlite::Error },
    #[error(transparent)]
    SecretKey(#[from] secrets::KeyError),
    #[error(transparent)]
    Lock(#[from] data_lock::LockError),
    #[error("there is no database at {0}")]
    NoDatabase(std::path::PathBuf),
}
