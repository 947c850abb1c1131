//! The query of `GET /connectionRequests`: which requests, in which order, which page.

use super::Status;
use crate::url_encoding::encode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListParams {
    /// Only requests in these statuses; all when empty.
    pub statuses: Vec<Status>,
    /// Part of the alias, API portal URL or requester's name; none when empty.
    pub search: String,
    /// Only the requests of this user (their id).
    pub requested_by: Option<String>,
    /// A field of the hub's `orderby`, such as `updatedAt`.
    pub order_by: &'static str,
    pub descending: bool,
    pub top: u32,
    pub skip: u32,
    /// Also how many match in each status (`counts=status`), for the status tabs.
    pub counts_by_status: bool,
}

impl ListParams {
    /// The URL query, without `?`.
    pub fn to_query(&self) -> String {
        let mut parts = vec![
            format!("orderby={}%20{}", self.order_by, if self.descending { "desc" } else { "asc" }),
            format!("top={}", self.top),
            format!("skip={}", self.skip),
        ];
        if !self.statuses.is_empty() {
            let statuses: Vec<&str> = self.statuses.iter().map(|status| status.as_str()).collect();
            parts.push(format!("status={}", statuses.join(",")));
        }
        if !self.search.is_empty() {
            parts.push(format!("search={}", encode(&self.search)));
        }
        if let Some(user) = &self.requested_by {
            parts.push(format!("requestedBy={}", encode(user)));
        }
        if self.counts_by_status {
            parts.push("counts=status".to_owned());
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_written_as_the_hub_reads_it() {
        let params = ListParams {
            statuses: vec![Status::Submitted, Status::PendingApproval],
            search: "eu 10".into(),
            requested_by: Some("alice".into()),
            order_by: "status",
            descending: false,
            top: 25,
            skip: 50,
            counts_by_status: true,
        };
        assert_eq!(
            params.to_query(),
            "orderby=status%20asc&top=25&skip=50&status=SUBMITTED,PENDING_APPROVAL&search=eu%2010&requestedBy=alice&counts=status"
        );
    }
}
