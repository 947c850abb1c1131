//! Presenting values of the API to people.

/// `2026-11-20T16:03:11Z` as `2026-11-20 16:03 UTC`; anything unexpected is shown as it is.
pub fn timestamp(value: &str) -> String {
    let Some((date, time)) = value.strip_suffix('Z').and_then(|rest| rest.split_once('T')) else {
        return value.to_owned();
    };
    match time.get(..5) {
        Some(hours_minutes) if date.len() == 10 => format!("{date} {hours_minutes} UTC"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_date_and_minutes_in_utc() {
        assert_eq!(timestamp("2026-11-20T16:03:11Z"), "2026-11-20 16:03 UTC");
    }

    #[test]
    fn leaves_other_text_alone() {
        assert_eq!(timestamp("yesterday"), "yesterday");
        assert_eq!(timestamp("2026-11-20T16Z"), "2026-11-20T16Z");
    }
}
