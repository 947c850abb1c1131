//! Presenting values of the API to people: dates, client IDs, credential expiry. Timestamps
//! and relative times are formats of the language (like `i18n::date`), written here for each
//! language so that both can be tested on the host; the other texts are translated by `t`/`tf`.

use crate::components::icon::Icon;
use crate::i18n::{self, t, tf, Language};
use crate::tone::Tone;

/// `2026-11-20T16:03:11Z` as `2026-11-20 16:03 UTC` (German: `20.11.2026, 16:03 UTC`);
/// anything unexpected is shown as it is.
pub fn timestamp(value: &str) -> String {
    timestamp_in(value, i18n::language())
}

fn timestamp_in(value: &str, language: Language) -> String {
    let Some((date, time)) = value.strip_suffix('Z').and_then(|rest| rest.split_once('T')) else {
        return value.to_owned();
    };
    let Some(hours_minutes) = time.get(..5).filter(|_| date.len() == 10) else {
        return value.to_owned();
    };
    match language {
        Language::English => format!("{date} {hours_minutes} UTC"),
        Language::German => match date.split('-').collect::<Vec<_>>().as_slice() {
            [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
                format!("{day}.{month}.{year}, {hours_minutes} UTC")
            }
            _ => value.to_owned(),
        },
    }
}

/// Seconds since 1970 of an RFC 3339 UTC timestamp such as `2026-11-20T16:03:11Z`.
pub fn unix_seconds(value: &str) -> Option<i64> {
    let bytes = value.as_bytes();
    if bytes.len() < 20 || !value.ends_with('Z') || bytes[4] != b'-' || bytes[7] != b'-' || bytes[10] != b'T' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// A time as the table shows it: how long ago, then on a line of its own exactly
/// (`9 minutes ago` / `(2026-11-30 14:31 UTC)`; where lines are not kept, a space).
pub fn ago_and_exact(now: i64, value: &str) -> String {
    ago_and_exact_in(now, value, i18n::language())
}

fn ago_and_exact_in(now: i64, value: &str, language: Language) -> String {
    let exact = timestamp_in(value, language);
    match unix_seconds(value) {
        Some(then) => format!("{}\n({exact})", relative_in(now, then, language)),
        None => exact,
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl Unit {
    fn english(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The unit after "vor": singular, or dative plural.
    fn german(self, one: bool) -> &'static str {
        match (self, one) {
            (Unit::Minute, true) => "Minute",
            (Unit::Minute, false) => "Minuten",
            (Unit::Hour, true) => "Stunde",
            (Unit::Hour, false) => "Stunden",
            (Unit::Day, true) => "Tag",
            (Unit::Day, false) => "Tagen",
            (Unit::Month, true) => "Monat",
            (Unit::Month, false) => "Monaten",
            (Unit::Year, true) => "Jahr",
            (Unit::Year, false) => "Jahren",
        }
    }
}

/// How long ago `then` was at `now` (both in seconds), like "3 days ago" ("vor 3 Tagen").
fn relative_in(now: i64, then: i64, language: Language) -> String {
    let just_now = match language {
        Language::English => "just now",
        Language::German => "gerade eben",
    };
    let seconds = now - then;
    let (amount, unit) = match seconds {
        ..60 => return just_now.to_owned(),
        60..3_600 => (seconds / 60, Unit::Minute),
        3_600..86_400 => (seconds / 3_600, Unit::Hour),
        86_400..2_592_000 => (seconds / 86_400, Unit::Day),
        2_592_000..31_536_000 => (seconds / 2_592_000, Unit::Month),
        _ => (seconds / 31_536_000, Unit::Year),
    };
    let one = amount == 1;
    match language {
        Language::English => format!("{amount} {}{} ago", unit.english(), if one { "" } else { "s" }),
        Language::German => format!("vor {amount} {}", unit.german(one)),
    }
}

/// The part of a client ID that tells one key from another, for a table cell. The API portal's
/// client IDs (`sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160`) share their start and
/// their end with every other key of the portal; what differs is the number in the middle and
/// its `!b` part (`1689070958781!b6077`). Other IDs keep their end, where keys differ most. Either
/// way a long part keeps only its end: the cell does not wrap, and one row must not widen them all.
pub fn distinguishing_client_id(client_id: &str) -> String {
    let own = client_id.split('|').next().unwrap_or(client_id);
    let differing = own
        .strip_prefix("sb-")
        .and_then(|rest| {
            let at = rest.find(|c: char| c.is_ascii_digit())?;
            rest[..at].chars().all(|c| c.is_ascii_alphabetic() || c == '-').then(|| &rest[at..])
        })
        .unwrap_or(own);
    let chars: Vec<char> = differing.chars().collect();
    if chars.len() <= 24 {
        return differing.to_owned();
    }
    let end: String = chars[chars.len() - 20..].iter().collect();
    format!("…{end}")
}

/// Where credentials stand against their expiry date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Expired { days_ago: i64 },
    Soon { days_left: i64 },
    Valid { days_left: i64 },
}

/// Credentials expiring within this many days deserve a warning.
const WARN_DAYS: i64 = 30;

impl Expiry {
    pub fn at(now: i64, expires_at: i64) -> Self {
        let seconds = expires_at - now;
        if seconds <= 0 {
            Expiry::Expired { days_ago: (-seconds) / 86_400 }
        } else if seconds < WARN_DAYS * 86_400 {
            Expiry::Soon { days_left: seconds.div_euclid(86_400) }
        } else {
            Expiry::Valid { days_left: seconds / 86_400 }
        }
    }

    /// What the table says about it.
    pub fn label(self) -> String {
        match self {
            Expiry::Expired { days_ago: 0 } => t("Expired today").to_owned(),
            Expiry::Expired { days_ago: 1 } => t("Expired yesterday").to_owned(),
            Expiry::Expired { days_ago } => tf("Expired {days} days ago", &[("days", &days_ago)]),
            Expiry::Soon { days_left: 0 } => t("Expires today").to_owned(),
            Expiry::Soon { days_left: 1 } => t("Expires tomorrow").to_owned(),
            Expiry::Soon { days_left } => tf("Expires in {days} days", &[("days", &days_left)]),
            Expiry::Valid { days_left } => tf("Valid for {days} days", &[("days", &days_left)]),
        }
    }

    /// How it is shown: expired is an error, soon a warning; valid needs no icon.
    pub fn presentation(self) -> (Tone, Option<Icon>) {
        match self {
            Expiry::Expired { .. } => (Tone::Negative, Some(Icon::Error)),
            Expiry::Soon { .. } => (Tone::Warning, Some(Icon::Clock)),
            Expiry::Valid { .. } => (Tone::Neutral, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_date_and_minutes_in_utc() {
        assert_eq!(timestamp("2026-11-20T16:03:11Z"), "2026-11-20 16:03 UTC");
        assert_eq!(timestamp("yesterday"), "yesterday");
    }

    #[test]
    fn german_timestamps_are_day_month_year() {
        assert_eq!(timestamp_in("2026-11-20T16:03:11Z", Language::German), "20.11.2026, 16:03 UTC");
        assert_eq!(timestamp_in("2026-11-20T16:03:11Z", Language::English), "2026-11-20 16:03 UTC");
        assert_eq!(timestamp_in("yesterday", Language::German), "yesterday");
        assert_eq!(timestamp_in("2026/11/20T16:03:11Z", Language::German), "2026/11/20T16:03:11Z");
    }

    #[test]
    fn reads_timestamps() {
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(unix_seconds("2026-11-20T16:03:11Z"), Some(1_795_190_591));
        assert_eq!(unix_seconds("2024-02-29T12:00:00Z"), Some(1_709_208_000));
        assert_eq!(unix_seconds("2026-13-01T00:00:00Z"), None);
        assert_eq!(unix_seconds("soon"), None);
    }

    #[test]
    fn relative_dates_read_naturally() {
        let now = 1_000_000_000;
        let relative = |now, then| relative_in(now, then, Language::English);
        assert_eq!(relative(now, now - 5), "just now");
        assert_eq!(relative(now, now + 5), "just now");
        assert_eq!(relative(now, now - 60), "1 minute ago");
        assert_eq!(relative(now, now - 7_200), "2 hours ago");
        assert_eq!(relative(now, now - 3 * 86_400), "3 days ago");
        assert_eq!(relative(now, now - 65 * 86_400), "2 months ago");
        assert_eq!(relative(now, now - 400 * 86_400), "1 year ago");
    }

    #[test]
    fn the_table_says_how_long_ago_and_exactly() {
        let then = "2001-09-09T01:46:40Z";
        let now = unix_seconds(then).unwrap() + 540;
        assert_eq!(ago_and_exact_in(now, then, Language::English), "9 minutes ago\n(2001-09-09 01:46 UTC)");
        assert_eq!(ago_and_exact_in(now, then, Language::German), "vor 9 Minuten\n(09.09.2001, 01:46 UTC)");
        assert_eq!(ago_and_exact_in(now, "yesterday", Language::English), "yesterday");
    }

    #[test]
    fn german_relative_dates_use_the_dative_plural() {
        let now = 1_000_000_000;
        let german = |then| relative_in(now, then, Language::German);
        assert_eq!(german(now - 5), "gerade eben");
        assert_eq!(german(now + 5), "gerade eben");
        assert_eq!(german(now - 60), "vor 1 Minute");
        assert_eq!(german(now - 180), "vor 3 Minuten");
        assert_eq!(german(now - 3_600), "vor 1 Stunde");
        assert_eq!(german(now - 7_200), "vor 2 Stunden");
        assert_eq!(german(now - 86_400), "vor 1 Tag");
        assert_eq!(german(now - 3 * 86_400), "vor 3 Tagen");
        assert_eq!(german(now - 35 * 86_400), "vor 1 Monat");
        assert_eq!(german(now - 65 * 86_400), "vor 2 Monaten");
        assert_eq!(german(now - 400 * 86_400), "vor 1 Jahr");
        assert_eq!(german(now - 800 * 86_400), "vor 2 Jahren");
        assert_eq!(relative_in(now, now - 86_400, Language::English), "1 day ago");
    }

    #[test]
    fn a_client_id_is_shown_by_the_part_that_differs_between_keys() {
        let before = distinguishing_client_id("sb-apiaccess1689070958781!b6077|api-portal-xsuaa!b2160");
        let after = distinguishing_client_id("sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160");
        assert_eq!(before, "1689070958781!b6077");
        assert_eq!(after, "1701234567890!b6077");
        assert_ne!(before, after, "a new key reads differently");
        assert_eq!(distinguishing_client_id("sb-na-1234!t5678"), "1234!t5678");
        assert_eq!(distinguishing_client_id("sb-short"), "sb-short");
        assert_eq!(distinguishing_client_id("a-client-id-of-some-other-shape-0042"), "…ome-other-shape-0042");
        let long_number = format!("sb-apiaccess{}!b6077|api-portal-xsuaa!b2160", "7".repeat(390));
        assert_eq!(distinguishing_client_id(&long_number), format!("…{}!b6077", "7".repeat(14)), "a long number keeps its end");
    }

    #[test]
    fn expiry_warns_under_thirty_days_and_errs_when_past() {
        let now = 1_000_000_000;
        let day = 86_400;
        assert_eq!(Expiry::at(now, now - 2 * day), Expiry::Expired { days_ago: 2 });
        assert_eq!(Expiry::at(now, now - 2 * day).presentation(), (Tone::Negative, Some(Icon::Error)));
        assert_eq!(Expiry::at(now, now + 12 * day + 5), Expiry::Soon { days_left: 12 });
        assert_eq!(Expiry::at(now, now + 12 * day).label(), "Expires in 12 days");
        assert_eq!(Expiry::at(now, now + 12 * day).presentation().1, Some(Icon::Clock), "not the hourglass of Pending approval");
        assert_eq!(Expiry::at(now, now + 300 * day).presentation(), (Tone::Neutral, None));
        assert_eq!(Expiry::at(now, now - 10).label(), "Expired today");
    }
}
