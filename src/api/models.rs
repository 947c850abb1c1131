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
    /// The counts a page of the list carries (asked for with `counts=status`).
    pub fn of_page<T>(page: &Page<T>) -> Option<Self> {
        let counts = page.counts_by_status.as_ref()?;
        let by_status: Vec<(Status, u64)> =
            Status::ALL.iter().map(|status| (*status, counts.get(status.as_str()).copied().unwrap_or(0))).collect();
        Some(Self { all: by_status.iter().map(|(_, count)| count).sum(), by_status })
    }

    pub fn of(&self, status: Option<Status>) -> u64 {
        match status {
            None => self.all,
            Some(status) => self.by_status.iter().find(|(candidate, _)| *candidate == status).map_or(0, |(_, count)| *count),
        }
    }
}
