//! Why a test found no token, in the contract's codes and in words that say what to do.

use contract::hub_texts::{self, HubText};
use contract::TestOutcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("the token URL's host is not allowed")]
    HostNotAllowed,
    #[error("the token URL's host has no public address")]
    PrivateAddress,
    #[error("the token URL's host could not be found")]
    Unresolvable,
    #[error("the token endpoint could not be reached")]
    Unreachable,
    #[error("the TLS handshake with the token endpoint failed")]
    TlsError,
    #[error("the token endpoint did not answer in time")]
    Timeout,
    #[error("the token endpoint refused the client (HTTP {0})")]
    InvalidClient(u16),
    #[error("the token endpoint answered HTTP {0}")]
    EndpointError(u16),
    #[error("the answer is not a token response")]
    NotATokenResponse,
}

impl Failure {
    pub const fn code(self) -> &'static str {
        match self {
            Failure::HostNotAllowed => "TOKEN_HOST_NOT_ALLOWED",
            Failure::PrivateAddress => "TOKEN_HOST_PRIVATE_ADDRESS",
            Failure::Unresolvable => "TOKEN_HOST_UNRESOLVABLE",
            Failure::Unreachable => "TOKEN_ENDPOINT_UNREACHABLE",
            Failure::TlsError => "TOKEN_ENDPOINT_TLS_ERROR",
            Failure::Timeout => "TOKEN_ENDPOINT_TIMEOUT",
            Failure::InvalidClient(_) => "INVALID_CLIENT",
            Failure::EndpointError(_) => "TOKEN_ENDPOINT_ERROR",
            Failure::NotATokenResponse => "NOT_A_TOKEN_RESPONSE",
        }
    }

    /// What happened and what to do next, for the person who tested.
    pub fn message(self, x509: bool) -> HubText {
        let status = |status: u16| vec![("status", status.to_string())];
        match self {
            Failure::HostNotAllowed => HubText::new(hub_texts::TOKEN_HOST_NOT_ALLOWED, Vec::new()),
            Failure::PrivateAddress => HubText::new(hub_texts::TOKEN_HOST_PRIVATE_ADDRESS, Vec::new()),
            Failure::Unresolvable => HubText::new(hub_texts::TOKEN_HOST_UNRESOLVABLE, Vec::new()),
            Failure::Unreachable => HubText::new(hub_texts::TOKEN_ENDPOINT_UNREACHABLE, Vec::new()),
            Failure::TlsError if x509 => HubText::new(hub_texts::TOKEN_ENDPOINT_TLS_ERROR_X509, Vec::new()),
            Failure::TlsError => HubText::new(hub_texts::TOKEN_ENDPOINT_TLS_ERROR, Vec::new()),
            Failure::Timeout => HubText::new(hub_texts::TOKEN_ENDPOINT_TIMEOUT, Vec::new()),
            Failure::InvalidClient(code) if x509 => HubText::new(hub_texts::INVALID_CLIENT_X509, status(code)),
            Failure::InvalidClient(code) => HubText::new(hub_texts::INVALID_CLIENT, status(code)),
            Failure::EndpointError(code) => HubText::new(hub_texts::TOKEN_ENDPOINT_ERROR, status(code)),
            Failure::NotATokenResponse => HubText::new(hub_texts::NOT_A_TOKEN_RESPONSE, Vec::new()),
        }
    }

    pub fn outcome(self, x509: bool, tested_at: String) -> TestOutcome {
        let text = self.message(x509);
        TestOutcome {
            ok: false,
            token_type: None,
            expires_in: None,
            code: Some(self.code().to_owned()),
            message: Some(text.english()),
            template: Some(text.template.to_owned()),
            params: Some(text.wire_params()),
            tested_at,
        }
    }
}
