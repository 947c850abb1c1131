//! HTML written as text, for what the page draws many times over (the table's rows) and for its
//! header row: the browser parses a row's cells from one string, where building them element by
//! element takes a call from wasm to the browser for each element, attribute and text. Every
//! value is escaped here; names of elements and attributes are the program's own (`&'static str`).

/// An attribute: its name, and its value, or `None` to leave it out.
pub type Attribute<'a> = (&'static str, Option<&'a str>);

/// HTML being written.
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// `<tag name="value" …>`, leaving out the attributes without a value.
    pub fn open(&mut self, tag: &'static str, attributes: &[Attribute]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            let Some(value) = value else { continue };
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            html_escape::encode_double_quoted_attribute_to_string(value, &mut self.0);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        html_escape::encode_text_to_string(text, &mut self.0);
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// An element with only text inside.
    pub fn element(&mut self, tag: &'static str, attributes: &[Attribute], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_break_out_of_their_text_or_attribute() {
        let hostile = r#""><img src=x onerror=alert(1)>&amp;<'"#;
        let mut html = Html::default();
        html.element("td", &[("title", Some(hostile)), ("data-icon", None)], hostile);
        assert_eq!(
            html.into_string(),
            r#"<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&lt;'">"&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;&lt;'</td>"#
        );
    }

    #[test]
    fn an_empty_value_is_written_and_a_missing_one_left_out() {
        let mut html = Html::default();
        html.open("button", &[("disabled", Some("")), ("id", None), ("type", Some("button"))]).close("button");
        assert_eq!(html.into_string(), r#"<button disabled="" type="button"></button>"#);
    }
}
