//! Timestamps as the contract writes them: UTC, RFC 3339, second precision.

use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

const FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// Formats `moment` as `2026-11-02T09:14:00Z`.
pub fn format(moment: OffsetDateTime) -> String {
    moment
        .to_offset(UtcOffset::UTC)
        .format(FORMAT)
        .expect("a UTC date in the range SQLite stores always formats")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats_in_utc_with_seconds_and_z() {
        assert_eq!(format(datetime!(2026-11-02 10:14:00 +01:00)), "2026-11-02T09:14:00Z");
    }
}
