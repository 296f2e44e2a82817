use super::{now, Store, StoreError};

/// A link between a peer mentor and a mentee, as either of them sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorLink {
    pub id: i64,
    pub mentor_id: i64,
    pub mentor_name: String,
    pub mentee_id: i64,
    pub mentee_name: String,
    pub accepted: bool,
}

impl Store {
    /// Proposes `mentor` to `mentee`. Nothing is visible to the mentor until
    /// the mentee accepts.
    pub async fn propose_mentor(
        &self,
        mentor: i64,
        mentee: i64,
        group: Option<i64>,
        proposed_by: i64,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO mentor_links (mentor_id, mentee_id, group_id, proposed_by, proposed_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(mentor)
        .bind(mentee)
        .bind(group)
        .bind(proposed_by)
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// The mentee accepts or declines a proposal made to them.
    pub async fn answer_mentor(
        &self,
        mentee: i64,
        link: i64,
        accept: bool,
    ) -> Result<bool, StoreError> {
        let column = if accept { "accepted_at" } else { "declined_at" };
        let done = sqlx::query(&format!(
            "UPDATE mentor_links SET {column} = $1
             WHERE id = $2 AND mentee_id = $3
               AND accepted_at IS NULL AND declined_at IS NULL AND ended_at IS NULL"
        ))
        .bind(now())
        .bind(link)
        .bind(mentee)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Either side ends the link; the mentor's view ends with it.
    pub async fn end_mentor_link(&self, user: i64, link: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE mentor_links SET ended_at = $1
             WHERE id = $2 AND (mentor_id = $3 OR mentee_id = $3) AND ended_at IS NULL",
        )
        .bind(now())
        .bind(link)
        .bind(user)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
