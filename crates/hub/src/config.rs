//! The hub's command line; every option can also be set by an environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Reference API Business Hub Enterprise: serves the connection-request API of
/// hub-api.md at /api/1.0 and, optionally, the built app at /.
#[derive(Debug, Clone, Parser)]
#[command(name = "hub", version)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the chosen address is printed).
    #[arg(long, env = "HUB_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database file; created, with its folder, if missing.
    #[arg(long, env = "HUB_DB", default_value = "data/hub.sqlite3")]
    pub db: PathBuf,

    /// Folder of the built app (Trunk's dist/) to serve at /.
    #[arg(long, env = "HUB_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Data set to write into an empty database.
    #[arg(long, env = "HUB_SEED", value_enum)]
    pub seed: Option<SeedSet>,

    /// Turns the development login (POST /api/1.0/session, GET /api/1.0/session/users) off.
    #[arg(long, env = "HUB_NO_DEV_LOGIN")]
    pub no_dev_login: bool,

    /// Origins allowed to show the app in a frame (CSP frame-ancestors), such as a launchpad:
    /// 'self' https://launchpad.example.com
    #[arg(long, env = "HUB_FRAME_ANCESTORS", default_value = "'self'")]
    pub frame_ancestors: String,

    /// File with the base64 AES-256 key that encrypts stored secrets; created (mode 0600) if
    /// missing. Default: hub-secret.key beside the database. The environment variable
    /// HUB_SECRET_KEY (base64) takes precedence over any file.
    #[arg(long, env = "HUB_SECRET_KEY_FILE")]
    pub secret_key_file: Option<PathBuf>,
}

impl Config {
    /// The configuration for a database at `db`, everything else as by default.
    pub fn with_db(db: PathBuf) -> Self {
        Self::parse_from(["hub", "--db", &db.display().to_string()])
    }

    /// Where the secret key file is.
    pub fn secret_key_path(&self) -> PathBuf {
        self.secret_key_file.clone().unwrap_or_else(|| {
            self.db.parent().map_or_else(|| PathBuf::from("hub-secret.key"), |folder| folder.join("hub-secret.key"))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeedSet {
    /// Four users and requests in every status.
    Demo,
    /// The demo data set plus generated requests, 10,000 in all, for load tests.
    Bench,
}
