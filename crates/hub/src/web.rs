//! Serving the built single-page app, and the headers every response carries.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// Files of `dir`, with `index.html` for every other path that names no file (the app's
/// client-side routes, such as `/connections`, load the app); a missing file is a plain 404,
/// quick and small, not the app's page. A missing `config.json` is 204 No Content: the app
/// asks for it on every load, and the hub says so that the deployment has none (the API is
/// beside the app) without the browser logging an error each time. Hashed files are cached for a year,
/// everything else is revalidated. A file's `.br` or `.gz` beside it (brotli 11 and gzip 9,
/// written at build time) is served to a browser that takes it, instead of compressing on the fly.
pub fn single_page_app(dir: &Path) -> Router {
    let index = ServeFile::new(dir.join("index.html"));
    let app_page = move |request: Request| {
        let index = index.clone();
        async move {
            let path = request.uri().path();
            if path.ends_with("/config.json") {
                return StatusCode::NO_CONTENT.into_response();
            }
            if names_a_file(path) {
                return StatusCode::NOT_FOUND.into_response();
            }
            index.oneshot(request).await.into_response()
        }
    };
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip().fallback(axum::handler::HandlerWithoutStateExt::into_service(app_page));
    Router::new().fallback_service(files).layer(middleware::from_fn(cache_control)).layer(middleware::map_response(same_origin_redirect))
}

/// A folder's address without its last slash is redirected to the folder (`/i18n` → `/i18n/`),
/// the address as asked for plus a slash. Asked for as `//i18n`, that is `//i18n/`, which a
/// browser reads as another host, `i18n`: the slashes at its start become one.
async fn same_origin_redirect(mut response: Response) -> Response {
    let location = response.headers().get(header::LOCATION).and_then(|value| value.to_str().ok());
    if let Some(path) = location.filter(|location| location.starts_with("//") || location.starts_with("/\\")) {
        let path = format!("/{}", path.trim_start_matches(['/', '\\']));
        if let Ok(value) = HeaderValue::from_str(&path) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

/// Whether a path asks for a file (its last part has an extension) rather than a route of the
/// app: the app's routes never have a dot in their last part.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|name| name.contains('.'))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed_file(request.uri().path());
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let policy = if hashed && !is_html && response.status().is_success() { IMMUTABLE } else { REVALIDATE };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Whether the file name carries Trunk's content hash: `name-<hash>` and then `.js`, `_bg.wasm`,
/// `.wasm`, `.css` or `.svg`, the hash a 64-bit number in lowercase hex without leading zeros: 15
/// digits in one build of 16; under 14 (a UUID's last part has 12) in one of 4,096, which only
/// goes without the compressed copies and the long caching.
/// A twin of xtask's `is_content_hashed`, which decides what gets a compressed copy.
fn is_hashed_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.match_indices('-').any(|(at, _)| {
        let rest = &name.as_bytes()[at + 1..];
        let digits = rest.iter().take_while(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(byte)).count();
        let after = &rest[digits..];
        (14..=16).contains(&digits) && [&b".js"[..], b"_bg.wasm", b".wasm", b".css", b".svg"].contains(&after)
    })
}

/// The Content-Security-Policy for the app in `static_dir`: nothing inline but the page's own
/// scripts (Trunk's loader, the start-up message), allowed by their hashes; WebAssembly
/// compilation allowed; frames only from `frame_ancestors`. The hashes follow the
/// `index.html` being served: a rebuilt app under a running hub gets a policy that fits it.
#[derive(Clone)]
pub struct ContentSecurityPolicy {
    index: Option<PathBuf>,
    frame_ancestors: String,
    /// The policy for the `index.html` last read, and when that file was modified.
    cached: Arc<Mutex<Option<(SystemTime, HeaderValue)>>>,
}

impl ContentSecurityPolicy {
    /// Checks `frame_ancestors`: a list of sources (no line break, no `;` or `,` that would end
    /// the directive or the header).
    pub fn new(static_dir: Option<&Path>, frame_ancestors: &str) -> Result<Self, String> {
        if let Some(bad) = frame_ancestors.chars().find(|c| !(c.is_ascii_graphic() || *c == ' ') || matches!(c, ';' | ',')) {
            return Err(format!(
                "--frame-ancestors must be sources separated by spaces, such as 'self' https://launchpad.example.com; \
                 it holds {bad:?}"
            ));
        }
        let policy = Self {
            index: static_dir.map(|dir| dir.join("index.html")),
            frame_ancestors: frame_ancestors.to_owned(),
            cached: Arc::new(Mutex::new(None)),
        };
        policy.for_page("");
        Ok(policy)
    }

    /// The policy for the `index.html` there is now.
    pub fn current(&self) -> HeaderValue {
        let Some(index) = &self.index else { return self.for_page("") };
        let Ok(modified) = std::fs::metadata(index).and_then(|meta| meta.modified()) else { return self.for_page("") };
        let mut cached = self.cached.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, policy)) = cached.as_ref().filter(|(when, _)| *when == modified) {
            return policy.clone();
        }
        let page = std::fs::read_to_string(index).unwrap_or_default();
        let policy = self.for_page(&page);
        *cached = Some((modified, policy.clone()));
        policy
    }

    fn for_page(&self, page: &str) -> HeaderValue {
        let hashes = |tag: &str| -> String {
            inline_elements(page, tag).iter().map(|text| format!(" 'sha256-{}'", sha256_base64(text))).collect()
        };
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {}",
            hashes("script"),
            hashes("style"),
            self.frame_ancestors
        );
        HeaderValue::from_str(&policy).expect("checked sources and base64 hashes make a header value")
    }
}

/// The contents of every `<tag>` element without a `src` in `html` (inline scripts, and the
/// stylesheet that `index.html` carries inline).
fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open_tag, close_tag) = (format!("<{tag}"), format!("</{tag}>"));
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find(&open_tag) {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else { break };
        let attributes = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find(&close_tag) else { break };
        if !attributes.contains(" src=") {
            found.push(&body[..close]);
        }
        rest = &body[close..];
    }
    found
}

fn sha256_base64(text: &str) -> String {
    BASE64.encode(Sha256::digest(text.as_bytes()))
}

/// CORS with credentials for exactly `origins` (the app served from another origin of the same
/// site): the methods and headers the API uses, and the answer headers the app reads. Any other
/// origin gets no CORS header at all (tower-http's layer sends some of them to every origin).
pub fn cors(router: Router, origins: &[String]) -> Router {
    use axum::http::Method;
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return router;
    }
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|origin| HeaderValue::from_str(origin).ok()).collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.clone()))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, header::IF_MATCH, header::ACCEPT, "x-csrf-token".parse().expect("a header name")])
        .expose_headers([header::ETAG, header::LOCATION, "x-csrf-token".parse().expect("a header name")])
        .max_age(std::time::Duration::from_secs(600));
    router.layer(cors).layer(middleware::from_fn(move |request: Request, next: Next| {
        let allowed = request.headers().get(header::ORIGIN).is_some_and(|origin| origins.contains(origin));
        async move {
            let mut response = next.run(request).await;
            if !allowed {
                let headers = response.headers_mut();
                let cors_headers: Vec<_> =
                    headers.keys().filter(|name| name.as_str().starts_with("access-control-")).cloned().collect();
                for name in cors_headers {
                    headers.remove(name);
                }
            }
            response
        }
    }))
}

/// Adds the security headers to every response, and keeps API answers (which carry the CSRF
/// token and people's data) out of every cache.
pub fn security_headers(router: Router, content_security_policy: ContentSecurityPolicy) -> Router {
    router.layer(middleware::from_fn(move |request: Request, next: Next| {
        let policy = content_security_policy.current();
        async move {
            let is_api = request.uri().path() == "/api" || request.uri().path().starts_with("/api/");
            let mut response = next.run(request).await;
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
            headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
            if is_api {
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            }
            response
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunks_hashed_names() {
        assert!(is_hashed_file("/portal-connections-4a108d2c3bae6e67_bg.wasm"));
        assert!(is_hashed_file("/main-7d222bf532d009ad.css"));
        assert!(is_hashed_file("/portal-connections-388fa3aed924938_bg.wasm"), "a hash with a leading zero left out");
        assert!(!is_hashed_file("/portal-connections-E17CC5AF96BE01DA_bg.wasm"), "Trunk writes lowercase");
        assert!(!is_hashed_file("/feed-bad.css"), "a word of hex letters");
        assert!(!is_hashed_file("/export-1700000000000.json"), "a timestamp, and not one of Trunk's kinds of file");
        assert!(!is_hashed_file("/portal-connections-4a108d2c3bae6e67.json"), "not one of Trunk's kinds of file");
        assert!(!is_hashed_file("/index.html"));
        assert!(!is_hashed_file("/connections"));
        assert!(!is_hashed_file("/portal-connections.js"));
    }

    #[test]
    fn frame_ancestors_cannot_end_the_directive_or_the_header() {
        for bad in ["'self'\nX-Injected: 1", "'self'; script-src *", "'self', *", "'self'\t"] {
            let error = ContentSecurityPolicy::new(None, bad).err().unwrap();
            assert!(error.contains("--frame-ancestors"), "{error}");
        }
    }

    #[test]
    fn hashes_inline_scripts_and_styles_but_not_external_ones() {
        let html = r#"<script src="/a.js"></script><script type="module">import init from '/x.js';</script><style>p{}</style>"#;
        assert_eq!(inline_elements(html, "script"), vec!["import init from '/x.js';"]);
        assert_eq!(inline_elements(html, "style"), vec!["p{}"]);
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("index.html"), html).unwrap();
        let with_page = ContentSecurityPolicy::new(Some(directory.path()), "'self'").unwrap().current();
        let with_page = with_page.to_str().unwrap();
        assert!(with_page.contains(&format!("style-src 'self' 'sha256-{}';", sha256_base64("p{}"))), "{with_page}");
        assert!(with_page.contains(&format!("'wasm-unsafe-eval' 'sha256-{}';", sha256_base64("import init from '/x.js';"))), "{with_page}");
        let policy = ContentSecurityPolicy::new(None, "'self' https://launchpad.example.com").unwrap().current();
        let policy = policy.to_str().unwrap();
        assert!(policy.ends_with("frame-ancestors 'self' https://launchpad.example.com"));
        assert!(!policy.contains("unsafe-inline"));
        assert_eq!(sha256_base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }
}
