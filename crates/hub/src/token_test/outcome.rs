//! Why a test found no token, in the contract's codes and in words that say what to do.

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
    pub fn message(self, x509: bool) -> String {
        match self {
            Failure::HostNotAllowed => "The token URL must use https and name a host the hub may connect to (an SAP BTP \
                authentication domain such as <subdomain>.authentication.eu10.hana.ondemand.com). Check the tokenUrl of the credentials."
                .to_owned(),
            Failure::PrivateAddress => "The token URL's host resolves to an address in a private network, which the hub does \
                not connect to. Check the tokenUrl of the credentials."
                .to_owned(),
            Failure::Unresolvable => "The token URL's host could not be found. Check the tokenUrl, and whether the \
                subaccount that issued the credentials still exists."
                .to_owned(),
            Failure::Unreachable => "The token endpoint could not be reached. Try again in a few minutes; if it keeps \
                failing, check the tokenUrl."
                .to_owned(),
            Failure::TlsError if x509 => "The secure connection to the token endpoint failed: its certificate does not match \
                its host, or it did not accept the client certificate. Check the tokenUrl, then generate new credentials in the \
                API portal and paste them here."
                .to_owned(),
            Failure::TlsError => "The secure connection to the token endpoint failed: its certificate does not match its \
                host. Check the tokenUrl of the credentials."
                .to_owned(),
            Failure::Timeout => "The token endpoint did not answer within 5 seconds. Try again in a few minutes.".to_owned(),
            Failure::InvalidClient(status) if x509 => format!(
                "The token endpoint refused the certificate (HTTP {status}): generate new credentials in the API portal and paste them here."
            ),
            Failure::InvalidClient(status) => format!(
                "The token endpoint refused the client ID or secret (HTTP {status}): generate new credentials in the API portal and paste them here."
            ),
            Failure::EndpointError(status) => format!(
                "The token endpoint answered HTTP {status} instead of a token. Check that the tokenUrl is the one in the \
                 credentials; if it is, try again later."
            ),
            Failure::NotATokenResponse => "The token endpoint's answer is not an OAuth token. Check that the tokenUrl is the \
                one in the credentials (it ends with /oauth/token)."
                .to_owned(),
        }
    }

    pub fn outcome(self, x509: bool, tested_at: String) -> TestOutcome {
        TestOutcome {
            ok: false,
            token_type: None,
            expires_in: None,
            code: Some(self.code().to_owned()),
            message: Some(self.message(x509)),
            tested_at,
        }
    }
}
