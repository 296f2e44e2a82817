//! The wishes box. The author of a wish is used only to let them edit or
//! withdraw it; what is read back for anyone says `mine`, never who.

use super::{now, Column, Store, StoreError};
use crate::model::{Wish, WishStatus, WishText};

type WishRow = (i64, String, String, String, String, i64, i64, i64);

impl Store {
    pub async fn post_wish(
        &self,
        group: i64,
        author: i64,
        text: &WishText,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO wishes (group_id, author_id, what, why, reason, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(group)
        .bind(author)
        .bind(self.seal(Column::WishWhat, &text.what)?)
        .bind(self.seal(Column::WishWhy, &text.why)?)
        .bind(self.seal(Column::WishReason, "")?)
        .bind(now())
        .fetch_one(&self.writer)
        .await?;
        Ok(id)
    }

    /// The group's wishes for `reader`, most voted first, then newest.
    pub async fn wishes(&self, group: i64, reader: i64) -> Result<Vec<Wish>, StoreError> {
        let mut rows: Vec<WishRow> = sqlx::query_as(
            "SELECT w.id, w.what, w.why, w.status, w.reason,
                    (SELECT COUNT(*) FROM wish_votes v WHERE v.wish_id = w.id) AS votes,
                    (SELECT COUNT(*) FROM wish_votes v WHERE v.wish_id = w.id AND v.user_id = $2),
                    CASE WHEN w.author_id = $2 THEN 1 ELSE 0 END
               FROM wishes w WHERE w.group_id = $1
              ORDER BY votes DESC, w.id DESC LIMIT 200",
        )
        .bind(group)
        .bind(reader)
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::WishWhat, &mut rows, |r| &mut r.1)?;
        self.open_in(Column::WishWhy, &mut rows, |r| &mut r.2)?;
        self.open_in(Column::WishReason, &mut rows, |r| &mut r.4)?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, what, why, status, reason, votes, voted, mine)| {
                Some(Wish {
                    id,
                    what,
                    why,
                    status: WishStatus::parse(&status)?,
                    reason,
                    votes,
                    voted: voted > 0,
                    mine: mine > 0,
                })
            })
            .collect())
    }

    /// The group a wish belongs to.
    pub async fn wish_group(&self, wish: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT group_id FROM wishes WHERE id = $1")
            .bind(wish)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(g,)| g))
    }

    /// The author changes their own wish; false for anyone else's.
    pub async fn edit_wish(
        &self,
        author: i64,
        wish: i64,
        text: &WishText,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE wishes SET what = $1, why = $2 WHERE id = $3 AND author_id = $4")
                .bind(self.seal(Column::WishWhat, &text.what)?)
                .bind(self.seal(Column::WishWhy, &text.why)?)
                .bind(wish)
                .bind(author)
                .execute(&self.writer)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The author withdraws their own wish, votes and all.
    pub async fn withdraw_wish(&self, author: i64, wish: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM wishes WHERE id = $1 AND author_id = $2")
            .bind(wish)
            .bind(author)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// One vote per member per wish: voting again changes nothing.
    pub async fn vote_wish(&self, wish: i64, voter: i64, vote: bool) -> Result<(), StoreError> {
        let sql = if vote {
            "INSERT INTO wish_votes (wish_id, user_id) VALUES ($1, $2)
             ON CONFLICT (wish_id, user_id) DO NOTHING"
        } else {
            "DELETE FROM wish_votes WHERE wish_id = $1 AND user_id = $2"
        };
        sqlx::query(sql)
            .bind(wish)
            .bind(voter)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn set_wish_status(
        &self,
        wish: i64,
        status: WishStatus,
        reason: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE wishes SET status = $1, reason = $2 WHERE id = $3")
            .bind(status.as_str())
            .bind(self.seal(Column::WishReason, reason)?)
            .bind(wish)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
