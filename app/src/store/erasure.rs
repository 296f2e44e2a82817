//! The participant's right to be forgotten: their account and every row
//! about them go, in one transaction. The schema does most of it: every
//! reference to a user either goes with them (`ON DELETE CASCADE`: items and
//! through them shares, notes, log rows about their items; sessions,
//! passkeys, memberships, votes, links) or forgets them (`ON DELETE SET
//! NULL`: notes they wrote on others' items, a link they proposed). What
//! the schema cannot know is done here.

use super::{Store, StoreError};

/// What becomes of the wishes someone posted to their groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WishesOnErasure {
    /// The group keeps them, with no author.
    KeepWithoutAuthor,
    Remove,
}

impl Store {
    /// Deletes the account. False when there was none.
    pub async fn erase_account(
        &self,
        user: i64,
        wishes: WishesOnErasure,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if wishes == WishesOnErasure::Remove {
            sqlx::query("DELETE FROM wishes WHERE author_id = $1")
                .bind(user)
                .execute(&mut *tx)
                .await?;
        }
        // A confirmation or a passkey being added names the person only in
        // its context: their id, as JSON.
        sqlx::query(
            "DELETE FROM ceremonies WHERE kind IN ('confirm', 'add_passkey') AND context = $1",
        )
        .bind(user.to_string())
        .execute(&mut *tx)
        .await?;
        let gone = sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(user)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(gone.rows_affected() == 1)
    }
}
