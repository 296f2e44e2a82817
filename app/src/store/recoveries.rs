use std::time::Duration;

use super::invites::{hash_code, InviteCode};
use super::passkeys::insert_passkey;
use super::{events, now, Store, StoreError};
use crate::model::AccountEventKind;

/// The new passkey a recovery adds.
#[derive(Clone, Debug)]
pub struct RecoveredPasskey<'a> {
    pub credential_id: &'a str,
    /// webauthn-rs `Passkey` as JSON.
    pub passkey: &'a str,
    pub label: &'a str,
}

/// Whom an open recovery link is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRecovery {
    pub user_id: i64,
    pub display_name: String,
    pub webauthn_id: String,
    pub expires_at: i64,
}

impl Store {
    /// A one-time link for `user_id`, made by `created_by`. Any earlier open
    /// link for the same person stops working.
    pub async fn create_recovery(
        &self,
        user_id: i64,
        created_by: i64,
        valid_for: Duration,
    ) -> Result<InviteCode, StoreError> {
        let code = InviteCode::generate();
        let at = now();
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE recoveries SET expires_at = $1 WHERE user_id = $2 AND used_at IS NULL AND expires_at > $1")
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO recoveries (code_hash, user_id, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash_code(&code.0))
        .bind(user_id)
        .bind(created_by)
        .bind(at)
        .bind(at.saturating_add(valid_for.as_secs() as i64))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(code)
    }

    /// Whom a recovery code is for, while it can still be used. Unknown,
    /// expired and used codes all answer `None`.
    pub async fn open_recovery(&self, code: &str) -> Result<Option<OpenRecovery>, StoreError> {
        let row: Option<(i64, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT u.id, u.display_name, u.webauthn_id, r.expires_at FROM recoveries r JOIN users u ON u.id = r.user_id
             WHERE r.code_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
        )
        .bind(hash_code(code))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            row.and_then(|(user_id, display_name, webauthn_id, expires_at)| {
                Some(OpenRecovery {
                    user_id,
                    display_name,
                    webauthn_id: webauthn_id?,
                    expires_at,
                })
            }),
        )
    }

    /// Uses a recovery code once: adds the new passkey, ends every session
    /// of the account and writes the history line, all or nothing. Returns
    /// the account.
    pub async fn complete_recovery(
        &self,
        code: &str,
        passkey: RecoveredPasskey<'_>,
    ) -> Result<i64, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let row: Option<(i64, Option<i64>)> = sqlx::query_as(
            "UPDATE recoveries SET used_at = $1
             WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1
             RETURNING user_id, created_by",
        )
        .bind(at)
        .bind(hash_code(code))
        .fetch_optional(&mut *tx)
        .await?;
        let (user_id, created_by) = row.ok_or(StoreError::LinkNotValid)?;
        insert_passkey(
            &mut tx,
            user_id,
            passkey.credential_id,
            passkey.passkey,
            passkey.label,
        )
        .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        events::record(&mut tx, user_id, AccountEventKind::Recovered, created_by).await?;
        tx.commit().await?;
        Ok(user_id)
    }
}
