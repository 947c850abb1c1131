//! A failed save as the dialog presents it: from the hub's answer to what the user reads and
//! what they can do next. Plain data and functions, tested on the host.

use credentials::Field;

use crate::api::{ApiError, ConnectionRequest, ErrorDetail, Status};
use crate::format;
use crate::i18n::{t, tf, translate};
use crate::tone::Tone;

/// What the dialog does after a save failed.
#[derive(Debug, Clone, PartialEq)]
#[expect(clippy::large_enum_variant, reason = "one per failed save, matched at once")]
pub enum AfterFailure {
    /// Show this problem.
    Show(SaveProblem),
    /// Load the request as it is now, then show it (the hub said it changed).
    LoadLatest(Change),
}

/// How the request changed under the user's feet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Someone saved other credentials (412).
    Credentials,
    /// Its status moved on, so it can no longer be edited (409).
    Status,
}

impl Change {
    /// The problem to show, once the request is loaded as it is now.
    pub fn problem(self, latest: ConnectionRequest) -> SaveProblem {
        match self {
            Change::Credentials => SaveProblem::Stale(latest),
            Change::Status => SaveProblem::StatusChanged(latest),
        }
    }
}

/// A failed save, with what the user can do about it. What they entered always stays.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveProblem {
    /// The session ended: sign in again.
    SignedOut,
    /// Someone else saved credentials meanwhile: here they are; save again to replace them.
    Stale(ConnectionRequest),
    /// The status changed (approved, rejected): no longer editable here.
    StatusChanged(ConnectionRequest),
    /// The hub refused values: shown at the fields they name.
    Fields { message: String, details: Vec<ErrorDetail> },
    /// Trouble on the way to the hub: try again.
    Retry(String),
    /// Refused for a reason the dialog cannot mend (a role, a deleted request).
    Refused(String),
}

/// The one thing a problem's message offers to do; it gets focus when the message appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemAction {
    SignInAgain,
    /// Save the entered credentials over the ones someone else saved.
    SaveAgain,
    Retry,
}

/// What to do after `error` answered a save.
pub fn after_failure(error: ApiError) -> AfterFailure {
    let problem = match error {
        ApiError::NotAuthenticated => SaveProblem::SignedOut,
        ApiError::PreconditionFailed => return AfterFailure::LoadLatest(Change::Credentials),
        ApiError::Conflict(_) => return AfterFailure::LoadLatest(Change::Status),
        ApiError::NotFound(_) => {
            SaveProblem::Refused(t("This request no longer exists. Close the dialog; the table shows what there is now.").to_owned())
        }
        ApiError::Validation { message, details } => SaveProblem::Fields { message, details },
        ApiError::PayloadTooLarge => SaveProblem::Fields { message: error.to_string(), details: Vec::new() },
        error if error.is_transient() => SaveProblem::Retry(tf("{error} What you entered is kept.", &[("error", &error)])),
        error => SaveProblem::Refused(error.to_string()),
    };
    AfterFailure::Show(problem)
}

impl SaveProblem {
    /// What happened and what to do, in words.
    pub fn text(&self) -> String {
        match self {
            SaveProblem::SignedOut => t("Your session has ended. Sign in again; what you entered stays here.").to_owned(),
            SaveProblem::Stale(latest) => {
                let client_id = latest.credentials.client_id.as_deref().map_or(t("none").to_owned(), format::distinguishing_client_id);
                let time = format::timestamp(&latest.credentials.updated_at);
                tf("Someone else saved other credentials for this request meanwhile (client ID {client_id}, {time}). Yours are still here: check what saving them now would change, then save them again.", &[("client_id", &client_id), ("time", &time)])
            }
            SaveProblem::StatusChanged(latest) => match latest.status {
                Status::Submitted => t("This request is now submitted, so its credentials can no longer be changed here."),
                Status::PendingApproval => t("This request is now pending approval, so its credentials can no longer be changed here."),
                Status::Approved => t("This request is now approved, so its credentials can no longer be changed here."),
                Status::Rejected => t("This request is now rejected, so its credentials can no longer be changed here."),
            }
            .to_owned(),
            SaveProblem::Fields { message, details } => {
                // What the fields show is not repeated; what concerns the whole is said here.
                let whole: Vec<String> = details.iter().filter(|detail| names_no_field(&detail.target)).map(|d| d.translated_message(translate)).collect();
                let said = if whole.is_empty() { message.clone() } else { whole.join(" ") };
                tf("The hub refused the credentials: {message}", &[("message", &said)])
            }
            SaveProblem::Retry(message) | SaveProblem::Refused(message) => message.clone(),
        }
    }

    pub fn action(&self) -> Option<ProblemAction> {
        match self {
            SaveProblem::SignedOut => Some(ProblemAction::SignInAgain),
            SaveProblem::Stale(_) => Some(ProblemAction::SaveAgain),
            SaveProblem::Retry(_) => Some(ProblemAction::Retry),
            SaveProblem::StatusChanged(_) | SaveProblem::Fields { .. } | SaveProblem::Refused(_) => None,
        }
    }

    /// A changed request is worth a look (warning); everything else stopped the save (error).
    pub fn tone(&self) -> Tone {
        match self {
            SaveProblem::Stale(_) => Tone::Warning,
            _ => Tone::Negative,
        }
    }

    /// The hub's findings about the values, to show at their fields.
    pub fn field_details(&self) -> &[ErrorDetail] {
        match self {
            SaveProblem::Fields { details, .. } => details,
            _ => &[],
        }
    }
}

/// Whether an error detail's target (`tokenUrl`, `credentials.tokenUrl`, `credentials`) names
/// no field of the form.
fn names_no_field(target: &str) -> bool {
    let target = target.strip_prefix("credentials.").unwrap_or(target);
    !Field::ALL.iter().any(|field| field.target() == target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::request;
    use crate::api::Status;

    #[test]
    fn each_answer_of_the_contract_has_its_problem() {
        assert_eq!(after_failure(ApiError::NotAuthenticated), AfterFailure::Show(SaveProblem::SignedOut));
        assert_eq!(after_failure(ApiError::PreconditionFailed), AfterFailure::LoadLatest(Change::Credentials));
        assert_eq!(after_failure(ApiError::Conflict("approved".into())), AfterFailure::LoadLatest(Change::Status));
        let details = vec![ErrorDetail::new("TOKEN_URL_NOT_HTTPS", "tokenUrl", "Use https.")];
        assert_eq!(
            after_failure(ApiError::Validation { message: "bad".into(), details: details.clone() }),
            AfterFailure::Show(SaveProblem::Fields { message: "bad".into(), details })
        );
        assert!(matches!(after_failure(ApiError::PayloadTooLarge), AfterFailure::Show(SaveProblem::Fields { .. })));
        assert!(matches!(after_failure(ApiError::NotFound("x".into())), AfterFailure::Show(SaveProblem::Refused(_))));
        assert!(matches!(after_failure(ApiError::MissingRole("x".into())), AfterFailure::Show(SaveProblem::Refused(_))));
        assert!(matches!(after_failure(ApiError::BadRequest("x".into())), AfterFailure::Show(SaveProblem::Refused(_))));
    }

    #[test]
    fn the_hubs_findings_about_the_whole_are_said_in_the_message() {
        let detail = |target: &str, message: &str| ErrorDetail::new("X", target, message);
        let problem = SaveProblem::Fields {
            message: "The request is not valid: 2 problems, each named in details.".into(),
            details: vec![detail("credentials", "These are the sample credentials."), detail("tokenUrl", "Use https.")],
        };
        assert_eq!(problem.text(), "The hub refused the credentials: These are the sample credentials.");
        let only_fields = SaveProblem::Fields { message: "Not valid: use https.".into(), details: vec![detail("credentials.tokenUrl", "Use https.")] };
        assert_eq!(only_fields.text(), "The hub refused the credentials: Not valid: use https.");
    }

    #[test]
    fn trouble_on_the_way_offers_retry_and_keeps_the_input() {
        for error in [ApiError::Network, ApiError::Server(502), ApiError::Busy, ApiError::StorageFull, ApiError::TimedOut] {
            let AfterFailure::Show(problem) = after_failure(error) else { panic!("shown at once") };
            assert_eq!(problem.action(), Some(ProblemAction::Retry));
            assert!(problem.text().ends_with("What you entered is kept."), "{}", problem.text());
        }
    }

    #[test]
    fn a_refusal_offers_nothing_that_cannot_help() {
        let AfterFailure::Show(problem) = after_failure(ApiError::MissingRole("This action needs the role X.".into())) else {
            panic!("shown at once")
        };
        assert_eq!(problem.action(), None, "no Retry for a missing role");
        assert!(problem.text().contains("Ask your SAP BTP subaccount administrator"), "{}", problem.text());
    }

    #[test]
    fn a_stale_save_names_the_new_credentials_and_offers_to_save_again() {
        let mut latest = request("alice", Status::Submitted);
        latest.credentials.client_id = Some("sb-apiaccess1703333333333!b6077|api-portal-xsuaa!b2160".into());
        let problem = Change::Credentials.problem(latest.clone());
        assert!(problem.text().contains("1703333333333!b6077"), "{}", problem.text());
        assert_eq!(problem.action(), Some(ProblemAction::SaveAgain));
        assert_eq!(problem.tone(), Tone::Warning);
        assert_eq!(problem, SaveProblem::Stale(latest));
    }

    #[test]
    fn a_status_change_says_the_new_status_in_words() {
        let problem = Change::Status.problem(request("alice", Status::Approved));
        assert_eq!(problem.text(), "This request is now approved, so its credentials can no longer be changed here.");
        assert_eq!(problem.action(), None);
    }
}
