//! The peer work diary: what someone did for others in their own
//! surroundings, and when. Never who was helped. The note is the writer's
//! own: it stays with them even when the entry is shared.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, Day, Field, NOTE_MAX};
use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerWorkKind {
    Listening,
    Information,
    OverdoseAid,
    Accompanying,
    Affairs,
    Other,
}

impl PeerWorkKind {
    pub const ALL: [PeerWorkKind; 6] = [
        PeerWorkKind::Listening,
        PeerWorkKind::Information,
        PeerWorkKind::OverdoseAid,
        PeerWorkKind::Accompanying,
        PeerWorkKind::Affairs,
        PeerWorkKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PeerWorkKind::Listening => "listening",
            PeerWorkKind::Information => "information",
            PeerWorkKind::OverdoseAid => "overdose_aid",
            PeerWorkKind::Accompanying => "accompanying",
            PeerWorkKind::Affairs => "affairs",
            PeerWorkKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerWork {
    pub id: i64,
    pub kind: PeerWorkKind,
    pub done_on: Day,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerWorkText {
    pub kind: PeerWorkKind,
    pub done_on: Day,
    pub note: String,
}

impl PeerWorkText {
    /// A day in the future is refused: the diary is of what was done.
    /// `today` is in UTC, so Finland's tomorrow-by-UTC still passes.
    pub fn parse(kind: &str, done_on: &str, note: &str, today: Day) -> Result<Self, AppError> {
        let done_on = Day::parse(done_on.trim())
            .filter(|d| *d <= today.add_days(1))
            .ok_or(AppError::Invalid(Field::DoneOn))?;
        Ok(Self {
            kind: PeerWorkKind::parse(kind).ok_or(AppError::Invalid(Field::PeerWorkKind))?,
            done_on,
            note: validate_multiline(note, Field::Note, NOTE_MAX)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_has_a_known_kind_and_a_day_not_in_the_future() {
        let today = Day::parse("2026-11-23").unwrap();
        let ok = PeerWorkText::parse("overdose_aid", "2026-11-24", " Soitin 112 ", today).unwrap();
        assert_eq!(ok.kind, PeerWorkKind::OverdoseAid);
        assert_eq!(ok.note, "Soitin 112");
        assert_eq!(
            PeerWorkText::parse("gossip", "2026-11-22", "", today),
            Err(AppError::Invalid(Field::PeerWorkKind))
        );
        assert_eq!(
            PeerWorkText::parse("listening", "", "", today),
            Err(AppError::Invalid(Field::DoneOn))
        );
        assert_eq!(
            PeerWorkText::parse("listening", "2026-11-25", "", today),
            Err(AppError::Invalid(Field::DoneOn))
        );
        for k in PeerWorkKind::ALL {
            assert_eq!(PeerWorkKind::parse(k.as_str()), Some(k));
        }
    }
}
