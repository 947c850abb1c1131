//! What happened to a request and what a test found, in sentences: the history's lines, a
//! test's outcome and the table's "last test". Plain functions, tested on the host.

use credentials::CredentialKind;

use crate::api::{ConnectionRequest, CredentialsSummary, HistoryAction, HistoryEvent, LastTest, TestOutcome};
use crate::components::status_badge::status_label;
use crate::i18n::{count, language, t, tf, Language};
use crate::tone::Tone;

/// One line of a request's history: who did what, with what matters about it.
pub fn history_line(event: &HistoryEvent) -> String {
    let who = &event.actor.name;
    let details = &event.details;
    let reason = details.reason.as_deref().map(|reason| format!(" {}", tf("Reason: {reason}", &[("reason", &reason)]))).unwrap_or_default();
    match event.action {
        HistoryAction::Submitted => tf("{who} submitted the request.", &[("who", who)]),
        HistoryAction::CredentialsReplaced => {
            let named = |credentials: &Option<contract::CredentialsRef>| {
                credentials.as_ref().map(|credentials| credentials_name(credentials.kind, credentials.client_id.as_deref()))
            };
            match (named(&details.from), named(&details.to)) {
                (Some(from), Some(to)) if from == to => tf("{who} replaced the credentials ({to}, a new secret).", &[("who", who), ("to", &to)]),
                (Some(from), Some(to)) => tf("{who} replaced the credentials: {from} → {to}.", &[("who", who), ("from", &from), ("to", &to)]),
                (_, Some(to)) => tf("{who} replaced the credentials with {to}.", &[("who", who), ("to", &to)]),
                _ => tf("{who} replaced the credentials.", &[("who", who)]),
            }
        }
        HistoryAction::ConnectionTested => match (details.ok, details.code.as_deref()) {
            (Some(true), _) => tf("{who} tested the connection: the token endpoint issued a token.", &[("who", who)]),
            (_, Some(code)) => tf("{who} tested the connection: {failure}.", &[("who", who), ("failure", &failure_phrase(code))]),
            _ => tf("{who} tested the connection.", &[("who", who)]),
        },
        HistoryAction::Approved => tf("{who} approved the request.", &[("who", who)]) + &reason,
        HistoryAction::Rejected => tf("{who} rejected the request.", &[("who", who)]) + &reason,
    }
}

/// How a person calls a kind of credentials, in their language, for labels.
pub fn kind_label(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::ClientSecret => t("Client secret"),
        CredentialKind::X509 => t("X.509 certificate"),
    }
}

/// A label inside a sentence: English lowercases it, German keeps its nouns capitalised.
fn in_sentence(label: &str) -> String {
    match language() {
        // English labels are ASCII; `to_lowercase` would bring Unicode's case tables along.
        Language::English => label.to_ascii_lowercase(),
        Language::German => label.to_owned(),
    }
}

/// Credentials as a person tells them apart: the client ID, or the kind when there is none.
fn credentials_name(kind: CredentialKind, client_id: Option<&str>) -> String {
    match client_id {
        Some(client_id) => tf("client ID {client_id}", &[("client_id", &client_id)]),
        None => in_sentence(kind_label(kind)),
    }
}

/// A failed test in a few words, by its code.
pub fn failure_phrase(code: &str) -> &'static str {
    match code {
        "INVALID_CLIENT" => t("the token endpoint refused the credentials"),
        "TOKEN_HOST_NOT_ALLOWED" => t("the token URL's host is not one the hub may reach"),
        "TOKEN_HOST_PRIVATE_ADDRESS" => t("the token URL leads into a private network"),
        "TOKEN_HOST_UNRESOLVABLE" => t("the token URL's host could not be found"),
        "TOKEN_ENDPOINT_UNREACHABLE" => t("the token endpoint could not be reached"),
        "TOKEN_ENDPOINT_TLS_ERROR" => t("the secure connection to the token endpoint failed"),
        "TOKEN_ENDPOINT_TIMEOUT" => t("the token endpoint did not answer in time"),
        "TOKEN_ENDPOINT_ERROR" => t("the token endpoint answered with an error"),
        "NOT_A_TOKEN_RESPONSE" => t("the token endpoint's answer is not a token"),
        _ => t("it failed"),
    }
}

/// What a test found, as the dialog shows it: a tone and the words (what to do, if it failed).
pub fn outcome_text(outcome: &TestOutcome) -> (Tone, String) {
    if outcome.ok {
        let text = match outcome.expires_in {
            Some(seconds) => {
                tf("The connection works: the token endpoint issued a token, valid for {duration}.", &[("duration", &duration(seconds))])
            }
            None => t("The connection works: the token endpoint issued a token.").to_owned(),
        };
        return (Tone::Positive, text);
    }
    // The hub's own words, in the user's language.
    let message = outcome.translated_message(crate::i18n::translate).unwrap_or_else(|| t("The test failed.").to_owned());
    (Tone::Negative, message)
}

/// The table's short note on a request's last test.
pub fn last_test_label(last: Option<&LastTest>) -> Option<(Tone, String)> {
    let last = last?;
    let when = crate::format::timestamp(&last.tested_at);
    Some(if last.ok {
        (Tone::Positive, tf("Connection tested OK, {when}", &[("when", &when)]))
    } else {
        let phrase = last.code.as_deref().map_or_else(|| t("it failed"), failure_phrase);
        (Tone::Negative, tf("Connection test failed ({when}): {failure}", &[("when", &when), ("failure", &phrase)]))
    })
}

/// What a decision is about: the credentials in a few words.
pub fn credentials_line(credentials: &CredentialsSummary) -> String {
    let kind = kind_label(credentials.kind);
    match &credentials.client_id {
        Some(client_id) => tf("{kind}, client ID {client_id}", &[("kind", &kind), ("client_id", client_id)]),
        None => kind.to_owned(),
    }
}

/// What changed between the request an administrator saw and the request as it is now, in
/// sentences: why their decision on the old one was refused (412).
pub fn what_changed(seen: &ConnectionRequest, latest: &ConnectionRequest) -> Vec<String> {
    let mut changes = Vec::new();
    if seen.status != latest.status {
        changes.push(tf("Its status is now {status}.", &[("status", &in_sentence(status_label(latest.status)))]));
    }
    if seen.credentials.client_id != latest.credentials.client_id || seen.credentials.kind != latest.credentials.kind {
        changes.push(tf("Its credentials were replaced: now {credentials}.", &[("credentials", &credentials_line(&latest.credentials))]));
    } else if seen.credentials.updated_at != latest.credentials.updated_at {
        changes.push(t("Its credentials were replaced (same client ID, a new secret).").to_owned());
    }
    if seen.last_test != latest.last_test {
        if let Some((_, label)) = last_test_label(latest.last_test.as_ref()) {
            changes.push(format!("{label}."));
        }
    }
    if changes.is_empty() {
        changes.push(t("Someone changed it.").to_owned());
    }
    changes
}

fn duration(seconds: u64) -> String {
    match seconds {
        0..=119 => tf("{count} seconds", &[("count", &count(seconds))]),
        120..=7199 => tf("{count} minutes", &[("count", &count(seconds / 60))]),
        _ => tf("{count} hours", &[("count", &count(seconds / 3600))]),
    }
}

#[cfg(test)]
mod tests {
    use contract::{CredentialsRef, HistoryDetails, UserRef};

    use super::*;

    fn event(action: HistoryAction, details: HistoryDetails) -> HistoryEvent {
        HistoryEvent { at: "2026-11-29T10:02:00Z".into(), actor: UserRef { id: "carol".into(), name: "Carol Chen".into() }, action, details }
    }

    #[test]
    fn history_lines_say_who_did_what() {
        assert_eq!(history_line(&event(HistoryAction::Submitted, HistoryDetails::default())), "Carol Chen submitted the request.");
        let replaced = HistoryDetails {
            from: Some(CredentialsRef { kind: CredentialKind::ClientSecret, client_id: Some("sb-old".into()) }),
            to: Some(CredentialsRef { kind: CredentialKind::ClientSecret, client_id: Some("sb-new".into()) }),
            ..HistoryDetails::default()
        };
        assert_eq!(
            history_line(&event(HistoryAction::CredentialsReplaced, replaced)),
            "Carol Chen replaced the credentials: client ID sb-old → client ID sb-new."
        );
        let rejected = HistoryDetails { reason: Some("Use the EU portal.".into()), ..HistoryDetails::default() };
        assert_eq!(history_line(&event(HistoryAction::Rejected, rejected)), "Carol Chen rejected the request. Reason: Use the EU portal.");
        let failed = HistoryDetails { ok: Some(false), code: Some("INVALID_CLIENT".into()), ..HistoryDetails::default() };
        assert_eq!(
            history_line(&event(HistoryAction::ConnectionTested, failed)),
            "Carol Chen tested the connection: the token endpoint refused the credentials."
        );
    }

    #[test]
    fn a_stale_decision_says_what_changed() {
        let seen = crate::api::test_support::request("alice", crate::api::Status::Submitted);
        let mut latest = seen.clone();
        latest.credentials.client_id = Some("sb-new".into());
        latest.credentials.updated_at = "2026-11-29T10:00:00Z".into();
        assert_eq!(what_changed(&seen, &latest), ["Its credentials were replaced: now Client secret, client ID sb-new."]);
        latest.status = crate::api::Status::Rejected;
        assert_eq!(what_changed(&seen, &latest)[0], "Its status is now rejected.");
    }

    #[test]
    fn outcomes_and_last_tests_in_words() {
        let ok = TestOutcome { ok: true, token_type: Some("bearer".into()), expires_in: Some(43199), code: None, message: None, template: None, params: None, tested_at: "2026-11-29T10:00:00Z".into() };
        assert_eq!(outcome_text(&ok), (Tone::Positive, "The connection works: the token endpoint issued a token, valid for 11 hours.".into()));
        let last = LastTest { ok: false, code: Some("TOKEN_ENDPOINT_TIMEOUT".into()), tested_at: "2026-11-29T10:00:00Z".into() };
        assert_eq!(
            last_test_label(Some(&last)),
            Some((Tone::Negative, "Connection test failed (2026-11-29 10:00 UTC): the token endpoint did not answer in time".into()))
        );
        assert_eq!(last_test_label(None), None);
    }
}
