//! Where the hub's API is: set once at start (from `config.json`, or `api/1.0` under the app's
//! own base), before the first request.

use std::sync::OnceLock;

static API_BASE: OnceLock<String> = OnceLock::new();

/// Until the start has set one (in component tests): the hub serving the app at `/`.
const SAME_ORIGIN_ROOT: &str = "/api/1.0";

/// Sets the API's base URL, such as `https://hub.example.com/api/1.0`; the first call wins.
pub fn set_api_base(base: &str) {
    let _ = API_BASE.set(base.trim_end_matches('/').to_owned());
}

/// The API's base URL, as requests use it.
pub fn api_base() -> &'static str {
    API_BASE.get().map_or(SAME_ORIGIN_ROOT, String::as_str)
}

/// The URL of `path` (such as `/user`) under the API's base.
pub(super) fn url(path: &str) -> String {
    format!("{}{path}", api_base())
}
