//! The resources of the hub's API as the app reads them: the contract's types, and what the app
//! makes of them.

pub use contract::{ConnectionRequest, CredentialsSummary, Page, Status, User, UserRef};

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
        assert_eq!(request.credentials.kind, credentials::CredentialKind::ClientSecret);
        assert_eq!(request.credentials.client_id.as_deref(), Some("sb-x"));
    }
}
