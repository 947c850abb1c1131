//! No finding ever quotes a secret: for credentials written with any quotes, and damaged the
//! ways copying damages them, no message, no excerpt and no param (what an app translates a
//! message from) contains any part of the client secret or of the private key; and
//! `secret_values` finds every secret value, so that an app can hide it on screen.

use credentials::{secret_values, Analysis, Context};
use proptest::prelude::*;

mod support;

/// [`credentials::analyze`], each finding checked to be translatable.
fn analyze(input: &str, context: &Context) -> Analysis {
    let analysis = credentials::analyze(input, context);
    support::assert_translatable(&analysis);
    analysis
}

/// Quotes people's tools put around keys and values: straight, single, typographic, none.
const QUOTES: [(&str, &str); 8] = [
    ("\"", "\""),
    ("'", "'"),
    ("\u{201C}", "\u{201D}"),
    ("\u{201E}", "\u{201C}"),
    ("\u{2018}", "\u{2019}"),
    ("\u{2033}", "\u{2033}"),
    ("`", "`"),
    ("", ""),
];

/// What copying does to the text.
#[derive(Debug, Clone, Copy)]
enum Damage {
    None,
    MissingComma,
    TrailingComma,
    TextAround,
    CutOff(usize),
    DashLostOnBegin,
    LeadingDashLostOnBegin,
    RunOnBeginLine,
    RealLineBreaksInKey,
    LineBreakBeforeColon,
    SecretBrokenAcrossLines,
    KeyInTheCertificate,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::None),
        Just(Damage::MissingComma),
        Just(Damage::TrailingComma),
        Just(Damage::TextAround),
        (0usize..400).prop_map(Damage::CutOff),
        Just(Damage::DashLostOnBegin),
        Just(Damage::LeadingDashLostOnBegin),
        Just(Damage::RunOnBeginLine),
        Just(Damage::RealLineBreaksInKey),
        Just(Damage::LineBreakBeforeColon),
        Just(Damage::SecretBrokenAcrossLines),
        Just(Damage::KeyInTheCertificate),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    x509: bool,
    secret: String,
    key_lines: Vec<String>,
    quotes: Vec<usize>,
    damage: Damage,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", "[A-Za-z0-9_+/-]{16,40}").prop_map(|(uuid, tail)| format!("{uuid}${tail}=")),
        proptest::collection::vec("[A-Za-z0-9+/]{64}", 2..5),
        // Half the cases in straight quotes, so that the rules behind the parser are reached too.
        prop_oneof![Just(vec![0; 12]), proptest::collection::vec(0..QUOTES.len(), 12)],
        damage(),
    )
        .prop_map(|(x509, secret, key_lines, quotes, damage)| Case { x509, secret, key_lines, quotes, damage })
}

impl Case {
    fn key(&self) -> String {
        format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", self.key_lines.join("\n"))
    }

    /// The credentials as pasted: each key and value in its own quotes, then damaged.
    fn text(&self) -> String {
        let key = match self.damage {
            Damage::DashLostOnBegin => self.key().replacen("KEY-----", "KEY----", 1),
            Damage::LeadingDashLostOnBegin => self.key().replacen("-----BEGIN", "----BEGIN", 1),
            Damage::RunOnBeginLine => self.key().replacen("KEY-----\n", "KEY ", 1),
            _ => self.key(),
        };
        let key = if matches!(self.damage, Damage::RealLineBreaksInKey | Damage::LeadingDashLostOnBegin) { key } else { key.replace('\n', "\\n") };
        let certificate = "-----BEGIN CERTIFICATE-----\\nQUJD\\n-----END CERTIFICATE-----".to_owned();
        let (certificate, key) = match self.damage {
            // A combined file pasted as the certificate.
            Damage::KeyInTheCertificate => (format!("{certificate}\\n{key}"), "-----BEGIN PRIVATE KEY-----\\nQUJD\\n-----END PRIVATE KEY-----".to_owned()),
            _ => (certificate, key),
        };
        let secret = match self.damage {
            Damage::SecretBrokenAcrossLines => {
                let middle = self.secret.len() / 2;
                format!("{}\n{}", &self.secret[..middle], &self.secret[middle..])
            }
            _ => self.secret.clone(),
        };
        let members: Vec<(&str, String)> = if self.x509 {
            vec![
                ("url", "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned()),
                ("tokenurl", "https://acme.authentication.cert.eu10.hana.ondemand.com/oauth/token".to_owned()),
                ("certurl", "https://acme.authentication.cert.eu10.hana.ondemand.com".to_owned()),
                ("certificate", certificate),
                ("key", key),
            ]
        } else {
            vec![
                ("url", "https://eu10apiportal.cfapps.eu10.hana.ondemand.com".to_owned()),
                ("tokenUrl", "https://acme.authentication.eu10.hana.ondemand.com/oauth/token".to_owned()),
                ("clientId", "sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160".to_owned()),
                ("clientSecret", secret),
            ]
        };
        let written: Vec<String> = members
            .iter()
            .enumerate()
            .map(|(index, (name, value))| {
                let (key_open, key_close) = QUOTES[self.quotes[2 * index]];
                let (value_open, value_close) = QUOTES[self.quotes[2 * index + 1]];
                let colon = if matches!(self.damage, Damage::LineBreakBeforeColon) { "\n:" } else { ":" };
                format!("  {key_open}{name}{key_close}{colon} {value_open}{value}{value_close}")
            })
            .collect();
        let separator = if matches!(self.damage, Damage::MissingComma) { "\n" } else { ",\n" };
        let trailing = if matches!(self.damage, Damage::TrailingComma) { "," } else { "" };
        let text = format!("{{\n{}{trailing}\n}}", written.join(separator));
        match self.damage {
            Damage::TextAround => format!("Here are the credentials:\n{text}\nRegards"),
            Damage::CutOff(at) => {
                let at = (text.len() * at / 400).max(1);
                text[..text.floor_char_boundary(at)].to_owned()
            }
            _ => text,
        }
    }

    /// Pieces of the secrets that must never be shown: 8 characters of the client secret,
    /// 16 of each line of the key, wherever they start (of a broken secret, each part's).
    fn secret_pieces(&self) -> Vec<String> {
        let middle = self.secret.len() / 2;
        let mut pieces = match self.damage {
            Damage::SecretBrokenAcrossLines => [windows(&self.secret[..middle], 8), windows(&self.secret[middle..], 8)].concat(),
            _ => windows(&self.secret, 8),
        };
        if self.x509 {
            pieces = self.key_lines.iter().flat_map(|line| windows(line, 16)).collect();
        }
        pieces
    }
}

fn windows(text: &str, size: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(size).map(|window| window.iter().collect()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_message_excerpt_or_param_contains_a_secret(case in case()) {
        let text = case.text();
        let context = Context { registered_api_portal_url: Some("https://eu10apiportal.cfapps.eu10.hana.ondemand.com".into()) };
        let analysis = analyze(&text, &context);
        for diagnostic in &analysis.diagnostics {
            let params: Vec<&str> = diagnostic.params.iter().map(|(_, value)| value.as_str()).collect();
            let shown = format!("{} {} {}", diagnostic.located_message(), diagnostic.excerpt.as_deref().unwrap_or_default(), params.join(" "));
            for piece in case.secret_pieces() {
                prop_assert!(!shown.contains(&piece), "{:?} shows {piece:?} of a secret:\n{shown}\nfor\n{text}", diagnostic.code);
            }
        }
    }

    #[test]
    fn every_secret_value_is_found_to_be_hidden(case in case()) {
        let text = case.text();
        let mut hidden = text.clone();
        for value in secret_values(&text).iter().rev() {
            hidden.replace_range(value.span.clone(), "(hidden)");
        }
        for piece in case.secret_pieces() {
            prop_assert!(!hidden.contains(&piece), "{piece:?} is still there:\n{hidden}");
        }
    }
}
