//! The sentences the hub writes itself (beside the credentials engine's findings), as templates
//! with `{name}` placeholders: the hub fills them for its English `message`, and sends template
//! and params along, so that a client can say them in its own language.

use std::collections::BTreeMap;

/// A text the hub sends: a template and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubText {
    pub template: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl HubText {
    pub fn new(template: &'static str, params: Vec<(&'static str, String)>) -> Self {
        Self { template, params }
    }

    /// The text in English.
    pub fn english(&self) -> String {
        credentials::fill(self.template, &self.params)
    }

    /// The params as they travel.
    pub fn wire_params(&self) -> BTreeMap<String, String> {
        self.params.iter().map(|(name, value)| (name.to_string(), value.clone())).collect()
    }
}

pub const ALIAS_LENGTH: &str = "The alias must have 1 to 64 characters.";
pub const ALIAS_HIDDEN_CHARACTER: &str =
    "The alias has an invisible or control character ({character}) at position {position}. Type the alias again without it.";
pub const TEXT_TOO_LONG: &str = "The {target} may have at most {max} characters.";
pub const TEXT_HIDDEN_CHARACTER: &str =
    "The {target} has an invisible or control character ({character}) at position {position}. Remove it.";
/// What `{target}` names in the two texts above.
pub const COMMENT: &str = "comment";
pub const REASON: &str = "reason";

pub const TOKEN_HOST_NOT_ALLOWED: &str = "The token URL must use https and name a host the hub may connect to (an SAP BTP \
    authentication domain such as <subdomain>.authentication.eu10.hana.ondemand.com). Check the tokenUrl of the credentials.";
pub const TOKEN_HOST_PRIVATE_ADDRESS: &str = "The token URL's host resolves to an address in a private network, which the hub \
    does not connect to. Check the tokenUrl of the credentials.";
pub const TOKEN_HOST_UNRESOLVABLE: &str = "The token URL's host could not be found. Check the tokenUrl, and whether the \
    subaccount that issued the credentials still exists.";
pub const TOKEN_ENDPOINT_UNREACHABLE: &str =
    "The token endpoint could not be reached. Try again in a few minutes; if it keeps failing, check the tokenUrl.";
pub const TOKEN_ENDPOINT_TLS_ERROR_X509: &str = "The secure connection to the token endpoint failed: its certificate does not \
    match its host, or it did not accept the client certificate. Check the tokenUrl, then generate new credentials in the API \
    portal and paste them here.";
pub const TOKEN_ENDPOINT_TLS_ERROR: &str =
    "The secure connection to the token endpoint failed: its certificate does not match its host. Check the tokenUrl of the credentials.";
pub const TOKEN_ENDPOINT_TIMEOUT: &str = "The token endpoint did not answer within 5 seconds. Try again in a few minutes.";
pub const INVALID_CLIENT_X509: &str =
    "The token endpoint refused the certificate (HTTP {status}): generate new credentials in the API portal and paste them here.";
pub const INVALID_CLIENT: &str = "The token endpoint refused the client ID or secret (HTTP {status}): generate new credentials \
    in the API portal and paste them here.";
pub const TOKEN_ENDPOINT_ERROR: &str = "The token endpoint answered HTTP {status} instead of a token. Check that the tokenUrl is \
    the one in the credentials; if it is, try again later.";
pub const NOT_A_TOKEN_RESPONSE: &str = "The token endpoint's answer is not an OAuth token. Check that the tokenUrl is the one \
    in the credentials (it ends with /oauth/token).";

pub const NOT_AUTHENTICATED: &str = "Sign in to continue.";
pub const CSRF_TOKEN_INVALID: &str =
    "The CSRF token is missing or wrong. Fetch a token with the header 'X-CSRF-Token: Fetch' and send it with the change.";
pub const MISSING_ROLE: &str = "This action needs the role {role}.";
pub const NOT_SUBMITTER: &str = "Only the user who submitted this request can change its credentials.";
pub const NOT_SUBMITTER_TO_TEST: &str =
    "Only the user who submitted this request, and administrators, can test its stored credentials.";
pub const NO_SUCH_REQUEST: &str = "There is no connection request '{id}'. It may have been removed; reload the list.";
pub const NO_SUCH_REQUEST_ID_NOT_TEXT: &str = "There is no connection request with this id: once decoded, it is not UTF-8 text.";
pub const NO_SUCH_RESOURCE: &str = "There is no such resource in this API.";
pub const DEV_LOGIN_DISABLED: &str = "The development login is off.";
pub const ALIAS_TAKEN: &str = "Another request already has the alias '{alias}'. Choose another alias.";
pub const PORTAL_LIMIT_REACHED: &str = "Three API portals are connected already; a hub connects at most three.";
pub const PRECONDITION_FAILED: &str =
    "The request was changed by someone else (it is at version {current}). Load it again and repeat the change.";
pub const PAYLOAD_TOO_LARGE: &str = "The body is larger than 64 KiB.";
pub const UNSUPPORTED_MEDIA_TYPE: &str = "Send the body as JSON with the header 'Content-Type: application/json'.";
pub const PRECONDITION_REQUIRED: &str = "Send the header If-Match with the version (ETag) of the request you are changing.";
pub const METHOD_NOT_ALLOWED: &str = "This resource does not support that method.";
pub const REQUEST_TIMEOUT: &str = "The body did not arrive in time. Send it again.";
pub const TOO_MANY_REQUESTS: &str = "Too many tests in the last minute. Try again in {seconds} seconds.";
pub const SERVICE_UNAVAILABLE: &str = "The hub's database is busy. Try again in a few seconds.";
pub const INSUFFICIENT_STORAGE: &str =
    "The hub's disk is full, so nothing can be saved right now; reading still works. Tell the hub's operator.";
pub const INTERNAL_ERROR: &str = "Something went wrong on the hub. Try again; if it keeps failing, the hub's log says why.";
/// The summing-up entry of details left out.
pub const MORE_FINDINGS: &str = "{count} more findings of this kind are left out.";

/// `template` (translated) with `params` in the language of `translate`: a value that is a
/// phrase of the hub's or the credentials engine's texts is translated too, any other (an alias,
/// a number, a JSON key) is said as it is.
pub fn render(template: &str, params: Option<&BTreeMap<String, String>>, translate: impl Fn(&str) -> &str) -> String {
    let params: Vec<(&str, &str)> =
        params.into_iter().flatten().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    credentials::render_with_phrases(template, &params, translate, |value| {
        texts().contains(&value) || credentials::texts().contains(&value)
    })
}

/// Every text above: what a client's catalogue must translate.
pub fn texts() -> &'static [&'static str] {
    &[
        ALIAS_LENGTH,
        ALIAS_HIDDEN_CHARACTER,
        TEXT_TOO_LONG,
        TEXT_HIDDEN_CHARACTER,
        COMMENT,
        REASON,
        TOKEN_HOST_NOT_ALLOWED,
        TOKEN_HOST_PRIVATE_ADDRESS,
        TOKEN_HOST_UNRESOLVABLE,
        TOKEN_ENDPOINT_UNREACHABLE,
        TOKEN_ENDPOINT_TLS_ERROR_X509,
        TOKEN_ENDPOINT_TLS_ERROR,
        TOKEN_ENDPOINT_TIMEOUT,
        INVALID_CLIENT_X509,
        INVALID_CLIENT,
        TOKEN_ENDPOINT_ERROR,
        NOT_A_TOKEN_RESPONSE,
        NOT_AUTHENTICATED,
        CSRF_TOKEN_INVALID,
        MISSING_ROLE,
        NOT_SUBMITTER,
        NOT_SUBMITTER_TO_TEST,
        NO_SUCH_REQUEST,
        NO_SUCH_REQUEST_ID_NOT_TEXT,
        NO_SUCH_RESOURCE,
        DEV_LOGIN_DISABLED,
        ALIAS_TAKEN,
        PORTAL_LIMIT_REACHED,
        PRECONDITION_FAILED,
        PAYLOAD_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        PRECONDITION_REQUIRED,
        METHOD_NOT_ALLOWED,
        REQUEST_TIMEOUT,
        TOO_MANY_REQUESTS,
        SERVICE_UNAVAILABLE,
        INSUFFICIENT_STORAGE,
        INTERNAL_ERROR,
        MORE_FINDINGS,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_its_placeholders_in_english() {
        let text = HubText::new(TEXT_TOO_LONG, vec![("target", COMMENT.to_owned()), ("max", "2000".to_owned())]);
        assert_eq!(text.english(), "The comment may have at most 2000 characters.");
    }

    #[test]
    fn the_list_holds_each_text_once() {
        let mut seen = std::collections::HashSet::new();
        assert!(texts().iter().all(|text| seen.insert(*text)));
    }
}
