//! A real OAuth 2.0 token endpoint on loopback, over TLS with a certificate made for the test:
//! it issues a token for one client ID and secret (HTTP Basic) and for one client certificate
//! (mutual TLS), refuses anything else with 401, and can be made slow, redirecting, or to
//! answer garbage or 10 MB. It counts the connections it accepts, so that a test can check
//! that the hub connected to nothing.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use base64::Engine;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;
use tokio_rustls::TlsAcceptor;

/// The host the endpoint's certificate names; the hub resolves it to 127.0.0.1 by `--resolve`.
pub const TOKEN_HOST: &str = "acme.authentication.eu10.hana.ondemand.com";
/// A host that also leads to the endpoint, which its certificate does not name.
pub const OTHER_HOST: &str = "other.authentication.eu10.hana.ondemand.com";
pub const GOOD_CLIENT_ID: &str = "sb-tested!b6077|api-portal-xsuaa!b2160";
pub const GOOD_SECRET: &str = "0b9f5d1c-2a7e-4f3b-9c8d-6e5f4a3b2c1d$Tt5_Kv8-Lm2+Np7/Qr4=";

/// How the endpoint answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Answers after 10 s.
    Slow,
    /// 200 with a login page instead of a token.
    Garbage,
    /// 200 with a 10 MB body.
    Huge,
    /// 302 to another host.
    Redirect,
}

pub struct TokenEndpoint {
    pub port: u16,
    /// PEM of the CA that signed the endpoint's certificate and the client certificate.
    pub ca_pem: String,
    /// The client certificate and its key (PKCS#8), which the endpoint accepts.
    pub client_certificate: String,
    pub client_key: String,
    connections: Arc<AtomicUsize>,
    mode: Arc<Mutex<Mode>>,
    /// Every request body and Authorization header it received, to look for secrets.
    pub received: Arc<Mutex<Vec<String>>>,
}

impl TokenEndpoint {
    pub async fn start() -> Self {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(DnType::CommonName, "Token endpoint test CA");
        let ca = ca_params.self_signed(&ca_key).unwrap();

        let server_key = KeyPair::generate().unwrap();
        let server = CertificateParams::new(vec![TOKEN_HOST.to_owned()]).unwrap().signed_by(&server_key, &ca, &ca_key).unwrap();

        let client_key = KeyPair::generate().unwrap();
        let mut client_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        client_params.distinguished_name.push(DnType::CommonName, "sb-x509-client");
        let client = client_params.signed_by(&client_key, &ca, &ca_key).unwrap();

        let mut roots = rustls::RootCertStore::empty();
        roots.add(ca.der().clone()).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&provider))
            .allow_unauthenticated()
            .build()
            .unwrap();
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_client_cert_verifier(verifier)
            .with_single_cert(
                vec![server.der().clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
            )
            .unwrap();
        let acceptor = TlsAcceptor::from(Arc::new(config));

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(AtomicUsize::new(0));
        let mode = Arc::new(Mutex::new(Mode::Normal));
        let received = Arc::new(Mutex::new(Vec::new()));
        let accepted_client = client.der().clone();
        {
            let (connections, mode, received) = (Arc::clone(&connections), Arc::clone(&mode), Arc::clone(&received));
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    // As real token endpoints do: without it, the answer waits for the ACK of
                    // the session ticket (Nagle against delayed ACK, 40 ms).
                    let _ = stream.set_nodelay(true);
                    let (acceptor, mode, received, accepted_client) =
                        (acceptor.clone(), Arc::clone(&mode), Arc::clone(&received), accepted_client.clone());
                    tokio::spawn(async move {
                        let Ok(tls) = acceptor.accept(stream).await else { return };
                        let presented: Option<CertificateDer<'static>> =
                            tls.get_ref().1.peer_certificates().and_then(|chain| chain.first().cloned());
                        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                            let mode = *mode.lock().unwrap();
                            let trusted_client = presented.as_ref() == Some(&accepted_client);
                            answer(request, mode, trusted_client, Arc::clone(&received))
                        });
                        let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                            .serve_connection(TokioIo::new(tls), service)
                            .await;
                    });
                }
            });
        }
        Self {
            port,
            ca_pem: ca.pem(),
            client_certificate: client.pem(),
            client_key: client_key.serialize_pem(),
            connections,
            mode,
            received,
        }
    }

    pub fn token_url(&self) -> String {
        format!("https://{TOKEN_HOST}:{}/oauth/token", self.port)
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// Writes the CA to `folder` and returns its path, for `--token-ca`.
    pub fn write_ca(&self, folder: &std::path::Path) -> std::path::PathBuf {
        let path = folder.join("token-endpoint-ca.pem");
        std::fs::write(&path, &self.ca_pem).unwrap();
        path
    }
}

async fn answer(
    request: Request<Incoming>,
    mode: Mode,
    trusted_client: bool,
    received: Arc<Mutex<Vec<String>>>,
) -> Result<Response<Body>, std::convert::Infallible> {
    use http_body_util::BodyExt;
    let authorization = request.headers().get(header::AUTHORIZATION).and_then(|value| value.to_str().ok()).unwrap_or("").to_owned();
    let path = request.uri().path().to_owned();
    let body = request.into_body().collect().await.map(|body| body.to_bytes()).unwrap_or_default();
    let form = String::from_utf8_lossy(&body).into_owned();
    received.lock().unwrap().push(format!("{authorization} {form}"));
    let json = |status: StatusCode, text: &str| {
        Response::builder().status(status).header(header::CONTENT_TYPE, "application/json").body(Body::from(text.to_owned())).unwrap()
    };
    match mode {
        Mode::Slow => tokio::time::sleep(Duration::from_secs(10)).await,
        Mode::Garbage => {
            return Ok(Response::builder().status(200).body(Body::from("<html><body>Please sign in</body></html>")).unwrap())
        }
        Mode::Huge => return Ok(Response::builder().status(200).body(Body::from(vec![b'x'; 10 * 1024 * 1024])).unwrap()),
        Mode::Redirect => {
            return Ok(Response::builder().status(302).header(header::LOCATION, "https://elsewhere.example.com/oauth/token").body(Body::empty()).unwrap())
        }
        Mode::Normal => {}
    }
    if path != "/oauth/token" || !form.split('&').any(|pair| pair == "grant_type=client_credentials") {
        return Ok(json(StatusCode::BAD_REQUEST, r#"{"error":"invalid_request"}"#));
    }
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", form_encoded(GOOD_CLIENT_ID), form_encoded(GOOD_SECRET)))
    );
    let plain = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{GOOD_CLIENT_ID}:{GOOD_SECRET}")));
    if trusted_client || authorization == expected || authorization == plain {
        return Ok(json(StatusCode::OK, r#"{"access_token":"eyJhbGciOiJSUzI1NiJ9.test.signature","token_type":"bearer","expires_in":43199,"scope":"uaa.resource"}"#));
    }
    Ok(json(StatusCode::UNAUTHORIZED, r#"{"error":"unauthorized","error_description":"Bad credentials"}"#))
}

/// Basic auth sends the ID and secret as they are; some clients form-encode them first.
fn form_encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
