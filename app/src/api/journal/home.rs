use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Day, Dream, FeedbackView, ItemKind, Step};

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
    pub dreams: Vec<Dream>,
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
}

/// Months in the chart.
pub const CHART_MONTHS: u32 = 6;

#[server(endpoint = "journal_home")]
pub async fn load_journal_home() -> Result<Option<JournalHome>, AppError> {
    let Some(me) = crate::auth::current_session().await? else {
        return Ok(None);
    };
    let store = crate::api::store()?;
    let next_step = store.next_step(me.user_id).await?;
    // Dreams and open steps shown.
    const HOME_DREAMS: i64 = 3;
    const HOME_STEPS: i64 = 5;
    let dreams = store.newest_dreams(me.user_id, HOME_DREAMS).await?;
    // One more than shown, in case the next step is among them.
    let mut open_steps: Vec<Step> = store
        .newest_open_steps(me.user_id, HOME_STEPS + 1)
        .await?
        .into_iter()
        .filter(|s| next_step.as_ref().is_none_or(|n| n.id != s.id))
        .collect();
    open_steps.truncate(HOME_STEPS as usize);
    let achievements = store
        .achievements(me.user_id, 5)
        .await?
        .into_iter()
        .map(|a| AchievementView {
            item_id: a.item_id,
            kind: a.kind,
            title: a.title,
            on: a.on,
        })
        .collect();
    let notes = store
        .recent_feedback(me.user_id, 3)
        .await?
        .into_iter()
        .map(|(item, kind, feedback)| NoteView {
            item_path: crate::api::item_path(kind, item),
            kind,
            feedback,
        })
        .collect();
    let mentor_proposals = store
        .mentor_links_of(me.user_id)
        .await?
        .iter()
        .filter(|l| l.mentee_id == me.user_id && l.accepted_at.is_none())
        .count();
    let last = store.checkin_series(me.user_id, 1).await?;
    let checkin_due = crate::model::next_checkin(last.first().map(|c| c.checked_on))
        .is_none_or(|day| day <= Day::today());
    Ok(Some(JournalHome {
        sharing_reviews: store.sharing_reviews_due(me.user_id, Day::today()).await?,
        checkin_due,
        mentor_proposals,
        notes,
        chart: chart(&store, me.user_id).await?,
        next_step,
        dreams,
        open_steps,
        achievements,
    }))
}

/// The last months up to this one, each with its count of steps done.
#[cfg(feature = "ssr")]
async fn chart(store: &crate::store::Store, owner: i64) -> Result<Vec<MonthBar>, AppError> {
    // The first day of the month CHART_MONTHS - 1 months back.
    let (y, m, _) = Day::today().ymd();
    let start = y * 12 + i64::from(m - 1) - i64::from(CHART_MONTHS - 1);
    let from = Day::from_ymd(start.div_euclid(12), start.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(Day::today());
    let counts = store.steps_done_per_month(owner, from).await?;
    Ok((0..CHART_MONTHS)
        .map(|i| {
            let (year, month, _) = from.add_months(i).ymd();
            let count = counts
                .iter()
                .find(|c| c.year == year && c.month == month)
                .map_or(0, |c| c.count);
            MonthBar { year, month, count }
        })
        .collect())
}
