//! Peer mentoring: the link between a mentor and a mentee, and the ready
//! phrases a mentor's encouragement starts from.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, Field};
use crate::error::AppError;

/// A ready phrase of encouragement; each reader sees it in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phrase {
    WellDone,
    KeepGoing,
    ProudOfYou,
    StepByStep,
}

impl Phrase {
    pub const ALL: [Phrase; 4] = [
        Phrase::WellDone,
        Phrase::KeepGoing,
        Phrase::ProudOfYou,
        Phrase::StepByStep,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phrase::WellDone => "well_done",
            Phrase::KeepGoing => "keep_going",
            Phrase::ProudOfYou => "proud_of_you",
            Phrase::StepByStep => "step_by_step",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// The mentor's own words after the phrase: short, and optional.
pub const ENCOURAGEMENT_MAX: usize = 300;

pub fn validate_encouragement(body: &str) -> Result<String, AppError> {
    validate_multiline(body, Field::Feedback, ENCOURAGEMENT_MAX)
}

/// A proposed or accepted link, as either side (or the group's
/// facilitator) sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorLink {
    pub id: i64,
    pub mentor_id: i64,
    pub mentor_name: String,
    pub mentee_id: i64,
    pub mentee_name: String,
    pub group_name: Option<String>,
    pub proposed_at: i64,
    /// `None` while the mentee has not answered.
    pub accepted_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_round_trip_and_nothing_else_parses() {
        for p in Phrase::ALL {
            assert_eq!(Phrase::parse(p.as_str()), Some(p));
        }
        assert_eq!(Phrase::parse("anything"), None);
    }

    #[test]
    fn encouragement_is_short() {
        assert_eq!(validate_encouragement("  Hienoa!  ").unwrap(), "Hienoa!");
        assert!(validate_encouragement(&"a".repeat(ENCOURAGEMENT_MAX + 1)).is_err());
        assert!(validate_encouragement("\u{7}").is_err());
    }
}
