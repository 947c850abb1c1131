//! The hub's command line; every option can also be set by an environment variable.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Reference API Business Hub Enterprise: serves the connection-request API of
/// hub-api.md at /api/1.0 and, optionally, the built app at /.
#[derive(Debug, Clone, Parser)]
#[command(name = "hub", version)]
pub struct Config {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address to listen on; port 0 picks a free port (the chosen address is printed).
    #[arg(long, env = "HUB_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database file; created, with its folder, if missing.
    #[arg(long, env = "HUB_DB", default_value = "data/hub.sqlite3", global = true)]
    pub db: PathBuf,

    /// Folder of the built app (Trunk's dist/) to serve at /.
    #[arg(long, env = "HUB_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Data set to write into an empty database.
    #[arg(long, env = "HUB_SEED", value_enum)]
    pub seed: Option<SeedSet>,

    /// Turns the development login on (POST /api/1.0/session, GET /api/1.0/session/users):
    /// anyone who reaches the hub can then sign in as any user. For development only.
    #[arg(long, env = "HUB_DEV_LOGIN")]
    pub dev_login: bool,

    /// The hub is reached over https (a TLS-terminating proxy in front of it): the session
    /// cookie is marked Secure and responses carry Strict-Transport-Security.
    #[arg(long, env = "HUB_HTTPS")]
    pub https: bool,

    /// Address of a proxy whose X-Forwarded-Proto header is believed (repeatable): a request it
    /// forwards with "X-Forwarded-Proto: https" is treated as reached over https.
    #[arg(long = "trusted-proxy", env = "HUB_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<IpAddr>,

    /// An origin whose pages may call the API with the user's session (CORS with credentials),
    /// such as the static host of the app: https://apps.example.com (repeatable). Others get
    /// no CORS headers.
    #[arg(long = "allow-origin", env = "HUB_ALLOW_ORIGINS", value_delimiter = ',', value_parser = parse_origin)]
    pub allowed_origins: Vec<String>,

    /// Origins allowed to show the app in a frame (CSP frame-ancestors), such as a launchpad:
    /// 'self' https://launchpad.example.com
    #[arg(long, env = "HUB_FRAME_ANCESTORS", default_value = "'self'")]
    pub frame_ancestors: String,

    /// File with the base64 AES-256 key that encrypts stored secrets; created (mode 0600) only
    /// for a database that holds no secret yet. Default: hub-secret.key beside the database.
    /// The environment variable HUB_SECRET_KEY (base64) takes precedence over any file.
    #[arg(long, env = "HUB_SECRET_KEY_FILE", global = true)]
    pub secret_key_file: Option<PathBuf>,

    /// The key from HUB_SECRET_KEY, read from the environment only (never a command-line
    /// argument, which other users of the machine can see).
    #[arg(skip)]
    pub secret_key: Option<SecretKeyText>,

    #[command(flatten)]
    pub sessions: SessionLimits,

    #[command(flatten)]
    pub connections: ConnectionLimits,

    #[command(flatten)]
    pub token_tests: TokenTestSettings,
}

/// Where "Test Connection" may connect.
#[derive(Debug, Clone, Args)]
pub struct TokenTestSettings {
    /// A token host "Test Connection" may reach besides SAP BTP's authentication domains
    /// (repeatable): `.example.com` allows every host under example.com, `idp.example.com`
    /// exactly that host.
    #[arg(long = "token-host", env = "HUB_TOKEN_HOSTS", value_delimiter = ',')]
    pub extra_hosts: Vec<String>,

    /// Lets "Test Connection" reach loopback, private and other non-public addresses (tests,
    /// hubs inside a company network).
    #[arg(long = "allow-private-token-hosts", env = "HUB_ALLOW_PRIVATE_TOKEN_HOSTS")]
    pub allow_private: bool,

    /// A PEM file of CA certificates to trust besides the public ones (repeatable).
    #[arg(long = "token-ca", env = "HUB_TOKEN_CA", value_delimiter = ',')]
    pub extra_ca_files: Vec<PathBuf>,

    /// A fixed address for a token host, as HOST=ADDRESS (repeatable); checked like a looked-up one.
    #[arg(long = "resolve", env = "HUB_RESOLVE", value_delimiter = ',', value_parser = parse_fixed_address)]
    pub fixed_addresses: Vec<(String, IpAddr)>,

    /// Looks up no token host in DNS: only the --resolve entries have addresses.
    #[arg(long = "no-dns", env = "HUB_NO_DNS")]
    pub no_dns: bool,

    /// A port a token URL may name besides 443 (repeatable).
    #[arg(long = "token-port", env = "HUB_TOKEN_PORTS", value_delimiter = ',')]
    pub extra_ports: Vec<u16>,

    /// Tests a user may run in a minute.
    #[arg(long = "tests-per-minute", env = "HUB_TESTS_PER_MINUTE", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub per_minute: u64,
}

/// An origin as browsers send it: scheme, host and port if not the default; nothing else.
fn parse_origin(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text).map_err(|_| format!("'{text}' is not an origin such as https://apps.example.com"))?;
    let origin = url.origin().ascii_serialization();
    let bare = text.trim_end_matches('/');
    if !matches!(url.scheme(), "http" | "https") || origin != bare {
        return Err(format!("'{text}' is not an origin such as https://apps.example.com (scheme and host, no path)"));
    }
    Ok(origin)
}

fn parse_fixed_address(text: &str) -> Result<(String, IpAddr), String> {
    let (host, address) = text.split_once('=').ok_or("write HOST=ADDRESS, such as token.test=127.0.0.1")?;
    let address = address.trim_start_matches('[').trim_end_matches(']').parse().map_err(|_| format!("'{address}' is not an IP address"))?;
    Ok((host.trim().to_ascii_lowercase(), address))
}

impl TokenTestSettings {
    /// The tester these settings describe; an error names a CA file that cannot be used.
    pub fn tester(&self) -> Result<crate::token_test::Tester, String> {
        use crate::token_test::guard::{default_token_hosts, TokenHostPolicy};
        let mut allowed_hosts = default_token_hosts();
        allowed_hosts.extend(self.extra_hosts.iter().map(|host| host.trim().to_ascii_lowercase()));
        let mut fixed_addresses: std::collections::HashMap<String, Vec<IpAddr>> = std::collections::HashMap::new();
        for (host, address) in &self.fixed_addresses {
            fixed_addresses.entry(host.clone()).or_default().push(*address);
        }
        let mut ports = vec![443];
        ports.extend(&self.extra_ports);
        let policy = TokenHostPolicy { allowed_hosts, allow_private: self.allow_private, fixed_addresses, use_dns: !self.no_dns, ports };
        let mut extra_roots = Vec::new();
        for file in &self.extra_ca_files {
            let pem = std::fs::read(file).map_err(|error| format!("cannot read the CA file {}: {error}", file.display()))?;
            let certificates = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|error| format!("the CA file {} holds no usable certificate: {error}", file.display()))?;
            if certificates.is_empty() {
                return Err(format!("the CA file {} holds no certificate", file.display()));
            }
            extra_roots.extend(certificates);
        }
        Ok(crate::token_test::Tester {
            client: crate::token_test::TokenClient { policy: std::sync::Arc::new(policy), extra_roots },
            limit: std::sync::Arc::new(crate::token_test::RateLimit::per_minute(usize::try_from(self.per_minute).unwrap_or(usize::MAX))),
        })
    }
}

/// How long a session lasts.
#[derive(Debug, Clone, Args)]
pub struct SessionLimits {
    /// Minutes without a request after which a session ends.
    #[arg(long = "session-idle-minutes", env = "HUB_SESSION_IDLE_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=24 * 60))]
    pub idle_minutes: u64,

    /// Hours after signing in after which a session ends, however active.
    #[arg(long = "session-lifetime-hours", env = "HUB_SESSION_LIFETIME_HOURS", default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=30 * 24))]
    pub lifetime_hours: u64,
}

impl SessionLimits {
    pub fn idle(&self) -> Duration {
        Duration::from_secs(self.idle_minutes * 60)
    }

    pub fn lifetime(&self) -> Duration {
        Duration::from_secs(self.lifetime_hours * 3600)
    }
}

/// What one client may hold of the server.
#[derive(Debug, Clone, Args)]
pub struct ConnectionLimits {
    /// Seconds a client has to send a request's headers, counted from when the connection
    /// waits for a request (so also how long an idle keep-alive connection stays open).
    #[arg(long = "header-timeout", env = "HUB_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_seconds: u64,

    /// Seconds a client has to send a request's body.
    #[arg(long = "body-timeout", env = "HUB_BODY_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_seconds: u64,

    /// Seconds a connection may move no byte in either direction (a client that stops reading
    /// its answer) before it is closed.
    #[arg(long = "idle-timeout", env = "HUB_IDLE_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_seconds: u64,

    /// Connections served at once; more wait to be accepted.
    #[arg(long = "max-connections", env = "HUB_MAX_CONNECTIONS", default_value_t = 4096, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,

    /// Seconds the hub gives requests in flight to finish when it is told to stop (SIGTERM,
    /// Ctrl-C); then it exits, whatever is still open.
    #[arg(long = "shutdown-deadline", env = "HUB_SHUTDOWN_DEADLINE", default_value_t = 9, value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub shutdown_seconds: u64,

    /// Seconds a connection may stay open in all, however busy: a client that reads its
    /// answers a few bytes at a time cannot hold one for ever.
    #[arg(long = "connection-lifetime", env = "HUB_CONNECTION_LIFETIME", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub lifetime_seconds: u64,
}

impl ConnectionLimits {
    pub fn header(&self) -> Duration {
        Duration::from_secs(self.header_seconds)
    }

    pub fn body(&self) -> Duration {
        Duration::from_secs(self.body_seconds)
    }

    pub fn idle(&self) -> Duration {
        Duration::from_secs(self.idle_seconds)
    }

    pub fn shutdown(&self) -> Duration {
        Duration::from_secs(self.shutdown_seconds)
    }

    pub fn lifetime(&self) -> Duration {
        Duration::from_secs(self.lifetime_seconds)
    }
}

/// What the hub does besides serving.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Re-seals every stored secret under a new key, in one transaction, and replaces the key
    /// file (the old key is kept beside it as hub-secret.key.old).
    RotateKey,
    /// Checks the database (SQLite's integrity check) and that every stored secret opens with
    /// the key; exits non-zero if anything is wrong. For after a crash or a restore.
    Verify,
}

/// A key in base64 as the environment gave it; its debug output never shows it.
#[derive(Clone)]
pub struct SecretKeyText(pub String);

impl std::fmt::Debug for SecretKeyText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKeyText(<redacted>)")
    }
}

impl Config {
    /// The configuration from the command line and the environment.
    pub fn from_command_line() -> Self {
        let mut config = Self::parse();
        config.secret_key = std::env::var("HUB_SECRET_KEY").ok().map(SecretKeyText);
        config
    }

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
