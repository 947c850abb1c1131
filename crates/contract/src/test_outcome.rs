//! What testing credentials against their token endpoint found.

use std::collections::BTreeMap;

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
    /// `message` as a template of [`crate::hub_texts`] and its params, so that a client can say
    /// it in its own language ([`TestOutcome::translated_message`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<BTreeMap<String, String>>,
    pub tested_at: String,
}

impl TestOutcome {
    /// Why the test failed, in the language of `translate` (which gives each text of
    /// [`crate::hub_texts::texts`] in it); the English message when there is no template.
    pub fn translated_message(&self, translate: impl Fn(&str) -> &str) -> Option<String> {
        match &self.template {
            Some(template) => Some(crate::hub_texts::render(template, self.params.as_ref(), translate)),
            None => self.message.clone(),
        }
    }
}
