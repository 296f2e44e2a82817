//! Who may see a journal item besides its owner, and what they see of it.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, Day, Field, ItemKind, LifeArea, StepKind, StepStatus};
use crate::error::AppError;

/// Whom a participant can share an item with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The facilitators of every group where the owner is a participant now.
    Facilitators,
    /// The owner's peer mentor, while their link lasts.
    Mentor,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Facilitators, Audience::Mentor];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Facilitators => "facilitators",
            Audience::Mentor => "mentor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// The participant's choice for an item, or for a category of new items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareChoice {
    Nobody,
    Facilitators,
    Mentor,
    Both,
}

impl ShareChoice {
    pub const ALL: [ShareChoice; 4] = [
        ShareChoice::Nobody,
        ShareChoice::Facilitators,
        ShareChoice::Mentor,
        ShareChoice::Both,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareChoice::Nobody => "nobody",
            ShareChoice::Facilitators => "facilitators",
            ShareChoice::Mentor => "mentor",
            ShareChoice::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn audiences(self) -> &'static [Audience] {
        match self {
            ShareChoice::Nobody => &[],
            ShareChoice::Facilitators => &[Audience::Facilitators],
            ShareChoice::Mentor => &[Audience::Mentor],
            ShareChoice::Both => &[Audience::Facilitators, Audience::Mentor],
        }
    }

    pub fn of(audiences: impl IntoIterator<Item = Audience>) -> Self {
        let set: Vec<Audience> = audiences.into_iter().collect();
        match (
            set.contains(&Audience::Facilitators),
            set.contains(&Audience::Mentor),
        ) {
            (false, false) => ShareChoice::Nobody,
            (true, false) => ShareChoice::Facilitators,
            (false, true) => ShareChoice::Mentor,
            (true, true) => ShareChoice::Both,
        }
    }
}

/// What a sharing default applies to: new items of a kind, or steps as they
/// are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareCategory {
    Dream,
    Step,
    StepDone,
    Reflection,
    Milestone,
    CheckIn,
    Skill,
    PeerWork,
}

impl ShareCategory {
    pub const ALL: [ShareCategory; 8] = [
        ShareCategory::Dream,
        ShareCategory::Step,
        ShareCategory::StepDone,
        ShareCategory::Reflection,
        ShareCategory::Milestone,
        ShareCategory::CheckIn,
        ShareCategory::Skill,
        ShareCategory::PeerWork,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareCategory::Dream => "dream",
            ShareCategory::Step => "step",
            ShareCategory::StepDone => "step_done",
            ShareCategory::Reflection => "reflection",
            ShareCategory::Milestone => "milestone",
            ShareCategory::CheckIn => "checkin",
            ShareCategory::Skill => "skill",
            ShareCategory::PeerWork => "peer_work",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The category a new item of `kind` falls in.
    pub fn of_new(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Dream => ShareCategory::Dream,
            ItemKind::Step => ShareCategory::Step,
            ItemKind::Reflection => ShareCategory::Reflection,
            ItemKind::Milestone => ShareCategory::Milestone,
            ItemKind::CheckIn => ShareCategory::CheckIn,
            ItemKind::Skill => ShareCategory::Skill,
            ItemKind::PeerWork => ShareCategory::PeerWork,
        }
    }
}

/// An active share of one of the owner's items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareView {
    pub audience: Audience,
    pub granted_at: i64,
    pub expires_at: Option<i64>,
}

/// What someone the item is shared with sees of it: its content, and
/// nothing of anything else (a shared step does not name an unshared dream).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SharedContent {
    Dream {
        title: String,
        meaning: String,
        life_area: LifeArea,
    },
    Step {
        title: String,
        kind: StepKind,
        status: StepStatus,
        target_on: Option<Day>,
        done_on: Option<Day>,
    },
    Reflection {
        written_on: Day,
        body: String,
        mood: Option<u8>,
    },
    Milestone {
        title: String,
        reached_on: Day,
        note: String,
    },
    CheckIn {
        checked_on: Day,
        /// In the order of `Aspect::ALL`.
        ratings: [u8; 7],
        note: String,
    },
    Skill {
        kind: super::SkillKind,
        learned_on: Day,
        note: String,
        /// Confirmed in person by a facilitator.
        confirmed: bool,
    },
    /// What was done and when; the note stays with the writer.
    PeerWork {
        kind: super::PeerWorkKind,
        done_on: Day,
    },
}

/// A feedback line on an item: an acknowledgement, a note, an encouragement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    Ack,
    Note,
    Encouragement,
}

impl FeedbackKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackKind::Ack => "ack",
            FeedbackKind::Note => "note",
            FeedbackKind::Encouragement => "encouragement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            FeedbackKind::Ack,
            FeedbackKind::Note,
            FeedbackKind::Encouragement,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackView {
    pub id: i64,
    pub kind: FeedbackKind,
    pub body: String,
    /// An encouragement's ready phrase.
    pub phrase: Option<super::Phrase>,
    /// The author's display name; `None` when their account is gone.
    pub author: Option<String>,
    pub at: i64,
}

pub const FEEDBACK_MAX: usize = 500;

/// A note on a shared item, checked: up to 500 characters; empty is an
/// acknowledgement.
pub fn validate_feedback(body: &str) -> Result<String, AppError> {
    validate_multiline(body, Field::Feedback, FEEDBACK_MAX)
}

/// An item as someone it is shared with sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedItem {
    pub id: i64,
    pub kind: ItemKind,
    pub content: SharedContent,
    /// Changed, or shared with the viewer, since their last look.
    pub is_new: bool,
    pub feedback: Vec<FeedbackView>,
}

/// A line of "who has seen my things".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessView {
    /// `None` when the viewer's account is gone.
    pub viewer: Option<String>,
    pub item_id: i64,
    pub kind: ItemKind,
    pub title: String,
    pub at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_survive_their_stored_form() {
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
        for c in ShareCategory::ALL {
            assert_eq!(ShareCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(Audience::parse("everyone"), None);
        assert_eq!(FeedbackKind::parse("note"), Some(FeedbackKind::Note));
    }

    #[test]
    fn a_choice_is_exactly_its_audiences() {
        for choice in ShareChoice::ALL {
            assert_eq!(ShareChoice::of(choice.audiences().iter().copied()), choice);
            assert_eq!(ShareChoice::parse(choice.as_str()), Some(choice));
        }
    }

    #[test]
    fn feedback_is_short() {
        assert_eq!(validate_feedback("  Hienoa!  ").unwrap(), "Hienoa!");
        assert_eq!(validate_feedback("").unwrap(), "");
        assert_eq!(
            validate_feedback(&"x".repeat(FEEDBACK_MAX + 1)),
            Err(AppError::Invalid(Field::Feedback))
        );
    }
}
