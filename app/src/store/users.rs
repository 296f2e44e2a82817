use super::invites::hash_code;
use super::{now, Store, StoreError};
use crate::model::{Locale, Role};

/// Everything needed to open an account from an invite and a new passkey.
#[derive(Clone, Debug)]
pub struct NewAccount<'a> {
    pub invite_code: &'a str,
    pub display_name: &'a str,
    pub locale: Locale,
    pub webauthn_id: &'a str,
    pub credential_id: &'a str,
    /// webauthn-rs `Passkey` as JSON.
    pub passkey: &'a str,
    pub passkey_label: &'a str,
}

/// A signed-in person as the app sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub display_name: String,
    pub locale: Locale,
    pub is_admin: bool,
}

impl Store {
    /// Whether anyone can administer this instance yet; decides whether the
    /// first-start admin invite is printed.
    pub async fn has_admin(&self) -> Result<bool, StoreError> {
        let row: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.0 > 0)
    }

    /// Uses one use of the invite and opens the account with its first
    /// passkey, all or nothing.
    pub async fn create_account(&self, new: NewAccount<'_>) -> Result<(i64, Role), StoreError> {
        let at = now();
        let mut tx = self.pool.begin().await?;
        let role: Option<(String,)> = sqlx::query_as(
            "UPDATE invites SET uses_left = uses_left - 1
             WHERE code_hash = $1 AND uses_left > 0 AND expires_at > $2 AND revoked_at IS NULL
             RETURNING role",
        )
        .bind(hash_code(new.invite_code))
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let role = role
            .and_then(|(r,)| Role::parse(&r))
            .ok_or(StoreError::InviteNotValid)?;
        let (user_id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (display_name, locale, is_admin, created_at, webauthn_id)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(new.display_name)
        .bind(new.locale.tag())
        .bind(i64::from(role == Role::Admin))
        .bind(at)
        .bind(new.webauthn_id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO passkeys (user_id, credential_id, passkey, label, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user_id)
        .bind(new.credential_id)
        .bind(new.passkey)
        .bind(new.passkey_label)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_unique(StoreError::CredentialTaken))?;
        tx.commit().await?;
        Ok((user_id, role))
    }

    pub async fn account(&self, user_id: i64) -> Result<Option<Account>, StoreError> {
        let row: Option<(i64, String, String, i64)> =
            sqlx::query_as("SELECT id, display_name, locale, is_admin FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(id, display_name, locale, is_admin)| Account {
            id,
            display_name,
            locale: Locale::parse(&locale).unwrap_or_default(),
            is_admin: is_admin != 0,
        }))
    }
}
