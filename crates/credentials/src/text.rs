//! The pasted text: safe repairs before parsing, and positions back in the text as pasted.

use std::ops::Range;

use crate::diagnostic::Location;
use crate::mask::mask_values;

/// Double quotes that word processors and chat tools put in place of `"`.
const TYPOGRAPHIC_DOUBLE_QUOTES: [char; 5] = ['\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{2033}'];
const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// The text to parse, after safe repairs, and the way back to the text as pasted.
pub struct Prepared<'a> {
    pub original: &'a str,
    pub text: String,
    /// `(offset in text, offset in original)` at each point where the two drift apart.
    anchors: Vec<(usize, usize)>,
    pub byte_order_mark_removed: bool,
    pub quotes_replaced: usize,
    /// Byte offsets in the original where each line starts.
    line_starts: Vec<usize>,
}

impl<'a> Prepared<'a> {
    /// Removes a leading byte-order mark and replaces typographic double quotes.
    pub fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut anchors = Vec::new();
        let mut rest = original;
        let byte_order_mark_removed = rest.starts_with(BYTE_ORDER_MARK);
        if byte_order_mark_removed {
            rest = &rest[BYTE_ORDER_MARK.len_utf8()..];
            anchors.push((0, BYTE_ORDER_MARK.len_utf8()));
        }
        let mut quotes_replaced = 0;
        let mut original_offset = original.len() - rest.len();
        for c in rest.chars() {
            original_offset += c.len_utf8();
            if TYPOGRAPHIC_DOUBLE_QUOTES.contains(&c) {
                text.push('"');
                quotes_replaced += 1;
                anchors.push((text.len(), original_offset));
            } else {
                text.push(c);
            }
        }
        let line_starts = std::iter::once(0).chain(original.match_indices('\n').map(|(at, _)| at + 1)).collect();
        Self { original, text, anchors, byte_order_mark_removed, quotes_replaced, line_starts }
    }

    /// The offset in the text as pasted of `offset` in the prepared text.
    pub fn original_offset(&self, offset: usize) -> usize {
        let index = self.anchors.partition_point(|(text_offset, _)| *text_offset <= offset);
        match index.checked_sub(1).map(|i| self.anchors[i]) {
            Some((text_offset, original_offset)) => original_offset + (offset - text_offset),
            None => offset,
        }
    }

    /// The span in the text as pasted of `span` in the prepared text.
    pub fn original_span(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.original_offset(span.start);
        let end = self.original_offset(span.end).max(start);
        start..end
    }

    /// The location, in the text as pasted, of `span` in the prepared text.
    pub fn location(&self, span: &Range<usize>) -> Location {
        let span = self.original_span(span);
        let start = self.original.floor_char_boundary(span.start);
        let line_index = self.line_starts.partition_point(|line_start| *line_start <= start) - 1;
        let line_start = self.line_starts[line_index];
        let column = self.original[line_start..start].chars().count() + 1;
        Location { line: line_index + 1, column, span }
    }
}

/// Line and column (1-based, in characters) of the start of `span` in `text`.
pub fn location_in(text: &str, span: Range<usize>) -> Location {
    let start = text.floor_char_boundary(span.start);
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before[line_start..].chars().count() + 1;
    Location { line, column, span }
}

/// The line of `text` around byte `offset`, at most `radius` characters either side, with every
/// value masked (whatever its quotes) so that no secret is ever echoed. Keys stay readable.
pub fn masked_excerpt(text: &str, offset: usize, radius: usize) -> String {
    let offset = text.floor_char_boundary(offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |newline| offset + newline);
    let line: Vec<char> = text[line_start..line_end].chars().collect();
    let (masked, position) = mask_values(&line, text[line_start..offset].chars().count());
    let from = position.saturating_sub(radius);
    let to = (position + radius).min(masked.len());
    let mut excerpt: String = masked[from..to].iter().collect();
    if from > 0 {
        excerpt.insert(0, '…');
    }
    if to < masked.len() {
        excerpt.push('…');
    }
    excerpt.trim().to_owned()
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_typographic_quotes_and_maps_offsets_back() {
        let original = "\u{FEFF}{\u{201C}a\u{201D}: \u{201C}b\u{201D}}";
        let prepared = Prepared::new(original);
        assert_eq!(prepared.text, r#"{"a": "b"}"#);
        assert!(prepared.byte_order_mark_removed);
        assert_eq!(prepared.quotes_replaced, 4);
        // The `b` is at byte 7 of the prepared text.
        let b = prepared.original_offset(7);
        assert_eq!(&original[b..b + 1], "b");
        let location = prepared.location(&(7..8));
        assert_eq!((location.line, location.column), (1, 9));
    }

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "{\n  \"é\": 1,\n  \"x\"";
        let at = text.find('x').unwrap();
        let location = location_in(text, at..at + 1);
        assert_eq!((location.line, location.column), (3, 4));
    }

    #[test]
    fn excerpts_mask_values_but_not_keys() {
        let text = "{\n  \"clientSecret\": \"top-secret\",}\n";
        let comma = text.find(",}").unwrap();
        let excerpt = masked_excerpt(text, comma, 40);
        assert_eq!(excerpt, "\"clientSecret\": \"•••\",}");
        assert!(!excerpt.contains("top-secret"));
    }

    #[test]
    fn excerpts_mask_values_in_any_quotes() {
        for quoted in ["\u{201C}top-secret\u{201D}", "'top-secret'", "\u{2018}top-secret\u{2019}", "top-secret"] {
            let text = format!("{{\n  'clientSecret': {quoted} 'url': 'x'}}\n");
            let excerpt = masked_excerpt(&text, text.find("'url'").unwrap(), 40);
            assert!(!excerpt.contains("top-secret"), "{excerpt}");
            assert!(excerpt.contains("clientSecret"), "{excerpt}");
        }
    }
}
