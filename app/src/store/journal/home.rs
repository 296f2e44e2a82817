use crate::model::{CheckIn, Day, DreamTitle, FeedbackView, ItemKind, Meeting, MentorLink, Step};
use crate::store::{Achievement, EventRow, MonthCount, Store, StoreError};

/// How much of each list "My path" shows.
#[derive(Clone, Copy, Debug)]
pub struct HomeSizes {
    pub dreams: i64,
    pub open_steps: i64,
    pub achievements: i64,
    pub notes: i64,
}

/// What "My path" reads of the owner's own rows.
#[derive(Clone, Debug)]
pub struct HomeReads {
    pub next_step: Option<Step>,
    pub dreams: Vec<DreamTitle>,
    /// Newest first; the next step may be among them.
    pub open_steps: Vec<Step>,
    pub achievements: Vec<Achievement>,
    /// Steps done per month from the chart's first day on.
    pub steps_done: Vec<MonthCount>,
    /// (item, its kind, the note or acknowledgement), newest first.
    pub notes: Vec<(i64, ItemKind, FeedbackView)>,
    pub mentor_links: Vec<MentorLink>,
    pub last_checkin: Option<CheckIn>,
    pub sharing_reviews: Vec<(i64, String)>,
    /// Passkeys added by a recovery link that the person has not yet seen.
    pub recoveries: Vec<EventRow>,
    pub next_meeting: Option<Meeting>,
}

impl Store {
    /// Everything the home page reads, on one connection. Each query taken from
    /// the pool costs a hand-off to the connection's thread (SQLite) or a
    /// round trip (PostgreSQL) for the query and another for the check sqlx
    /// makes as the connection goes back; on one connection the page pays
    /// the second once instead of ten times.
    pub async fn journal_home(
        &self,
        owner: i64,
        sizes: HomeSizes,
        today: Day,
        chart_from: Day,
    ) -> Result<HomeReads, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let c = &mut *conn;
        let (next_step, open_steps) = self
            .next_and_open_steps_in(&mut *c, owner, sizes.open_steps)
            .await?;
        Ok(HomeReads {
            next_step,
            open_steps,
            dreams: self.dream_titles_in(&mut *c, owner, sizes.dreams).await?,
            achievements: self
                .achievements_in(&mut *c, owner, sizes.achievements)
                .await?,
            steps_done: self
                .steps_done_per_month_in(&mut *c, owner, chart_from)
                .await?,
            notes: self.recent_feedback_in(&mut *c, owner, sizes.notes).await?,
            mentor_links: self.mentor_links_of_in(&mut *c, owner).await?,
            last_checkin: self.checkin_series_in(&mut *c, owner, 1).await?.pop(),
            sharing_reviews: self.sharing_reviews_due_in(&mut *c, owner, today).await?,
            recoveries: self.unseen_recoveries_in(&mut *c, owner).await?,
            next_meeting: self.next_meeting_of_in(&mut *c, owner).await?,
        })
    }
}
