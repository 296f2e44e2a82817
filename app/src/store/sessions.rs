use super::actors::{actor, actor_columns};
use super::users::account;
use super::{now, Account, Store, StoreError};
use crate::policy::Actor;

/// A session's row and its person's, with their actor, as one query reads
/// them.
#[derive(sqlx::FromRow)]
struct CallerRow {
    public_id: String,
    user_id: i64,
    created_at: i64,
    last_seen_at: i64,
    confirmed_at: i64,
    device: String,
    display_name: String,
    locale: String,
    is_admin: i64,
    neutral_look: i64,
    areas: Option<String>,
    memberships: Option<String>,
}

/// Who is calling: their session, their account and what the policy needs
/// to know about them.
#[derive(Clone, Debug)]
pub struct Caller {
    pub session: SessionRow,
    pub account: Account,
    pub actor: Actor,
}

/// A signed-in browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub public_id: String,
    pub user_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// When the person last proved themselves with a passkey here.
    pub confirmed_at: i64,
    pub device: String,
}

/// How long a session lives: idle since its last request, and in all.
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

impl Store {
    pub async fn create_session(
        &self,
        token_hash: &str,
        public_id: &str,
        user_id: i64,
        device: &str,
    ) -> Result<(), StoreError> {
        let at = now();
        sqlx::query(
            "INSERT INTO sessions (token_hash, public_id, user_id, created_at, last_seen_at, confirmed_at, device)
             VALUES ($1, $2, $3, $4, $4, $4, $5)",
        )
        .bind(token_hash)
        .bind(public_id)
        .bind(user_id)
        .bind(at)
        .bind(device)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The live session with this token, touched so its idle clock restarts.
    /// An expired one is deleted on sight.
    pub async fn live_session(
        &self,
        token_hash: &str,
        limits: SessionLimits,
    ) -> Result<Option<SessionRow>, StoreError> {
        Ok(self
            .live_caller(token_hash, limits)
            .await?
            .map(|caller| caller.session))
    }

    /// `live_session` with the account and the actor it belongs to, in the
    /// same query: every page and server function asks for these first, and
    /// each query is a round trip (or a hand-off to SQLite's thread) and
    /// another as its connection goes back to the pool.
    pub async fn live_caller(
        &self,
        token_hash: &str,
        limits: SessionLimits,
    ) -> Result<Option<Caller>, StoreError> {
        let at = now();
        let row: Option<CallerRow> = sqlx::query_as(concat!(
            "SELECT s.public_id, s.user_id, s.created_at, s.last_seen_at, s.confirmed_at, s.device,
                    u.display_name, u.locale, u.neutral_look, ",
            actor_columns!(),
            " FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        if at - row.last_seen_at > limits.idle_secs || at - row.created_at > limits.absolute_secs {
            self.end_session(token_hash).await?;
            return Ok(None);
        }
        // One write a minute at most per session keeps reads cheap.
        if at - row.last_seen_at >= 60 {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(at)
                .bind(token_hash)
                .execute(&self.writer)
                .await?;
        }
        let actor = actor(
            row.user_id,
            row.is_admin,
            row.areas.as_deref(),
            row.memberships.as_deref(),
        );
        let account = account(
            row.user_id,
            row.display_name,
            &row.locale,
            row.is_admin,
            row.neutral_look,
        );
        let session = SessionRow {
            public_id: row.public_id,
            user_id: row.user_id,
            created_at: row.created_at,
            last_seen_at: at.max(row.last_seen_at),
            confirmed_at: row.confirmed_at,
            device: row.device,
        };
        Ok(Some(Caller {
            session,
            account,
            actor,
        }))
    }

    /// Marks a session as just confirmed with a passkey.
    pub async fn confirm_session(&self, public_id: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET confirmed_at = $1 WHERE public_id = $2")
            .bind(now())
            .bind(public_id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The person's live sessions, most recently used first.
    pub async fn sessions_of(
        &self,
        user_id: i64,
        limits: SessionLimits,
    ) -> Result<Vec<SessionRow>, StoreError> {
        let at = now();
        let rows: Vec<(String, i64, i64, i64, String)> = sqlx::query_as(
            "SELECT public_id, created_at, last_seen_at, confirmed_at, device FROM sessions
             WHERE user_id = $1 AND last_seen_at >= $2 AND created_at >= $3
             ORDER BY last_seen_at DESC LIMIT 100",
        )
        .bind(user_id)
        .bind(at - limits.idle_secs)
        .bind(at - limits.absolute_secs)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(public_id, created_at, last_seen_at, confirmed_at, device)| SessionRow {
                    public_id,
                    user_id,
                    created_at,
                    last_seen_at,
                    confirmed_at,
                    device,
                },
            )
            .collect())
    }

    /// Ends one of the person's own sessions; another person's id does nothing.
    pub async fn end_session_of(&self, user_id: i64, public_id: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND public_id = $2")
            .bind(user_id)
            .bind(public_id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn end_all_sessions(&self, user_id: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected())
    }
}
