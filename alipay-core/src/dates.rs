//! Calendar values as Alipay writes them: [`Date`] (`yyyy-MM-dd`), [`Month`] (`yyyy-MM`) and
//! [`DateTime`] (`yyyy-MM-dd HH:mm:ss`), checked on construction (a real day, leap years
//! included; a real time of day) and kept as the exact text.
//!
//! Alipay's dates and times are **Beijing time** (UTC+8, no daylight saving since 1991) and
//! carry no offset: [`DateTime::to_offset_date_time`] attaches it.
//!
//! ```
//! use alipay_core::{Date, DateTime, Month};
//!
//! let d = Date::parse("2024-02-29").unwrap();
//! assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
//! assert_eq!(
//!     Date::parse("2023-02-29").unwrap_err().to_string(),
//!     r#"must be yyyy-MM-dd, got "2023-02-29" (no such day)"#
//! );
//! assert!(Month::parse("2024-13").is_err());
//! let t = DateTime::parse("2024-01-02 23:59:59").unwrap();
//! assert_eq!(t.to_primitive().hour(), 23);
//! assert!(DateTime::parse("2024-01-02 24:00:00").is_err());
//! ```

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a text is not a [`Date`], [`Month`], [`DateTime`] or [`Number`](crate::Number):
/// `must be yyyy-MM-dd, got "2024-02-30" (no such day)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// What is expected (`yyyy-MM-dd`).
    pub expected: &'static str,
    /// The text given (at most 64 characters of it).
    pub got: String,
    /// What exactly is wrong, when more than the shape (`no such day`).
    pub reason: Option<&'static str>,
}

impl FormatError {
    pub(crate) fn new(expected: &'static str, got: &str, reason: Option<&'static str>) -> Self {
        FormatError {
            expected,
            got: crate::wire::shorten(got),
            reason,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "must be {}, got {:?}", self.expected, self.got)?;
        if let Some(reason) = self.reason {
            write!(f, " ({reason})")?;
        }
        Ok(())
    }
}

impl std::error::Error for FormatError {}

/// The digits of `b` at the positions of `d` in `shape`, the other bytes equal to `shape`'s
/// (`yyyy-MM-dd`); `None` if the shape does not match.
fn shaped<const N: usize>(text: &str, shape: &[u8; N]) -> Option<[u8; N]> {
    let b: [u8; N] = text.as_bytes().try_into().ok()?;
    for (have, want) in b.iter().zip(shape.iter()) {
        let ok = if *want == b'd' {
            have.is_ascii_digit()
        } else {
            have == want
        };
        if !ok {
            return None;
        }
    }
    Some(b)
}

/// The decimal value of the ASCII digits `b[range]` (already checked to be digits).
fn num(b: &[u8], from: usize, len: usize) -> u16 {
    b.iter()
        .skip(from)
        .take(len)
        .fold(0u16, |n, d| n * 10 + u16::from(d.wrapping_sub(b'0')))
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Checks month and day of `yyyy-MM-dd` digits at the start of `b`.
fn check_day(b: &[u8]) -> Result<(), &'static str> {
    let (year, month, day) = (num(b, 0, 4), num(b, 5, 2), num(b, 8, 2));
    if !(1..=12).contains(&month) {
        return Err("no such month");
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err("no such day");
    }
    Ok(())
}

fn as_text(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_default()
}

macro_rules! text_type {
    ($t:ident, $expected:literal) => {
        impl $t {
            /// The text exactly as given.
            pub fn as_str(&self) -> &str {
                as_text(&self.0)
            }
        }

        impl FromStr for $t {
            type Err = FormatError;
            fn from_str(s: &str) -> Result<Self, FormatError> {
                $t::parse(s)
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "({:?})"), self.as_str())
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[doc = concat!("From a string `", $expected, "`.")]
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $t::parse(&text).map_err(D::Error::custom)
            }
        }
    };
}

/// A calendar day `yyyy-MM-dd` (Beijing time), e.g. `2024-02-29`: ASCII digits of exactly
/// these widths, a month 01–12 and a day that exists in it (leap years included). Ordered
/// chronologically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date([u8; 10]);

text_type!(Date, "yyyy-MM-dd");

impl Date {
    const EXPECTED: &'static str = "yyyy-MM-dd";

    /// Checks `text` (`2024-02-29`).
    pub fn parse(text: &str) -> Result<Date, FormatError> {
        let b = shaped(text, b"dddd-dd-dd")
            .ok_or_else(|| FormatError::new(Date::EXPECTED, text, None))?;
        check_day(&b).map_err(|r| FormatError::new(Date::EXPECTED, text, Some(r)))?;
        Ok(Date(b))
    }

    /// The day of a `time::Date` (years 0000–9999).
    pub fn from_time_date(date: time::Date) -> Result<Date, FormatError> {
        let text = format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        if !(0..=9999).contains(&date.year()) {
            return Err(FormatError::new(
                Date::EXPECTED,
                &text,
                Some("the year must be 0000-9999"),
            ));
        }
        Date::parse(&text)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        num(&self.0, 0, 4)
    }

    /// 1–12.
    pub fn month(&self) -> u8 {
        num(&self.0, 5, 2) as u8
    }

    /// 1–31.
    pub fn day(&self) -> u8 {
        num(&self.0, 8, 2) as u8
    }

    /// The same day as a `time::Date`.
    pub fn to_time_date(&self) -> time::Date {
        let month = time::Month::try_from(self.month()).unwrap_or(time::Month::January);
        // Checked on construction: a real day of a year within time's range.
        time::Date::from_calendar_date(i32::from(self.year()), month, self.day())
            .unwrap_or(time::Date::MIN)
    }
}

/// A month `yyyy-MM`, e.g. `2024-02` (month 01–12, ASCII digits). Ordered chronologically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month([u8; 7]);

text_type!(Month, "yyyy-MM");

impl Month {
    const EXPECTED: &'static str = "yyyy-MM";

    /// Checks `text` (`2024-02`).
    pub fn parse(text: &str) -> Result<Month, FormatError> {
        let b = shaped(text, b"dddd-dd")
            .ok_or_else(|| FormatError::new(Month::EXPECTED, text, None))?;
        if !(1..=12).contains(&num(&b, 5, 2)) {
            return Err(FormatError::new(
                Month::EXPECTED,
                text,
                Some("no such month"),
            ));
        }
        Ok(Month(b))
    }

    /// The year.
    pub fn year(&self) -> u16 {
        num(&self.0, 0, 4)
    }

    /// 1–12.
    pub fn month(&self) -> u8 {
        num(&self.0, 5, 2) as u8
    }

    /// The month as a `time::Month`.
    pub fn to_time_month(&self) -> time::Month {
        time::Month::try_from(self.month()).unwrap_or(time::Month::January)
    }

    /// Its first day.
    pub fn first_day(&self) -> Date {
        let mut b = [b'0'; 10];
        b[..7].copy_from_slice(&self.0);
        b[7] = b'-';
        b[9] = b'1';
        Date(b)
    }
}

/// A time `yyyy-MM-dd HH:mm:ss` in **Beijing time** (UTC+8, as Alipay writes every time), e.g.
/// `2024-02-29 23:59:59`: a real day, hours 00–23, minutes and seconds 00–59 (no leap
/// second), ASCII digits of exactly these widths. Ordered chronologically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime([u8; 19]);

text_type!(DateTime, "yyyy-MM-dd HH:mm:ss");

impl DateTime {
    const EXPECTED: &'static str = "yyyy-MM-dd HH:mm:ss";

    /// Checks `text` (`2024-02-29 23:59:59`).
    pub fn parse(text: &str) -> Result<DateTime, FormatError> {
        let fail = |reason| FormatError::new(DateTime::EXPECTED, text, reason);
        let b = shaped(text, b"dddd-dd-dd dd:dd:dd").ok_or_else(|| fail(None))?;
        check_day(&b).map_err(|r| fail(Some(r)))?;
        if num(&b, 11, 2) > 23 {
            return Err(fail(Some("the hour must be 00-23")));
        }
        if num(&b, 14, 2) > 59 {
            return Err(fail(Some("the minute must be 00-59")));
        }
        if num(&b, 17, 2) > 59 {
            return Err(fail(Some("the second must be 00-59")));
        }
        Ok(DateTime(b))
    }

    /// The time of a `time::PrimitiveDateTime` read as Beijing time (years 0000–9999; the
    /// fraction of a second is dropped).
    pub fn from_primitive(t: time::PrimitiveDateTime) -> Result<DateTime, FormatError> {
        let text = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        if !(0..=9999).contains(&t.year()) {
            return Err(FormatError::new(
                DateTime::EXPECTED,
                &text,
                Some("the year must be 0000-9999"),
            ));
        }
        DateTime::parse(&text)
    }

    /// The day.
    pub fn date(&self) -> Date {
        let mut b = [0u8; 10];
        b.copy_from_slice(&self.0[..10]);
        Date(b)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        num(&self.0, 0, 4)
    }

    /// 1–12.
    pub fn month(&self) -> u8 {
        num(&self.0, 5, 2) as u8
    }

    /// 1–31.
    pub fn day(&self) -> u8 {
        num(&self.0, 8, 2) as u8
    }

    /// 0–23.
    pub fn hour(&self) -> u8 {
        num(&self.0, 11, 2) as u8
    }

    /// 0–59.
    pub fn minute(&self) -> u8 {
        num(&self.0, 14, 2) as u8
    }

    /// 0–59.
    pub fn second(&self) -> u8 {
        num(&self.0, 17, 2) as u8
    }

    /// The same wall-clock time as a `time::PrimitiveDateTime` (no offset).
    pub fn to_primitive(&self) -> time::PrimitiveDateTime {
        // Checked on construction: always a valid time of day.
        let t = time::Time::from_hms(self.hour(), self.minute(), self.second())
            .unwrap_or(time::Time::MIDNIGHT);
        time::PrimitiveDateTime::new(self.date().to_time_date(), t)
    }

    /// The instant: this wall-clock time at UTC+8.
    pub fn to_offset_date_time(&self) -> time::OffsetDateTime {
        self.to_primitive().assume_offset(time::macros::offset!(+8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in [
            "2024-02-29",
            "2000-02-29",
            "2023-12-31",
            "0000-01-01",
            "9999-12-31",
        ] {
            let d = Date::parse(ok).unwrap();
            assert_eq!(d.as_str(), ok);
            assert_eq!(Date::from_time_date(d.to_time_date()).unwrap(), d);
        }
        for (bad, reason) in [
            ("2023-02-29", Some("no such day")),
            ("1900-02-29", Some("no such day")),
            ("2024-04-31", Some("no such day")),
            ("2024-01-00", Some("no such day")),
            ("2024-13-01", Some("no such month")),
            ("2024-00-01", Some("no such month")),
            ("2024-1-01", None),
            ("2024/01/01", None),
            ("２024-01-01", None),
            ("2024-01-01 ", None),
            ("", None),
        ] {
            assert_eq!(Date::parse(bad).unwrap_err().reason, reason, "{bad}");
        }
        assert_eq!(
            Date::parse("2024-02-30").unwrap_err().to_string(),
            r#"must be yyyy-MM-dd, got "2024-02-30" (no such day)"#
        );
        assert_eq!(
            Date::parse("x").unwrap_err().to_string(),
            r#"must be yyyy-MM-dd, got "x""#
        );
    }

    #[test]
    fn months_and_times() {
        assert_eq!(Month::parse("2024-12").unwrap().month(), 12);
        assert_eq!(
            Month::parse("2024-02").unwrap().first_day().as_str(),
            "2024-02-01"
        );
        assert!(Month::parse("2024-13").is_err());
        assert!(Month::parse("2024-1").is_err());
        let t = DateTime::parse("2024-02-29 23:59:59").unwrap();
        assert_eq!(
            (t.hour(), t.minute(), t.second(), t.day()),
            (23, 59, 59, 29)
        );
        assert_eq!(DateTime::from_primitive(t.to_primitive()).unwrap(), t);
        assert_eq!(t.to_offset_date_time().unix_timestamp(), 1_709_222_399);
        for bad in [
            "2024-01-02 24:00:00",
            "2024-01-02 23:60:00",
            "2024-01-02 23:59:60",
            "2023-02-29 00:00:00",
            "2024-01-02T00:00:00",
            "2024-01-02",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad}");
        }
        assert!(DateTime::parse("2024-01-01 00:00:00").unwrap() < t);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2024-02-29 23:59:59\""
        );
        assert_eq!(
            serde_json::from_str::<DateTime>("\"2024-02-29 23:59:59\"").unwrap(),
            t
        );
        assert!(serde_json::from_str::<Date>("\"2024-02-30\"").is_err());
        assert_eq!(format!("{t:?}"), "DateTime(\"2024-02-29 23:59:59\")");
    }
}
