use super::{now, Store, StoreError};

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

    /// Keeps the new signature counter and marks the key as just used.
    pub async fn record_passkey_use(&self, id: i64, passkey: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE id = $3")
            .bind(passkey)
            .bind(now())
            .bind(id)
            .execute(&self.pool)
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
}
