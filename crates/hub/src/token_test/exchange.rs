//! The OAuth 2.0 client-credentials exchange itself: a real HTTPS request to the token URL
//! (client secret as HTTP Basic; X.509 as mutual TLS), through the guard, within 5 s, reading
//! at most 64 KiB. Nothing it receives is kept: not the token, not the answer.

use std::sync::Arc;
use std::time::Duration;

use credentials::Credentials;
use reqwest::redirect::Policy;

use super::guard::{GuardedResolver, TokenHostPolicy};
use super::outcome::Failure;

/// The whole exchange, from resolving to the last byte.
pub const TIMEOUT: Duration = Duration::from_secs(5);
/// The most of an answer that is read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// What a successful exchange tells about the token (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub token_type: String,
    pub expires_in: Option<u64>,
}

/// Makes token requests under one policy, trusting the public roots (Mozilla's, bundled by
/// webpki-roots) and `extra_roots`.
#[derive(Clone)]
pub struct TokenClient {
    pub policy: Arc<TokenHostPolicy>,
    pub extra_roots: Vec<reqwest::Certificate>,
}

impl TokenClient {
    /// Asks the token endpoint of `credentials` for a token.
    pub async fn request_token(&self, credentials: &Credentials) -> Result<Token, Failure> {
        let url = self.policy.check_url(credentials.token_url())?;
        match tokio::time::timeout(TIMEOUT, self.exchange(url, credentials)).await {
            Ok(result) => result,
            Err(_) => Err(Failure::Timeout),
        }
    }

    async fn exchange(&self, url: reqwest::Url, credentials: &Credentials) -> Result<Token, Failure> {
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .no_proxy()
            .redirect(Policy::none())
            .https_only(true)
            .timeout(TIMEOUT)
            .dns_resolver(Arc::new(GuardedResolver { policy: Arc::clone(&self.policy) }))
            .user_agent("api-business-hub-enterprise-reference (connection test)");
        for root in &self.extra_roots {
            builder = builder.add_root_certificate(root.clone());
        }
        let mut form = vec![("grant_type", "client_credentials")];
        if let Credentials::X509 { certificate, key, .. } = credentials {
            let pem = format!("{}\n{}\n", certificate.trim(), key.trim());
            // The engine checked both blocks; a key the TLS library cannot use fails the handshake's side.
            let identity = reqwest::Identity::from_pem(pem.as_bytes()).map_err(|_| Failure::TlsError)?;
            builder = builder.identity(identity);
        }
        let client = builder.build().map_err(|_| Failure::TlsError)?;
        let mut request = client.post(url).header(reqwest::header::ACCEPT, "application/json");
        match credentials {
            Credentials::ClientSecret { client_id, client_secret, .. } => {
                request = request.basic_auth(client_id, Some(client_secret));
            }
            Credentials::X509 { client_id, .. } => {
                if let Some(client_id) = client_id.as_deref() {
                    form.push(("client_id", client_id));
                }
            }
        }
        let mut response = request.form(&form).send().await.map_err(|error| failure_of(&error))?;
        let status = response.status().as_u16();
        let mut answer = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| failure_of(&error))? {
            answer.extend_from_slice(&chunk);
            if answer.len() > MAX_ANSWER_BYTES {
                return Err(if (200..300).contains(&status) { Failure::NotATokenResponse } else { Failure::EndpointError(status) });
            }
        }
        read_answer(status, &answer)
    }
}

/// The longest token type taken (`bearer`, `DPoP`, `N_A` are the ones in use).
const MAX_TOKEN_TYPE_CHARS: usize = 32;

/// What the token endpoint's answer means.
fn read_answer(status: u16, answer: &[u8]) -> Result<Token, Failure> {
    let json: Option<serde_json::Value> = serde_json::from_slice(answer).ok();
    let field = |name: &str| json.as_ref().and_then(|json| json.get(name));
    match status {
        200..=299 => {
            let has_token = field("access_token").and_then(|token| token.as_str()).is_some_and(|token| !token.is_empty());
            // A type name (RFC 6749, appendix A.13), not whatever text an endpoint sends: the
            // hub shows it to the user.
            let token_type = field("token_type").and_then(|kind| kind.as_str()).filter(|kind| {
                (1..=MAX_TOKEN_TYPE_CHARS).contains(&kind.len())
                    && kind.bytes().all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_'))
            });
            match (has_token, token_type) {
                (true, Some(token_type)) => Ok(Token {
                    token_type: token_type.to_owned(),
                    expires_in: field("expires_in").and_then(serde_json::Value::as_u64),
                }),
                _ => Err(Failure::NotATokenResponse),
            }
        }
        401 => Err(Failure::InvalidClient(status)),
        _ if field("error").and_then(|error| error.as_str()) == Some("invalid_client") => Err(Failure::InvalidClient(status)),
        _ => Err(Failure::EndpointError(status)),
    }
}

/// The failure behind an error of the HTTP client: the guard's refusal, a TLS error, a
/// timeout, or no connection.
fn failure_of(error: &reqwest::Error) -> Failure {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if let Some(failure) = current.downcast_ref::<Failure>() {
            return *failure;
        }
        if current.downcast_ref::<rustls::Error>().is_some() {
            return Failure::TlsError;
        }
        // An I/O error wrapping another error shows it by `get_ref`, not by `source`.
        cause = match current.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => current.source(),
        };
    }
    if error.is_timeout() {
        Failure::Timeout
    } else {
        Failure::Unreachable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_token_answers() {
        let token = read_answer(200, br#"{"access_token":"eyJ...","token_type":"bearer","expires_in":43199,"scope":"uaa.resource"}"#);
        assert_eq!(token, Ok(Token { token_type: "bearer".into(), expires_in: Some(43199) }));
        assert_eq!(read_answer(200, b"<html>login</html>"), Err(Failure::NotATokenResponse));
        assert_eq!(read_answer(200, br#"{"token_type":"bearer"}"#), Err(Failure::NotATokenResponse));
        // What the hub would show the user is a type name, or the answer is not a token's.
        for token_type in [r#""bearer\r\nX-Injected: 1""#, r#""<b>bearer</b>""#, r#""""#, format!("\"{}\"", "a".repeat(33)).as_str(), "42"] {
            let answer = format!(r#"{{"access_token":"eyJ...","token_type":{token_type}}}"#);
            assert_eq!(read_answer(200, answer.as_bytes()), Err(Failure::NotATokenResponse), "{token_type}");
        }
        let dpop = read_answer(200, br#"{"access_token":"eyJ...","token_type":"DPoP"}"#);
        assert_eq!(dpop, Ok(Token { token_type: "DPoP".into(), expires_in: None }));
        assert_eq!(read_answer(401, br#"{"error":"unauthorized"}"#), Err(Failure::InvalidClient(401)));
        assert_eq!(read_answer(400, br#"{"error":"invalid_client"}"#), Err(Failure::InvalidClient(400)));
        assert_eq!(read_answer(302, b""), Err(Failure::EndpointError(302)));
        assert_eq!(read_answer(500, b"oops"), Err(Failure::EndpointError(500)));
    }
}
