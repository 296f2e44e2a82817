use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Unix time as a calendar date, d.m.yyyy (UTC), as Finnish and Swedish
/// readers in Finland write it; plain enough for English readers too.
pub fn format_date(unix_secs: i64) -> String {
    Day::of_unix(unix_secs).to_string()
}

/// A calendar day without a time, stored and sent as `YYYY-MM-DD` (what an
/// `<input type="date">` posts, and what sorts right as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1970-01-01.
    days: i64,
}

impl Day {
    pub fn of_unix(unix_secs: i64) -> Self {
        Self {
            days: unix_secs.div_euclid(86_400),
        }
    }

    /// Today in UTC. Finland is two or three hours ahead, which only matters
    /// around midnight; the phase of a group moves by whole months.
    #[cfg(feature = "ssr")]
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        Self::of_unix(secs)
    }

    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        let fits = (1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        fits.then(|| Self {
            days: days_from_civil(year, month, day),
        })
    }

    /// `YYYY-MM-DD`, the only form accepted.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Self::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }

    /// The same day of the month `months` later, or the month's last day
    /// when it is shorter (31 August + 6 months = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Self {
        let (y, m, d) = self.ymd();
        let index = y * 12 + i64::from(m - 1) + i64::from(months);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        Self {
            days: days_from_civil(year, month, d.min(days_in_month(year, month))),
        }
    }

    pub fn add_days(self, days: i64) -> Self {
        Self {
            days: self.days + days,
        }
    }

    pub fn unix(self) -> i64 {
        self.days * 86_400
    }

    /// `YYYY-MM-DD`, for storage and for `<input type="date">`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{d}.{m}.{y}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse(&text).ok_or_else(|| serde::de::Error::custom("expected YYYY-MM-DD"))
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (year, month, day) to days since 1970-01-01, after Howard Hinnant's
/// public-domain `days_from_civil`.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's
/// public-domain `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_in_finland_write_them() {
        assert_eq!(format_date(0), "1.1.1970");
        assert_eq!(format_date(951_782_400), "29.2.2000");
        assert_eq!(format_date(1_795_305_600), "22.11.2026");
        assert_eq!(format_date(-86_400), "31.12.1969");
    }

    #[test]
    fn only_real_days_in_iso_form_parse() {
        assert_eq!(Day::parse("2026-11-23").unwrap().iso(), "2026-11-23");
        assert_eq!(Day::parse(" 2024-02-29 ").unwrap().to_string(), "29.2.2024");
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-4-01",
            "23.11.2026",
            "",
            "2026-11-23-1",
            "0001-01-01",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_civil_conversions_agree_every_day_for_centuries() {
        for days in -40_000..100_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn months_are_added_as_a_calendar_does() {
        let day = |s| Day::parse(s).unwrap();
        assert_eq!(day("2026-01-15").add_months(6), day("2026-07-15"));
        assert_eq!(day("2025-08-31").add_months(6), day("2026-02-28"));
        assert_eq!(day("2023-08-31").add_months(6), day("2024-02-29"));
        assert_eq!(day("2026-11-30").add_months(3), day("2027-02-28"));
        assert_eq!(day("2026-12-31").add_days(1), day("2027-01-01"));
    }

    #[test]
    fn days_travel_as_iso_text() {
        let day = Day::parse("2026-03-05").unwrap();
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2026-03-05\"");
        assert_eq!(serde_json::from_str::<Day>("\"2026-03-05\"").unwrap(), day);
        assert!(serde_json::from_str::<Day>("\"5.3.2026\"").is_err());
    }
}
