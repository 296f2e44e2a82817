use leptos::prelude::*;

use crate::api::EventView;
use crate::error::AppError;
use crate::model::{Day, DreamTitle, FeedbackView, ItemKind, Meeting, Step};

/// Something done, for "recent achievements".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AchievementView {
    pub item_id: i64,
    pub kind: ItemKind,
    pub title: String,
    pub on: Day,
}

/// Steps done in a month, for the chart: every month of the span, with
/// zero where none were done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MonthBar {
    pub year: i64,
    pub month: u32,
    pub count: i64,
}

/// A note or an acknowledgement someone left on one of the person's items.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoteView {
    pub item_path: String,
    pub kind: ItemKind,
    pub feedback: FeedbackView,
}

/// "My path": what a participant sees first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JournalHome {
    pub next_step: Option<Step>,
    pub dreams: Vec<DreamTitle>,
    pub open_steps: Vec<Step>,
    pub achievements: Vec<AchievementView>,
    pub chart: Vec<MonthBar>,
    pub notes: Vec<NoteView>,
    /// Peer mentors proposed to the person, waiting for their answer.
    pub mentor_proposals: usize,
    /// A month (or more) since the last check-in, or none yet.
    pub checkin_due: bool,
    /// Groups that moved to monthly meetings since the person joined, where
    /// they are asked to look over what they share: (id, name).
    pub sharing_reviews: Vec<(i64, String)>,
    /// Passkeys added by a recovery link, shown until the person says they
    /// have seen them.
    pub recoveries: Vec<EventView>,
    /// The next meeting of any of the person's groups.
    pub next_meeting: Option<Meeting>,
    /// Whether the person belongs to a group, for the way to their groups.
    pub is_member: bool,
}

/// Months in the chart.
pub const CHART_MONTHS: u32 = 6;

#[server(endpoint = "journal_home")]
pub async fn load_journal_home() -> Result<Option<JournalHome>, AppError> {
    let Some((me, actor)) = crate::auth::current_actor().await? else {
        return Ok(None);
    };
    const HOME_DREAMS: i64 = 3;
    const HOME_STEPS: i64 = 5;
    let sizes = crate::store::HomeSizes {
        dreams: HOME_DREAMS,
        // One more than shown, in case the next step is among them.
        open_steps: HOME_STEPS + 1,
        achievements: 5,
        notes: 3,
    };
    let today = Day::today();
    let from = chart_start(today);
    let home = crate::api::store()?
        .journal_home(me.user_id, sizes, today, from)
        .await?;
    let next_step = home.next_step;
    let mut open_steps: Vec<Step> = home
        .open_steps
        .into_iter()
        .filter(|s| next_step.as_ref().is_none_or(|n| n.id != s.id))
        .collect();
    open_steps.truncate(HOME_STEPS as usize);
    let achievements = home
        .achievements
        .into_iter()
        .map(|a| AchievementView {
            item_id: a.item_id,
            kind: a.kind,
            title: a.title,
            on: a.on,
        })
        .collect();
    let notes = home
        .notes
        .into_iter()
        .map(|(item, kind, feedback)| NoteView {
            item_path: crate::api::item_path(kind, item),
            kind,
            feedback,
        })
        .collect();
    let mentor_proposals = home
        .mentor_links
        .iter()
        .filter(|l| l.mentee_id == me.user_id && l.accepted_at.is_none())
        .count();
    let is_member = actor.member_groups().next().is_some();
    let checkin_due = crate::model::next_checkin(home.last_checkin.map(|c| c.checked_on))
        .is_none_or(|day| day <= today);
    Ok(Some(JournalHome {
        recoveries: home
            .recoveries
            .into_iter()
            .map(crate::api::event_view)
            .collect(),
        next_meeting: home.next_meeting,
        is_member,
        sharing_reviews: home.sharing_reviews,
        checkin_due,
        mentor_proposals,
        notes,
        chart: chart(from, &home.steps_done),
        next_step,
        dreams: home.dreams,
        open_steps,
        achievements,
    }))
}

/// The first day of the month CHART_MONTHS - 1 months back.
#[cfg(feature = "ssr")]
fn chart_start(today: Day) -> Day {
    let (y, m, _) = today.ymd();
    let start = y * 12 + i64::from(m - 1) - i64::from(CHART_MONTHS - 1);
    Day::from_ymd(start.div_euclid(12), start.rem_euclid(12) as u32 + 1, 1).unwrap_or(today)
}

/// The months from `from` up to this one, each with its count of steps
/// done.
#[cfg(feature = "ssr")]
fn chart(from: Day, counts: &[crate::store::MonthCount]) -> Vec<MonthBar> {
    (0..CHART_MONTHS)
        .map(|i| {
            let (year, month, _) = from.add_months(i).ymd();
            let count = counts
                .iter()
                .find(|c| c.year == year && c.month == month)
                .map_or(0, |c| c.count);
            MonthBar { year, month, count }
        })
        .collect()
}
