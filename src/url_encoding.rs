//! Percent-encoding for URL paths and queries, and reading a query's pairs.

/// Percent-encodes everything but unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' => match text.get(index + 1..index + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                Some(decoded) => {
                    out.push(decoded);
                    index += 2;
                }
                None => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|pair| !pair.is_empty()).map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(name), decode(value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_all_but_unreserved_characters_and_decodes_back() {
        let text = "EU & 50% ü/+";
        assert_eq!(encode(text), "EU%20%26%2050%25%20%C3%BC%2F%2B");
        assert_eq!(decode(&encode(text)), text);
        assert_eq!(decode("a+b%2"), "a b%2");
    }

    #[test]
    fn reads_the_pairs_of_a_query() {
        let pairs: Vec<(String, String)> = pairs("a=1&&b&c=x%20y").collect();
        assert_eq!(pairs, [("a".into(), "1".into()), ("b".into(), "".into()), ("c".into(), "x y".into())]);
    }
}
