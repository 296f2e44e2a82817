//! What a participant takes with them: everything they own in one file,
//! and the few things they pick for a page to show a study or employment
//! adviser. Plain data; the store fills it with the owner's own reads.

use serde::{Deserialize, Serialize};

use super::{
    AccessView, Audience, CheckIn, Day, Dream, FeedbackKind, Locale, PeerWork, Phrase, Reflection,
    Skill, Step, WishStatus,
};

/// Names the shape of the file, so a later Polku (or another tool) can
/// read an old one.
pub const EXPORT_FORMAT: &str = "polku-export-1";

/// Everything a person owns in Polku, as one JSON file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    /// Unix seconds.
    pub exported_at: i64,
    pub display_name: String,
    pub language: Locale,
    pub dreams: Vec<Dream>,
    pub steps: Vec<Step>,
    pub reflections: Vec<Reflection>,
    pub milestones: Vec<MarkRecord>,
    pub checkins: Vec<CheckIn>,
    pub skills: Vec<Skill>,
    pub peer_work: Vec<PeerWork>,
    /// Every share of the person's items, taken back ones too.
    pub shares: Vec<ShareRecord>,
    /// "Who has seen my things", all of it.
    pub access_log: Vec<AccessView>,
    /// Notes and encouragements on the person's items, hidden ones too.
    pub feedback: Vec<FeedbackRecord>,
    /// Wishes the person posted to their groups.
    pub wishes: Vec<WishRecord>,
}

/// A group milestone the person marked as reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRecord {
    /// The mark (a journal item).
    pub id: i64,
    pub group: String,
    pub milestone: String,
    pub reached_on: Day,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareRecord {
    pub item_id: i64,
    pub audience: Audience,
    pub granted_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRecord {
    pub item_id: i64,
    pub kind: FeedbackKind,
    pub body: String,
    pub phrase: Option<Phrase>,
    /// The writer's display name; `None` once their account is gone.
    pub author: Option<String>,
    pub at: i64,
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishRecord {
    pub id: i64,
    pub group: String,
    pub what: String,
    pub why: String,
    pub status: WishStatus,
    pub reason: String,
    pub votes: i64,
    pub posted_at: i64,
}

/// What can go on "My path on paper": dreams, steps, skills and milestones
/// reached. The same type holds all of them (to pick from) or only those
/// picked (to print).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathSheet {
    pub dreams: Vec<Dream>,
    pub steps: Vec<Step>,
    pub skills: Vec<Skill>,
    pub milestones: Vec<MarkRecord>,
}

impl PathSheet {
    /// Only the items whose ids are in `picked`.
    pub fn only(self, picked: &[i64]) -> Self {
        let keep = |id: &i64| picked.contains(id);
        Self {
            dreams: self.dreams.into_iter().filter(|d| keep(&d.id)).collect(),
            steps: self.steps.into_iter().filter(|s| keep(&s.id)).collect(),
            skills: self.skills.into_iter().filter(|s| keep(&s.id)).collect(),
            milestones: self
                .milestones
                .into_iter()
                .filter(|m| keep(&m.id))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.dreams.is_empty()
            && self.steps.is_empty()
            && self.skills.is_empty()
            && self.milestones.is_empty()
    }
}

/// The ids picked for the sheet, from a comma-separated list; anything
/// that is not a number is left out, and at most `PICK_MAX` are kept.
pub fn parse_picked(text: &str) -> Vec<i64> {
    text.split(',')
        .filter_map(|s| s.trim().parse().ok())
        .take(PICK_MAX)
        .collect()
}

/// More than anyone would print on a page.
pub const PICK_MAX: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picked_ids_are_numbers_only() {
        assert_eq!(parse_picked("3, 5,x,,-1"), vec![3, 5, -1]);
        assert!(parse_picked("").is_empty());
        assert_eq!(parse_picked(&"1,".repeat(900)).len(), PICK_MAX);
    }

    #[test]
    fn a_sheet_keeps_only_what_was_picked() {
        let dream = |id| Dream {
            id,
            title: format!("d{id}"),
            meaning: String::new(),
            life_area: super::super::LifeArea::Work,
            archived: false,
        };
        let all = PathSheet {
            dreams: vec![dream(1), dream(2)],
            ..PathSheet::default()
        };
        let sheet = all.only(&[2]);
        assert_eq!(sheet.dreams, vec![dream(2)]);
        assert!(!sheet.is_empty());
        assert!(sheet.only(&[]).is_empty());
    }
}
