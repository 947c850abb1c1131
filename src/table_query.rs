//! What the table shows (status filter, search, sort, page) as it lives in the URL query, so
//! that a view can be bookmarked, shared and reloaded, and back and forward move through it.

use crate::api::{ListParams, Status};
use crate::url_encoding::{encode, pairs};

/// Where the table lives in the app.
const TABLE_PATH: &str = "/connections";

pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];

/// The launchpad's parameters a view keeps: language and theme, nothing else a URL may carry
/// (SAP's servers also read `sap-user` and `sap-password`, which must not travel on).
const LAUNCH_PARAMETERS: [&str; 4] = ["sap-language", "sap-ui-language", "sap-theme", "sap-ui-theme"];
const DEFAULT_PAGE_SIZE: u32 = 25;

/// A column the table can be sorted by, named as the hub's `orderby` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    Alias,
    Status,
    RequestedBy,
    RequestedAt,
    UpdatedAt,
}

impl SortField {
    const ALL: [SortField; 5] =
        [SortField::Alias, SortField::Status, SortField::RequestedBy, SortField::RequestedAt, SortField::UpdatedAt];

    pub fn api_name(self) -> &'static str {
        match self {
            SortField::Alias => "apiPortalAlias",
            SortField::Status => "status",
            SortField::RequestedBy => "requestedBy",
            SortField::RequestedAt => "requestedAt",
            SortField::UpdatedAt => "updatedAt",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.api_name() == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableQuery {
    pub status: Option<Status>,
    pub search: String,
    pub sort: SortField,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    /// Only the signed-in user's own requests ("Requested by me").
    pub mine: bool,
    /// The launchpad's parameters (`sap-language`, `sap-theme`, …), kept in every view's
    /// address so that a reload keeps the language and theme the launchpad asked for.
    pub launch: Vec<(String, String)>,
}

impl Default for TableQuery {
    fn default() -> Self {
        Self {
            status: None,
            search: String::new(),
            sort: SortField::UpdatedAt,
            descending: true,
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
            mine: false,
            launch: Vec::new(),
        }
    }
}

impl TableQuery {
    /// Reads a URL query (with or without its `?`); anything unknown or invalid falls back to
    /// the default, so an edited or stale bookmark still opens.
    pub fn from_query_string(query: &str) -> Self {
        let mut table = Self::default();
        for (name, value) in pairs(query.trim_start_matches('?')) {
            match name.as_str() {
                "status" => table.status = value.parse::<Status>().ok(),
                "search" => table.search = value.trim().to_owned(),
                "sort" => {
                    let (field, direction) = value.split_once(' ').unwrap_or((value.as_str(), "asc"));
                    if let Some(field) = SortField::parse(field) {
                        table.sort = field;
                        table.descending = direction == "desc";
                    }
                }
                "page" => table.page = value.parse().ok().filter(|page| *page >= 1).unwrap_or(1),
                "size" => {
                    table.page_size = value.parse().ok().filter(|size| PAGE_SIZES.contains(size)).unwrap_or(DEFAULT_PAGE_SIZE)
                }
                "mine" => table.mine = value == "1",
                launch if LAUNCH_PARAMETERS.contains(&launch) && value.chars().count() <= 64 => table.launch.push((name, value)),
                _ => {}
            }
        }
        table
    }

    /// The URL query for this view (without `?`), leaving out what is at its default.
    pub fn to_query_string(&self) -> String {
        let defaults = Self::default();
        let mut parts = Vec::new();
        if self.mine {
            parts.push("mine=1".to_owned());
        }
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.as_str()));
        }
        if !self.search.is_empty() {
            parts.push(format!("search={}", encode(&self.search)));
        }
        if (self.sort, self.descending) != (defaults.sort, defaults.descending) {
            parts.push(format!("sort={}%20{}", self.sort.api_name(), if self.descending { "desc" } else { "asc" }));
        }
        if self.page != 1 {
            parts.push(format!("page={}", self.page));
        }
        if self.page_size != defaults.page_size {
            parts.push(format!("size={}", self.page_size));
        }
        parts.extend(self.launch.iter().map(|(name, value)| format!("{}={}", encode(name), encode(value))));
        parts.join("&")
    }

    /// The address of the table showing this view.
    pub fn href(&self) -> String {
        self.href_under(TABLE_PATH)
    }

    /// The address of the Edit Credentials dialog of request `id` over this view.
    pub fn edit_href(&self, id: &str) -> String {
        self.href_under(&format!("{TABLE_PATH}/{}/credentials", encode(id)))
    }

    fn href_under(&self, path: &str) -> String {
        match self.to_query_string() {
            query if query.is_empty() => path.to_owned(),
            query => format!("{path}?{query}"),
        }
    }

    /// The hub's query for this view's page; `user_id` is the signed-in user, for "mine".
    pub fn list_params(&self, user_id: &str) -> ListParams {
        ListParams {
            statuses: self.status.into_iter().collect(),
            search: self.search.clone(),
            requested_by: self.mine.then(|| user_id.to_owned()),
            order_by: self.sort.api_name(),
            descending: self.descending,
            top: self.page_size,
            skip: (self.page - 1).saturating_mul(self.page_size),
            // The status tabs' counts come with the page: no request of their own.
            counts_by_status: true,
        }
    }

    /// The same view with only the user's own requests, or everyone's.
    pub fn with_mine(&self, mine: bool) -> Self {
        Self { mine, page: 1, ..self.clone() }
    }

    /// The same view sorted by `field`: ascending first, then the other way round.
    pub fn sorted_by(&self, field: SortField) -> Self {
        self.sorted(field, self.sort == field && !self.descending)
    }

    /// The same view sorted by `field` in the direction given.
    pub fn sorted(&self, field: SortField, descending: bool) -> Self {
        Self { sort: field, descending, page: 1, ..self.clone() }
    }

    pub fn with_status(&self, status: Option<Status>) -> Self {
        Self { status, page: 1, ..self.clone() }
    }

    pub fn with_search(&self, search: &str) -> Self {
        Self { search: search.trim().to_owned(), page: 1, ..self.clone() }
    }

    pub fn with_page(&self, page: u32) -> Self {
        Self { page: page.max(1), ..self.clone() }
    }

    pub fn with_page_size(&self, page_size: u32) -> Self {
        Self { page_size, page: 1, ..self.clone() }
    }

    /// How many pages `count` matches fill (at least one).
    pub fn page_count(&self, count: u64) -> u32 {
        (count.div_ceil(u64::from(self.page_size)).max(1)).try_into().unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(TableQuery::default().to_query_string(), "");
        assert_eq!(TableQuery::from_query_string(""), TableQuery::default());
    }

    #[test]
    fn every_setting_round_trips_through_the_url() {
        let view = TableQuery {
            status: Some(Status::PendingApproval),
            search: "EU & 50% ü".to_owned(),
            sort: SortField::Alias,
            descending: false,
            page: 3,
            page_size: 50,
            mine: true,
            launch: vec![("sap-theme".to_owned(), "sap_horizon_hcb".to_owned())],
        };
        let query = view.to_query_string();
        assert_eq!(
            query,
            "mine=1&status=PENDING_APPROVAL&search=EU%20%26%2050%25%20%C3%BC&sort=apiPortalAlias%20asc&page=3&size=50&sap-theme=sap_horizon_hcb"
        );
        assert_eq!(TableQuery::from_query_string(&format!("?{query}")), view);
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        let view = TableQuery::from_query_string("status=OPEN&sort=secret%20desc&page=0&size=7&x=1&search=%");
        assert_eq!(view, TableQuery { search: "%".to_owned(), ..TableQuery::default() });
    }

    #[test]
    fn the_hub_query_pages_sorts_and_filters() {
        let view = TableQuery::default().with_status(Some(Status::Submitted)).with_search("eu").with_page(3);
        assert_eq!(view.list_params("alice").to_query(), "orderby=updatedAt%20desc&top=25&skip=50&status=SUBMITTED&search=eu&counts=status");
        assert_eq!(view.with_mine(true).list_params("alice").requested_by.as_deref(), Some("alice"));
        assert_eq!(view.with_mine(true).page, 1);
    }

    #[test]
    fn links_keep_the_view() {
        assert_eq!(TableQuery::default().href(), "/connections");
        let view = TableQuery::default().with_page(2);
        assert_eq!(view.href(), "/connections?page=2");
        assert_eq!(view.edit_href("cr 1"), "/connections/cr%201/credentials?page=2");
    }

    #[test]
    fn sorting_toggles_and_filtering_returns_to_the_first_page() {
        let view = TableQuery::default().with_page(4);
        let by_alias = view.sorted_by(SortField::Alias);
        assert_eq!((by_alias.sort, by_alias.descending, by_alias.page), (SortField::Alias, false, 1));
        assert!(by_alias.sorted_by(SortField::Alias).descending);
        assert_eq!(view.with_search("x").page, 1);
        assert_eq!(view.with_page_size(10).page, 1);
    }

    #[test]
    fn page_count_is_at_least_one() {
        let view = TableQuery::default();
        assert_eq!(view.page_count(0), 1);
        assert_eq!(view.page_count(25), 1);
        assert_eq!(view.page_count(26), 2);
    }
    #[test]
    fn the_launchpads_parameters_stay_in_every_view() {
        let view = TableQuery::from_query_string("?sap-language=de&status=SUBMITTED&sap-password=x&sap-theme=sap_horizon_dark&sap-user=u");
        assert_eq!(view.status, Some(Status::Submitted));
        assert_eq!(view.with_status(None).href(), "/connections?sap-language=de&sap-theme=sap_horizon_dark");
        assert_eq!(view.edit_href("cr-1"), "/connections/cr-1/credentials?status=SUBMITTED&sap-language=de&sap-theme=sap_horizon_dark");
    }
}
