//! Whether a request reached the hub over https: then the session cookie is Secure and the
//! answer tells the browser to keep to https (HSTS).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// How the hub learns that it is reached over https: it is told so (`--https`), or a proxy it
/// trusts (`--trusted-proxy`) forwards the request with `X-Forwarded-Proto: https`. The header
/// from anybody else is ignored: a client could send it to itself.
#[derive(Debug, Clone, Default)]
pub struct HttpsPolicy {
    pub always: bool,
    pub trusted_proxies: Vec<IpAddr>,
}

/// Put into a request's extensions when it reached the hub over https.
#[derive(Debug, Clone, Copy)]
pub struct ReachedOverHttps;

impl HttpsPolicy {
    fn is_https(&self, request: &Request) -> bool {
        if self.always {
            return true;
        }
        let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() else { return false };
        let trusted = self.trusted_proxies.iter().any(|proxy| same_address(*proxy, peer.ip()));
        // The value the trusted proxy added is the last one: before it stands whatever the client
        // (or a proxy before it, not trusted) claimed.
        trusted
            && request
                .headers()
                .get_all("x-forwarded-proto")
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .next_back()
                .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
    }
}

/// `::ffff:10.0.0.1` and `10.0.0.1` are one address.
fn same_address(a: IpAddr, b: IpAddr) -> bool {
    a.to_canonical() == b.to_canonical()
}

/// Marks requests that came over https and adds HSTS to their answers.
pub async fn mark_https(State(policy): State<HttpsPolicy>, mut request: Request, next: Next) -> Response {
    let https = policy.is_https(&request);
    if https {
        request.extensions_mut().insert(ReachedOverHttps);
    }
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(STRICT_TRANSPORT_SECURITY));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(peer: &str, proto: Option<&str>) -> Request {
        let mut request = Request::new(axum::body::Body::empty());
        request.extensions_mut().insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        if let Some(proto) = proto {
            request.headers_mut().insert("x-forwarded-proto", HeaderValue::from_str(proto).unwrap());
        }
        request
    }

    #[test]
    fn believes_x_forwarded_proto_only_from_a_trusted_proxy() {
        let policy = HttpsPolicy { always: false, trusted_proxies: vec!["10.0.0.1".parse().unwrap()] };
        assert!(policy.is_https(&request("10.0.0.1:5000", Some("https"))));
        assert!(policy.is_https(&request("[::ffff:10.0.0.1]:5000", Some("http, HTTPS"))));
        assert!(!policy.is_https(&request("10.0.0.1:5000", Some("https, http"))), "the client's own claim comes first");
        assert!(!policy.is_https(&request("10.0.0.1:5000", Some("http"))));
        assert!(!policy.is_https(&request("10.0.0.1:5000", None)));
        assert!(!policy.is_https(&request("10.0.0.2:5000", Some("https"))), "not a trusted proxy");
        assert!(HttpsPolicy { always: true, trusted_proxies: vec![] }.is_https(&request("10.0.0.2:5000", None)));
    }
}
