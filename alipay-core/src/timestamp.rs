//! The `timestamp` parameter: `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8) whatever the
//! host's time zone (the Node and Python SDKs use local time and are wrong elsewhere).

use std::fmt;
use std::time::SystemTime;

use time::macros::{format_description, offset};
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::error::Error;

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// A valid `timestamp` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp(String);

impl Timestamp {
    /// The current instant in UTC+8. China has had no daylight saving since 1991, so a fixed
    /// offset is exact.
    pub fn now() -> Self {
        Self::at(SystemTime::now())
    }

    /// The given instant in UTC+8.
    pub fn at(instant: SystemTime) -> Self {
        let t = OffsetDateTime::from(instant).to_offset(offset!(+8));
        // Formatting a valid date with a fixed description cannot fail; years past 9999 are
        // not representable in this format and never occur.
        Timestamp(t.format(FORMAT).unwrap_or_default())
    }

    /// Checks a caller-supplied value (`2024-01-02 12:05:06`: zero-padded, 24-hour).
    pub fn parse(text: &str) -> Result<Self, Error> {
        PrimitiveDateTime::parse(text, FORMAT)
            .map(|_| Timestamp(text.to_string()))
            .map_err(|e| {
                Error::invalid(format!(
                    "timestamp {text:?} is not \"yyyy-MM-dd HH:mm:ss\" ({e})"
                ))
            })
    }

    /// `yyyy-MM-dd HH:mm:ss`, as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn beijing_time_regardless_of_host_zone() {
        // 2024-01-02 04:05:06 UTC is 12:05:06 in Beijing.
        let t = UNIX_EPOCH + Duration::from_secs(1_704_168_306);
        assert_eq!(Timestamp::at(t).as_str(), "2024-01-02 12:05:06");
        // Crossing midnight and a year boundary.
        let t = UNIX_EPOCH + Duration::from_secs(1_704_038_400 - 1); // 2023-12-31 15:59:59 UTC
        assert_eq!(Timestamp::at(t).as_str(), "2023-12-31 23:59:59");
        let t = UNIX_EPOCH + Duration::from_secs(1_704_038_400); // 16:00:00 UTC
        assert_eq!(Timestamp::at(t).as_str(), "2024-01-01 00:00:00");
    }

    #[test]
    fn parse_accepts_only_the_wire_format() {
        assert!(Timestamp::parse("2024-01-02 12:05:06").is_ok());
        for bad in [
            "2024-1-2 12:05:06",
            "2024-01-02T12:05:06",
            "2024-01-02 24:00:00",
            "2024-02-30 00:00:00",
            "",
            "2024-01-02 12:05:06 ",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?}");
        }
    }
}
