use super::{now, Store, StoreError};
use crate::model::{Meeting, MeetingText};

type MeetingTuple = (i64, i64, String, i64, i64, String, String);

fn meeting((id, group_id, group_name, starts_at, minutes, place, topic): MeetingTuple) -> Meeting {
    Meeting {
        id,
        group_id,
        group_name,
        starts_at,
        minutes: u32::try_from(minutes).unwrap_or_default(),
        place,
        topic,
    }
}

const COLUMNS: &str = "m.id, m.group_id, g.name, m.starts_at, m.minutes, m.place, m.topic
     FROM meetings m JOIN peer_groups g ON g.id = m.group_id";

/// A meeting counts as coming until it has ended.
const NOT_OVER: &str = "m.cancelled_at IS NULL AND m.starts_at + m.minutes * 60 > $2";

impl Store {
    pub async fn schedule_meeting(
        &self,
        group: i64,
        text: &MeetingText,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO meetings (group_id, starts_at, minutes, place, topic, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(group)
        .bind(text.starts_at)
        .bind(i64::from(text.minutes))
        .bind(&text.place)
        .bind(&text.topic)
        .bind(now())
        .fetch_one(&self.writer)
        .await?;
        Ok(id)
    }

    pub async fn cancel_meeting(&self, group: i64, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE meetings SET cancelled_at = $1
             WHERE id = $2 AND group_id = $3 AND cancelled_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(group)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A group's coming meetings, soonest first.
    pub async fn coming_meetings(&self, group: i64) -> Result<Vec<Meeting>, StoreError> {
        self.coming_meetings_in(&self.pool, group).await
    }

    pub(in crate::store) async fn coming_meetings_in<'c>(
        &self,
        db: impl sqlx::Executor<'c, Database = sqlx::Any>,
        group: i64,
    ) -> Result<Vec<Meeting>, StoreError> {
        let rows: Vec<MeetingTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE m.group_id = $1 AND {NOT_OVER} ORDER BY m.starts_at LIMIT 50"
        ))
        .bind(group)
        .bind(now())
        .fetch_all(db)
        .await?;
        Ok(rows.into_iter().map(meeting).collect())
    }

    /// The next meeting of any group the person is a current member of.
    pub async fn next_meeting_of(&self, user_id: i64) -> Result<Option<Meeting>, StoreError> {
        self.next_meeting_of_in(&self.pool, user_id).await
    }

    pub(in crate::store) async fn next_meeting_of_in<'c>(
        &self,
        db: impl sqlx::Executor<'c, Database = sqlx::Any>,
        user_id: i64,
    ) -> Result<Option<Meeting>, StoreError> {
        let row: Option<MeetingTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE {NOT_OVER} AND m.group_id IN
                (SELECT group_id FROM memberships WHERE user_id = $1 AND left_at IS NULL)
             ORDER BY m.starts_at LIMIT 1"
        ))
        .bind(user_id)
        .bind(now())
        .fetch_optional(db)
        .await?;
        Ok(row.map(meeting))
    }

    /// A meeting that is not cancelled, by id.
    pub async fn meeting(&self, id: i64) -> Result<Option<Meeting>, StoreError> {
        let row: Option<MeetingTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE m.id = $1 AND m.cancelled_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(meeting))
    }
}
