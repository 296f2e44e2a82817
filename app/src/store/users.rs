use super::events;
use super::invites::{grant, use_invite};
use super::passkeys::insert_passkey;
use super::{now, Store, StoreError};
use crate::model::{AccountEventKind, Locale};
use crate::policy::InviteTarget;

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
    /// Asked for a neutral name and icon on the home screen.
    pub neutral_look: bool,
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
    /// passkey and what the invite leads to, all or nothing.
    pub async fn create_account(
        &self,
        new: NewAccount<'_>,
    ) -> Result<(i64, InviteTarget), StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let target = use_invite(&mut tx, new.invite_code).await?;
        let (user_id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (display_name, locale, is_admin, created_at, webauthn_id)
             VALUES ($1, $2, 0, $3, $4) RETURNING id",
        )
        .bind(new.display_name)
        .bind(new.locale.tag())
        .bind(at)
        .bind(new.webauthn_id)
        .fetch_one(&mut *tx)
        .await?;
        grant(&mut tx, user_id, target).await?;
        insert_passkey(
            &mut tx,
            user_id,
            new.credential_id,
            new.passkey,
            new.passkey_label,
        )
        .await?;
        events::record(&mut tx, user_id, AccountEventKind::Joined, None).await?;
        tx.commit().await?;
        Ok((user_id, target))
    }

    pub async fn set_locale(&self, user_id: i64, locale: Locale) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale.tag())
            .bind(user_id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The person's own choice of a neutral name and icon on the home
    /// screen.
    pub async fn set_neutral_look(&self, user_id: i64, on: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET neutral_look = $1 WHERE id = $2")
            .bind(i64::from(on))
            .bind(user_id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The WebAuthn user handle of an account, for adding a passkey to it.
    pub async fn webauthn_id(&self, user_id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT webauthn_id FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(id,)| id))
    }

    pub async fn account(&self, user_id: i64) -> Result<Option<Account>, StoreError> {
        let row: Option<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT id, display_name, locale, is_admin, neutral_look FROM users WHERE id = $1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            row.map(|(id, display_name, locale, is_admin, neutral_look)| {
                account(id, display_name, &locale, is_admin, neutral_look)
            }),
        )
    }
}

/// An account from the columns of its `users` row.
pub(super) fn account(
    id: i64,
    display_name: String,
    locale: &str,
    is_admin: i64,
    neutral_look: i64,
) -> Account {
    Account {
        id,
        display_name,
        locale: Locale::parse(locale).unwrap_or_default(),
        is_admin: is_admin != 0,
        neutral_look: neutral_look != 0,
    }
}
