//! `config.json`, the optional file beside `index.html` that tells a static deployment where
//! the hub is: `{"apiBase": "https://hub.example.com/api/1.0", "loginUrl": "…"}`.

use std::fmt;

use serde::Deserialize;

use crate::i18n::tf;

/// What a deployment configured; every field is optional.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppConfig {
    /// The API's base URL; without it, `api/1.0` under the app's own base (what a proxy in
    /// front of app and hub provides).
    pub api_base: Option<String>,
    /// Where a signed-out user signs in (the app router's login). `{returnTo}` in it becomes
    /// the address the user was at; without it, a `returnTo` parameter is added.
    pub login_url: Option<String>,
}

/// Why `config.json` cannot be used, said so that whoever deployed the app can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON, not an object, an unknown key or a value of the wrong type.
    Malformed(String),
    /// A key with a value that is no URL the app can use.
    BadUrl { key: &'static str, value: String },
    /// An http:// URL for an app served over https, which the browser would block.
    Insecure { key: &'static str, value: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ConfigError::Malformed(reason) => tf(
                "The file config.json beside index.html is not valid: {reason}. It takes an object such as {example}; \
                 fix it, or remove it to reach the API at api/1.0 under the app's own address.",
                &[("reason", reason), ("example", &EXAMPLE)],
            ),
            ConfigError::BadUrl { key, value } => tf(
                "The file config.json beside index.html is not valid: \"{key}\" is \"{value}\", which is no URL the app \
                 can use. Give an https:// or http:// URL, or a path such as /api/1.0.",
                &[("key", key), ("value", value)],
            ),
            ConfigError::Insecure { key, value } => tf(
                "The file config.json beside index.html names \"{key}\" with http:// (\"{value}\"), but this app is served \
                 over https, and the browser does not let it call an http:// address. Give the https:// address.",
                &[("key", key), ("value", value)],
            ),
        };
        f.write_str(&text)
    }
}

const EXAMPLE: &str = r#"{"apiBase": "https://hub.example.com/api/1.0", "loginUrl": "https://hub.example.com/login"}"#;

impl AppConfig {
    /// Reads the text of `config.json`.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let config: AppConfig = serde_json::from_str(text).map_err(|error| ConfigError::Malformed(error.to_string()))?;
        if let Some((key, value)) = config.urls().find(|(_, value)| !is_usable_url(value)) {
            return Err(ConfigError::BadUrl { key, value: shortened(value) });
        }
        Ok(config)
    }

    /// For a page served over https (`secure`), every URL must be https too (or a path).
    pub fn check_for_page(&self, secure: bool) -> Result<(), ConfigError> {
        for (key, value) in self.urls() {
            if secure && value.get(..7).is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://")) {
                return Err(ConfigError::Insecure { key, value: shortened(value) });
            }
        }
        Ok(())
    }

    fn urls(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [("apiBase", &self.api_base), ("loginUrl", &self.login_url)].into_iter().filter_map(|(key, value)| Some((key, value.as_deref()?)))
    }

    /// Where to send a signed-out user who is at `current` (the address they come back to).
    pub fn login_address(&self, current: &str) -> Option<String> {
        let login = self.login_url.as_deref()?;
        let return_to = crate::url_encoding::encode(current);
        Some(if login.contains("{returnTo}") {
            login.replace("{returnTo}", &return_to)
        } else {
            // The parameter goes before a #fragment, where the login's server sees it.
            let (address, fragment) = login.split_once('#').map_or((login, None), |(address, fragment)| (address, Some(fragment)));
            let separator = if address.contains('?') { '&' } else { '?' };
            let fragment = fragment.map(|fragment| format!("#{fragment}")).unwrap_or_default();
            format!("{address}{separator}returnTo={return_to}{fragment}")
        })
    }
}

fn shortened(value: &str) -> String {
    value.chars().take(80).collect()
}

/// An http(s) URL without user name or password, or a path: nothing that is a script, another
/// scheme, or (through `//` or a backslash, which browsers read as a slash) another host.
fn is_usable_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let absolute = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let well_formed = match absolute {
        Some(rest) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
            !authority.is_empty() && !authority.contains('@')
        }
        None => !value.contains(':') && !value.starts_with("//") && !value.is_empty(),
    };
    well_formed && !value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_api_base_and_the_login_url() {
        let config = AppConfig::parse(r#"{"apiBase": "https://hub.example.com/api/1.0", "loginUrl": "/login"}"#).unwrap();
        assert_eq!(config.api_base.as_deref(), Some("https://hub.example.com/api/1.0"));
        assert_eq!(config.login_url.as_deref(), Some("/login"));
        assert_eq!(AppConfig::parse("{}").unwrap(), AppConfig::default());
    }

    #[test]
    fn a_malformed_file_is_said_with_the_reason_and_the_way_out() {
        let error = AppConfig::parse(r#"{"apiBase": "https://hub.example.com/api/1.0",}"#).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("The file config.json beside index.html is not valid: trailing comma"), "{message}");
        assert!(message.contains("remove it"), "{message}");
        assert!(matches!(AppConfig::parse("[]"), Err(ConfigError::Malformed(_))));
        assert!(matches!(AppConfig::parse(r#"{"apibase": "/api"}"#), Err(ConfigError::Malformed(reason)) if reason.contains("unknown field `apibase`")));
        assert!(matches!(AppConfig::parse(r#"{"apiBase": 8080}"#), Err(ConfigError::Malformed(_))));
    }

    #[test]
    fn only_http_urls_and_paths_are_taken() {
        for bad in [
            "javascript:alert(1)",
            "ftp://hub",
            "//hub.example.com/api",
            "https://",
            "",
            "https://hub/ api",
            "/\\evil.example.com/api",
            "\\\\evil.example.com",
            "https://user:secret@hub.example.com/api",
            "https://hub.example.com\\@evil.example.com/",
        ] {
            let text = format!(r#"{{"apiBase": {}}}"#, serde_json::to_string(bad).unwrap());
            assert!(matches!(AppConfig::parse(&text), Err(ConfigError::BadUrl { key: "apiBase", .. })), "{bad}");
        }
        for good in ["https://hub.example.com/api/1.0", "http://127.0.0.1:8080/api/1.0", "/api/1.0", "api/1.0"] {
            let text = format!(r#"{{"loginUrl": "{good}"}}"#);
            assert!(AppConfig::parse(&text).is_ok(), "{good}");
        }
    }

    #[test]
    fn the_login_url_learns_where_to_come_back_to() {
        let at = "https://apps.example.com/connections/connections/cr-1/credentials?page=2";
        let placeholder = AppConfig { login_url: Some("https://approuter.example.com/login?target={returnTo}".into()), ..AppConfig::default() };
        assert_eq!(
            placeholder.login_address(at).unwrap(),
            "https://approuter.example.com/login?target=https%3A%2F%2Fapps.example.com%2Fconnections%2Fconnections%2Fcr-1%2Fcredentials%3Fpage%3D2"
        );
        let plain = AppConfig { login_url: Some("/login".into()), ..AppConfig::default() };
        assert!(plain.login_address(at).unwrap().starts_with("/login?returnTo=https%3A%2F%2F"));
        assert_eq!(AppConfig::default().login_address(at), None);
        let fragment = AppConfig { login_url: Some("/login?x=1#/start".into()), ..AppConfig::default() };
        assert!(fragment.login_address(at).unwrap().starts_with("/login?x=1&returnTo=https%3A%2F%2F"));
        assert!(fragment.login_address(at).unwrap().ends_with("#/start"));
    }

    #[test]
    fn an_app_served_over_https_calls_no_http_address() {
        let config = AppConfig::parse(r#"{"apiBase": "HTTP://hub.example.com/api/1.0"}"#).unwrap();
        assert!(matches!(config.check_for_page(true), Err(ConfigError::Insecure { key: "apiBase", .. })));
        assert_eq!(config.check_for_page(false), Ok(()));
        assert_eq!(AppConfig::parse(r#"{"apiBase": "/api/1.0"}"#).unwrap().check_for_page(true), Ok(()));
    }
}
