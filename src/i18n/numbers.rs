//! Numbers and dates in the user's language: 1,234 and 2026-11-29 in English, 1.234 and
//! 29.11.2026 in German.

use super::{language, Language};

/// A whole number with the language's thousands separator.
pub fn count(value: u64) -> String {
    group(value, language())
}

fn group(value: u64, language: Language) -> String {
    let separator = match language {
        Language::English => ',',
        Language::German => '.',
    };
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A calendar date given as `YYYY-MM-DD`, in the language's format; anything else as it is.
pub fn date(iso: &str) -> String {
    format_date(iso, language())
}

fn format_date(iso: &str, language: Language) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match (language, parts.as_slice()) {
        (Language::German, [year, month, day]) if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
            format!("{day}.{month}.{year}")
        }
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_the_languages_way() {
        assert_eq!(group(0, Language::English), "0");
        assert_eq!(group(999, Language::German), "999");
        assert_eq!(group(1_234, Language::English), "1,234");
        assert_eq!(group(1_234_567, Language::German), "1.234.567");
        assert_eq!(group(100_000, Language::German), "100.000");
    }

    #[test]
    fn german_dates_are_day_month_year() {
        assert_eq!(format_date("2026-11-29", Language::German), "29.11.2026");
        assert_eq!(format_date("2026-11-29", Language::English), "2026-11-29");
        assert_eq!(format_date("soon", Language::German), "soon");
    }
}
