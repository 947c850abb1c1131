//! Every English text a finding is made of, in one place: the templates of the messages (with
//! `{name}` placeholders) and the phrases that fill some of the placeholders (field labels,
//! hints, character names...). An app translates a finding from its template and parameters
//! with one catalog of these texts ([`crate::texts`]), so that it says the same as the hub.
//!
//! A placeholder is `{` + a lower-case name + `}`; other braces are text (`the opening brace {`).

macro_rules! texts {
    ($($(#[$doc:meta])* $vis:vis $name:ident = $text:literal;)*) => {
        $($(#[$doc])* $vis const $name: &str = $text;)*

        /// Every text above.
        pub(crate) const ALL: &[&str] = &[$($name,)*];
    };
}

texts! {
    /// A finding about the text as a whole, with where it points in the text.
    pub LOCATED = "Line {line}, column {column}: {message}";
    /// Where real credentials come from: said once, beside the findings that call for it
    /// ([`crate::Code::calls_for_new_credentials`]), not in each of their messages.
    pub WHERE_CREDENTIALS_COME_FROM =
        "Generate the credentials in Integration Suite under Settings > APIs > Connection > Generate Credentials, and paste what it copies.";

    // The input as a whole.
    pub(crate) INPUT_TOO_LARGE =
        "The text is {size} KiB; credentials are a few KiB at most, and more than 64 KiB is refused. Paste only the credentials JSON.";
    pub(crate) INPUT_EMPTY = "Paste the API portal access credentials (a JSON object), or type them in their fields.";
    pub(crate) TEXT_BEFORE_JSON_IGNORED = "Text before the opening brace { was ignored (copied along with the credentials).";
    pub(crate) TEXT_AFTER_JSON_IGNORED = "Text after the closing brace } was ignored (copied along with the credentials).";
    pub(crate) OPENING_BRACE_MISSING =
        "The opening brace { is missing: the credentials start with { and end with }. Copy them again, including the first and last line.";
    pub(crate) NOT_JSON =
        "This is not JSON: the credentials are a JSON object that starts with {. Paste them again, or type the client ID and client secret in their fields.";
    pub(crate) TOP_LEVEL_ARRAY =
        "The credentials must be one JSON object ({ ... }), but this is an array. Paste the object itself, without the [ ] around it.";
    pub(crate) BYTE_ORDER_MARK_REMOVED = "An invisible byte-order mark at the start was removed.";
    pub(crate) TYPOGRAPHIC_QUOTES_REPLACED =
        "{count} typographic quotes (“ ”) were replaced by straight quotes (\"); a word processor or chat tool had changed them.";

    // JSON syntax.
    pub(crate) OBJECT_TRUNCATED =
        "The JSON ends before its closing brace } (opened on line {opened}): the copy was cut off. Copy the credentials again, including the last line.";
    pub(crate) ARRAY_TRUNCATED =
        "The JSON ends before its closing bracket ] (opened on line {opened}): the copy was cut off. Copy the credentials again, including the last line.";
    pub(crate) UNEXPECTED = "Expected {expected}, found {found}.";
    pub(crate) UNEXPECTED_PUNCTUATION = "Expected {expected}, found '{punctuation}'.";
    pub(crate) UNEXPECTED_SPACE = "Expected {expected}, found a space character (U+{codepoint}).";
    pub(crate) COMMA_MISSING =
        "Expected a comma or the closing brace, found '\"'. A comma is probably missing at the end of the previous line.";
    pub(crate) KEY_UNQUOTED = "Expected {expected}, found {found}. Keys need double quotes, like \"clientId\".";
    pub(crate) KEY_UNQUOTED_PUNCTUATION = "Expected {expected}, found '{punctuation}'. Keys need double quotes, like \"clientId\".";
    pub(crate) KEY_UNQUOTED_SPACE =
        "Expected {expected}, found a space character (U+{codepoint}). Keys need double quotes, like \"clientId\".";
    pub(crate) TOO_DEEP = "The JSON is nested more than {depth} levels deep; credentials are a flat object.";
    pub(crate) TRAILING_COMMA = "JSON does not allow a comma before the closing brace or bracket. Remove that comma.";
    pub(crate) SINGLE_QUOTES = "JSON needs double quotes (\"), not single quotes (').";
    pub(crate) INVALID_ESCAPE =
        "Invalid escape sequence: after a backslash, JSON allows only \" \\ / b f n r t or u with four hex digits.";
    pub(crate) LONE_SURROGATE = "Invalid \\u escape: half of a surrogate pair, which is no character. Copy the value again.";
    pub(crate) LINE_BREAK_IN_STRING =
        "A string contains a line break. A value must stay on one line: the copy probably broke it; join the lines (or write \\n).";
    pub(crate) TAB_IN_STRING =
        "A string contains a tab. A value must stay on one line: the copy probably broke it; join the lines (or write \\n).";
    pub(crate) CONTROL_CHARACTER_IN_STRING =
        "A string contains the control character U+{codepoint}. A value must stay on one line: the copy probably broke it; join the lines (or write \\n).";
    pub(crate) UNTERMINATED_STRING =
        "A string that starts here has no closing quote: the copy was cut off. Copy the credentials again.";

    // What was expected where the JSON breaks (`{expected}`).
    pub(crate) EXPECTED_VALUE = "a value";
    pub(crate) EXPECTED_KEY = "a key in double quotes";
    pub(crate) EXPECTED_COLON = "a colon after the key";
    pub(crate) EXPECTED_COMMA_OR_CLOSING_BRACE = "a comma or the closing brace";
    pub(crate) EXPECTED_COMMA_OR_CLOSING_BRACKET = "a comma or the closing bracket";
    pub(crate) EXPECTED_DIGIT = "a digit";
    pub(crate) EXPECTED_DIGIT_AFTER_DECIMAL_POINT = "a digit after the decimal point";
    pub(crate) EXPECTED_DIGIT_IN_EXPONENT = "a digit in the exponent";
    // What was found instead (`{found}`); punctuation is quoted as it is.
    pub(crate) FOUND_LETTER_OR_DIGIT = "a letter or digit";
    pub(crate) FOUND_OTHER_CHARACTER = "another character";
    // Kinds of JSON values (`{kind}`).
    pub(crate) KIND_NULL = "null";
    pub(crate) KIND_BOOL = "a true/false value";
    pub(crate) KIND_NUMBER = "a number";
    pub(crate) KIND_STRING = "a string";
    pub(crate) KIND_ARRAY = "an array";
    pub(crate) KIND_OBJECT = "an object";

    // The keys of the object and what they were recognised as.
    pub(crate) DUPLICATE_KEY = "The key \"{key}\" appears twice (lines {first} and {again}). Keep only the right one.";
    pub(crate) MORE_DUPLICATE_KEYS = "{count} more keys appear twice.";
    pub(crate) DUPLICATE_FIELD = "Both \"{other}\" and \"{key}\" give the {field}. Keep only one.";
    pub(crate) MORE_DUPLICATE_FIELDS = "{count} more keys give a field that another key gives already.";
    pub(crate) FIELD_NOT_A_STRING = "The {field} (\"{key}\") must be a string in double quotes, but it is {kind}.";
    pub(crate) MIXED_CREDENTIAL_TYPES =
        "The JSON holds both a client secret and a certificate or key. Paste one set of credentials: either client secret or X.509.";
    pub(crate) SHAPE_WITHOUT_FIELDS =
        "This JSON is not API portal credentials: it has no fields at all. Credentials have url, tokenUrl, clientId and clientSecret (or certificate and key for X.509).";
    pub(crate) SHAPE_UNRECOGNIZED =
        "This JSON is not API portal credentials: it has the fields {fields}. Credentials have url, tokenUrl, clientId and clientSecret (or certificate and key for X.509).";
    pub(crate) SERVICE_KEY_SECTION_USED = "Recognised an SAP service key with a \"{section}\" section; its credentials were used.";
    pub(crate) XSUAA_BINDING_WITH_PORTAL =
        "This is an XSUAA service key, not the credentials the API portal generates. Its client ID and secret are used, the token URL is its url followed by /oauth/token, and the URL is the API portal registered on this request. Check that the key belongs to that API portal.";
    pub(crate) XSUAA_BINDING_WITHOUT_PORTAL =
        "This is an XSUAA service key, not the credentials the API portal generates. Its client ID and secret are used and the token URL is its url followed by /oauth/token; its url is the authentication server, so the API portal's URL is still needed.";
    pub(crate) UNKNOWN_FIELD = "The field \"{key}\" is not part of API portal credentials and is ignored.";
    pub(crate) MORE_UNKNOWN_FIELDS = "{count} more fields are not part of API portal credentials and are ignored.";

    // The fields' values.
    pub(crate) FIELD_MISSING = "The {field} is missing. {hint}";
    pub(crate) FIELD_EMPTY = "The {field} is empty. {hint}";
    pub(crate) VALUE_TRIMMED = "Spaces or line breaks around the {field} were removed.";
    pub(crate) SAMPLE_VALUE = "Placeholder from SAP's sample — paste your own value.";
    pub(crate) SAMPLE_CREDENTIALS = "These are the sample credentials from SAP's documentation, not real ones.";
    pub(crate) INVISIBLE_CHARACTER =
        "Character {position} of the {field} is a {character} (U+{codepoint}): invisible, and a way to make one value look like another. Delete it, or copy the value again from its source.";
    pub(crate) SPACE_IN_VALUE =
        "The {field} contains a space at character {position}; it must be one unbroken value. Copy it again, or remove the space.";
    pub(crate) LINE_BREAK_IN_VALUE =
        "The {field} contains a line break at character {position}; it must be one unbroken value. Copy it again, or remove the line break.";
    pub(crate) CONTROL_CHARACTER_IN_VALUE =
        "Character {position} of the {field} is a control character (U+{codepoint}) that does not belong in it. Copy the value again from its source.";
    pub(crate) NOT_AN_ABSOLUTE_URL = "The {field} is not an absolute URL. {hint}";
    pub(crate) NOT_HTTPS = "The {field} must use https, not {scheme}.";
    pub(crate) URL_AND_TOKEN_URL_SWAPPED =
        "The URL and the token URL are swapped: the URL is the API portal's own address, the token URL ends with /oauth/token. Exchange the two values.";
    pub(crate) URL_IS_AUTHENTICATION_HOST =
        "The URL points at the authentication server; it must be the API portal's own address, like https://<application>.cfapps.eu10.hana.ondemand.com. The authentication server belongs in the token URL.";
    pub(crate) URL_HOST_UNUSUAL =
        "The URL's host {host} is not an SAP BTP host. That is fine for a custom domain; otherwise check the value.";
    pub(crate) URL_HOST_DIFFERS_FROM_REQUEST =
        "The URL's host {host} differs from the API portal registered on this request ({registered}). Check that these credentials belong to this API portal.";
    pub(crate) TOKEN_URL_PATH = "The token URL must end with /oauth/token. Add it, or copy the value again.";
    pub(crate) TOKEN_URL_HOST_UNUSUAL =
        "The token URL's host {host} is not an authentication server (<subdomain>.authentication.<region>...). That is fine for a custom domain; otherwise check the value.";
    pub(crate) CERT_URL_HOST_UNUSUAL =
        "The cert URL's host {host} does not look like <subdomain>.authentication.cert.<region>... That is fine for a custom domain; otherwise check the value.";
    pub(crate) CLIENT_ID_AND_SECRET_SWAPPED =
        "The client ID and the client secret are swapped: the client ID starts with sb-, the secret is the long random value. Exchange the two values.";
    pub(crate) CLIENT_ID_LOOKS_LIKE_SECRET =
        "The client ID looks like a client secret. The client ID starts with sb-, like sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160.";
    pub(crate) CLIENT_ID_UNUSUAL =
        "The client ID does not look like one the API portal generates (sb-apiaccess...!b...|api-portal-xsuaa!b...). Check that you copied the right value.";
    pub(crate) CLIENT_SECRET_LOOKS_LIKE_CLIENT_ID =
        "The client secret looks like a client ID (it starts with sb- or has the |...! parts of one). Paste the secret here and the ID in the client ID.";

    // PEM blocks.
    pub(crate) CERTIFICATE_HOLDS_OTHER_BLOCK =
        "The certificate field holds a private key or another PEM block, not a certificate (-----BEGIN CERTIFICATE-----). The key belongs in the key field.";
    pub(crate) KEY_HOLDS_CERTIFICATE =
        "The key field holds a certificate, not a private key (-----BEGIN PRIVATE KEY-----). The certificate belongs in the certificate field.";
    pub(crate) KEY_ENCRYPTED =
        "The private key is encrypted with a passphrase; the hub needs the unencrypted key the API portal generated.";
    pub(crate) KEY_BLOCKS = "The key field holds {count} PEM blocks; it takes exactly one private key.";
    pub(crate) KEY_OTHER_BLOCK = "The key field holds a {label} block, not a private key (-----BEGIN PRIVATE KEY-----).";
    pub(crate) PEM_LINE_DAMAGED =
        "A -----BEGIN or -----END line of the {field} is damaged: each needs five dashes on both sides, like -----BEGIN PRIVATE KEY-----. Copy the whole value again.";
    pub(crate) PEM_NO_BEGIN = "The {field} is not in PEM format: it must start with a -----BEGIN ...----- line. {hint}";
    pub(crate) PEM_TEXT_OUTSIDE_BLOCKS =
        "The {field} has text outside its -----BEGIN/-----END lines. Remove it, or copy the value again.";
    pub(crate) PEM_MISMATCHED_END = "The {field} begins with BEGIN {begin} but ends with END {end}. Copy the whole value again.";
    pub(crate) PEM_MISSING_END = "The {field} has no -----END {label}----- line: it was cut off. Copy the whole value again.";
    pub(crate) PEM_INVALID_BASE64 =
        "Block {block} of the {field} is not valid base64 between its BEGIN and END lines. Copy the value again.";

    // The fields as people call them (`{field}`).
    pub(crate) LABEL_URL = "URL";
    pub(crate) LABEL_TOKEN_URL = "token URL";
    pub(crate) LABEL_CERT_URL = "cert URL";
    pub(crate) LABEL_CLIENT_ID = "client ID";
    pub(crate) LABEL_CLIENT_SECRET = "client secret";
    pub(crate) LABEL_CERTIFICATE = "certificate";
    pub(crate) LABEL_KEY = "private key";
    // What a value of each field looks like (`{hint}`).
    pub(crate) HINT_URL = "It is the API portal's address, like https://<application>.cfapps.eu10.hana.ondemand.com.";
    pub(crate) HINT_TOKEN_URL = "It looks like https://<subdomain>.authentication.eu10.hana.ondemand.com/oauth/token.";
    pub(crate) HINT_CERT_URL = "It looks like https://<subdomain>.authentication.cert.eu10.hana.ondemand.com.";
    pub(crate) HINT_CLIENT_ID = "It starts with sb-.";
    pub(crate) HINT_CLIENT_SECRET = "It is the long random value beside the client ID.";
    pub(crate) HINT_CERTIFICATE = "It starts with -----BEGIN CERTIFICATE-----.";
    pub(crate) HINT_KEY = "It starts with -----BEGIN PRIVATE KEY-----.";
    // Characters that are invisible or look like another (`{character}`).
    pub(crate) ZERO_WIDTH_SPACE = "zero-width space";
    pub(crate) ZERO_WIDTH_NON_JOINER = "zero-width non-joiner";
    pub(crate) ZERO_WIDTH_JOINER = "zero-width joiner";
    pub(crate) WORD_JOINER = "word joiner";
    pub(crate) ZERO_WIDTH_NO_BREAK_SPACE = "zero-width no-break space";
    pub(crate) SOFT_HYPHEN = "soft hyphen";
    pub(crate) NON_BREAKING_SPACE = "non-breaking space";
    pub(crate) FIGURE_SPACE = "figure space";
    pub(crate) NARROW_NON_BREAKING_SPACE = "narrow non-breaking space";
    pub(crate) LEFT_TO_RIGHT_MARK = "left-to-right mark";
    pub(crate) RIGHT_TO_LEFT_MARK = "right-to-left mark";
    pub(crate) ARABIC_LETTER_MARK = "Arabic letter mark";
    pub(crate) BIDIRECTIONAL_FORMATTING_CHARACTER = "bidirectional formatting character";
    pub(crate) BIDIRECTIONAL_ISOLATE_CHARACTER = "bidirectional isolate character";
}

/// `template` with each `{name}` replaced by the value of `name` in `params`, once (a value is
/// not searched for placeholders again); braces that name no parameter stay as they are.
pub fn fill<V: AsRef<str>>(template: &str, params: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            params.iter().find(|(key, _)| *key == name).map(|(_, value)| (close, value.as_ref()))
        });
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` and each value of `params` that is one of the engine's phrases ([`ALL`]) in another
/// language, the template filled: `translate` gives each text in that language. Any other value
/// (a number, a JSON key, something the user typed) is said as it is, even if it happens to read
/// like a phrase of the catalogue. With `|text| text` this is [`fill`].
pub fn render<V: AsRef<str>>(template: &str, params: &[(&str, V)], translate: impl Fn(&str) -> &str) -> String {
    render_with_phrases(template, params, translate, |value| ALL.contains(&value))
}

/// [`render`] for a caller with phrases of its own: a value is translated when `is_phrase` says so.
pub fn render_with_phrases<V: AsRef<str>>(
    template: &str,
    params: &[(&str, V)],
    translate: impl Fn(&str) -> &str,
    is_phrase: impl Fn(&str) -> bool,
) -> String {
    let translated: Vec<(&str, &str)> = params
        .iter()
        .map(|(name, value)| {
            let value = value.as_ref();
            (*name, if is_phrase(value) { translate(value) } else { value })
        })
        .collect();
    fill(translate(template), &translated)
}

/// The names of the placeholders in `template`, in order: `{` + lower-case letters + `}`.
pub fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_placeholders_and_leaves_other_braces() {
        assert_eq!(fill("{count} of {total}", &[("count", "3"), ("total", "10")]), "3 of 10");
        assert_eq!(fill(OPENING_BRACE_MISSING, &[] as &[(&str, &str)]), OPENING_BRACE_MISSING);
        assert_eq!(
            fill(FIELD_NOT_A_STRING, &[("field", "client ID"), ("key", "clientId"), ("kind", "a number")]),
            "The client ID (\"clientId\") must be a string in double quotes, but it is a number."
        );
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "x")]), "{b}x", "a value is not filled again");
        assert_eq!(fill("keep {unknown} and { this", &[("a", "1")]), "keep {unknown} and { this");
    }

    #[test]
    fn renders_the_template_and_each_phrase_in_another_language() {
        fn german(text: &str) -> &str {
            match text {
                FIELD_MISSING => "Das Feld „{field}“ fehlt. {hint}",
                HINT_CLIENT_ID => "Der Wert beginnt mit sb-.",
                // A text of some other catalogue that a user might type as a key.
                "url" => "Adresse",
                other => other,
            }
        }
        let params = [("field", LABEL_CLIENT_ID), ("hint", HINT_CLIENT_ID)];
        assert_eq!(render(FIELD_MISSING, &params, german), "Das Feld „client ID“ fehlt. Der Wert beginnt mit sb-.");
        assert_eq!(render(FIELD_MISSING, &params, |text| text), fill(FIELD_MISSING, &params));
        let key = [("key", "url"), ("first", "1"), ("again", "2")];
        assert_eq!(render(DUPLICATE_KEY, &key, german), fill(DUPLICATE_KEY, &key), "not a text: said as it is");
        assert!(!render(DUPLICATE_KEY, &key, german).contains("Adresse"), "a key the user typed is no phrase");
    }

    #[test]
    fn placeholders_are_lower_case_names_in_braces() {
        assert_eq!(placeholders(LOCATED), ["line", "column", "message"]);
        assert_eq!(placeholders(OPENING_BRACE_MISSING), Vec::<&str>::new());
        assert_eq!(placeholders(TOP_LEVEL_ARRAY), Vec::<&str>::new());
        assert_eq!(placeholders(PEM_MISSING_END), ["field", "label"]);
    }

    #[test]
    fn every_text_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for text in ALL {
            assert!(seen.insert(text), "{text:?} twice");
            assert_eq!(text.trim(), *text, "{text:?}");
        }
    }
}
