/// The two shapes of credentials an API portal generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CredentialKind {
    /// OAuth client credentials: `url`, `tokenUrl`, `clientId`, `clientSecret`.
    ClientSecret,
    /// An X.509 client certificate: `url`, `tokenurl`, `certurl`, `certificate`, `key`.
    X509,
}

impl CredentialKind {
    /// The name of the kind in the hub's API (`credentials.type`).
    pub const fn as_str(self) -> &'static str {
        match self {
            CredentialKind::ClientSecret => "clientSecret",
            CredentialKind::X509 => "x509",
        }
    }

    /// Reads the API's name of a kind; `None` for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        [CredentialKind::ClientSecret, CredentialKind::X509].into_iter().find(|kind| kind.as_str() == name)
    }

    /// How a person calls the kind, for labels.
    pub const fn label(self) -> &'static str {
        match self {
            CredentialKind::ClientSecret => "Client secret",
            CredentialKind::X509 => "X.509 certificate",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_names_round_trip() {
        for kind in [CredentialKind::ClientSecret, CredentialKind::X509] {
            assert_eq!(CredentialKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn unknown_names_are_refused() {
        assert_eq!(CredentialKind::parse("clientsecret"), None);
        assert_eq!(CredentialKind::parse(""), None);
    }
}
