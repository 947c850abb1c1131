//! The bodies the app sends, typed: serialised straight from the fields, with no `serde_json::Value`
//! in between (whose number handling would bring float parsing and printing into the app).

use serde::Serialize;
use serde_json::value::RawValue;

/// `POST /session`.
#[derive(Serialize)]
pub struct SignIn<'a> {
    pub user: &'a str,
}

/// `POST /connectionRequests`: the credentials go as the engine wrote them (the JSON the form
/// shows), checked to be JSON but not parsed into a value and printed again.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRequest<'a> {
    pub api_portal_alias: &'a str,
    pub comment: &'a str,
    pub credentials: &'a RawValue,
}

/// `POST /connectionRequests/{id}/approve` or `.../reject`, when the administrator gave a reason.
#[derive(Serialize)]
pub struct Reason<'a> {
    pub reason: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_request_carries_the_credentials_as_they_are() {
        let credentials: &RawValue = serde_json::from_str(r#"{ "clientId": "a", "n": 1.5e3 }"#).unwrap();
        let body = NewRequest { api_portal_alias: "EU \"Prod\"", comment: "", credentials };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"apiPortalAlias":"EU \"Prod\"","comment":"","credentials":{ "clientId": "a", "n": 1.5e3 }}"#
        );
    }

    #[test]
    fn sign_in_and_reason_are_one_field_each() {
        assert_eq!(serde_json::to_string(&SignIn { user: "alice" }).unwrap(), r#"{"user":"alice"}"#);
        assert_eq!(serde_json::to_string(&Reason { reason: "Out of date" }).unwrap(), r#"{"reason":"Out of date"}"#);
    }
}
