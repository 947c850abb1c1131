// Temporary: dumps every message for many inputs, to compare before and after a refactoring.
use credentials::{analyze, analyze_fields, Context, Field, FieldValues};
use std::fmt::Write;

const TOKENS: &[&str] = &["{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", "\u{201C}", "\u{FEFF}", "\u{200B}", "\n", " ", "\"clientId\"", "\"url\"", "\"uaa\"", "\"certificate\"", "-----BEGIN CERTIFICATE-----", "https://", "abc", "x.y", "$=", "<a>", "12", "-3.5", "\u{A0}", "\t", "'", "true", "nul", "\"key\"", "\"tokenUrl\"", "\"clientSecret\"", "\"credentials\"", "\"xsappname\"", "http://a.b/oauth/token", "\"https://x.authentication.eu10.hana.ondemand.com\"", "-----END PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "QUJD", "\u{1}", "\u{2028}", "é"];

fn dump(out: &mut String, input: &str, context: &Context) {
    let analysis = analyze(input, context);
    for d in &analysis.diagnostics {
        writeln!(out, "{:?}|{}|{}|{:?}", d.code, d.message, d.located_message(), d.excerpt).unwrap();
    }
}

#[test]
fn baseline() {
    let mut out = String::new();
    let contexts = [Context::default(), Context { registered_api_portal_url: Some("https://other.cfapps.eu10.hana.ondemand.com".into()) }];
    let mut dirs = vec![];
    for dir in ["tests/corpus", "tests/fixtures"] {
        for entry in std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
            dirs.push(entry.unwrap().path());
        }
    }
    dirs.sort();
    for path in dirs {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for context in &contexts {
            dump(&mut out, &text, context);
            // Truncations.
            for cut in (1..text.len()).step_by(7) {
                if text.is_char_boundary(cut) { dump(&mut out, &text[..cut], context); }
            }
        }
    }

    let big = "{".repeat(70_000);
    let deep = "[".repeat(60_000);
    let unknown: Vec<String> = (0..30).map(|i| format!("\"field{i}\": {i}")).collect();
    let unknown = format!("{{\"clientId\": \"sb-a!b1|b!b2\", {}}}", unknown.join(", "));
    let dups = format!("{{{}\"b\": 2}}", "\"a\": 1, ".repeat(30));
    let spell: Vec<String> = ["clientsecret","Clientsecret","cLientsecret","clIentsecret","cliEntsecret","clieNtsecret","clienTsecret","clientSecret","clientsEcret","clientseCret","clientsecRet","clientsecrEt","clientsecreT","CLientsecret"].iter().map(|k| format!("\"{k}\":\"x\"")).collect();
    let spell = format!("{{{}}}", spell.join(","));
    let explicit: Vec<String> = vec![big, deep, unknown, dups, spell,
        "1".into(), "\"s\"".into(), "true".into(), "null".into(), "[1]".into(), "{}".into(),
        "{\"clientId\": 1}".into(), "{\"clientId\": true}".into(), "{\"clientId\": null}".into(), "{\"clientId\": [1]}".into(), "{\"clientId\": {}}".into(),
        "{\"a\" 1}".into(), "{\"a\": 1 2}".into(), "[1 2]".into(), "{\"a\": -x}".into(), "{\"a\": 1.x}".into(), "{\"a\": 1ex}".into(), "{a: 1}".into(), "{\u{a0}\"a\": 1}".into(), "{\"a\": \u{a0}1}".into(), "{\"a\": \"b\"\n \"c\": 1}".into(), "{,}".into(), "{\"a\": é}".into(), "{\"a\": \u{2028}}".into(), "{\"a\":\"\t\"}".into(), "{\"a\":\"\u{7}\"}".into(), "{\"a\":\"\\x\"}".into(), "{\"a\":\"\\ud800\"}".into(), "{\"a\": \"open".into(), "[[1".into(),
        "{\"url\": \"https://a.example.com\", \"tokenUrl\": \"https://t.example.com/oauth/token\", \"clientId\": \"x\", \"clientSecret\": \"y\"}".into(),
        "{\"credentials\": {\"uaa\": {\"clientid\": \"sb-a!b1|x!b2\", \"clientsecret\": \"s\", \"url\": \"https://x.authentication.eu10.hana.ondemand.com\"}}}".into(),
        "{\"clientid\": \"sb-a!b1|x!b2\", \"clientsecret\": \"s\", \"url\": \"https://x.authentication.eu10.hana.ondemand.com\", \"xsappname\": \"a\"}".into(),
        "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8, \"i\": 9}".into(),
    ];
    for input in &explicit { for context in &contexts { dump(&mut out, input, context); } }
    let mut seed: u64 = 12345;
    for _ in 0..60000 {
        let mut input = String::new();
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let n = (seed >> 33) % 40;
        for _ in 0..n {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            input.push_str(TOKENS[((seed >> 33) as usize) % TOKENS.len()]);
        }
        dump(&mut out, &input, &contexts[(seed >> 40) as usize % 2]);
    }
    let values = ["", " x ", "https://a.b", "http://a.b/oauth/token", "sb-a!b1|x!b2", "a\u{200B}b", "a b", "a\nb", "a\u{1}b", "xxxx", "<name>", "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----\nQUJD\n-----END PUBLIC KEY-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nQUJD\n-----END ENCRYPTED PRIVATE KEY-----", "-----BEGIN X-----\nQUJD\n-----END Y-----", "-----BEGIN X-----\nQU*D\n-----END X-----", "-----BEGIN X----\nQUJD", "-----BEGIN X-----\nQUJD", "junk", "abc$=", "https://x.authentication.cert.eu10.hana.ondemand.com", "https://x.authentication.eu10.hana.ondemand.com/oauth/token", "https://a.cfapps.eu10.hana.ondemand.com", "-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\ntrail"];
    let mut i = 0usize;
    for _ in 0..20000 {
        let mut fv = FieldValues::new();
        for field in Field::ALL {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let pick = (seed >> 33) as usize % (values.len() + 3);
            if pick < values.len() { fv.set(field, values[pick]); }
        }
        i += 1;
        let analysis = analyze_fields(fv, &contexts[i % 2]);
        for d in &analysis.diagnostics {
            writeln!(out, "F {:?}|{}|{}", d.code, d.message, d.located_message()).unwrap();
        }
    }
    std::fs::write(std::env::var("BASELINE_OUT").unwrap(), out).unwrap();
}
