//! The resources of the hub's API as the app reads them.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Submitted,
    PendingApproval,
    Approved,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Submitted, Status::PendingApproval, Status::Approved, Status::Rejected];

    /// The status as the hub names it.
    pub fn api_name(self) -> &'static str {
        match self {
            Status::Submitted => "SUBMITTED",
            Status::PendingApproval => "PENDING_APPROVAL",
            Status::Approved => "APPROVED",
            Status::Rejected => "REJECTED",
        }
    }

    pub fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.api_name() == name)
    }

    /// The status as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Submitted => "Submitted",
            Status::PendingApproval => "Pending approval",
            Status::Approved => "Approved",
            Status::Rejected => "Rejected",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UserRef {
    pub id: String,
    pub name: String,
}

/// The stored credentials of a request, as the hub shows them (never with a secret).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credentials {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
    pub token_url: String,
    #[serde(default)]
    pub cert_url: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    pub updated_at: String,
    pub expires_at: String,
}

impl Credentials {
    /// The kind, if the hub sent one this app knows.
    pub fn kind(&self) -> Option<credentials::CredentialKind> {
        credentials::CredentialKind::parse(&self.kind)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRequest {
    pub id: String,
    pub api_portal_alias: String,
    pub api_portal_url: String,
    pub status: Status,
    #[serde(default)]
    pub comment: String,
    pub requested_by: UserRef,
    pub requested_at: String,
    pub updated_at: String,
    pub credentials: Credentials,
    pub version: i64,
}

/// Matches per status tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCounts {
    pub all: u64,
    pub by_status: Vec<(Status, u64)>,
}

impl StatusCounts {
    pub fn of(&self, status: Option<Status>) -> u64 {
        match status {
            None => self.all,
            Some(status) => self.by_status.iter().find(|(candidate, _)| *candidate == status).map_or(0, |(_, count)| *count),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Page<T> {
    pub count: u64,
    pub results: Vec<T>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_connection_request_of_the_contract() {
        let json = r#"{
          "id": "cr-1", "apiPortalAlias": "EU Production Portal",
          "apiPortalUrl": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com",
          "status": "PENDING_APPROVAL", "comment": "why",
          "requestedBy": { "id": "alice", "name": "Alice Andersen" },
          "requestedAt": "2026-11-02T09:14:00Z", "updatedAt": "2026-11-20T16:03:11Z",
          "credentials": { "type": "clientSecret", "url": "https://a", "tokenUrl": "https://a/oauth/token",
                           "clientId": "sb-x", "updatedAt": "2026-11-20T16:03:11Z", "expiresAt": "2027-11-20T16:03:11Z" },
          "version": 4 }"#;
        let request: ConnectionRequest = serde_json::from_str(json).unwrap();
        assert_eq!(request.status, Status::PendingApproval);
        assert_eq!(request.status.label(), "Pending approval");
        assert_eq!(request.credentials.kind(), Some(credentials::CredentialKind::ClientSecret));
        assert_eq!(request.credentials.client_id.as_deref(), Some("sb-x"));
    }
}
