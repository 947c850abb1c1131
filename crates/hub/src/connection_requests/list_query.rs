//! The query of `GET /connectionRequests`: filter, search, order and page, checked.

use crate::error::{quoted, ApiError};
use contract::Status;

const DEFAULT_TOP: u32 = 50;
const MAX_TOP: u32 = 500;
/// User ids are short names; a longer value is a mistake, not a user.
const MAX_USER_ID_CHARS: usize = 64;

/// The fields a list may be ordered by, and the column behind each.
const ORDERABLE_FIELDS: &[(&str, &str)] = &[
    ("apiPortalAlias", "api_portal_alias COLLATE NOCASE"),
    // The lifecycle's order, not the alphabet's (see migration 0004).
    ("status", "status_rank"),
    ("requestedAt", "requested_at"),
    ("updatedAt", "updated_at"),
    ("requestedBy", "requester_name COLLATE NOCASE"),
];

/// The query of `GET /connectionRequests`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub statuses: Vec<Status>,
    pub search: Option<String>,
    /// Only the requests of this user (their id).
    pub requested_by: Option<String>,
    /// The SQL column from [`ORDERABLE_FIELDS`] (never text from the caller) and whether descending.
    pub order_column: &'static str,
    pub descending: bool,
    pub top: u32,
    pub skip: u32,
    /// `counts=status`: also how many requests match in each status (the status filter aside),
    /// so that a client's status tabs need no request of their own.
    pub counts_by_status: bool,
}

impl ListQuery {
    pub fn parse(pairs: &[(String, String)]) -> Result<Self, ApiError> {
        let mut query = ListQuery {
            statuses: Vec::new(),
            search: None,
            requested_by: None,
            order_column: "updated_at",
            descending: true,
            top: DEFAULT_TOP,
            skip: 0,
            counts_by_status: false,
        };
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            if seen.contains(&name.as_str()) {
                return Err(invalid(format!("The parameter '{name}' is given more than once.")));
            }
            seen.push(name);
            match name.as_str() {
                "status" => {
                    query.statuses = value
                        .split(',')
                        .map(|text| {
                            text.trim().parse::<Status>().map_err(|_| {
                                invalid(format!(
                                    "'{}' is not a status. Use SUBMITTED, PENDING_APPROVAL, APPROVED or REJECTED.",
                                    quoted(text)
                                ))
                            })
                        })
                        .collect::<Result<_, _>>()?;
                }
                "search" => {
                    // Matched against the lower-case search text (SQLite's lower(): ASCII only).
                    let trimmed = value.trim();
                    query.search = (!trimmed.is_empty()).then(|| trimmed.to_ascii_lowercase());
                }
                "requestedBy" => {
                    let id = value.trim();
                    if id.is_empty() || id.chars().count() > MAX_USER_ID_CHARS {
                        return Err(invalid(format!("'requestedBy' must be a user id of 1 to {MAX_USER_ID_CHARS} characters.")));
                    }
                    query.requested_by = Some(id.to_owned());
                }
                "orderby" => (query.order_column, query.descending) = parse_order(value)?,
                "top" => {
                    query.top = parse_number(name, value)?;
                    if !(1..=MAX_TOP).contains(&query.top) {
                        return Err(invalid(format!("'top' must be between 1 and {MAX_TOP}.")));
                    }
                }
                "skip" => query.skip = parse_number(name, value)?,
                "counts" if value == "status" => query.counts_by_status = true,
                "counts" => return Err(invalid(format!("'counts' takes 'status', not '{}'.", quoted(value)))),
                _ => {
                    return Err(invalid(format!(
                        "Unknown parameter '{name}'. Use status, search, requestedBy, orderby, top, skip or counts."
                    )))
                }
            }
        }
        Ok(query)
    }
}

fn parse_order(value: &str) -> Result<(&'static str, bool), ApiError> {
    let mut words = value.split_whitespace();
    let field = words.next().unwrap_or_default();
    let descending = match words.next().map(str::to_ascii_lowercase).as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(other) => return Err(invalid(format!("'{}' is not a direction. Use asc or desc.", quoted(other)))),
    };
    if words.next().is_some() {
        return Err(invalid("'orderby' takes a field and an optional direction, like 'updatedAt desc'."));
    }
    let column = ORDERABLE_FIELDS
        .iter()
        .find(|(name, _)| *name == field)
        .map(|(_, column)| *column)
        .ok_or_else(|| {
            invalid(format!(
                "'{}' cannot be sorted by. Use apiPortalAlias, status, requestedAt, updatedAt or requestedBy.",
                quoted(field)
            ))
        })?;
    Ok((column, descending))
}

fn parse_number(name: &str, value: &str) -> Result<u32, ApiError> {
    value.parse().map_err(|_| invalid(format!("'{name}' must be a whole number, not '{}'.", quoted(value))))
}

pub(super) fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::InvalidParameter(message.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<ListQuery, ApiError> {
        let owned: Vec<(String, String)> = pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
        ListQuery::parse(&owned)
    }

    #[test]
    fn defaults_to_the_latest_fifty() {
        let query = parse(&[]).unwrap();
        assert_eq!((query.order_column, query.descending, query.top, query.skip), ("updated_at", true, 50, 0));
    }

    #[test]
    fn reads_every_parameter() {
        let query = parse(&[
            ("status", "SUBMITTED,PENDING_APPROVAL"),
            ("search", "  eu "),
            ("requestedBy", "alice"),
            ("orderby", "apiPortalAlias asc"),
            ("top", "10"),
            ("skip", "20"),
        ])
        .unwrap();
        assert_eq!(query.statuses, vec![Status::Submitted, Status::PendingApproval]);
        assert_eq!(query.search.as_deref(), Some("eu"));
        assert_eq!(query.requested_by.as_deref(), Some("alice"));
        assert!(!query.descending);
        assert_eq!((query.top, query.skip), (10, 20));
    }

    #[test]
    fn refuses_bad_parameters_instead_of_ignoring_them() {
        for pairs in [
            vec![("status", "OPEN")],
            vec![("orderby", "password desc")],
            vec![("orderby", "status sideways")],
            vec![("orderby", "status; DROP TABLE users")],
            vec![("top", "0")],
            vec![("top", "501")],
            vec![("skip", "-1")],
            vec![("colour", "red")],
            vec![("top", "5"), ("top", "6")],
            vec![("requestedBy", " ")],
        ] {
            let error = parse(&pairs).expect_err(&format!("{pairs:?} must be refused"));
            assert_eq!(error.code(), "INVALID_PARAMETER");
        }
    }

}
