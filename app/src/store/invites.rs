use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::{now, Store, StoreError};
use crate::model::Role;

/// What an invite lets its holder become, how often and for how long.
#[derive(Clone, Copy, Debug)]
pub struct NewInvite {
    pub role: Role,
    pub uses: u32,
    pub valid_for: Duration,
}

/// The plain invite code. It exists only in the link handed to a person; the
/// database keeps its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteCode(pub String);

impl InviteCode {
    fn generate() -> Self {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// Codes and tokens carry 128 random bits or more, so a plain SHA-256 is
/// enough to keep a stolen database from joining or signing in.
pub fn hash_code(code: &str) -> String {
    Sha256::digest(code.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    pub async fn create_invite(&self, invite: NewInvite) -> Result<InviteCode, StoreError> {
        let code = InviteCode::generate();
        let created = now();
        let expires = created.saturating_add(invite.valid_for.as_secs() as i64);
        sqlx::query(
            "INSERT INTO invites (code_hash, role, uses_left, expires_at, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash_code(&code.0))
        .bind(invite.role.as_str())
        .bind(i64::from(invite.uses))
        .bind(expires)
        .bind(created)
        .execute(&self.pool)
        .await?;
        Ok(code)
    }

    /// The role an invite code would grant now. Unknown, expired, used-up and
    /// withdrawn codes all answer `None`, so nobody can tell them apart.
    pub async fn open_invite(&self, code: &str) -> Result<Option<Role>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT role FROM invites
             WHERE code_hash = $1 AND uses_left > 0 AND expires_at > $2 AND revoked_at IS NULL",
        )
        .bind(hash_code(code))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(role,)| Role::parse(&role)))
    }

    /// Withdraws every open admin invite, so only the newest printed link works.
    pub async fn revoke_open_admin_invites(&self) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE invites SET revoked_at = $1 WHERE role = 'admin' AND revoked_at IS NULL",
        )
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}
