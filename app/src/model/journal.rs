//! The participant's journal: dreams, steps toward them, reflections, and
//! group milestones reached. Plain data and the rules of what a valid entry
//! is; the store keeps them, the pages show them.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, validate_text, Day, Field};
use crate::error::AppError;

pub const TITLE_MAX: usize = 120;
pub const MEANING_MAX: usize = 2_000;
pub const REFLECTION_MAX: usize = 10_000;
pub const NOTE_MAX: usize = 1_000;
/// Items on one page of a list.
pub const PAGE_SIZE: i64 = 20;

/// Declares a closed set of names stored as text, with a round trip.
macro_rules! stored_names {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

stored_names!(
    /// What a dream is about.
    LifeArea {
        Study = "study",
        Work = "work",
        Home = "home",
        Health = "health",
        Relationships = "relationships",
        Leisure = "leisure",
        Other = "other",
    }
);

stored_names!(
    /// What kind of step it is.
    StepKind {
        Study = "study",
        Work = "work",
        WorkTrial = "work_trial",
        Everyday = "everyday",
        Health = "health",
        Other = "other",
    }
);

stored_names!(
    /// Where a step stands.
    StepStatus {
        Planned = "planned",
        Doing = "doing",
        Done = "done",
        Paused = "paused",
    }
);

stored_names!(
    /// The kinds of journal item.
    ItemKind {
        Dream = "dream",
        Step = "step",
        Reflection = "reflection",
        Milestone = "milestone",
        CheckIn = "checkin",
        Skill = "skill",
        PeerWork = "peer_work",
    }
);

/// How the day felt, on a five-point scale (1 very hard … 5 very good).
pub const MOODS: [u8; 5] = [1, 2, 3, 4, 5];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dream {
    pub id: i64,
    pub title: String,
    pub meaning: String,
    pub life_area: LifeArea,
    pub archived: bool,
}

/// A dream by its title alone, for links and choices: where its meaning is
/// not shown, it is not read or unsealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DreamTitle {
    pub id: i64,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: i64,
    pub title: String,
    /// The dream it leads to, and that dream's title.
    pub dream: Option<(i64, String)>,
    pub kind: StepKind,
    pub status: StepStatus,
    pub target_on: Option<Day>,
    pub done_on: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub id: i64,
    pub written_on: Day,
    pub body: String,
    pub mood: Option<u8>,
}

/// A group milestone, and the participant's mark of reaching it, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneEntry {
    pub milestone_id: i64,
    pub group_name: String,
    pub title: String,
    pub description: String,
    pub target_on: Option<Day>,
    pub mark: Option<MilestoneMark>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneMark {
    pub id: i64,
    pub reached_on: Day,
    pub note: String,
}

/// One page of a list, newest first, and where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `before` to get the next page; `None` on the last page.
    pub next: Option<i64>,
}

/// An optional date from a form: empty means none.
fn optional_day(text: &str, field: Field) -> Result<Option<Day>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => Day::parse(text).map(Some).ok_or(AppError::Invalid(field)),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DreamText {
    pub title: String,
    pub meaning: String,
    pub life_area: LifeArea,
}

impl DreamText {
    pub fn parse(title: &str, meaning: &str, life_area: &str) -> Result<Self, AppError> {
        Ok(Self {
            title: validate_text(title, Field::Title, 1, TITLE_MAX)?,
            meaning: validate_multiline(meaning, Field::Meaning, MEANING_MAX)?,
            life_area: LifeArea::parse(life_area).ok_or(AppError::Invalid(Field::LifeArea))?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepText {
    pub title: String,
    pub dream_id: Option<i64>,
    pub kind: StepKind,
    pub target_on: Option<Day>,
}

impl StepText {
    /// `dream` is a dream's id or empty for none.
    pub fn parse(title: &str, dream: &str, kind: &str, target_on: &str) -> Result<Self, AppError> {
        let dream_id = match dream.trim() {
            "" => None,
            id => Some(id.parse().map_err(|_| AppError::Invalid(Field::Dream))?),
        };
        Ok(Self {
            title: validate_text(title, Field::Title, 1, TITLE_MAX)?,
            dream_id,
            kind: StepKind::parse(kind).ok_or(AppError::Invalid(Field::StepKind))?,
            target_on: optional_day(target_on, Field::TargetDate)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReflectionText {
    pub written_on: Day,
    pub body: String,
    pub mood: Option<u8>,
}

impl ReflectionText {
    /// `mood` is 1–5 or empty for none.
    pub fn parse(written_on: &str, body: &str, mood: &str) -> Result<Self, AppError> {
        let mood = match mood.trim() {
            "" => None,
            m => Some(
                m.parse::<u8>()
                    .ok()
                    .filter(|m| MOODS.contains(m))
                    .ok_or(AppError::Invalid(Field::Mood))?,
            ),
        };
        let body = validate_multiline(body, Field::ReflectionBody, REFLECTION_MAX)?;
        if body.is_empty() {
            return Err(AppError::Invalid(Field::ReflectionBody));
        }
        Ok(Self {
            written_on: Day::parse(written_on).ok_or(AppError::Invalid(Field::WrittenOn))?,
            body,
            mood,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkText {
    pub reached_on: Day,
    pub note: String,
}

impl MarkText {
    pub fn parse(reached_on: &str, note: &str) -> Result<Self, AppError> {
        Ok(Self {
            reached_on: Day::parse(reached_on).ok_or(AppError::Invalid(Field::ReachedOn))?,
            note: validate_multiline(note, Field::Note, NOTE_MAX)?,
        })
    }
}

/// A request id from a form: what makes a repeated post apply once. Made
/// on the server for each form shown, or on the phone for a queued write.
pub fn validate_request_id(id: &str) -> Result<&str, AppError> {
    let fits = (16..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    fits.then_some(id).ok_or(AppError::BadInput)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_name_survives_a_round_trip() {
        for area in LifeArea::ALL {
            assert_eq!(LifeArea::parse(area.as_str()), Some(*area));
        }
        for kind in StepKind::ALL {
            assert_eq!(StepKind::parse(kind.as_str()), Some(*kind));
        }
        for status in StepStatus::ALL {
            assert_eq!(StepStatus::parse(status.as_str()), Some(*status));
        }
        assert_eq!(StepStatus::parse("finished"), None);
    }

    #[test]
    fn dreams_and_steps_are_checked_field_by_field() {
        let dream = DreamText::parse(" Oma koti ", "Rauha.", "home").unwrap();
        assert_eq!(
            (dream.title.as_str(), dream.life_area),
            ("Oma koti", LifeArea::Home)
        );
        assert_eq!(
            DreamText::parse("", "", "home"),
            Err(AppError::Invalid(Field::Title))
        );
        assert_eq!(
            DreamText::parse("Koti", "", "castle"),
            Err(AppError::Invalid(Field::LifeArea))
        );
        assert_eq!(
            DreamText::parse("Koti", &"x".repeat(MEANING_MAX + 1), "home"),
            Err(AppError::Invalid(Field::Meaning))
        );

        let step = StepText::parse("Soita koululle", "12", "study", "2026-12-01").unwrap();
        assert_eq!(step.dream_id, Some(12));
        assert_eq!(step.target_on, Day::parse("2026-12-01"));
        let bare = StepText::parse("Lenkki", "", "health", "").unwrap();
        assert_eq!((bare.dream_id, bare.target_on), (None, None));
        assert_eq!(
            StepText::parse("X", "abc", "study", ""),
            Err(AppError::Invalid(Field::Dream))
        );
        assert_eq!(
            StepText::parse("X", "", "nap", ""),
            Err(AppError::Invalid(Field::StepKind))
        );
        assert_eq!(
            StepText::parse("X", "", "study", "tomorrow"),
            Err(AppError::Invalid(Field::TargetDate))
        );
    }

    #[test]
    fn a_reflection_has_text_a_date_and_maybe_a_mood() {
        let r = ReflectionText::parse("2026-11-23", "Hyvä päivä.\r\n", "4").unwrap();
        assert_eq!((r.body.as_str(), r.mood), ("Hyvä päivä.", Some(4)));
        assert_eq!(
            ReflectionText::parse("2026-11-23", "x", "").unwrap().mood,
            None
        );
        assert_eq!(
            ReflectionText::parse("2026-11-23", "   ", ""),
            Err(AppError::Invalid(Field::ReflectionBody))
        );
        assert!(ReflectionText::parse("2026-11-23", &"a".repeat(REFLECTION_MAX), "").is_ok());
        assert_eq!(
            ReflectionText::parse("2026-11-23", &"a".repeat(REFLECTION_MAX + 1), ""),
            Err(AppError::Invalid(Field::ReflectionBody))
        );
        assert_eq!(
            ReflectionText::parse("2026-11-23", "x", "6"),
            Err(AppError::Invalid(Field::Mood))
        );
        assert_eq!(
            ReflectionText::parse("eilen", "x", ""),
            Err(AppError::Invalid(Field::WrittenOn))
        );
    }

    #[test]
    fn request_ids_are_long_and_plain() {
        assert!(validate_request_id("0123456789abcdef").is_ok());
        assert!(validate_request_id("550e8400-e29b-41d4-a716-446655440000").is_ok());
        assert!(validate_request_id("short").is_err());
        assert!(validate_request_id("has space in it at all").is_err());
        assert!(validate_request_id(&"a".repeat(65)).is_err());
    }
}
