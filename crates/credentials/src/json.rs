//! A small JSON parser that keeps what diagnostics need and serde_json drops: the byte span of
//! every key and value, every member of an object (duplicates included), and trailing commas
//! (reported, then tolerated so that the rest can still be checked).
//!
//! Recursion is bounded by [`MAX_DEPTH`]; every loop consumes input, so time is linear.

use std::ops::Range;

use crate::messages;

/// Credentials are two levels deep at most; anything past this is not worth parsing.
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

impl Value {
    /// What kind of value this is, for messages ("a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => messages::KIND_NULL,
            Value::Bool(_) => messages::KIND_BOOL,
            Value::Number => messages::KIND_NUMBER,
            Value::String(_) => messages::KIND_STRING,
            Value::Array(_) => messages::KIND_ARRAY,
            Value::Object(_) => messages::KIND_OBJECT,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Bytes of the value in the parsed text; for a string, its quotes included.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

/// What the parser was looking for when it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Value,
    Key,
    Colon,
    CommaOrClosingBrace,
    CommaOrClosingBracket,
    Digit,
    DigitAfterDecimalPoint,
    DigitInExponent,
}

impl Expected {
    /// For messages: "expected a colon after the key".
    pub fn description(self) -> &'static str {
        match self {
            Expected::Value => messages::EXPECTED_VALUE,
            Expected::Key => messages::EXPECTED_KEY,
            Expected::Colon => messages::EXPECTED_COLON,
            Expected::CommaOrClosingBrace => messages::EXPECTED_COMMA_OR_CLOSING_BRACE,
            Expected::CommaOrClosingBracket => messages::EXPECTED_COMMA_OR_CLOSING_BRACKET,
            Expected::Digit => messages::EXPECTED_DIGIT,
            Expected::DigitAfterDecimalPoint => messages::EXPECTED_DIGIT_AFTER_DECIMAL_POINT,
            Expected::DigitInExponent => messages::EXPECTED_DIGIT_IN_EXPONENT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Something else was found where `expected` was due (the end of the text is [`SyntaxErrorKind::Truncated`]).
    Unexpected { found: char, expected: Expected },
    /// The text ended inside the value that opens at `open`.
    Truncated { open: usize },
    TooDeep,
    TrailingComma,
    SingleQuotes,
    InvalidEscape,
    LoneSurrogate,
    ControlCharacterInString { character: char },
    UnterminatedString,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// Bytes of the offending text.
    pub span: Range<usize>,
}

/// A parsed value with the recoverable problems met on the way.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    pub recovered: Vec<SyntaxError>,
}

/// Parses one JSON value starting at byte `start` of `text`; the text after it is left to the
/// caller. Fails at the first error that cannot be recovered from.
pub fn parse_value_at(text: &str, start: usize) -> Result<Parsed, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: start, recovered: Vec::new() };
    parser.skip_whitespace();
    let node = parser.value(0)?;
    Ok(Parsed { node, recovered: parser.recovered })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    recovered: Vec<SyntaxError>,
}

impl Parser<'_> {
    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error_here(SyntaxErrorKind::TooDeep));
        }
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'\'') => return Err(self.error_here(SyntaxErrorKind::SingleQuotes)),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected(Expected::Value)),
        };
        Ok(Node { value, span: start..self.pos })
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.truncated(open)),
                Some(b'}') if members.is_empty() => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                Some(b'"') => {}
                Some(b'\'') => return Err(self.error_here(SyntaxErrorKind::SingleQuotes)),
                _ => return Err(self.unexpected(Expected::Key)),
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = key_start..self.pos;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.truncated(open)),
                _ => return Err(self.unexpected(Expected::Colon)),
            }
            self.skip_whitespace();
            if self.peek().is_none() {
                return Err(self.truncated(open));
            }
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_span, value });
            if self.after_element(open, b'}', Expected::CommaOrClosingBrace)? {
                return Ok(Value::Object(members));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.truncated(open)),
                Some(b']') if items.is_empty() => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => {}
            }
            items.push(self.value(depth + 1)?);
            if self.after_element(open, b']', Expected::CommaOrClosingBracket)? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// After an element of the object or array opened at `open`: either a comma (more follows,
    /// unless a trailing comma before `close`, which is recovered and reported) or `close`.
    /// Returns whether the container is closed.
    fn after_element(&mut self, open: usize, close: u8, expected: Expected) -> Result<bool, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_whitespace();
                let trailing = self.peek() == Some(close);
                if trailing {
                    self.recovered.push(SyntaxError { kind: SyntaxErrorKind::TrailingComma, span: comma..comma + 1 });
                    self.pos += 1;
                }
                Ok(trailing)
            }
            Some(byte) if byte == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.truncated(open)),
            _ => Err(self.unexpected(expected)),
        }
    }

    /// A string at the current `"`, unescaped.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go.
            let run_start = self.pos;
            while let Some(&byte) = self.bytes.get(self.pos) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                None => {
                    return Err(SyntaxError { kind: SyntaxErrorKind::UnterminatedString, span: open..self.pos });
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(byte) => {
                    return Err(self.error_at(
                        SyntaxErrorKind::ControlCharacterInString { character: char::from(byte) },
                        self.pos..self.pos + 1,
                    ));
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let Some(kind) = self.peek() else {
            return Err(SyntaxError { kind: SyntaxErrorKind::UnterminatedString, span: start..self.pos });
        };
        self.pos += 1;
        let simple = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(start),
            _ => return Err(self.error_at(SyntaxErrorKind::InvalidEscape, start..self.char_end(start + 1))),
        };
        Ok(simple)
    }

    fn unicode_escape(&mut self, start: usize) -> Result<char, SyntaxError> {
        let high = self.hex4(start)?;
        if !(0xD800..0xE000).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.error_at(SyntaxErrorKind::InvalidEscape, start..self.pos));
        }
        if high >= 0xDC00 || !self.text[self.pos..].starts_with("\\u") {
            return Err(self.error_at(SyntaxErrorKind::LoneSurrogate, start..self.pos));
        }
        self.pos += 2;
        let low = self.hex4(start)?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(self.error_at(SyntaxErrorKind::LoneSurrogate, start..self.pos));
        }
        let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(combined).ok_or_else(|| self.error_at(SyntaxErrorKind::LoneSurrogate, start..self.pos))
    }

    fn hex4(&mut self, start: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).filter(|digits| digits.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            let end = self.char_end(self.pos.min(self.bytes.len()));
            return Err(self.error_at(SyntaxErrorKind::InvalidEscape, start..end));
        };
        let value = digits.iter().fold(0u32, |acc, digit| acc * 16 + char::from(*digit).to_digit(16).unwrap_or(0));
        self.pos += 4;
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if !self.digits() {
            return Err(self.unexpected(Expected::Digit));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.digits() {
                return Err(self.unexpected(Expected::DigitAfterDecimalPoint));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.digits() {
                return Err(self.unexpected(Expected::DigitInExponent));
            }
        }
        Ok(Value::Number)
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(Expected::Value))
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn char_end(&self, at: usize) -> usize {
        self.text[at.min(self.text.len())..].chars().next().map_or(self.text.len(), |c| at + c.len_utf8())
    }

    fn unexpected(&self, expected: Expected) -> SyntaxError {
        let found = self.text[self.pos..].chars().next();
        match found {
            None => SyntaxError { kind: SyntaxErrorKind::Truncated { open: self.pos }, span: self.pos..self.pos },
            Some(c) => SyntaxError {
                kind: SyntaxErrorKind::Unexpected { found: c, expected },
                span: self.pos..self.pos + c.len_utf8(),
            },
        }
    }

    fn truncated(&self, open: usize) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Truncated { open }, span: self.pos..self.pos }
    }

    fn error_here(&self, kind: SyntaxErrorKind) -> SyntaxError {
        self.error_at(kind, self.pos..self.char_end(self.pos))
    }

    fn error_at(&self, kind: SyntaxErrorKind, span: Range<usize>) -> SyntaxError {
        SyntaxError { kind, span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Parsed, SyntaxError> {
        parse_value_at(text, 0)
    }

    fn object(text: &str) -> Vec<Member> {
        match parse(text).unwrap().node.value {
            Value::Object(members) => members,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn parses_members_with_spans_and_duplicates() {
        let text = r#"{"a": "x", "b": [1, -2.5e3, true, null], "a": {"c": "\u00e9\ud83d\ude00"}}"#;
        let members = object(text);
        assert_eq!(members.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(), ["a", "b", "a"]);
        assert_eq!(&text[members[0].value.span.clone()], "\"x\"");
        assert_eq!(&text[members[0].key_span.clone()], "\"a\"");
        let Value::Object(inner) = &members[2].value.value else { panic!() };
        assert_eq!(inner[0].value.value, Value::String("é😀".into()));
    }

    #[test]
    fn trailing_commas_are_recovered_and_reported() {
        let parsed = parse("{\"a\": [1,], \"b\": 2,}").unwrap();
        assert_eq!(parsed.recovered.len(), 2);
        assert!(parsed.recovered.iter().all(|error| error.kind == SyntaxErrorKind::TrailingComma));
    }

    #[test]
    fn truncation_names_the_opening_brace() {
        let error = parse("{\"a\": \"b\"").unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::Truncated { open: 0 });
    }

    #[test]
    fn a_missing_comma_is_unexpected_text() {
        let error = parse("{\"a\": \"b\"\n \"c\": 1}").unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::Unexpected { found: '"', expected: Expected::CommaOrClosingBrace });
        assert_eq!(error.span, 11..12);
    }

    #[test]
    fn string_problems() {
        assert_eq!(parse(r#"{"a": "\ud800"}"#).unwrap_err().kind, SyntaxErrorKind::LoneSurrogate);
        assert_eq!(parse(r#"{"a": "\udc00\u0041"}"#).unwrap_err().kind, SyntaxErrorKind::LoneSurrogate);
        assert_eq!(parse(r#"{"a": "\x"}"#).unwrap_err().kind, SyntaxErrorKind::InvalidEscape);
        assert_eq!(parse(r#"{"a": "\u12"}"#).unwrap_err().kind, SyntaxErrorKind::InvalidEscape);
        assert_eq!(
            parse("{\"a\": \"line\nbreak\"}").unwrap_err().kind,
            SyntaxErrorKind::ControlCharacterInString { character: '\n' }
        );
        assert_eq!(parse("{\"a\": \"x\0\"}").unwrap_err().kind, SyntaxErrorKind::ControlCharacterInString { character: '\0' });
        assert_eq!(parse("{'a': 1}").unwrap_err().kind, SyntaxErrorKind::SingleQuotes);
        assert_eq!(parse("{\"a\": \"open").unwrap_err().kind, SyntaxErrorKind::UnterminatedString);
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().kind, SyntaxErrorKind::TooDeep);
    }

    #[test]
    fn numbers_follow_the_grammar() {
        assert!(parse("-0.5E+10").is_ok());
        assert!(parse("-").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("1e").is_err());
    }
}
