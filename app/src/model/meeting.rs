use serde::{Deserialize, Serialize};

use super::{parse_local, validate_text, Field};
use crate::error::AppError;

pub const MEETING_PLACE_MAX: usize = 200;
pub const MEETING_TOPIC_MAX: usize = 200;
pub const MEETING_MINUTES_MAX: u32 = 12 * 60;

/// A meeting of a group: when (Unix seconds), for how long, where, about what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    pub group_id: i64,
    pub group_name: String,
    pub starts_at: i64,
    pub minutes: u32,
    pub place: String,
    pub topic: String,
}

/// A meeting as written in a form, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingText {
    pub starts_at: i64,
    pub minutes: u32,
    pub place: String,
    pub topic: String,
}

impl MeetingText {
    /// `starts` is Helsinki time as `<input type="datetime-local">` posts it.
    pub fn parse(starts: &str, minutes: u32, place: &str, topic: &str) -> Result<Self, AppError> {
        Ok(Self {
            starts_at: parse_local(starts).ok_or(AppError::Invalid(Field::MeetingTime))?,
            minutes: Some(minutes)
                .filter(|m| (1..=MEETING_MINUTES_MAX).contains(m))
                .ok_or(AppError::Invalid(Field::MeetingLength))?,
            place: validate_text(place, Field::MeetingPlace, 1, MEETING_PLACE_MAX)?,
            topic: validate_text(topic, Field::MeetingTopic, 0, MEETING_TOPIC_MAX)?,
        })
    }
}

/// The meeting as an iCalendar file a phone's calendar can take in.
pub fn to_ics(meeting: &Meeting, now: i64, origin_host: &str) -> String {
    let summary = if meeting.topic.is_empty() {
        meeting.group_name.clone()
    } else {
        format!("{}: {}", meeting.group_name, meeting.topic)
    };
    let end = meeting.starts_at + i64::from(meeting.minutes) * 60;
    [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Polku//Meetings//FI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:meeting-{}@{origin_host}", meeting.id),
        format!("DTSTAMP:{}", utc_stamp(now)),
        format!("DTSTART:{}", utc_stamp(meeting.starts_at)),
        format!("DTEND:{}", utc_stamp(end)),
        fold(&format!("SUMMARY:{}", ics_text(&summary))),
        fold(&format!("LOCATION:{}", ics_text(&meeting.place))),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
        String::new(),
    ]
    .join("\r\n")
}

/// A moment in iCalendar's UTC form, `YYYYMMDDTHHMMSSZ`.
fn utc_stamp(unix: i64) -> String {
    let day = super::Day::of_unix(unix);
    let (y, mo, d) = day.ymd();
    let secs = unix - day.unix();
    format!(
        "{y:04}{mo:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

/// Escapes text for an iCalendar value (RFC 5545, 3.3.11).
fn ics_text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting() -> Meeting {
        Meeting {
            id: 7,
            group_id: 1,
            group_name: "Tiistairyhmä".into(),
            starts_at: parse_local("2026-12-01T18:00").unwrap(),
            minutes: 90,
            place: "Kirjasto, 2. krs; sali".into(),
            topic: "Joulu".into(),
        }
    }

    #[test]
    fn a_meeting_form_is_checked() {
        let ok = MeetingText::parse("2026-12-01T18:00", 90, " Kirjasto ", "").unwrap();
        assert_eq!(ok.place, "Kirjasto");
        assert_eq!(ok.topic, "");
        assert_eq!(
            MeetingText::parse("huomenna", 90, "Kirjasto", ""),
            Err(AppError::Invalid(Field::MeetingTime))
        );
        assert_eq!(
            MeetingText::parse("2026-12-01T18:00", 0, "Kirjasto", ""),
            Err(AppError::Invalid(Field::MeetingLength))
        );
        assert_eq!(
            MeetingText::parse("2026-12-01T18:00", 60, " ", ""),
            Err(AppError::Invalid(Field::MeetingPlace))
        );
    }

    #[test]
    fn the_calendar_file_is_valid_icalendar_in_utc() {
        let ics = to_ics(&meeting(), 0, "polku.example.fi");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(
            ics.contains("\r\nDTSTART:20261201T160000Z\r\n"),
            "18.00 Helsinki is 16.00 UTC"
        );
        assert!(ics.contains("\r\nDTEND:20261201T173000Z\r\n"));
        assert!(ics.contains("\r\nSUMMARY:Tiistairyhmä: Joulu\r\n"));
        assert!(ics.contains("\r\nLOCATION:Kirjasto\\, 2. krs\\; sali\r\n"));
        assert!(ics.contains("\r\nUID:meeting-7@polku.example.fi\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let long = fold(&format!("LOCATION:{}", "ä".repeat(60)));
        for line in long.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(
            long.replace("\r\n ", ""),
            format!("LOCATION:{}", "ä".repeat(60))
        );
    }
}
