//! The release build's page with the design tokens that no theme changes written out in its
//! stylesheet. `style/main.css` keeps every space, size and font as a custom property of `:root`,
//! and so it stays; but in a built page, a value with `var()` costs the browser work for every
//! element it applies to, on every style pass: it substitutes the token and parses the value
//! again (opening a dialog restyles the whole page, a table cell has several such values). With
//! the constant tokens written out, the restyle as Edit Credentials first opens takes a quarter
//! less time (about 8 ms less on a CPU four times slower; see the note of issue #13). Theme
//! tokens (the colours, the border width of the high-contrast themes) stay custom properties;
//! `:root` still declares every token, for the dialogs' stylesheet.

use std::collections::HashMap;
use std::path::Path;

/// Writes out the constant tokens in the inline stylesheet of the built pages in `dist`.
/// `other_sheets` are the app's stylesheets that do not come with the page (the dialogs'): a
/// token they declare too is no constant.
pub fn write_out(dist: &Path, other_sheets: &[&str]) -> Result<(), String> {
    crate::build::rewrite_pages(dist, |page, html| {
        let (start, end) = inline_stylesheet(&html).ok_or_else(|| format!("{page} has no inline stylesheet"))?;
        let css = with_constants_written_out(&html[start..end], other_sheets);
        Ok(format!("{}{css}{}", &html[..start], &html[end..]))
    })
}

/// Where the text of the page's one `<style>` element is.
fn inline_stylesheet(html: &str) -> Option<(usize, usize)> {
    let open = html.find("<style")?;
    let start = open + html[open..].find('>')? + 1;
    Some((start, start + html[start..].find("</style>")?))
}

/// `css` with each `var(--token)` of a constant token replaced by its value, where a value
/// may be: in a declaration, not in a string, a `url()` or an at-rule's prelude.
fn with_constants_written_out(css: &str, other_sheets: &[&str]) -> String {
    let css = without_comments(css);
    let constants = constant_tokens(&css, other_sheets);
    let mut written = String::with_capacity(css.len());
    let mut at = 0;
    while let Some(c) = css[at..].chars().next() {
        let rest = &css[at..];
        let copied = match c {
            'u' if rest.starts_with("url(") && !rest[4..].starts_with(['"', '\'']) => rest.find(')').map_or(rest.len(), |close| close + 1),
            'v' if rest.starts_with("var(--") => {
                let name_end = 4 + rest[4..].find(|c: char| !is_name_char(c)).unwrap_or(rest.len() - 4);
                let value = constants.get(&rest[4..name_end]).filter(|_| rest[name_end..].starts_with(')'));
                match value.filter(|_| statement_end(&rest[name_end + 1..]).1 != Some('{')) {
                    Some(value) => {
                        // Minified CSS has no blank where a `)` ends a value: `var(--a)var(--b)`.
                        if written.ends_with(|c: char| !"(,:{;/ ".contains(c)) {
                            written.push(' ');
                        }
                        written.push_str(value);
                        if rest[name_end + 1..].starts_with(|c: char| !"),;}/! ".contains(c)) {
                            written.push(' ');
                        }
                        at += name_end + 1;
                        continue;
                    }
                    None => name_end,
                }
            }
            _ => unit_length(rest),
        };
        written.push_str(&rest[..copied]);
        at += copied;
    }
    written
}

/// The tokens declared once in all of the app's stylesheets, in the top-level `:root` rule of
/// `css`, with a value of their own (no `var()`): their names and values.
fn constant_tokens(css: &str, other_sheets: &[&str]) -> HashMap<String, String> {
    // A registered property (`@property`) may not inherit, or may have a type: left as it is.
    if std::iter::once(css).chain(other_sheets.iter().copied()).any(|sheet| sheet.contains("@property")) {
        return HashMap::new();
    }
    let own = declarations(css);
    let mut declared: HashMap<&str, usize> = HashMap::new();
    let others: Vec<String> = other_sheets.iter().map(|sheet| without_comments(sheet)).collect();
    let names = others.iter().flat_map(|sheet| declarations(sheet)).map(|declaration| declaration.name);
    for name in own.iter().map(|declaration| declaration.name).chain(names) {
        *declared.entry(name).or_default() += 1;
    }
    own.iter()
        .filter(|declaration| declaration.in_root && declared[declaration.name] == 1)
        .filter(|declaration| !declaration.value.contains("var(") && !declaration.value.contains('!'))
        .map(|declaration| (declaration.name.to_owned(), declaration.value.to_owned()))
        .collect()
}

/// A custom property's declaration.
struct Declaration<'a> {
    name: &'a str,
    value: &'a str,
    /// Directly in a top-level rule whose selector is `:root`.
    in_root: bool,
}

/// Every custom property declared in `css` (without comments).
fn declarations(css: &str) -> Vec<Declaration<'_>> {
    let mut found = Vec::new();
    // The selectors (or at-rules) of the blocks the scan is in.
    let mut blocks: Vec<&str> = Vec::new();
    let mut statement_start = 0;
    let mut at = 0;
    while let Some(c) = css[at..].chars().next() {
        let rest = &css[at..];
        at += match c {
            '{' => {
                blocks.push(css[statement_start..at].trim());
                statement_start = at + 1;
                1
            }
            '}' => {
                blocks.pop();
                statement_start = at + 1;
                1
            }
            ';' => {
                statement_start = at + 1;
                1
            }
            '-' if rest.starts_with("--") && !blocks.is_empty() && css[statement_start..at].trim().is_empty() => {
                let name_end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
                match rest[name_end..].trim_start().strip_prefix(':') {
                    Some(value) => {
                        let (length, _) = statement_end(value);
                        found.push(Declaration { name: &rest[..name_end], value: value[..length].trim(), in_root: blocks == [":root"] });
                        rest.len() - value.len() + length
                    }
                    None => name_end,
                }
            }
            _ => unit_length(rest),
        };
    }
    found
}

/// How long the value or prelude at the start of `text` is, and what ends it: its `;`, its
/// block's `}`, or the `{` of the block it is the prelude of (none at the end of `text`).
/// Brackets, strings and escaped characters end nothing.
fn statement_end(text: &str) -> (usize, Option<char>) {
    let (mut depth, mut at) = (0usize, 0);
    while let Some(c) = text[at..].chars().next() {
        match c {
            ';' | '}' | '{' if depth == 0 => return (at, Some(c)),
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += unit_length(&text[at..]);
    }
    (text.len(), None)
}

/// How long what starts `text` is, as the scans step over it: a string, quotes included (to the
/// end of `text` if it is not closed), an escaped character, or one character. Nothing inside
/// a string or after a `\\` means anything to them.
fn unit_length(text: &str) -> usize {
    let Some(quote) = text.chars().next() else { return 0 };
    match quote {
        '"' | '\'' => {}
        '\\' => return 1 + text[1..].chars().next().map_or(0, char::len_utf8),
        _ => return quote.len_utf8(),
    }
    let mut escaped = false;
    for (at, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            _ if c == quote => return at + 1,
            _ => {}
        }
    }
    text.len()
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `css` without its `/* … */` comments (the built page's stylesheet has none); strings keep
/// theirs.
fn without_comments(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut at = 0;
    while at < css.len() {
        let rest = &css[at..];
        if let Some(comment) = rest.strip_prefix("/*") {
            at += comment.find("*/").map_or(rest.len(), |end| end + 4);
            continue;
        }
        let copied = unit_length(rest);
        text.push_str(&rest[..copied]);
        at += copied;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_no_theme_changes_are_written_out_and_theme_tokens_stay() {
        let css = ":root{--space-s:.5rem;--space-m:1rem;--color:red}[data-theme=x]{--color:blue}\
                   .cell{padding:var(--space-s)var(--space-m);margin:0 var(--space-s)0;color:var(--color)}";
        assert_eq!(
            with_constants_written_out(css, &[]),
            ":root{--space-s:.5rem;--space-m:1rem;--color:red}[data-theme=x]{--color:blue}\
             .cell{padding:.5rem 1rem;margin:0 .5rem 0;color:var(--color)}"
        );
    }

    #[test]
    fn values_keep_their_tokens_apart() {
        let css = ":root{--s:.5rem;--font:system-ui,\"Segoe UI\",sans-serif}\
                   .a{width:calc(var(--s) + 1rem + var(--s)*2);font-family:var(--font);inset:var(--s)/var(--s)}";
        assert_eq!(
            with_constants_written_out(css, &[]),
            ":root{--s:.5rem;--font:system-ui,\"Segoe UI\",sans-serif}\
             .a{width:calc(.5rem + 1rem + .5rem *2);font-family:system-ui,\"Segoe UI\",sans-serif;inset:.5rem/.5rem}"
        );
    }

    #[test]
    fn a_token_declared_anywhere_else_or_built_from_another_stays() {
        let css = ":root{--a:1px;--b:2px;--c:calc(var(--a)*2);--d:3px;--e:4px}@media (x){:root{--b:3px}}\
                   .x{--d:5px}.y{margin:var(--a) var(--b) var(--c) var(--d);padding:var(--e);gap:var(--a,1rem)}";
        let written = with_constants_written_out(css, &[".dialog{--e:0}"]);
        assert!(written.ends_with(".y{margin:1px var(--b) var(--c) var(--d);padding:var(--e);gap:var(--a,1rem)}"), "{written}");
    }

    #[test]
    fn comments_and_strings_do_not_confuse_it() {
        let css = "/* :root{--a:9px} */:root{--a:1px}.q::after{content:\"--a:2px;{\"}.r{top:var(--a)}";
        assert_eq!(with_constants_written_out(css, &[]), ":root{--a:1px}.q::after{content:\"--a:2px;{\"}.r{top:1px}");
    }

    #[test]
    fn strings_urls_escapes_and_at_rules_keep_their_text() {
        let css = r#":root{--a:1px}q::after{content:"/* var(--a) \" var(--a)"}.u{background:url(x.svg#var(--a))}"#.to_owned()
            + "@media (min-width:var(--a)){.m{top:var(--a)}}.x{--b:\\;}";
        assert_eq!(
            with_constants_written_out(&css, &[]),
            r#":root{--a:1px}q::after{content:"/* var(--a) \" var(--a)"}.u{background:url(x.svg#var(--a))}"#.to_owned()
                + "@media (min-width:var(--a)){.m{top:1px}}.x{--b:\\;}"
        );
    }

    #[test]
    fn an_escaped_quote_hides_no_declaration() {
        let css = r#":root{--a:1px}q::after{content:"\""}.x{--a:2px}.y{top:var(--a)}"#;
        assert_eq!(with_constants_written_out(css, &[]), css);
    }

    #[test]
    fn important_tokens_and_registered_properties_stay() {
        let important = ":root{--a:1px!important}.x{margin:var(--a) 0}";
        assert_eq!(with_constants_written_out(important, &[]), important);
        let registered = "@property --a{syntax:\"<length>\";inherits:false;initial-value:0px}:root{--a:1px}.x{top:var(--a)}";
        assert_eq!(with_constants_written_out(registered, &[]), registered);
    }

    #[test]
    fn the_apps_stylesheet_keeps_its_theme_tokens_and_loses_its_constant_ones() {
        let root = crate::workspace_root().join("style");
        let main = std::fs::read_to_string(root.join("main.css")).expect("style/main.css");
        let dialogs = std::fs::read_to_string(root.join("dialogs.css")).expect("style/dialogs.css");
        let constants = constant_tokens(&without_comments(&main), &[&dialogs]);
        let mut names: Vec<&str> = constants.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "--font-family", "--font-family-code", "--font-size", "--font-size-small", "--font-size-title", "--radius",
                "--space-l", "--space-m", "--space-s", "--space-xs"
            ]
        );
        let written = with_constants_written_out(&main, &[&dialogs]);
        for name in names {
            assert!(!written.contains(&format!("var({name})")), "{name} is still used as a custom property");
        }
        for theme_token in ["var(--color-text)", "var(--color-border)", "var(--border-width)"] {
            assert!(written.contains(theme_token), "{theme_token} was written out");
        }
    }

    #[test]
    fn the_page_keeps_all_but_its_stylesheets_text() {
        let dist = tempfile::tempdir().expect("a temporary folder");
        let page = "<!doctype html><style>:root{--s:1px}a{top:var(--s)}</style><script>var(--s)</script>";
        std::fs::write(dist.path().join("index.html"), page).expect("written");
        write_out(dist.path(), &[]).expect("written out");
        let written = std::fs::read_to_string(dist.path().join("index.html")).expect("read");
        assert_eq!(written, "<!doctype html><style>:root{--s:1px}a{top:1px}</style><script>var(--s)</script>");
    }
}
