//! The kind names are part of the hub contract (`credentials.type`): they must not drift.

use credentials::CredentialKind;

#[test]
fn kind_names_match_the_hub_contract() {
    assert_eq!(CredentialKind::ClientSecret.as_str(), "clientSecret");
    assert_eq!(CredentialKind::X509.as_str(), "x509");
}
