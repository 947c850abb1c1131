//! The hub's REST contract (`hub-api.md`, v1 and v1.1) as types: what travels between the hub
//! and the app. The hub serialises them, the app deserialises them; a change on one side that
//! the other does not follow is a compile error.

mod connection_request;
mod error;
mod history;
pub mod hub_texts;
mod test_outcome;
mod user;

pub use connection_request::{ConnectionRequest, CountsByStatus, CredentialsSummary, LastTest, Page, Status, UnknownStatus};
pub use error::{code, ErrorBody, ErrorDetail, ErrorPayload};
pub use history::{CredentialsRef, History, HistoryAction, HistoryDetails, HistoryEvent};
pub use test_outcome::TestOutcome;
pub use user::{User, UserRef, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};

/// `credentials.type` on the wire: the kind's API name (`clientSecret`, `x509`).
mod credential_kind {
    use credentials::CredentialKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(kind: &CredentialKind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(kind.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CredentialKind, D::Error> {
        let name = String::deserialize(deserializer)?;
        CredentialKind::parse(&name).ok_or_else(|| serde::de::Error::custom("credentials.type is neither clientSecret nor x509"))
    }
}
