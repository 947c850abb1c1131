//! What a person wants to know of an X.509 client certificate before saving it: whose it is and
//! when it is valid. Read straight from the DER inside the PEM, without a crypto library; this
//! is for display, not for trust decisions.

use crate::pem::normalize_line_breaks;

/// The subject and validity of a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateSummary {
    /// The subject as `CN=..., OU=..., O=..., C=...` (attributes in certificate order).
    pub subject: String,
    /// RFC 3339, UTC.
    pub not_before: String,
    pub not_after: String,
}

/// Reads the first certificate of a PEM text; `None` if it cannot be read.
pub fn read_certificate(pem: &str) -> Option<CertificateSummary> {
    let text = normalize_line_breaks(pem);
    let start = text.find("-----BEGIN CERTIFICATE-----")? + "-----BEGIN CERTIFICATE-----".len();
    let end = start + text[start..].find("-----END CERTIFICATE-----")?;
    let der = decode_base64(&text[start..end])?;

    let certificate = Der::new(&der).single(0x30)?;
    let mut tbs = Der::new(certificate).single_first(0x30)?.children();
    let mut element = tbs.next()?;
    if element.0 == 0xA0 {
        element = tbs.next()?; // the version comes first when present
    }
    let _serial = element;
    let _signature_algorithm = tbs.next()?;
    let _issuer = tbs.next()?;
    let validity = tbs.next()?;
    let subject = tbs.next()?;
    let mut times = Der::new(validity.1).children();
    let not_before = read_time(times.next()?)?;
    let not_after = read_time(times.next()?)?;
    Some(CertificateSummary { subject: read_name(subject.1)?, not_before, not_after })
}

/// A DER-encoded sequence of elements.
struct Der<'a> {
    bytes: &'a [u8],
}

impl<'a> Der<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    /// The contents of the only element, if it has `tag`.
    fn single(&self, tag: u8) -> Option<&'a [u8]> {
        let mut children = self.children();
        let (found, contents) = children.next()?;
        (found == tag).then_some(contents)
    }

    /// The contents of the first element, if it has `tag`.
    fn single_first(&self, tag: u8) -> Option<Der<'a>> {
        let (found, contents) = self.children().next()?;
        (found == tag).then(|| Der::new(contents))
    }

    fn children(&self) -> Children<'a> {
        Children { rest: self.bytes }
    }
}

struct Children<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Children<'a> {
    type Item = (u8, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let (&tag, rest) = self.rest.split_first()?;
        let (&first, mut rest) = rest.split_first()?;
        let length = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7F);
            if count == 0 || count > 4 || rest.len() < count {
                return None;
            }
            let length = rest[..count].iter().fold(0usize, |length, byte| (length << 8) | usize::from(*byte));
            rest = &rest[count..];
            length
        };
        if rest.len() < length {
            self.rest = &[];
            return None;
        }
        let (contents, after) = rest.split_at(length);
        self.rest = after;
        Some((tag, contents))
    }
}

/// `Name`: a sequence of sets of (type, value) attributes.
fn read_name(name: &[u8]) -> Option<String> {
    let mut parts = Vec::new();
    for (tag, set) in Der::new(name).children() {
        if tag != 0x31 {
            return None;
        }
        for (tag, attribute) in Der::new(set).children() {
            if tag != 0x30 {
                return None;
            }
            let mut fields = Der::new(attribute).children();
            let (oid_tag, oid) = fields.next()?;
            let (value_tag, value) = fields.next()?;
            if oid_tag != 0x06 {
                return None;
            }
            let label = match oid {
                [0x55, 0x04, 0x03] => "CN",
                [0x55, 0x04, 0x06] => "C",
                [0x55, 0x04, 0x07] => "L",
                [0x55, 0x04, 0x08] => "ST",
                [0x55, 0x04, 0x0A] => "O",
                [0x55, 0x04, 0x0B] => "OU",
                _ => continue,
            };
            let value = match value_tag {
                0x0C | 0x13 | 0x16 | 0x14 => String::from_utf8_lossy(value).into_owned(),
                0x1E => String::from_utf16_lossy(&value.chunks(2).map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)])).collect::<Vec<_>>()),
                _ => continue,
            };
            parts.push(format!("{label}={value}"));
        }
    }
    // Certificates list the most general attribute first; people read the name first.
    parts.reverse();
    Some(parts.join(", "))
}

/// `UTCTime` (YYMMDDHHMMSSZ) or `GeneralizedTime` (YYYYMMDDHHMMSSZ) as RFC 3339.
fn read_time((tag, contents): (u8, &[u8])) -> Option<String> {
    let text = std::str::from_utf8(contents).ok()?.strip_suffix('Z')?;
    // Digits only, so that every slice below falls on a character boundary.
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match tag {
        0x17 if text.len() == 12 => {
            let short: u32 = text[..2].parse().ok()?;
            (if short >= 50 { 1900 + short } else { 2000 + short }, &text[2..])
        }
        0x18 if text.len() == 14 => (text[..4].parse().ok()?, &text[4..]),
        _ => return None,
    };
    Some(format!("{year:04}-{}-{}T{}:{}:{}Z", &rest[0..2], &rest[2..4], &rest[4..6], &rest[6..8], &rest[8..10]))
}

/// Standard base64, whitespace ignored; `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for byte in text.bytes().filter(|byte| !byte.is_ascii_whitespace()) {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes() {
        assert_eq!(decode_base64("SGVs\nbG8=").unwrap(), b"Hello");
        assert_eq!(decode_base64("a*b"), None);
    }

    #[test]
    fn both_time_formats() {
        assert_eq!(read_time((0x17, b"261129020821Z")).as_deref(), Some("2026-11-29T02:08:21Z"));
        assert_eq!(read_time((0x18, b"20540416020821Z")).as_deref(), Some("2054-04-16T02:08:21Z"));
        assert_eq!(read_time((0x17, b"2611290208Z")), None);
    }

    #[test]
    fn a_time_with_other_characters_is_refused_not_sliced() {
        // The right number of bytes, but "é" straddles a slice: this used to panic.
        assert_eq!(read_time((0x17, "2é112902082Z".as_bytes())), None);
        assert_eq!(read_time((0x18, "202é416020821Z".as_bytes())), None);
        assert_eq!(read_time((0x17, b"26112902082xZ")), None);
    }

    #[test]
    fn garbage_is_no_certificate() {
        assert_eq!(read_certificate("-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----"), None);
        assert_eq!(read_certificate("nothing"), None);
        assert_eq!(read_certificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"), None);
    }
}
