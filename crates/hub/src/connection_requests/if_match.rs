//! `If-Match` (RFC 9110, section 13.1.1): which versions of a request a change may apply to. A
//! request's ETag is its version in quotes (`"4"`). The comparison is strong: a weak tag
//! (`W/"4"`), or a tag this hub never gives (`"04"`), matches no version.

use axum::http::{header, HeaderMap};

use crate::error::{quoted, ApiError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// `*`: whatever the version.
    Any,
    /// The versions whose ETags the list names (none if it names none of this hub's).
    Versions(Vec<i64>),
}

impl IfMatch {
    /// The request's `If-Match`, if it sent one; an error if it is not `*` or a list of entity
    /// tags.
    pub fn from_headers(headers: &HeaderMap) -> Result<Option<Self>, ApiError> {
        let mut lines = headers.get_all(header::IF_MATCH).iter().peekable();
        if lines.peek().is_none() {
            return Ok(None);
        }
        let text = lines.map(|line| line.to_str().unwrap_or("\u{fffd}")).collect::<Vec<_>>().join(", ");
        parse(&text).map(Some).ok_or_else(|| {
            ApiError::InvalidParameter(format!("If-Match must be the ETag of the request, like \"4\"; got {}.", quoted(text.trim())))
        })
    }

    /// Whether a change may apply to `version`.
    pub fn admits(&self, version: i64) -> bool {
        match self {
            IfMatch::Any => true,
            IfMatch::Versions(versions) => versions.contains(&version),
        }
    }
}

fn parse(text: &str) -> Option<IfMatch> {
    if text.trim() == "*" {
        return Some(IfMatch::Any);
    }
    let mut versions = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        let (weak, tag) = match rest.strip_prefix("W/") {
            Some(tag) => (true, tag),
            None => (false, rest),
        };
        let tag = tag.strip_prefix('"')?;
        let end = tag.find('"')?;
        let (opaque, after) = (&tag[..end], &tag[end + 1..]);
        // etagc: any visible character but the quote, or obs-text.
        if !opaque.bytes().all(|byte| byte == 0x21 || (0x23..=0x7e).contains(&byte) || byte >= 0x80) {
            return None;
        }
        if let Some(version) = opaque.parse::<i64>().ok().filter(|version| !weak && version.to_string() == opaque) {
            versions.push(version);
        }
        rest = after.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return Some(IfMatch::Versions(versions));
        }
        rest = rest.strip_prefix(',')?;
        // A list may have empty elements ("a, , b").
        while let Some(after_empty) = rest.trim_start_matches([' ', '\t']).strip_prefix(',') {
            rest = after_empty;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn if_match(lines: &[&'static str]) -> Result<Option<IfMatch>, ApiError> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(header::IF_MATCH, HeaderValue::from_static(line));
        }
        IfMatch::from_headers(&headers)
    }

    #[test]
    fn a_quoted_version_admits_that_version_alone() {
        let four = if_match(&["\"4\""]).unwrap().unwrap();
        assert!(four.admits(4));
        assert!(!four.admits(5));
        assert_eq!(if_match(&[]).unwrap(), None, "no If-Match: the caller decides whether one is needed");
    }

    #[test]
    fn star_admits_any_version_and_a_list_any_it_names() {
        assert_eq!(if_match(&["*"]).unwrap(), Some(IfMatch::Any));
        assert!(if_match(&["\"3\", \"4\""]).unwrap().unwrap().admits(4));
        assert!(if_match(&["\"3\"", "\"4\""]).unwrap().unwrap().admits(4), "a list over several lines");
        assert!(if_match(&["\"3\",,  \"4\""]).unwrap().unwrap().admits(4));
    }

    #[test]
    fn weak_and_foreign_tags_match_no_version() {
        for tag in ["W/\"4\"", "\"04\"", "\"+4\"", "\"4.0\"", "\"abc\"", "\"\""] {
            assert_eq!(if_match(&[tag]).unwrap(), Some(IfMatch::Versions(Vec::new())), "{tag}");
        }
    }

    #[test]
    fn what_is_not_a_list_of_entity_tags_is_refused() {
        for text in ["4", "\"4", "\"4\" \"5\"", "\"4\",5", "W/4", "\"a b\"", "**"] {
            assert!(matches!(if_match(&[text]), Err(ApiError::InvalidParameter(_))), "{text}");
        }
    }
}
