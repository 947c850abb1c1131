//! `/connectionRequests`: listing and reading connection requests.

use axum::extract::{Query, State};
use axum::extract::rejection::QueryRejection;
use axum::Json;
use rusqlite::{Connection, Row};

use crate::error::ApiError;
use crate::model::{
    ConnectionRequest, CredentialsSummary, Page, Status, UserRef, ROLE_HUB_ADMIN, ROLE_PORTAL_REGISTRATION,
};
use crate::session::CurrentUser;
use crate::AppState;

const DEFAULT_TOP: u32 = 50;
const MAX_TOP: u32 = 500;

/// The fields a list may be ordered by, and the column behind each.
const ORDERABLE_FIELDS: &[(&str, &str)] = &[
    ("apiPortalAlias", "r.api_portal_alias COLLATE NOCASE"),
    ("status", "r.status"),
    ("requestedAt", "r.requested_at"),
    ("updatedAt", "r.updated_at"),
    ("requestedBy", "u.name COLLATE NOCASE"),
];

/// The query of `GET /connectionRequests`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub statuses: Vec<Status>,
    pub search: Option<String>,
    /// The SQL column from [`ORDERABLE_FIELDS`] (never text from the caller) and whether descending.
    pub order_column: &'static str,
    pub descending: bool,
    pub top: u32,
    pub skip: u32,
}

impl ListQuery {
    pub fn parse(pairs: &[(String, String)]) -> Result<Self, ApiError> {
        let mut query = ListQuery {
            statuses: Vec::new(),
            search: None,
            order_column: "r.updated_at",
            descending: true,
            top: DEFAULT_TOP,
            skip: 0,
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
                            Status::parse(text.trim()).ok_or_else(|| {
                                invalid(format!(
                                    "'{text}' is not a status. Use SUBMITTED, PENDING_APPROVAL, APPROVED or REJECTED."
                                ))
                            })
                        })
                        .collect::<Result<_, _>>()?;
                }
                "search" => {
                    let trimmed = value.trim();
                    query.search = (!trimmed.is_empty()).then(|| trimmed.to_owned());
                }
                "orderby" => (query.order_column, query.descending) = parse_order(value)?,
                "top" => {
                    query.top = parse_number(name, value)?;
                    if !(1..=MAX_TOP).contains(&query.top) {
                        return Err(invalid(format!("'top' must be between 1 and {MAX_TOP}.")));
                    }
                }
                "skip" => query.skip = parse_number(name, value)?,
                _ => {
                    return Err(invalid(format!(
                        "Unknown parameter '{name}'. Use status, search, orderby, top or skip."
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
        Some(other) => return Err(invalid(format!("'{other}' is not a direction. Use asc or desc."))),
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
                "'{field}' cannot be sorted by. Use apiPortalAlias, status, requestedAt, updatedAt or requestedBy."
            ))
        })?;
    Ok((column, descending))
}

fn parse_number(name: &str, value: &str) -> Result<u32, ApiError> {
    value.parse().map_err(|_| invalid(format!("'{name}' must be a whole number, not '{value}'.")))
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::InvalidParameter(message.into())
}

/// `GET /connectionRequests`.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Json<Page<ConnectionRequest>>, ApiError> {
    if !session.user.has_role(ROLE_PORTAL_REGISTRATION) && !session.user.has_role(ROLE_HUB_ADMIN) {
        return Err(ApiError::MissingRole(ROLE_PORTAL_REGISTRATION));
    }
    let Query(pairs) = query.map_err(|rejection| invalid(rejection.body_text()))?;
    let query = ListQuery::parse(&pairs)?;
    let page = state.db.call(move |db| select_page(db, &query)).await?;
    Ok(Json(page))
}

const SELECT_COLUMNS: &str = "r.id, r.api_portal_alias, r.api_portal_url, r.status, r.comment, \
     r.requested_by, u.name, r.requested_at, r.updated_at, r.credential_type, r.credential_url, \
     r.token_url, r.cert_url, r.client_id, r.credentials_updated_at, r.credentials_expire_at, r.version";

fn select_page(db: &mut Connection, query: &ListQuery) -> rusqlite::Result<Page<ConnectionRequest>> {
    let mut conditions: Vec<String> = Vec::new();
    let mut parameters: Vec<String> = Vec::new();
    if !query.statuses.is_empty() {
        let placeholders: Vec<String> = query
            .statuses
            .iter()
            .map(|status| {
                parameters.push(status.as_str().to_owned());
                format!("?{}", parameters.len())
            })
            .collect();
        conditions.push(format!("r.status IN ({})", placeholders.join(", ")));
    }
    if let Some(search) = &query.search {
        parameters.push(format!("%{}%", escape_like(search)));
        let p = parameters.len();
        conditions.push(format!(
            "(r.api_portal_alias LIKE ?{p} ESCAPE '\\' OR r.api_portal_url LIKE ?{p} ESCAPE '\\' \
             OR u.name LIKE ?{p} ESCAPE '\\')"
        ));
    }
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let from = "FROM connection_requests r JOIN users u ON u.id = r.requested_by";

    let count: u64 = db.query_row(
        &format!("SELECT COUNT(*) {from} {filter}"),
        rusqlite::params_from_iter(&parameters),
        |row| row.get(0),
    )?;
    let direction = if query.descending { "DESC" } else { "ASC" };
    let sql = format!(
        "SELECT {SELECT_COLUMNS} {from} {filter} ORDER BY {} {direction}, r.id {direction} LIMIT {} OFFSET {}",
        query.order_column, query.top, query.skip
    );
    let results = db
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(&parameters), connection_request_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page { count, results })
}

/// Escapes the wildcards of LIKE so that a search matches its text literally.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

fn connection_request_from_row(row: &Row<'_>) -> rusqlite::Result<ConnectionRequest> {
    let status: String = row.get(3)?;
    let kind: String = row.get(9)?;
    let conversion = |index, text: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unexpected value '{text}'").into(),
        )
    };
    Ok(ConnectionRequest {
        id: row.get(0)?,
        api_portal_alias: row.get(1)?,
        api_portal_url: row.get(2)?,
        status: Status::parse(&status).ok_or_else(|| conversion(3, &status))?,
        comment: row.get(4)?,
        requested_by: UserRef { id: row.get(5)?, name: row.get(6)? },
        requested_at: row.get(7)?,
        updated_at: row.get(8)?,
        credentials: CredentialsSummary {
            kind: credentials::CredentialKind::parse(&kind).ok_or_else(|| conversion(9, &kind))?.as_str(),
            url: row.get(10)?,
            token_url: row.get(11)?,
            cert_url: row.get(12)?,
            client_id: row.get(13)?,
            updated_at: row.get(14)?,
            expires_at: row.get(15)?,
        },
        version: row.get(16)?,
    })
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
        assert_eq!((query.order_column, query.descending, query.top, query.skip), ("r.updated_at", true, 50, 0));
    }

    #[test]
    fn reads_every_parameter() {
        let query = parse(&[
            ("status", "SUBMITTED,PENDING_APPROVAL"),
            ("search", "  eu "),
            ("orderby", "apiPortalAlias asc"),
            ("top", "10"),
            ("skip", "20"),
        ])
        .unwrap();
        assert_eq!(query.statuses, vec![Status::Submitted, Status::PendingApproval]);
        assert_eq!(query.search.as_deref(), Some("eu"));
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
        ] {
            let error = parse(&pairs).expect_err(&format!("{pairs:?} must be refused"));
            assert_eq!(error.code(), "INVALID_PARAMETER");
        }
    }

    #[test]
    fn like_wildcards_are_matched_literally() {
        assert_eq!(escape_like(r"50%_a\b"), r"50\%\_a\\b");
    }
}
