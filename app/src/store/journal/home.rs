use super::checkins::latest_checkin_list;
use super::dreams::dream_titles_list;
use super::steps::{open_steps_list, picked_step_list};
use super::summary::{achievements_list, months_from, steps_done_per_month_list};
use crate::model::{CheckIn, Day, DreamTitle, FeedbackView, ItemKind, Meeting, MentorLink, Step};
use crate::store::consent::recent_feedback_list;
use crate::store::events::unseen_recoveries_list;
use crate::store::lists::{rows, FixedLists};
use crate::store::meetings::{meeting as meeting_from, next_meeting_of_list};
use crate::store::memberships::sharing_reviews_due_list;
use crate::store::mentors::{link, mentor_links_of_list};
use crate::store::{now, Achievement, EventRow, MonthCount, Store, StoreError};

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
    /// Everything the home page reads, in one statement: each list comes
    /// back as one text column (`store/lists.rs`), as it would read alone.
    /// Ten statements cost PostgreSQL ten round trips, transactions and
    /// executor start-ups, and SQLite ten hand-offs to its thread.
    pub async fn journal_home(
        &self,
        owner: i64,
        sizes: HomeSizes,
        today: Day,
        chart_from: Day,
    ) -> Result<HomeReads, StoreError> {
        static SQL: FixedLists = FixedLists::new();
        let sql = SQL.sql(self.backend, || {
            vec![
                picked_step_list(),
                open_steps_list("$2"),
                dream_titles_list("$3"),
                achievements_list("$4"),
                steps_done_per_month_list("$5"),
                recent_feedback_list("$6"),
                mentor_links_of_list(),
                latest_checkin_list(),
                sharing_reviews_due_list("$7"),
                unseen_recoveries_list(),
                next_meeting_of_list("$8"),
            ]
        });
        let (
            picked,
            open,
            dreams,
            done,
            months,
            notes,
            links,
            checkins,
            reviews,
            recoveries,
            meeting,
        ): (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
        ) = sqlx::query_as(sql)
            .bind(owner)
            .bind(sizes.open_steps)
            .bind(sizes.dreams)
            .bind(sizes.achievements)
            .bind(chart_from.iso())
            .bind(sizes.notes)
            .bind(today.iso())
            .bind(now())
            .fetch_one(&self.pool)
            .await?;
        Ok(HomeReads {
            next_step: self.steps_from(rows(&picked)?)?.pop(),
            open_steps: self.steps_from(rows(&open)?)?,
            dreams: self.dream_titles_from(rows(&dreams)?)?,
            achievements: self.achievements_from(rows(&done)?)?,
            steps_done: months_from(rows(&months)?),
            notes: self.recent_feedback_from(rows(&notes)?)?,
            mentor_links: rows(&links)?.into_iter().map(link).collect(),
            last_checkin: self.checkin_series_from(rows(&checkins)?)?.pop(),
            sharing_reviews: Self::sharing_reviews_due_from(rows(&reviews)?),
            recoveries: Self::unseen_recoveries_from(rows(&recoveries)?),
            next_meeting: rows(&meeting)?.into_iter().map(meeting_from).next(),
        })
    }
}
