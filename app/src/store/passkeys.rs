use sqlx::AnyConnection;

use super::{events, now, Store, StoreError};
use crate::model::AccountEventKind;

/// A passkey as its owner sees it in "My devices".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasskeyRow {
    pub id: i64,
    pub label: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// What a sign-in needs to verify an assertion.
#[derive(Clone, Debug)]
pub struct StoredPasskey {
    pub id: i64,
    pub user_id: i64,
    /// webauthn-rs `Passkey` as JSON.
    pub passkey: String,
}

/// Adds a passkey inside the caller's transaction. A credential that is
/// registered already (to anyone) is refused.
pub(super) async fn insert_passkey(
    conn: &mut AnyConnection,
    user_id: i64,
    credential_id: &str,
    passkey: &str,
    label: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO passkeys (user_id, credential_id, passkey, label, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(credential_id)
    .bind(passkey)
    .bind(label)
    .bind(now())
    .execute(&mut *conn)
    .await
    .map_err(StoreError::from_unique(StoreError::CredentialTaken))?;
    Ok(())
}

/// Takes the account's row lock (a no-op write), so that two requests that
/// count and change the account's passkeys run one after the other on
/// PostgreSQL as they do on SQLite.
async fn lock_account(conn: &mut AnyConnection, user_id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET locale = locale WHERE id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// The passkey with this credential id, if it belongs to the account
    /// with this WebAuthn user handle.
    pub async fn passkey_for_sign_in(
        &self,
        webauthn_id: &str,
        credential_id: &str,
    ) -> Result<Option<StoredPasskey>, StoreError> {
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT p.id, p.user_id, p.passkey FROM passkeys p JOIN users u ON u.id = p.user_id
             WHERE u.webauthn_id = $1 AND p.credential_id = $2",
        )
        .bind(webauthn_id)
        .bind(credential_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, user_id, passkey)| StoredPasskey {
            id,
            user_id,
            passkey,
        }))
    }

    /// Every passkey of a person as webauthn-rs JSON: what a confirmation
    /// may be answered with, and what a new passkey must not duplicate.
    pub async fn passkeys_of(&self, user_id: i64) -> Result<Vec<StoredPasskey>, StoreError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, passkey FROM passkeys WHERE user_id = $1 ORDER BY id")
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, passkey)| StoredPasskey {
                id,
                user_id,
                passkey,
            })
            .collect())
    }

    /// Keeps the new signature counter and marks the key as just used.
    pub async fn record_passkey_use(&self, id: i64, passkey: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE id = $3")
            .bind(passkey)
            .bind(now())
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn passkeys(&self, user_id: i64) -> Result<Vec<PasskeyRow>, StoreError> {
        let rows: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, label, created_at, last_used_at FROM passkeys WHERE user_id = $1 ORDER BY id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, label, created_at, last_used_at)| PasskeyRow {
                id,
                label,
                created_at,
                last_used_at,
            })
            .collect())
    }

    /// Adds another passkey to a person's account.
    pub async fn add_passkey(
        &self,
        user_id: i64,
        credential_id: &str,
        passkey: &str,
        label: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        insert_passkey(&mut tx, user_id, credential_id, passkey, label).await?;
        events::record(&mut tx, user_id, AccountEventKind::PasskeyAdded, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Renames one of the person's own passkeys; another person's id does nothing.
    pub async fn rename_passkey(
        &self,
        user_id: i64,
        id: i64,
        label: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE passkeys SET label = $1 WHERE id = $2 AND user_id = $3")
            .bind(label)
            .bind(id)
            .bind(user_id)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes one of the person's own passkeys, never the last one: a
    /// person without a passkey could not get back in on their own.
    pub async fn remove_passkey(&self, user_id: i64, id: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_account(&mut tx, user_id).await?;
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
        let owned: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM passkeys WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        if owned.is_none() {
            return Ok(false);
        }
        if count <= 1 {
            return Err(StoreError::LastPasskey);
        }
        sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        events::record(&mut tx, user_id, AccountEventKind::PasskeyRemoved, None).await?;
        tx.commit().await?;
        Ok(true)
    }
}
