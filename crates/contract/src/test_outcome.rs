//! What testing credentials against their token endpoint found.

use serde::{Deserialize, Serialize};

/// `POST /credentials/test` and `POST /connectionRequests/{id}/credentials/test` (200 either
/// way): a token was issued (`ok`, with its type and lifetime, never the token), or why not
/// (`code` and a `message` that says what to do).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TestOutcome {
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub tested_at: String,
}
