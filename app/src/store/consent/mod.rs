//! The consent rule, in one place, as SQL; and everything that shows a
//! journal item to anyone but its owner, which goes through it. A list, a
//! count and a single read all compose `visible`, so they cannot disagree.
//! The viewer's reads are in `reads`, the owner's choices in `shares`,
//! notes and acknowledgements in `feedback`, and "who has seen my things"
//! in `access_log`.

mod access_log;
mod feedback;
mod reads;
mod shares;

pub(super) use feedback::recent_feedback_list;
pub(super) use reads::{log_page, log_page_at_once, shared_counts_list};
pub(super) use shares::apply_defaults;

use super::{Column, Store, StoreError};
use crate::model::{
    Day, ItemKind, LifeArea, PeerWorkKind, SharedContent, SkillKind, StepKind, StepStatus,
    PAGE_SIZE,
};

/// "The item `i` is visible now to the viewer", for a viewer who is not its
/// owner: an active share (not revoked, not expired) whose audience holds
/// the viewer at this moment: a facilitator of a group where the owner is a
/// participant now, or the owner's peer mentor while their link lasts.
/// `viewer` and `now` are the query's placeholders for them.
///
/// The share is looked up only for items ever shared (`ever_shared`, kept
/// by the share's own transaction; migration 0018), each by its index.
/// `OFFSET 0` keeps PostgreSQL from joining the items to every active
/// share instead: it read all 17,000 of them at 50,000 items for a group's
/// counts, 3.4 ms where the lookups take 1.3 ms, and more as the region
/// grows.
pub(super) fn visible(viewer: &str, now: &str) -> String {
    format!(
        "(i.owner_id <> {viewer} AND i.ever_shared = 1 AND EXISTS (
            SELECT 1 FROM shares s WHERE {} LIMIT 1 OFFSET 0))",
        share_holds_viewer(viewer, now, None)
    )
}

/// "The item `i`, visible to the viewer, was shared with them after
/// `seen`" (a time, or NULL for never): one of the shares that make it
/// visible, `visible`'s, was granted since. "New since your last look"
/// asks this rather than whether any share is newer, so a share with
/// another audience tells the viewer nothing: a facilitator does not learn
/// when the owner shared the item with their mentor.
pub(super) fn shared_with_viewer_since(viewer: &str, now: &str, seen: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM shares s WHERE {})",
        share_holds_viewer(viewer, now, Some(seen))
    )
}

/// "The share `s` of the item `i` is active, and its audience holds the
/// viewer now", and with `granted_after`, was granted after that time:
/// the consent rule, which `visible` and `shared_with_viewer_since` both
/// ask. The time is compared before the audience, so the audience's lists
/// are asked only of the few shares newer than a last look: asked of each
/// share, they made a group's counts 8 % dearer on SQLite (PERFORMANCE.md).
fn share_holds_viewer(viewer: &str, now: &str, granted_after: Option<&str>) -> String {
    let after = granted_after
        .map(|at| format!(" AND s.granted_at > COALESCE({at}, 0)"))
        .unwrap_or_default();
    format!(
        "s.item_id = i.id AND s.revoked_at IS NULL{after}
               AND (s.expires_at IS NULL OR s.expires_at > {now})
               AND ((s.audience = 'facilitators' AND {})
                 OR (s.audience = 'mentor' AND i.owner_id IN (
                        SELECT ml.mentee_id FROM mentor_links ml
                         WHERE ml.mentor_id = {viewer}
                           AND ml.accepted_at IS NOT NULL AND ml.ended_at IS NULL)))",
        facilitates_owner(viewer)
    )
}

/// "The viewer is now a facilitator of a group where the owner of `i` is
/// now a participant": the facilitators' audience, and who may confirm a
/// skill.
///
/// Written as `IN` the viewer's participants, and the mentor's audience as
/// `IN` their mentees, rather than as `EXISTS` for the owner: the list
/// depends on the viewer alone, so both databases read it once per query
/// and then look each item's owner up in it, where `EXISTS` read the
/// memberships again for every shared item. A group's counts at 50,000
/// items: 1.6 ms → 1.15 ms on SQLite, 3.1 ms → 2.0 ms on PostgreSQL.
pub(super) fn facilitates_owner(viewer: &str) -> String {
    format!(
        "i.owner_id IN (SELECT pm.user_id FROM memberships fm
                          JOIN memberships pm ON pm.group_id = fm.group_id
                         WHERE fm.user_id = {viewer} AND fm.role = 'facilitator'
                           AND fm.left_at IS NULL
                           AND pm.role = 'participant' AND pm.left_at IS NULL)"
    )
}

/// When the viewer ($1) last looked at the owner's ($2) shared things: read
/// with a page of them, not in a query of its own.
const LAST_VISIT: &str =
    "(SELECT seen_at FROM shared_visits WHERE viewer_id = $1 AND owner_id = $2)";

/// For content read without a visit.
const NO_VISIT: &str = "CAST(NULL AS BIGINT)";

/// For content read with no last look to compare with, where every item is
/// new, and for the owner's preview: "not shared with the viewer since".
const NOT_COMPARED: &str = "FALSE";

/// An item's content, as the columns of `content`.
#[derive(sqlx::FromRow)]
struct ContentRow {
    id: i64,
    kind: String,
    updated_at: i64,
    /// 1 when the item was shared with the viewer since their last look.
    shared_since: i64,
    dream_title: Option<String>,
    meaning: Option<String>,
    life_area: Option<String>,
    step_title: Option<String>,
    step_kind: Option<String>,
    status: Option<String>,
    target_on: Option<String>,
    done_on: Option<String>,
    written_on: Option<String>,
    body: Option<String>,
    mood: Option<i64>,
    milestone_title: Option<String>,
    reached_on: Option<String>,
    note: Option<String>,
    checked_on: Option<String>,
    control: Option<i64>,
    heard: Option<i64>,
    for_others: Option<i64>,
    routines: Option<i64>,
    health: Option<i64>,
    relationships: Option<i64>,
    readiness: Option<i64>,
    checkin_note: Option<String>,
    skill_kind: Option<String>,
    learned_on: Option<String>,
    skill_note: Option<String>,
    confirmed_at: Option<i64>,
    work_kind: Option<String>,
    work_done_on: Option<String>,
    /// When the viewer last looked at the owner's shared things, on a page
    /// of them; the same in every row.
    seen_before: Option<i64>,
}

/// The content of the items that `chosen` (the rest of `SELECT … FROM
/// items i WHERE`) picks, newest first: every kind's fields, so one query
/// shows a mixed list, and no column of any other item (a step's dream,
/// say). The items are picked before their content is joined, so
/// PostgreSQL plans a lookup by key per picked row instead of joining
/// whole tables, and plans it faster. `seen` is the `seen_before` column;
/// `shared`, a condition, makes `shared_since` 1 where it holds.
fn content(seen: &str, shared: &str, chosen: &str) -> String {
    format!(
        "SELECT i.id, i.kind, i.updated_at, CAST(CASE WHEN {shared} THEN 1 ELSE 0 END AS BIGINT) AS shared_since,
        d.title AS dream_title, d.meaning, d.life_area,
        st.title AS step_title, st.step_kind, st.status, st.target_on, st.done_on,
        r.written_on, r.body, r.mood,
        ms.title AS milestone_title, k.reached_on, k.note,
        c.checked_on, c.control, c.heard, c.for_others, c.routines, c.health,
        c.relationships, c.readiness, c.note AS checkin_note,
        sk.skill_kind, sk.learned_on, sk.note AS skill_note, sk.confirmed_at,
        pw.work_kind, pw.done_on AS work_done_on, {seen} AS seen_before
     FROM (SELECT i.id, i.owner_id, i.kind, i.updated_at FROM items i WHERE {chosen}) i
     LEFT JOIN dreams d ON d.item_id = i.id
     LEFT JOIN steps st ON st.item_id = i.id
     LEFT JOIN reflections r ON r.item_id = i.id
     LEFT JOIN milestone_marks k ON k.item_id = i.id
     LEFT JOIN milestones ms ON ms.id = k.milestone_id
     LEFT JOIN checkins c ON c.item_id = i.id
     LEFT JOIN skills sk ON sk.item_id = i.id
     LEFT JOIN peer_work pw ON pw.item_id = i.id
     ORDER BY i.id DESC"
    )
}

impl ContentRow {
    /// Whether the item is new to a viewer who last looked at `seen`:
    /// changed, or shared with them, since.
    fn is_new(&self, seen: Option<i64>) -> bool {
        self.shared_since != 0 || seen.is_none_or(|seen| self.updated_at > seen)
    }

    /// The content with the owner's own text opened.
    fn opened(
        mut self,
        store: &Store,
    ) -> Result<Option<(i64, ItemKind, SharedContent)>, StoreError> {
        self.dream_title = store.open_opt(Column::DreamTitle, self.dream_title.take())?;
        self.meaning = store.open_opt(Column::DreamMeaning, self.meaning.take())?;
        self.step_title = store.open_opt(Column::StepTitle, self.step_title.take())?;
        self.body = store.open_opt(Column::ReflectionBody, self.body.take())?;
        self.note = store.open_opt(Column::MarkNote, self.note.take())?;
        self.checkin_note = store.open_opt(Column::CheckInNote, self.checkin_note.take())?;
        self.skill_note = store.open_opt(Column::SkillNote, self.skill_note.take())?;
        Ok(self.content())
    }

    fn content(self) -> Option<(i64, ItemKind, SharedContent)> {
        let day = |d: Option<String>| d.as_deref().and_then(Day::parse);
        let kind = ItemKind::parse(&self.kind)?;
        let content = match kind {
            ItemKind::Dream => SharedContent::Dream {
                title: self.dream_title?,
                meaning: self.meaning.unwrap_or_default(),
                life_area: self.life_area.as_deref().and_then(LifeArea::parse)?,
            },
            ItemKind::Step => SharedContent::Step {
                title: self.step_title?,
                kind: self.step_kind.as_deref().and_then(StepKind::parse)?,
                status: self.status.as_deref().and_then(StepStatus::parse)?,
                target_on: day(self.target_on),
                done_on: day(self.done_on),
            },
            ItemKind::Reflection => SharedContent::Reflection {
                written_on: day(self.written_on)?,
                body: self.body.unwrap_or_default(),
                mood: self.mood.and_then(|m| u8::try_from(m).ok()),
            },
            ItemKind::Milestone => SharedContent::Milestone {
                title: self.milestone_title?,
                reached_on: day(self.reached_on)?,
                note: self.note.unwrap_or_default(),
            },
            ItemKind::CheckIn => {
                let rating = |r: Option<i64>| r.and_then(|r| u8::try_from(r).ok());
                SharedContent::CheckIn {
                    checked_on: day(self.checked_on)?,
                    ratings: [
                        rating(self.control)?,
                        rating(self.heard)?,
                        rating(self.for_others)?,
                        rating(self.routines)?,
                        rating(self.health)?,
                        rating(self.relationships)?,
                        rating(self.readiness)?,
                    ],
                    note: self.checkin_note.unwrap_or_default(),
                }
            }
            ItemKind::Skill => SharedContent::Skill {
                kind: self.skill_kind.as_deref().and_then(SkillKind::parse)?,
                learned_on: day(self.learned_on)?,
                note: self.skill_note.unwrap_or_default(),
                confirmed: self.confirmed_at.is_some(),
            },
            ItemKind::PeerWork => SharedContent::PeerWork {
                kind: self.work_kind.as_deref().and_then(PeerWorkKind::parse)?,
                done_on: day(self.work_done_on)?,
            },
        };
        Some((self.id, kind, content))
    }
}

/// "$1, $2, …" from `first` on, for an IN list of `count` values.
pub(in crate::store) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An IN list of a page's worth of placeholders from `first` on. Always
/// the same width, so each query is one prepared statement: one per list
/// length would fill every connection's statement cache with copies.
fn page_placeholders(first: usize) -> String {
    placeholders(first, PAGE_SIZE as usize)
}

/// Binds `ids` (at most a page) to the page placeholders, and 0, which no
/// item's id is, to the rest.
fn bind_page<Q>(mut query: Q, ids: &[i64], bind: impl Fn(Q, i64) -> Q) -> Q {
    debug_assert!(ids.len() <= PAGE_SIZE as usize);
    for n in 0..PAGE_SIZE as usize {
        query = bind(query, ids.get(n).copied().unwrap_or(0));
    }
    query
}
