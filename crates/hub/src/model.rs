//! The resources of the contract as they travel over the wire.

use serde::{Deserialize, Serialize};

pub const ROLE_PORTAL_REGISTRATION: &str = "AuthGroup.APIPortalRegistration";
pub const ROLE_HUB_ADMIN: &str = "AuthGroup.API.Admin";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
}

impl User {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|held| held == role)
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Submitted,
    PendingApproval,
    Approved,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 4] =
        [Status::Submitted, Status::PendingApproval, Status::Approved, Status::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "SUBMITTED",
            Status::PendingApproval => "PENDING_APPROVAL",
            Status::Approved => "APPROVED",
            Status::Rejected => "REJECTED",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// The status as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::PendingApproval => "pending approval",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UserRef {
    pub id: String,
    pub name: String,
}

/// The stored credentials as the API shows them: never with the secret.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CredentialsSummary {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub url: String,
    pub token_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    pub updated_at: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionRequest {
    pub id: String,
    pub api_portal_alias: String,
    pub api_portal_url: String,
    pub status: Status,
    pub comment: String,
    pub requested_by: UserRef,
    pub requested_at: String,
    pub updated_at: String,
    pub credentials: CredentialsSummary,
    pub version: i64,
    /// Why a hub administrator approved or rejected it, if they said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub count: u64,
    pub results: Vec<T>,
}
