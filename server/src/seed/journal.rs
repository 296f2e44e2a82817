//! What a seeded participant writes and shares: the kind-specific row of
//! each journal item, and which audiences it is shared with, read by and
//! answered.

use app::store::seed::*;

use super::{text, Group, Seeder, DAY_SECS};

impl Seeder {
    /// The kind-specific row of item `j` of a journal: a mix of about 40 %
    /// reflections, 30 % steps, 10 % dreams, 10 % check-ins and the rest
    /// milestones, skills and peer work.
    pub(super) fn journal_entry(
        &mut self,
        batch: &mut SeedBatch,
        item: i64,
        at: i64,
        j: usize,
        dream: Option<i64>,
        group: &Group,
    ) -> &'static str {
        let on = Self::day(at);
        match j % 20 {
            0 | 10 => {
                let title = self.pick(text::DREAMS);
                let meaning = self.sentences(1, 3);
                batch.dreams.push(SeedDream {
                    item_id: item,
                    title: title.to_owned(),
                    meaning: meaning.to_owned(),
                    life_area: self
                        .pick(&[
                            "study",
                            "work",
                            "home",
                            "health",
                            "relationships",
                            "leisure",
                            "other",
                        ])
                        .into(),
                });
                "dream"
            }
            1 | 4 | 7 | 13 | 16 | 19 => {
                let status = self.pick(&["planned", "doing", "done", "done", "paused"]);
                let title = self.pick(text::STEPS);
                batch.steps.push(SeedStep {
                    item_id: item,
                    title: title.to_owned(),
                    dream_id: dream,
                    step_kind: self
                        .pick(&["study", "work", "work_trial", "everyday", "health", "other"])
                        .into(),
                    status: status.into(),
                    target_on: Some(Self::day(at + 30 * DAY_SECS)),
                    done_on: (status == "done").then(|| Self::day(at + 7 * DAY_SECS)),
                });
                "step"
            }
            6 | 15 => {
                let note = self.pick(text::NOTES);
                let note = note.to_owned();
                let [control, heard, for_others, routines, health, relationships, readiness] =
                    std::array::from_fn(|_| 1 + self.below(5) as i64);
                batch.checkins.push(SeedCheckIn {
                    item_id: item,
                    checked_on: on,
                    control,
                    heard,
                    for_others,
                    routines,
                    health,
                    relationships,
                    readiness,
                    note,
                });
                "checkin"
            }
            9 => {
                let note = self.pick(text::NOTES);
                batch.marks.push(SeedMark {
                    item_id: item,
                    milestone_id: self.pick(&group.milestones),
                    reached_on: on,
                    note: note.to_owned(),
                });
                "milestone"
            }
            12 if j % 40 == 12 => {
                let note = self.pick(text::NOTES);
                batch.skills.push(SeedSkill {
                    item_id: item,
                    skill_kind: self
                        .pick(&[
                            "first_aid",
                            "naloxone",
                            "harm_reduction",
                            "helping_affairs",
                            "other",
                        ])
                        .into(),
                    learned_on: on,
                    note: note.to_owned(),
                });
                "skill"
            }
            12 => {
                let note = self.pick(text::NOTES);
                batch.peer_work.push(SeedPeerWork {
                    item_id: item,
                    work_kind: self
                        .pick(&[
                            "listening",
                            "information",
                            "overdose_aid",
                            "accompanying",
                            "affairs",
                            "other",
                        ])
                        .into(),
                    done_on: on,
                    note: note.to_owned(),
                });
                "peer_work"
            }
            _ => {
                let body = self.sentences(3, 10);
                batch.reflections.push(SeedReflection {
                    item_id: item,
                    written_on: on,
                    body: body.to_owned(),
                    mood: 1 + self.below(5) as i64,
                });
                "reflection"
            }
        }
    }

    /// About 30 % of items are shared with the facilitators, some of those
    /// read and answered; mentored people share some with their mentor.
    pub(super) fn share(
        &mut self,
        batch: &mut SeedBatch,
        item: i64,
        owner: i64,
        at: i64,
        mentored: bool,
        group: &Group,
    ) {
        let roll = self.below(100);
        if roll < 30 {
            self.ids.share += 1;
            batch.shares.push(SeedShare {
                id: self.ids.share,
                item_id: item,
                audience: "facilitators".into(),
                granted_at: at,
            });
            if roll < 10 {
                self.ids.access += 1;
                batch.access.push(SeedAccess {
                    id: self.ids.access,
                    item_id: item,
                    owner_id: owner,
                    viewer_id: group.facilitator,
                    at: (at + DAY_SECS).min(self.now),
                });
            }
            if roll < 3 {
                let body = self.pick(text::FEEDBACK);
                self.ids.feedback += 1;
                batch.feedback.push(SeedFeedback {
                    id: self.ids.feedback,
                    item_id: item,
                    author_id: group.facilitator,
                    kind: "note".into(),
                    body: body.to_owned(),
                    at: (at + DAY_SECS).min(self.now),
                });
            }
        }
        if mentored && (25..40).contains(&roll) {
            self.ids.share += 1;
            batch.shares.push(SeedShare {
                id: self.ids.share,
                item_id: item,
                audience: "mentor".into(),
                granted_at: at,
            });
        }
    }
}
