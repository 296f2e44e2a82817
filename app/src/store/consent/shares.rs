//! The owner's side: sharing, taking back, defaults, the preview.

use sqlx::AnyConnection;

use super::{content, ContentRow, NOT_COMPARED, NO_VISIT};
use crate::model::{Audience, ItemKind, ShareCategory, ShareView, SharedContent};
use crate::store::{now, Backend, Store, StoreError};

/// Shares an item with the audiences its owner chose by default for its
/// category, and marks it as ever shared if it is. Runs in the transaction
/// that makes the item, or that marks a step done.
pub(in crate::store) async fn apply_defaults(
    conn: &mut AnyConnection,
    owner: i64,
    item: i64,
    category: ShareCategory,
) -> Result<(), StoreError> {
    let shared = sqlx::query(
        "INSERT INTO shares (item_id, audience, granted_at)
         SELECT $1, d.audience, $2 FROM share_defaults d
          WHERE d.user_id = $3 AND d.category = $4
            AND NOT EXISTS (SELECT 1 FROM shares s
                             WHERE s.item_id = $1 AND s.audience = d.audience AND s.revoked_at IS NULL)",
    )
    .bind(item)
    .bind(now())
    .bind(owner)
    .bind(category.as_str())
    .execute(&mut *conn)
    .await?;
    if shared.rows_affected() > 0 {
        mark_ever_shared(conn, item).await?;
    }
    Ok(())
}

/// Marks an item as ever shared (`visible` looks shares up only for such
/// items), in the transaction of a share. Only once: SQLite writes a row
/// that an `UPDATE` sets to the value it had, and each such write put a
/// page of 4 KB more in its log (PERFORMANCE.md).
async fn mark_ever_shared(conn: &mut AnyConnection, item: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE items SET ever_shared = 1 WHERE id = $1 AND ever_shared = 0")
        .bind(item)
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// Shares one of the owner's items with an audience, until `expires_at`
    /// if given. Sharing what is shared already only changes the expiry,
    /// so it does not show up as new again.
    pub async fn share(
        &self,
        owner: i64,
        item: i64,
        audience: Audience,
        expires_at: Option<i64>,
    ) -> Result<bool, StoreError> {
        self.set_audiences(owner, item, &[audience], expires_at, false)
            .await
    }

    /// Makes the item's audiences exactly `audiences` (with `exclusive`), or
    /// adds them (without): the participant's one choice per item.
    pub async fn set_audiences(
        &self,
        owner: i64,
        item: i64,
        audiences: &[Audience],
        expires_at: Option<i64>,
        exclusive: bool,
    ) -> Result<bool, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        // Two choices for one item at once (a double tap, the outbox's
        // retry) must not both find it unshared and both insert. On
        // PostgreSQL the item's row stays locked until this commits; on
        // SQLite the write transaction is the lock already.
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        };
        let flag: Option<(i64,)> = sqlx::query_as(&format!(
            "SELECT ever_shared FROM items WHERE id = $1 AND owner_id = $2{lock}"
        ))
        .bind(item)
        .bind(owner)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((ever_shared,)) = flag else {
            return Ok(false);
        };
        // The flag, read under the lock, is written only for the item's
        // first share.
        if ever_shared == 0 && !audiences.is_empty() {
            mark_ever_shared(&mut tx, item).await?;
        }
        // Shares that end: expired ones (sharing again starts a new one)
        // and, with `exclusive`, those of every audience not chosen. One
        // statement, as SQLite's other writers wait for this one to end.
        let ending = match (exclusive, audiences.len()) {
            (false, _) => "expires_at <= $1".to_owned(),
            (true, 0) => "TRUE".to_owned(),
            (true, n) => {
                let chosen: Vec<String> = (3..3 + n).map(|i| format!("${i}")).collect();
                format!(
                    "(expires_at <= $1 OR audience NOT IN ({}))",
                    chosen.join(", ")
                )
            }
        };
        let sql = format!(
            "UPDATE shares SET revoked_at = $1 WHERE item_id = $2 AND revoked_at IS NULL AND {ending}"
        );
        let mut end_shares = sqlx::query(&sql).bind(at).bind(item);
        if exclusive {
            for audience in audiences {
                end_shares = end_shares.bind(audience.as_str());
            }
        }
        end_shares.execute(&mut *tx).await?;
        // A new share, or a new expiry for the active one: the unique index
        // on active shares (`shares_active`) tells which, in one statement,
        // where an update that found nothing was followed by an insert.
        for audience in Audience::ALL.into_iter().filter(|a| audiences.contains(a)) {
            sqlx::query(
                "INSERT INTO shares (item_id, audience, granted_at, expires_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (item_id, audience) WHERE revoked_at IS NULL
                 DO UPDATE SET expires_at = excluded.expires_at",
            )
            .bind(item)
            .bind(audience.as_str())
            .bind(at)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Takes a share back: from the very next request, the audience sees
    /// nothing of the item.
    pub async fn revoke_share(
        &self,
        owner: i64,
        item: i64,
        audience: Audience,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE shares SET revoked_at = $1
             WHERE item_id = $2 AND audience = $3 AND revoked_at IS NULL
               AND item_id IN (SELECT id FROM items WHERE owner_id = $4)",
        )
        .bind(now())
        .bind(item)
        .bind(audience.as_str())
        .bind(owner)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// "Stop sharing everything": every share taken back, and every default
    /// switched off, in one go.
    pub async fn revoke_everything(&self, owner: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE shares SET revoked_at = $1 WHERE revoked_at IS NULL
               AND item_id IN (SELECT id FROM items WHERE owner_id = $2)",
        )
        .bind(now())
        .bind(owner)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM share_defaults WHERE user_id = $1")
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// The active shares of one of the owner's items.
    pub async fn shares_of(&self, owner: i64, item: i64) -> Result<Vec<ShareView>, StoreError> {
        let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT s.audience, s.granted_at, s.expires_at FROM shares s JOIN items i ON i.id = s.item_id
             WHERE s.item_id = $1 AND i.owner_id = $2 AND s.revoked_at IS NULL
               AND (s.expires_at IS NULL OR s.expires_at > $3)
             ORDER BY s.audience",
        )
        .bind(item)
        .bind(owner)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(audience, granted_at, expires_at)| {
                Some(ShareView {
                    audience: Audience::parse(&audience)?,
                    granted_at,
                    expires_at,
                })
            })
            .collect())
    }

    pub async fn share_defaults(
        &self,
        owner: i64,
    ) -> Result<Vec<(ShareCategory, Audience)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT category, audience FROM share_defaults WHERE user_id = $1")
                .bind(owner)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(c, a)| Some((ShareCategory::parse(&c)?, Audience::parse(&a)?)))
            .collect())
    }

    /// Sets the owner's defaults to exactly `on`; they apply to items made
    /// (or steps done) from now on.
    pub async fn set_share_defaults(
        &self,
        owner: i64,
        on: &[(ShareCategory, Audience)],
    ) -> Result<(), StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM share_defaults WHERE user_id = $1")
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        for (category, audience) in on {
            sqlx::query("INSERT INTO share_defaults (user_id, category, audience, set_at) VALUES ($1, $2, $3, $4)")
                .bind(owner)
                .bind(category.as_str())
                .bind(audience.as_str())
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// What a share of the owner's item would show: the very content a
    /// viewer gets, for the preview before sharing. Not logged: it is the
    /// owner looking.
    pub async fn share_preview(
        &self,
        owner: i64,
        item: i64,
    ) -> Result<Option<(ItemKind, SharedContent)>, StoreError> {
        let row: Option<ContentRow> = sqlx::query_as(&content(
            NO_VISIT,
            NOT_COMPARED,
            "i.id = $1 AND i.owner_id = $2",
        ))
        .bind(item)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|row| row.opened(self))
            .transpose()?
            .flatten()
            .map(|(_, kind, content)| (kind, content)))
    }
}
