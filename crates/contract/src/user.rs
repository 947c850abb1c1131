//! Who calls: the signed-in user, and a user as other resources name them.

use serde::{Deserialize, Serialize};

/// May submit requests and replace their credentials.
pub const ROLE_PORTAL_REGISTRATION: &str = "AuthGroup.APIPortalRegistration";
/// May read every request and approve or reject them.
pub const ROLE_HUB_ADMIN: &str = "AuthGroup.API.Admin";

/// `GET /user`.
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

/// A user as a request or an event names them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct UserRef {
    pub id: String,
    pub name: String,
}
