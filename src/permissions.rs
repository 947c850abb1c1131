//! Who may do what with a connection request, and why not.

use crate::api::{ConnectionRequest, Status, User};

pub const ROLE_PORTAL_REGISTRATION: &str = "AuthGroup.APIPortalRegistration";

/// Why "Edit Credentials" is not available for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditBlocked {
    MissingRole,
    NotSubmitter,
    Approved,
    Rejected,
}

impl EditBlocked {
    /// The reason, as shown to everyone (mouse, keyboard and screen reader alike).
    pub fn reason(self) -> &'static str {
        match self {
            EditBlocked::MissingRole => "You need the role AuthGroup.APIPortalRegistration",
            EditBlocked::NotSubmitter => "Only the user who submitted this request can edit its credentials",
            EditBlocked::Approved => "Approved requests can't be edited here",
            EditBlocked::Rejected => "Rejected requests can't be edited",
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
        return Err(EditBlocked::NotSubmitter);
    }
    Ok(())
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
    fn everyone_else_is_told_why_not() {
        let alice = user("alice", &[ROLE_PORTAL_REGISTRATION]);
        let dave = user("dave", &[]);
        let cases = [
            (request("bob", Status::Submitted), &alice, EditBlocked::NotSubmitter),
            (request("alice", Status::Approved), &alice, EditBlocked::Approved),
            (request("alice", Status::Rejected), &alice, EditBlocked::Rejected),
            (request("dave", Status::Submitted), &dave, EditBlocked::MissingRole),
        ];
        for (request, user, blocked) in cases {
            assert_eq!(can_edit_credentials(&request, user), Err(blocked));
        }
        assert_eq!(EditBlocked::NotSubmitter.reason(), "Only the user who submitted this request can edit its credentials");
    }
}
