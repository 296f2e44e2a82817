use serde::{Deserialize, Serialize};

use super::{validate_text, Day, Field};
use crate::error::AppError;

pub const MILESTONE_TITLE_MAX: usize = 120;
pub const MILESTONE_DESCRIPTION_MAX: usize = 1_000;

/// Something a group sets out to reach together, defined by its facilitator
/// in agreement with the group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    pub description: String,
    pub target_on: Option<Day>,
}

/// A milestone as written in a form, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneText {
    pub title: String,
    pub description: String,
    pub target_on: Option<Day>,
}

impl MilestoneText {
    /// An empty target date means none.
    pub fn parse(title: &str, description: &str, target_on: &str) -> Result<Self, AppError> {
        let target_on = match target_on.trim() {
            "" => None,
            text => Some(Day::parse(text).ok_or(AppError::Invalid(Field::TargetDate))?),
        };
        Ok(Self {
            title: validate_text(title, Field::MilestoneTitle, 1, MILESTONE_TITLE_MAX)?,
            description: validate_multiline(
                description,
                Field::MilestoneDescription,
                MILESTONE_DESCRIPTION_MAX,
            )?,
            target_on,
        })
    }
}

/// Free text of up to `max` characters; line breaks and tabs are fine,
/// other control characters are not.
pub fn validate_multiline(value: &str, field: Field, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    let bad = value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    if bad || value.chars().count() > max {
        return Err(AppError::Invalid(field));
    }
    Ok(value.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_milestone_needs_a_title_and_may_have_a_date() {
        let ok =
            MilestoneText::parse(" Ensiapukurssi ", "Käydään yhdessä.\r\nToinen rivi", "").unwrap();
        assert_eq!(ok.title, "Ensiapukurssi");
        assert_eq!(ok.description, "Käydään yhdessä.\nToinen rivi");
        assert_eq!(ok.target_on, None);
        let dated = MilestoneText::parse("Retki", "", "2026-12-01").unwrap();
        assert_eq!(dated.target_on, Day::parse("2026-12-01"));
        assert_eq!(
            MilestoneText::parse("", "", ""),
            Err(AppError::Invalid(Field::MilestoneTitle))
        );
        assert_eq!(
            MilestoneText::parse("Retki", "", "1.12.2026"),
            Err(AppError::Invalid(Field::TargetDate))
        );
        assert_eq!(
            MilestoneText::parse("Retki", &"x".repeat(1_001), ""),
            Err(AppError::Invalid(Field::MilestoneDescription))
        );
        assert!(MilestoneText::parse("Retki", "a\u{7}b", "").is_err());
    }
}
