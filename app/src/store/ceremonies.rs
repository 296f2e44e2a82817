use std::time::Duration;

use super::{now, Store, StoreError};

/// A WebAuthn ceremony waiting for the browser's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ceremony {
    /// webauthn-rs state, as JSON.
    pub state: String,
    /// What the ceremony is for (e.g. the join details), as JSON.
    pub context: String,
}

impl Store {
    /// Keeps a ceremony for the browser that began it. Any earlier one of the
    /// same kind for that browser is dropped: only the newest can finish.
    pub async fn save_ceremony(
        &self,
        browser: &str,
        kind: &str,
        ceremony: &Ceremony,
        valid_for: Duration,
    ) -> Result<(), StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM ceremonies WHERE (browser = $1 AND kind = $2) OR expires_at <= $3",
        )
        .bind(browser)
        .bind(kind)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO ceremonies (browser, kind, state, context, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(browser)
        .bind(kind)
        .bind(&ceremony.state)
        .bind(&ceremony.context)
        .bind(at + valid_for.as_secs() as i64)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes and returns the browser's live ceremony of this kind. Taking
    /// is the only way to read one, so a ceremony can finish once.
    pub async fn take_ceremony(
        &self,
        browser: &str,
        kind: &str,
    ) -> Result<Option<Ceremony>, StoreError> {
        let row: Option<(String, String, i64)> = sqlx::query_as(
            "DELETE FROM ceremonies WHERE browser = $1 AND kind = $2
             RETURNING state, context, expires_at",
        )
        .bind(browser)
        .bind(kind)
        .fetch_optional(&self.writer)
        .await?;
        Ok(row
            .filter(|(_, _, expires_at)| *expires_at > now())
            .map(|(state, context, _)| Ceremony { state, context }))
    }
}
