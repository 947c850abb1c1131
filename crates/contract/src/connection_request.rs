//! Connection requests, their status, their stored credentials, and pages of them.

use credentials::CredentialKind;
use serde::{Deserialize, Serialize};

use crate::UserRef;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Submitted,
    PendingApproval,
    Approved,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Submitted, Status::PendingApproval, Status::Approved, Status::Rejected];

    /// The status as the API names it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "SUBMITTED",
            Status::PendingApproval => "PENDING_APPROVAL",
            Status::Approved => "APPROVED",
            Status::Rejected => "REJECTED",
        }
    }

    /// The status as people read it, at the start of a sentence or on a label.
    pub const fn label(self) -> &'static str {
        match self {
            Status::Submitted => "Submitted",
            Status::PendingApproval => "Pending approval",
            Status::Approved => "Approved",
            Status::Rejected => "Rejected",
        }
    }

    /// Whether its credentials may still be replaced and it may still be decided on.
    pub const fn is_open(self) -> bool {
        matches!(self, Status::Submitted | Status::PendingApproval)
    }
}

/// A text that is not the API name of a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStatus;

impl std::str::FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|status| status.as_str() == name).ok_or(UnknownStatus)
    }
}

/// The stored credentials as the API shows them: never with the secret.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CredentialsSummary {
    #[serde(rename = "type", with = "crate::credential_kind")]
    pub kind: CredentialKind,
    pub url: String,
    pub token_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    pub updated_at: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
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
    pub credentials: CredentialsSummary,
    pub version: i64,
    /// Why a hub administrator approved or rejected it, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
    /// The outcome of the last test of the stored credentials, if they were tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_test: Option<LastTest>,
}

/// The last test of a request's stored credentials, in short.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastTest {
    pub ok: bool,
    /// Why it failed (a code of the test outcome); absent when it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub tested_at: String,
}

/// `GET /connectionRequests`: one page and the number of all matches.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Page<T> {
    pub count: u64,
    pub results: Vec<T>,
    /// With `counts=status`: how many match in each status (by its wire name), the status
    /// filter aside.
    #[serde(default, rename = "countsByStatus", skip_serializing_if = "Option::is_none")]
    pub counts_by_status: Option<CountsByStatus>,
}

/// How many requests match in each status, by its wire name (a status left out counts 0).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default, rename_all = "SCREAMING_SNAKE_CASE")]
pub struct CountsByStatus {
    pub submitted: u64,
    pub pending_approval: u64,
    pub approved: u64,
    pub rejected: u64,
}

impl CountsByStatus {
    /// The count of `status`.
    pub fn of(&self, status: Status) -> u64 {
        match status {
            Status::Submitted => self.submitted,
            Status::PendingApproval => self.pending_approval,
            Status::Approved => self.approved,
            Status::Rejected => self.rejected,
        }
    }

    /// Sets the count of `status`.
    pub fn set(&mut self, status: Status, count: u64) {
        let field = match status {
            Status::Submitted => &mut self.submitted,
            Status::PendingApproval => &mut self.pending_approval,
            Status::Approved => &mut self.approved,
            Status::Rejected => &mut self.rejected,
        };
        *field = count;
    }

    /// All matches, whatever their status.
    pub fn total(&self) -> u64 {
        Status::ALL.into_iter().map(|status| self.of(status)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_status_go_by_wire_name_and_a_status_left_out_counts_nothing() {
        let mut counts = CountsByStatus::default();
        counts.set(Status::PendingApproval, 5);
        counts.set(Status::Rejected, 2);
        let json = serde_json::to_string(&counts).unwrap();
        assert_eq!(json, r#"{"SUBMITTED":0,"PENDING_APPROVAL":5,"APPROVED":0,"REJECTED":2}"#);
        let read: CountsByStatus = serde_json::from_str(r#"{"PENDING_APPROVAL":5,"REJECTED":2}"#).unwrap();
        assert_eq!(read, counts);
        assert_eq!((read.of(Status::PendingApproval), read.of(Status::Submitted), read.total()), (5, 0, 7));
    }

    #[test]
    fn reads_and_writes_a_connection_request_of_the_contract() {
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
        assert_eq!(request.credentials.kind, CredentialKind::ClientSecret);
        let written = serde_json::to_value(&request).unwrap();
        assert_eq!(written, serde_json::from_str::<serde_json::Value>(json).unwrap());
    }

    #[test]
    fn statuses_round_trip_by_their_api_names() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(status));
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.as_str()));
        }
        assert_eq!("DONE".parse::<Status>(), Err(UnknownStatus));
        assert!(serde_json::from_str::<CredentialsSummary>(r#"{"type":"password","url":"","tokenUrl":"","updatedAt":"","expiresAt":""}"#).is_err());
    }
}
