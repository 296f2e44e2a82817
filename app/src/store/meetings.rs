use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::{Meeting, MeetingText};

pub(in crate::store) type MeetingTuple = (i64, i64, String, i64, i64, String, String);

pub(in crate::store) fn meeting(
    (id, group_id, group_name, starts_at, minutes, place, topic): MeetingTuple,
) -> Meeting {
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
fn not_over(now: &str) -> String {
    format!("m.cancelled_at IS NULL AND m.starts_at + m.minutes * 60 > {now}")
}

/// The next meeting, not over at `now`, of any group the person ($1) is a
/// current member of, as a list of at most one.
pub(in crate::store) fn next_meeting_of_list(now: &str) -> List {
    List {
        query: format!(
            "SELECT {COLUMNS} WHERE {} AND m.group_id IN
                (SELECT group_id FROM memberships WHERE user_id = $1 AND left_at IS NULL)
             ORDER BY m.starts_at, m.id LIMIT 1",
            not_over(now)
        ),
        columns: 7,
        order: None,
    }
}

/// The group's meetings not over at `now`, soonest first.
pub(in crate::store) fn coming_meetings_list(group: &str, now: &str) -> List {
    List {
        query: format!(
            "SELECT {COLUMNS} WHERE m.group_id = {group} AND {} ORDER BY m.starts_at, m.id LIMIT 50",
            not_over(now)
        ),
        columns: 7,
        order: Some("c3, c0"),
    }
}

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
        let rows: Vec<MeetingTuple> = sqlx::query_as(&coming_meetings_list("$1", "$2").query)
            .bind(group)
            .bind(now())
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(meeting).collect())
    }

    /// The next meeting of any group the person is a current member of.
    pub async fn next_meeting_of(&self, user_id: i64) -> Result<Option<Meeting>, StoreError> {
        let row: Option<MeetingTuple> = sqlx::query_as(&next_meeting_of_list("$2").query)
            .bind(user_id)
            .bind(now())
            .fetch_optional(&self.pool)
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
