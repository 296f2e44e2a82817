//! The owner's own reads for taking their data with them, for what the
//! journal's paged lists do not cover: milestone marks of groups left,
//! every share ever made, all feedback (hidden too) and the wishes they
//! posted. The owner is in every WHERE clause; nothing here reads another
//! person's things.

use super::{Column, Store, StoreError};
use crate::model::{
    Audience, Day, FeedbackKind, FeedbackRecord, MarkRecord, Phrase, ShareRecord, WishRecord,
    WishStatus,
};

impl Store {
    /// Every milestone the owner marked as reached, in any group, ever.
    pub async fn marks_of(&self, owner: i64) -> Result<Vec<MarkRecord>, StoreError> {
        let mut rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT i.id, g.name, m.title, k.reached_on, k.note
               FROM items i
               JOIN milestone_marks k ON k.item_id = i.id
               JOIN milestones m ON m.id = k.milestone_id
               JOIN peer_groups g ON g.id = m.group_id
              WHERE i.owner_id = $1 AND i.kind = 'milestone'
              ORDER BY i.id DESC",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::MarkNote, &mut rows, |r| &mut r.4)?;
        Ok(rows
            .into_iter()
            .map(|(id, group, milestone, reached_on, note)| MarkRecord {
                id,
                group,
                milestone,
                reached_on: Day::parse(&reached_on).unwrap_or(Day::of_unix(0)),
                note,
            })
            .collect())
    }

    /// Every share of the owner's items, the active and the taken back.
    pub async fn share_history(&self, owner: i64) -> Result<Vec<ShareRecord>, StoreError> {
        type Row = (i64, String, i64, Option<i64>, Option<i64>);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.item_id, s.audience, s.granted_at, s.expires_at, s.revoked_at
               FROM shares s JOIN items i ON i.id = s.item_id
              WHERE i.owner_id = $1
              ORDER BY s.id",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(item_id, audience, granted_at, expires_at, revoked_at)| {
                Some(ShareRecord {
                    item_id,
                    audience: Audience::parse(&audience)?,
                    granted_at,
                    expires_at,
                    revoked_at,
                })
            })
            .collect())
    }

    /// All feedback on the owner's items, hidden ones included, oldest first.
    pub async fn feedback_history(&self, owner: i64) -> Result<Vec<FeedbackRecord>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            i64,
            Option<i64>,
        );
        let mut rows: Vec<Row> = sqlx::query_as(
            "SELECT f.item_id, f.kind, f.body, f.phrase, u.display_name, f.at, f.hidden_at
               FROM feedback f
               JOIN items i ON i.id = f.item_id
               LEFT JOIN users u ON u.id = f.author_id
              WHERE i.owner_id = $1
              ORDER BY f.id",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::FeedbackBody, &mut rows, |r| &mut r.2)?;
        Ok(rows
            .into_iter()
            .filter_map(|(item_id, kind, body, phrase, author, at, hidden_at)| {
                Some(FeedbackRecord {
                    item_id,
                    kind: FeedbackKind::parse(&kind)?,
                    body,
                    phrase: phrase.as_deref().and_then(Phrase::parse),
                    author,
                    at,
                    hidden: hidden_at.is_some(),
                })
            })
            .collect())
    }

    /// The wishes the person posted, in any group, with their votes.
    pub async fn wishes_by(&self, author: i64) -> Result<Vec<WishRecord>, StoreError> {
        type Row = (i64, String, String, String, String, String, i64, i64);
        let mut rows: Vec<Row> = sqlx::query_as(
            "SELECT w.id, g.name, w.what, w.why, w.status, w.reason,
                    (SELECT COUNT(*) FROM wish_votes v WHERE v.wish_id = w.id),
                    w.created_at
               FROM wishes w JOIN peer_groups g ON g.id = w.group_id
              WHERE w.author_id = $1
              ORDER BY w.id",
        )
        .bind(author)
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::WishWhat, &mut rows, |r| &mut r.2)?;
        self.open_in(Column::WishWhy, &mut rows, |r| &mut r.3)?;
        self.open_in(Column::WishReason, &mut rows, |r| &mut r.5)?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, group, what, why, status, reason, votes, posted_at)| {
                Some(WishRecord {
                    id,
                    group,
                    what,
                    why,
                    status: WishStatus::parse(&status)?,
                    reason,
                    votes,
                    posted_at,
                })
            })
            .collect())
    }
}
