use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Declares `Field` with the list of all its variants, so nothing that
/// needs every field (the outbox's messages) can miss one.
macro_rules! fields {
    ($($variant:ident),+ $(,)?) => {
        /// A form field whose value the server refused; the page shows the
        /// reason next to it, in the person's language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Field { $($variant),+ }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];
        }
    };
}

fields!(
    AreaName,
    GroupName,
    GroupKind,
    StartDate,
    SwitchDate,
    PasskeyLabel,
    Role,
    Uses,
    ValidDays,
    MilestoneTitle,
    MilestoneDescription,
    TargetDate,
    MeetingTime,
    MeetingLength,
    MeetingPlace,
    MeetingTopic,
    ServiceName,
    ServiceOffer,
    ServiceAddress,
    ServiceHours,
    ServicePhone,
    Title,
    Meaning,
    LifeArea,
    Dream,
    StepKind,
    StepStatus,
    ReflectionBody,
    WrittenOn,
    Mood,
    ReachedOn,
    Note,
    Milestone,
    PeriodStart,
    PeriodEnd,
    Feedback,
    Audience,
    ExpiresOn,
    Mentor,
    Mentee,
    Phrase,
    CheckedOn,
    Rating,
    WishWhat,
    WishWhy,
    WishStatus,
    WishReason,
    SkillKind,
    LearnedOn,
    PeerWorkKind,
    DoneOn,
    EraseSure,
);

/// One line of plain text of `min..=max` characters without control characters, with
/// surrounding space trimmed.
pub fn validate_text(
    value: &str,
    field: Field,
    min: usize,
    max: usize,
) -> Result<String, AppError> {
    let value = value.trim();
    let length = value.chars().count();
    if length < min || length > max || value.chars().any(char::is_control) {
        return Err(AppError::Invalid(field));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(
            validate_text(" Oulu ", Field::AreaName, 1, 80).unwrap(),
            "Oulu"
        );
        assert_eq!(
            validate_text("", Field::AreaName, 1, 80),
            Err(AppError::Invalid(Field::AreaName))
        );
        assert!(validate_text(&"å".repeat(81), Field::AreaName, 1, 80).is_err());
        assert!(validate_text("a\nb", Field::AreaName, 1, 80).is_err());
    }
}
