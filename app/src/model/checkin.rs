//! Self-assessment check-ins: how things are now, 1–5 on seven parts of
//! life, with an optional note. A check-in is a journal item like any other.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, Day, Field, NOTE_MAX};
use crate::error::AppError;

/// What a check-in asks about. The words are Polku's own (see i18n).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Control,
    Heard,
    ForOthers,
    Routines,
    Health,
    Relationships,
    Readiness,
}

impl Aspect {
    pub const ALL: [Aspect; 7] = [
        Aspect::Control,
        Aspect::Heard,
        Aspect::ForOthers,
        Aspect::Routines,
        Aspect::Health,
        Aspect::Relationships,
        Aspect::Readiness,
    ];

    /// The form field and the store column.
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Control => "control",
            Aspect::Heard => "heard",
            Aspect::ForOthers => "for_others",
            Aspect::Routines => "routines",
            Aspect::Health => "health",
            Aspect::Relationships => "relationships",
            Aspect::Readiness => "readiness",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }
}

/// A check-in is suggested this many days after the last one.
pub const CHECKIN_EVERY_DAYS: i64 = 30;

/// Check-ins drawn in the chart, the newest ones.
pub const CHART_CHECKINS: i64 = 12;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: i64,
    pub checked_on: Day,
    /// In the order of `Aspect::ALL`, each 1–5.
    pub ratings: [u8; 7],
    pub note: String,
}

impl CheckIn {
    pub fn rating(&self, aspect: Aspect) -> u8 {
        self.ratings[aspect.index()]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInText {
    pub checked_on: Day,
    pub ratings: [u8; 7],
    pub note: String,
}

impl CheckInText {
    /// `ratings` in the order of `Aspect::ALL`; every one must be 1–5.
    pub fn parse(checked_on: &str, ratings: [&str; 7], note: &str) -> Result<Self, AppError> {
        let checked_on =
            Day::parse(checked_on.trim()).ok_or(AppError::Invalid(Field::CheckedOn))?;
        let mut parsed = [0u8; 7];
        for (slot, text) in parsed.iter_mut().zip(ratings) {
            *slot = text
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|r| (1..=5).contains(r))
                .ok_or(AppError::Invalid(Field::Rating))?;
        }
        Ok(Self {
            checked_on,
            ratings: parsed,
            note: validate_multiline(note, Field::Note, NOTE_MAX)?,
        })
    }
}

/// When the next check-in is suggested: at once if there was none.
pub fn next_checkin(last: Option<Day>) -> Option<Day> {
    last.map(|day| day.add_days(CHECKIN_EVERY_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rating_is_one_to_five_and_the_note_is_optional() {
        let ok =
            CheckInText::parse("2026-11-23", ["1", "2", "3", "4", "5", "3", " 2 "], "").unwrap();
        assert_eq!(ok.ratings, [1, 2, 3, 4, 5, 3, 2]);
        assert_eq!(ok.note, "");
        for bad in ["0", "6", "", "x", "2.5"] {
            assert_eq!(
                CheckInText::parse("2026-11-23", ["3", "3", bad, "3", "3", "3", "3"], ""),
                Err(AppError::Invalid(Field::Rating)),
                "{bad:?}"
            );
        }
        assert_eq!(
            CheckInText::parse("23.11.2026", ["3"; 7], ""),
            Err(AppError::Invalid(Field::CheckedOn))
        );
        assert!(CheckInText::parse("2026-11-23", ["3"; 7], &"a".repeat(NOTE_MAX + 1)).is_err());
    }

    #[test]
    fn the_next_check_in_is_a_month_after_the_last() {
        let last = Day::parse("2026-11-01").unwrap();
        assert_eq!(next_checkin(Some(last)), Day::parse("2026-12-01"));
        assert_eq!(next_checkin(None), None);
    }
}
