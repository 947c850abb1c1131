//! The resources of the hub's API as the app reads them: the contract's types, and what the app
//! makes of them.

pub use contract::{ConnectionRequest, CredentialsSummary, Page, Status, User, UserRef};

/// Matches per status tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCounts {
    pub all: u64,
    pub by_status: Vec<(Status, u64)>,
}

impl StatusCounts {
    pub fn of(&self, status: Option<Status>) -> u64 {
        match status {
            None => self.all,
            Some(status) => self.by_status.iter().find(|(candidate, _)| *candidate == status).map_or(0, |(_, count)| *count),
        }
    }
}
