//! PEM blocks (`-----BEGIN CERTIFICATE-----` ... `-----END CERTIFICATE-----`), checked without
//! decoding them: labels pair up, bodies are base64.

/// What is wrong with a PEM text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PemProblem {
    /// No `-----BEGIN ...-----` line.
    NoBegin,
    /// A `-----BEGIN` or `-----END` line that does not end in a label and five dashes (a dash
    /// lost in copying): nothing of what follows is taken as its label.
    MalformedLine,
    /// Text other than whitespace outside the blocks.
    TextOutsideBlocks,
    MismatchedEnd { begin: String, end: String },
    MissingEnd { label: String },
    /// The body of block `block` (1-based) is not base64.
    InvalidBase64 { block: usize },
}

/// One block: its label (`CERTIFICATE`, `PRIVATE KEY`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
}

/// Accepts real line breaks, `\n` escapes left in the text (copied from a JSON source), and
/// blocks whose line breaks were lost (one long line).
pub fn normalize_line_breaks(text: &str) -> String {
    text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n")
}

/// The blocks of `text`, or the first problem found.
pub fn parse_blocks(text: &str) -> Result<Vec<PemBlock>, PemProblem> {
    const BEGIN: &str = "-----BEGIN ";
    const END: &str = "-----END ";
    let text = normalize_line_breaks(text);
    let mut rest = text.as_str();
    let mut blocks = Vec::new();
    loop {
        let Some(begin_at) = rest.find(BEGIN) else {
            if !rest.trim().is_empty() {
                return Err(if blocks.is_empty() { PemProblem::NoBegin } else { PemProblem::TextOutsideBlocks });
            }
            break;
        };
        if !rest[..begin_at].trim().is_empty() {
            return Err(PemProblem::TextOutsideBlocks);
        }
        let after_begin = &rest[begin_at + BEGIN.len()..];
        let (label, body_and_rest) = read_label(after_begin)?;
        let label = label.to_owned();
        let Some(end_at) = body_and_rest.find(END) else { return Err(PemProblem::MissingEnd { label }) };
        let body = &body_and_rest[..end_at];
        let after_end = &body_and_rest[end_at + END.len()..];
        let (end_label, after_block) = read_label(after_end)?;
        if end_label != label {
            return Err(PemProblem::MismatchedEnd { begin: label, end: end_label.to_owned() });
        }
        if !is_base64_body(body) {
            return Err(PemProblem::InvalidBase64 { block: blocks.len() + 1 });
        }
        blocks.push(PemBlock { label });
        rest = after_block;
    }
    Ok(blocks)
}

/// Labels are a few upper-case words (`CERTIFICATE`, `RSA PRIVATE KEY`); anything longer is not a
/// label but the text after a damaged BEGIN or END line, which may be the key itself.
const MAX_LABEL_CHARS: usize = 40;

/// The label that starts `text` (after `-----BEGIN ` or `-----END `) up to its five dashes, and
/// the text after them. Refuses anything but a short label of upper-case words on one line.
fn read_label(text: &str) -> Result<(&str, &str), PemProblem> {
    const DASHES: &str = "-----";
    let label_end = text
        .char_indices()
        .take(MAX_LABEL_CHARS + 1)
        .find(|(_, c)| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == ' '))
        .map_or(text.len(), |(at, _)| at);
    let label = text[..label_end].trim();
    match text[label_end..].strip_prefix(DASHES) {
        Some(after) if !label.is_empty() && label.len() <= MAX_LABEL_CHARS => Ok((label, after)),
        _ => Err(PemProblem::MalformedLine),
    }
}

/// A PEM body: base64 (whitespace anywhere, `=` padding only at the end), not empty. Headers of
/// the old encrypted-key format (`Proc-Type: ...`) are allowed before a blank line.
fn is_base64_body(body: &str) -> bool {
    let body = match body.find("\n\n") {
        Some(blank) if body[..blank].contains(':') => &body[blank..],
        _ => body,
    };
    let mut significant = 0usize;
    let mut padding = 0usize;
    for c in body.chars().filter(|c| !c.is_whitespace()) {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' if padding == 0 => significant += 1,
            '=' if padding < 2 => padding += 1,
            _ => return false,
        }
    }
    significant > 0 && (significant + padding).is_multiple_of(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CERT: &str = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nAAAA\n-----END CERTIFICATE-----\n";

    #[test]
    fn reads_blocks_with_real_or_escaped_line_breaks() {
        assert_eq!(parse_blocks(CERT).unwrap(), vec![PemBlock { label: "CERTIFICATE".into() }]);
        let escaped = CERT.replace('\n', "\\n");
        assert_eq!(parse_blocks(&escaped).unwrap().len(), 1);
        let one_line = CERT.replace('\n', " ");
        assert_eq!(parse_blocks(&one_line).unwrap().len(), 1);
        let chain = format!("{CERT}{CERT}");
        assert_eq!(parse_blocks(&chain).unwrap().len(), 2);
    }

    #[test]
    fn finds_what_is_broken() {
        assert_eq!(parse_blocks("MIIBszCC"), Err(PemProblem::NoBegin));
        assert_eq!(parse_blocks("-----BEGIN CERTIFICATE-----\nMIIB"), Err(PemProblem::MissingEnd { label: "CERTIFICATE".into() }));
        assert_eq!(
            parse_blocks("-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----"),
            Err(PemProblem::MismatchedEnd { begin: "CERTIFICATE".into(), end: "PRIVATE KEY".into() })
        );
        assert_eq!(
            parse_blocks("-----BEGIN CERTIFICATE-----\nAA*A\n-----END CERTIFICATE-----"),
            Err(PemProblem::InvalidBase64 { block: 1 })
        );
        assert_eq!(
            parse_blocks("-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----"),
            Err(PemProblem::InvalidBase64 { block: 1 })
        );
        assert_eq!(parse_blocks(&format!("{CERT}trailing words")), Err(PemProblem::TextOutsideBlocks));
    }

    #[test]
    fn a_damaged_begin_or_end_line_gives_no_label() {
        // One dash lost on the BEGIN line: the label must not run on into the key.
        let lost_dash = "-----BEGIN PRIVATE KEY----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        assert_eq!(parse_blocks(lost_dash), Err(PemProblem::MalformedLine));
        let run_on = "-----BEGIN PRIVATE KEY MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY-----";
        assert_eq!(parse_blocks(run_on), Err(PemProblem::MalformedLine));
        let end_damaged = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE----";
        assert_eq!(parse_blocks(end_damaged), Err(PemProblem::MalformedLine));
        assert_eq!(parse_blocks(&"-----BEGIN A-----\nAAAA\n-----END A-----".replace('A', &"A".repeat(41))), Err(PemProblem::MalformedLine));
    }

    #[test]
    fn base64_padding_only_at_the_end() {
        assert!(is_base64_body("QUJD\nRA=="));
        assert!(!is_base64_body("QQ==QUJD"));
        assert!(!is_base64_body("QUJDR"));
    }
}
