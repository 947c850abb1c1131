//! `GET /connectionRequests/{id}/history`: what happened to a request, newest first. Never a
//! secret, a key or a token.

use credentials::CredentialKind;
use serde::{Deserialize, Serialize};

use crate::UserRef;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct History {
    pub results: Vec<HistoryEvent>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct HistoryEvent {
    pub at: String,
    pub actor: UserRef,
    pub action: HistoryAction,
    #[serde(default)]
    pub details: HistoryDetails,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HistoryAction {
    Submitted,
    CredentialsReplaced,
    Approved,
    Rejected,
    ConnectionTested,
}

impl HistoryAction {
    pub const ALL: [HistoryAction; 5] = [
        HistoryAction::Submitted,
        HistoryAction::CredentialsReplaced,
        HistoryAction::Approved,
        HistoryAction::Rejected,
        HistoryAction::ConnectionTested,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            HistoryAction::Submitted => "SUBMITTED",
            HistoryAction::CredentialsReplaced => "CREDENTIALS_REPLACED",
            HistoryAction::Approved => "APPROVED",
            HistoryAction::Rejected => "REJECTED",
            HistoryAction::ConnectionTested => "CONNECTION_TESTED",
        }
    }
}

impl std::str::FromStr for HistoryAction {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|action| action.as_str() == name).ok_or(())
    }
}

/// What an event adds: the credentials before and after a replacement, a rejection's reason,
/// a test's outcome. Each is present only for the actions that have it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct HistoryDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<CredentialsRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<CredentialsRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Credentials as an event names them: their kind and client ID, nothing secret.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CredentialsRef {
    #[serde(rename = "type", with = "crate::credential_kind")]
    pub kind: CredentialKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contracts_example() {
        let json = r#"{ "results": [
          { "at": "2026-11-29T10:02:00Z", "actor": { "id": "carol", "name": "Carol Chen" },
            "action": "APPROVED", "details": {} },
          { "at": "2026-11-28T16:03:11Z", "actor": { "id": "alice", "name": "Alice Andersen" },
            "action": "CREDENTIALS_REPLACED",
            "details": { "from": { "type": "clientSecret", "clientId": "sb-old..." },
                         "to":   { "type": "clientSecret", "clientId": "sb-new..." } } }
        ] }"#;
        let history: History = serde_json::from_str(json).unwrap();
        assert_eq!(history.results[0].action, HistoryAction::Approved);
        assert_eq!(history.results[1].details.to.as_ref().unwrap().client_id.as_deref(), Some("sb-new..."));
        assert_eq!(serde_json::to_value(&history).unwrap(), serde_json::from_str::<serde_json::Value>(json).unwrap());
    }
}
