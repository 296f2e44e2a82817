//! Peer skills: first aid, overdose first aid and the like, recorded by the
//! participant and confirmed in person by a facilitator. A skill is a
//! journal item: private unless shared.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, Day, Field, NOTE_MAX};
use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillKind {
    FirstAid,
    Naloxone,
    HarmReduction,
    HelpingAffairs,
    Other,
}

impl SkillKind {
    pub const ALL: [SkillKind; 5] = [
        SkillKind::FirstAid,
        SkillKind::Naloxone,
        SkillKind::HarmReduction,
        SkillKind::HelpingAffairs,
        SkillKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkillKind::FirstAid => "first_aid",
            SkillKind::Naloxone => "naloxone",
            SkillKind::HarmReduction => "harm_reduction",
            SkillKind::HelpingAffairs => "helping_affairs",
            SkillKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: i64,
    pub kind: SkillKind,
    pub learned_on: Day,
    pub note: String,
    /// When a facilitator confirmed it in person, and who (`None` once
    /// their account is gone).
    pub confirmed: Option<(i64, Option<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillText {
    pub kind: SkillKind,
    pub learned_on: Day,
    pub note: String,
}

impl SkillText {
    pub fn parse(kind: &str, learned_on: &str, note: &str) -> Result<Self, AppError> {
        Ok(Self {
            kind: SkillKind::parse(kind).ok_or(AppError::Invalid(Field::SkillKind))?,
            learned_on: Day::parse(learned_on.trim()).ok_or(AppError::Invalid(Field::LearnedOn))?,
            note: validate_multiline(note, Field::Note, NOTE_MAX)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skill_has_a_known_kind_and_a_day() {
        let ok = SkillText::parse("naloxone", "2026-11-02", " Kurssi ").unwrap();
        assert_eq!(ok.kind, SkillKind::Naloxone);
        assert_eq!(ok.note, "Kurssi");
        assert_eq!(
            SkillText::parse("juggling", "2026-11-02", ""),
            Err(AppError::Invalid(Field::SkillKind))
        );
        assert_eq!(
            SkillText::parse("first_aid", "", ""),
            Err(AppError::Invalid(Field::LearnedOn))
        );
        for k in SkillKind::ALL {
            assert_eq!(SkillKind::parse(k.as_str()), Some(k));
        }
    }
}
