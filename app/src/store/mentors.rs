//! Peer mentor links: proposed by a facilitator, answered by the mentee,
//! ended by either side. Only an accepted link that has not ended opens
//! anything, and only through the consent rule.

use sqlx::AnyConnection;

use super::consent::visible;
use super::lists::List;
use super::{now, Column, Store, StoreError};
use crate::model::{MentorLink, Phrase};

/// A link's columns with both names and the group's, for `MentorLink`.
const LINK: &str = "SELECT l.id, l.mentor_id, mu.display_name, l.mentee_id, eu.display_name,
        g.name, l.proposed_at, l.accepted_at
     FROM mentor_links l
     JOIN users mu ON mu.id = l.mentor_id
     JOIN users eu ON eu.id = l.mentee_id
     LEFT JOIN peer_groups g ON g.id = l.group_id
    WHERE l.declined_at IS NULL AND l.ended_at IS NULL";

pub(in crate::store) type LinkRow = (
    i64,
    i64,
    String,
    i64,
    String,
    Option<String>,
    i64,
    Option<i64>,
);

pub(in crate::store) fn link(
    (id, mentor_id, mentor_name, mentee_id, mentee_name, group_name, proposed_at, accepted_at): LinkRow,
) -> MentorLink {
    MentorLink {
        id,
        mentor_id,
        mentor_name,
        mentee_id,
        mentee_name,
        group_name,
        proposed_at,
        accepted_at,
    }
}

/// The open links the person ($1) is on either side of, newest first.
pub(in crate::store) fn mentor_links_of_list() -> List {
    List {
        query: format!(
            "{LINK} AND (l.mentor_id = $1 OR l.mentee_id = $1) ORDER BY l.id DESC LIMIT 100"
        ),
        columns: 8,
        order: Some("c0 DESC"),
    }
}

/// The open links proposed within the group, newest first.
pub(in crate::store) fn mentor_links_in_group_list(group: &str) -> List {
    List {
        query: format!("{LINK} AND l.group_id = {group} ORDER BY l.id DESC LIMIT 200"),
        columns: 8,
        order: Some("c0 DESC"),
    }
}

impl Store {
    /// Proposes `mentor` to `mentee`. Nothing is visible to the mentor until
    /// the mentee accepts. A pair has one open link at a time.
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
        .fetch_one(&self.writer)
        .await
        .map_err(StoreError::from_unique(StoreError::AlreadyMember))?;
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
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Either side ends the link; the mentor's view ends with it. A
    /// proposal not yet answered can be withdrawn the same way.
    pub async fn end_mentor_link(&self, user: i64, link: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE mentor_links SET ended_at = $1
             WHERE id = $2 AND (mentor_id = $3 OR mentee_id = $3)
               AND ended_at IS NULL AND declined_at IS NULL",
        )
        .bind(now())
        .bind(link)
        .bind(user)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The open links the person is on either side of, newest first;
    /// unanswered proposals included, for the page to sort out.
    pub async fn mentor_links_of(&self, user: i64) -> Result<Vec<MentorLink>, StoreError> {
        let rows: Vec<LinkRow> = sqlx::query_as(&mentor_links_of_list().query)
            .bind(user)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(link).collect())
    }

    /// The open links proposed within a group, for its facilitators.
    pub async fn mentor_links_in_group(&self, group: i64) -> Result<Vec<MentorLink>, StoreError> {
        let rows: Vec<LinkRow> = sqlx::query_as(&mentor_links_in_group_list("$1").query)
            .bind(group)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(link).collect())
    }

    /// The accepted, open link from `mentor` to `mentee`, if there is one.
    pub async fn active_mentor_link(
        &self,
        mentor: i64,
        mentee: i64,
    ) -> Result<Option<MentorLink>, StoreError> {
        active_mentor_link(&mut *self.pool.acquire().await?, mentor, mentee).await
    }

    /// The mentor encourages their mentee on a step or milestone the mentee
    /// shares with them now; false otherwise.
    pub async fn encourage(
        &self,
        mentor: i64,
        item: i64,
        phrase: Phrase,
        body: &str,
    ) -> Result<bool, StoreError> {
        let at = now();
        let done = sqlx::query(&format!(
            "INSERT INTO feedback (item_id, author_id, kind, phrase, body, at)
             SELECT i.id, $1, 'encouragement', $3, $4, $2 FROM items i
              WHERE i.id = $5 AND i.kind IN ('step', 'milestone') AND {}
                AND EXISTS (SELECT 1 FROM mentor_links ml
                             WHERE ml.mentee_id = i.owner_id AND ml.mentor_id = $1
                               AND ml.accepted_at IS NOT NULL AND ml.ended_at IS NULL)",
            visible("$1", "$2")
        ))
        .bind(mentor)
        .bind(at)
        .bind(phrase.as_str())
        .bind(self.seal(Column::FeedbackBody, body)?)
        .bind(item)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// `Store::active_mentor_link` on a connection the caller already holds.
pub(super) async fn active_mentor_link(
    conn: &mut AnyConnection,
    mentor: i64,
    mentee: i64,
) -> Result<Option<MentorLink>, StoreError> {
    let row: Option<LinkRow> = sqlx::query_as(&format!(
        "{LINK} AND l.mentor_id = $1 AND l.mentee_id = $2 AND l.accepted_at IS NOT NULL"
    ))
    .bind(mentor)
    .bind(mentee)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(link))
}
