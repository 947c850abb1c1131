//! Who may do what with a connection request, and why not.

pub use contract::{ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION};

use crate::api::{ConnectionRequest, Status, User};
use crate::i18n::{t, tf};

/// Why "Edit Credentials" is not available for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditBlocked {
    MissingRole,
    NotSubmitter { submitter: String },
    Approved,
    Rejected,
}

impl EditBlocked {
    /// Why, and what to do instead: short enough for a table cell, shown to everyone alike.
    pub fn reason(&self) -> String {
        match self {
            EditBlocked::MissingRole => {
                tf("Needs the role {role}: ask your subaccount administrator", &[("role", &ROLE_PORTAL_REGISTRATION)])
            }
            EditBlocked::NotSubmitter { submitter } => tf("Only {submitter}, who submitted it, can edit it", &[("submitter", submitter)]),
            EditBlocked::Approved => t("Approved: re-establish the connection to renew credentials").to_owned(),
            EditBlocked::Rejected => t("Rejected: submit a new connection request instead").to_owned(),
        }
    }
}

/// Whether `user` may edit the credentials of `request`: only while it is submitted or pending
/// approval, only its submitter, and only with the role `AuthGroup.APIPortalRegistration`.
pub fn can_edit_credentials(request: &ConnectionRequest, user: &User) -> Result<(), EditBlocked> {
    match request.status {
        Status::Approved => return Err(EditBlocked::Approved),
        Status::Rejected => return Err(EditBlocked::Rejected),
        Status::Submitted | Status::PendingApproval => {}
    }
    if !user.roles.iter().any(|role| role == ROLE_PORTAL_REGISTRATION) {
        return Err(EditBlocked::MissingRole);
    }
    if request.requested_by.id != user.id {
        return Err(EditBlocked::NotSubmitter { submitter: request.requested_by.name.clone() });
    }
    Ok(())
}

/// Whether `user` may approve or reject `request`: a hub administrator, while it is open.
pub fn can_decide(request: &ConnectionRequest, user: &User) -> bool {
    user.has_role(ROLE_HUB_ADMIN) && request.status.is_open()
}

/// Whether `user` may test the stored credentials of `request`: its submitter (with the role
/// to submit) or a hub administrator.
pub fn can_test_stored(request: &ConnectionRequest, user: &User) -> bool {
    user.has_role(ROLE_HUB_ADMIN) || (user.has_role(ROLE_PORTAL_REGISTRATION) && request.requested_by.id == user.id)
}

/// Whether `user` may submit new connection requests.
pub fn can_submit(user: &User) -> bool {
    user.has_role(ROLE_PORTAL_REGISTRATION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request, user};

    #[test]
    fn the_submitter_with_the_role_may_edit_while_it_is_open() {
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        for status in [Status::Submitted, Status::PendingApproval] {
            assert_eq!(can_edit_credentials(&request("alice", status), &alice), Ok(()));
        }
    }

    #[test]
    fn everyone_else_is_told_why_not_and_what_to_do() {
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        let dave = user("dave", &[]);
        let cases = [
            (request("bob", Status::Submitted), &alice, EditBlocked::NotSubmitter { submitter: "bob".into() }),
            (request("alice", Status::Approved), &alice, EditBlocked::Approved),
            (request("alice", Status::Rejected), &alice, EditBlocked::Rejected),
            (request("dave", Status::Submitted), &dave, EditBlocked::MissingRole),
        ];
        for (request, user, blocked) in cases {
            assert_eq!(can_edit_credentials(&request, user), Err(blocked));
        }
        assert_eq!(EditBlocked::NotSubmitter { submitter: "Bob Becker".into() }.reason(), "Only Bob Becker, who submitted it, can edit it");
        assert!(EditBlocked::Rejected.reason().contains("submit a new connection request"));
        assert!(EditBlocked::MissingRole.reason().contains("ask your subaccount administrator"));
    }

    #[test]
    fn administrators_decide_open_requests_and_test_any() {
        let carol = user("carol", &[ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION]);
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        assert!(can_decide(&request("alice", Status::PendingApproval), &carol));
        assert!(!can_decide(&request("alice", Status::Approved), &carol));
        assert!(!can_decide(&request("alice", Status::Submitted), &alice));
        assert!(can_test_stored(&request("bob", Status::Approved), &carol));
        assert!(can_test_stored(&request("alice", Status::Submitted), &alice));
        assert!(!can_test_stored(&request("bob", Status::Submitted), &alice));
        assert!(can_submit(&alice) && !can_submit(&user("dave", &[])));
    }
}
