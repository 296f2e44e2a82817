//! Clock times as people in Finland read them. Meetings are stored as Unix
//! seconds (UTC) and shown and entered in Helsinki time: UTC+2 in winter,
//! UTC+3 from the last Sunday of March to the last Sunday of October
//! (changing at 01:00 UTC, the EU rule).

use super::Day;

const HOUR: i64 = 3_600;

/// The last Sunday of a month, 01:00 UTC, as Unix seconds.
fn last_sunday_0100(year: i64, month: u32) -> i64 {
    let next_first = Day::from_ymd(year, month, 1)
        .expect("valid month")
        .add_months(1);
    let last = next_first.add_days(-1);
    // 1970-01-01 was a Thursday: days since then, plus 4, mod 7 is the
    // weekday counting from Sunday = 0.
    let weekday = (last.unix() / 86_400 + 4).rem_euclid(7);
    last.add_days(-weekday).unix() + HOUR
}

/// Hours ahead of UTC at a moment.
fn offset_at_utc(unix: i64) -> i64 {
    let (year, _, _) = Day::of_unix(unix).ymd();
    let summer = last_sunday_0100(year, 3)..last_sunday_0100(year, 10);
    if summer.contains(&unix) {
        3
    } else {
        2
    }
}

/// A moment as a Helsinki date and time: (day, hour, minute).
pub fn to_local(unix: i64) -> (Day, u32, u32) {
    let local = unix + offset_at_utc(unix) * HOUR;
    let day = Day::of_unix(local);
    let secs = local - day.unix();
    (day, (secs / HOUR) as u32, ((secs % HOUR) / 60) as u32)
}

/// A Helsinki date and time as a moment. In the hour skipped in spring a
/// time is read as winter time; in the hour repeated in autumn, as the
/// first (summer) one.
pub fn from_local(day: Day, hour: u32, minute: u32) -> Option<i64> {
    if hour > 23 || minute > 59 {
        return None;
    }
    let wall = day.unix() + i64::from(hour) * HOUR + i64::from(minute) * 60;
    [3, 2]
        .into_iter()
        .map(|offset| wall - offset * HOUR)
        .find(|&utc| to_local(utc) == (day, hour, minute))
        .or(Some(wall - 2 * HOUR))
}

/// What `<input type="datetime-local">` posts: `YYYY-MM-DDTHH:MM`.
pub fn parse_local(text: &str) -> Option<i64> {
    let (date, time) = text.trim().split_once('T')?;
    let (h, m) = time.split_once(':')?;
    let m = m.get(..2)?;
    if h.len() != 2 {
        return None;
    }
    from_local(Day::parse(date)?, h.parse().ok()?, m.parse().ok()?)
}

/// A moment in the form `<input type="datetime-local">` shows.
pub fn local_input(unix: i64) -> String {
    let (day, h, m) = to_local(unix);
    format!("{}T{h:02}:{m:02}", day.iso())
}

/// A moment as people write it: `d.m.yyyy klo hh.mm` is Finnish; the time
/// is written the same way in all three languages here.
pub fn format_local(unix: i64) -> String {
    let (day, h, m) = to_local(unix);
    format!("{day} {h}.{m:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i64, mo: u32, d: u32, h: i64, mi: i64) -> i64 {
        Day::from_ymd(y, mo, d).unwrap().unix() + h * HOUR + mi * 60
    }

    #[test]
    fn summer_time_follows_the_eu_rule() {
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(last_sunday_0100(2026, 3), utc(2026, 3, 29, 1, 0));
        assert_eq!(last_sunday_0100(2026, 10), utc(2026, 10, 25, 1, 0));
        assert_eq!(offset_at_utc(utc(2026, 3, 29, 0, 59)), 2);
        assert_eq!(offset_at_utc(utc(2026, 3, 29, 1, 0)), 3);
        assert_eq!(offset_at_utc(utc(2026, 10, 25, 0, 59)), 3);
        assert_eq!(offset_at_utc(utc(2026, 10, 25, 1, 0)), 2);
        assert_eq!(offset_at_utc(utc(2026, 1, 10, 12, 0)), 2);
        assert_eq!(offset_at_utc(utc(2026, 7, 10, 12, 0)), 3);
    }

    #[test]
    fn local_times_go_there_and_back() {
        let winter = parse_local("2026-12-01T18:30").unwrap();
        assert_eq!(winter, utc(2026, 12, 1, 16, 30));
        assert_eq!(local_input(winter), "2026-12-01T18:30");
        let summer = parse_local("2026-06-15T09:05").unwrap();
        assert_eq!(summer, utc(2026, 6, 15, 6, 5));
        assert_eq!(format_local(summer), "15.6.2026 9.05");
        // Every quarter hour of a year survives the round trip, but for
        // the autumn hour that the clocks show twice: it reads as the first.
        let start = utc(2026, 1, 1, 0, 0);
        for q in 0..(366 * 96) {
            let t = start + q * 900;
            let (day, h, m) = to_local(t);
            let repeated = to_local(t - HOUR) == (day, h, m);
            let back = from_local(day, h, m);
            assert!(
                back == Some(t) || (repeated && back == Some(t - HOUR)),
                "{t}"
            );
        }
    }

    #[test]
    fn bad_times_are_refused() {
        for bad in [
            "2026-12-01 18:30",
            "2026-12-01T25:00",
            "2026-12-01T8:00",
            "2026-02-30T10:00",
            "",
        ] {
            assert_eq!(parse_local(bad), None, "{bad}");
        }
    }
}
