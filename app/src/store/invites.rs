use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::Role;
use crate::policy::InviteTarget;

/// Where an invite leads, how often and for how long.
#[derive(Clone, Copy, Debug)]
pub struct NewInvite {
    pub target: InviteTarget,
    pub uses: u32,
    pub valid_for: Duration,
    pub created_by: Option<i64>,
}

/// The plain invite code. It exists only in the link handed to a person; the
/// database keeps its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteCode(pub String);

impl InviteCode {
    pub(super) fn generate() -> Self {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// What an open invite offers: the target and the name of its area or group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenInvite {
    pub target: InviteTarget,
    pub place: Option<String>,
    pub uses_left: i64,
    pub expires_at: i64,
}

/// An invite not yet used up, as its group's facilitators see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteRow {
    pub id: i64,
    pub role: Role,
    pub uses_left: i64,
    pub expires_at: i64,
    pub created_at: i64,
}

/// Codes and tokens carry 128 random bits or more, so a plain SHA-256 is
/// enough to keep a stolen database from joining or signing in.
pub fn hash_code(code: &str) -> String {
    Sha256::digest(code.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn target_of(role: &str, area: Option<i64>, group: Option<i64>) -> Option<InviteTarget> {
    match (Role::parse(role)?, area, group) {
        (Role::Admin, None, None) => Some(InviteTarget::Admin),
        (Role::Facilitator, Some(area), None) => Some(InviteTarget::Facilitator { area }),
        (role @ (Role::Participant | Role::PeerMentor), None, Some(group)) => {
            Some(InviteTarget::Member { group, role })
        }
        _ => None,
    }
}

/// Uses one use of an open invite; what it leads to, or `InviteNotValid`.
pub(super) async fn use_invite(
    conn: &mut AnyConnection,
    code: &str,
) -> Result<InviteTarget, StoreError> {
    let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "UPDATE invites SET uses_left = uses_left - 1
         WHERE code_hash = $1 AND uses_left > 0 AND expires_at > $2 AND revoked_at IS NULL
         RETURNING role, area_id, group_id",
    )
    .bind(hash_code(code))
    .bind(now())
    .fetch_optional(&mut *conn)
    .await?;
    row.and_then(|(role, area, group)| target_of(&role, area, group))
        .ok_or(StoreError::InviteNotValid)
}

/// Gives a person what an invite leads to. Being there already is refused,
/// so the caller's transaction can roll the used invite back.
pub(super) async fn grant(
    conn: &mut AnyConnection,
    user_id: i64,
    target: InviteTarget,
) -> Result<(), StoreError> {
    let at = now();
    let done = match target {
        InviteTarget::Admin => {
            sqlx::query("UPDATE users SET is_admin = 1 WHERE id = $1 AND is_admin = 0")
                .bind(user_id)
                .execute(&mut *conn)
                .await?
        }
        InviteTarget::Facilitator { area } => sqlx::query(
            "INSERT INTO area_facilitators (area_id, user_id, added_at) VALUES ($1, $2, $3)",
        )
        .bind(area)
        .bind(user_id)
        .bind(at)
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from_unique(StoreError::AlreadyMember))?,
        InviteTarget::Member { group, role } => sqlx::query(
            "INSERT INTO memberships (group_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(group)
        .bind(user_id)
        .bind(role.as_str())
        .bind(at)
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from_unique(StoreError::AlreadyMember))?,
    };
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::AlreadyMember)
    }
}

impl Store {
    pub async fn create_invite(&self, invite: NewInvite) -> Result<InviteCode, StoreError> {
        let code = InviteCode::generate();
        let created = now();
        let expires = created.saturating_add(invite.valid_for.as_secs() as i64);
        let (area, group) = match invite.target {
            InviteTarget::Admin => (None, None),
            InviteTarget::Facilitator { area } => (Some(area), None),
            InviteTarget::Member { group, .. } => (None, Some(group)),
        };
        sqlx::query(
            "INSERT INTO invites (code_hash, role, area_id, group_id, uses_left, expires_at, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(hash_code(&code.0))
        .bind(invite.target.role().as_str())
        .bind(area)
        .bind(group)
        .bind(i64::from(invite.uses))
        .bind(expires)
        .bind(created)
        .bind(invite.created_by)
        .execute(&self.writer)
        .await?;
        Ok(code)
    }

    /// What an invite code would grant now. Unknown, expired, used-up and
    /// withdrawn codes all answer `None`, so nobody can tell them apart.
    pub async fn open_invite(&self, code: &str) -> Result<Option<OpenInvite>, StoreError> {
        type Row = (
            String,
            Option<i64>,
            Option<i64>,
            Option<String>,
            Option<String>,
            i64,
            i64,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT i.role, i.area_id, i.group_id, a.name, g.name, i.uses_left, i.expires_at
                 FROM invites i
                 LEFT JOIN areas a ON a.id = i.area_id
                 LEFT JOIN peer_groups g ON g.id = i.group_id
                 WHERE i.code_hash = $1
                   AND i.uses_left > 0 AND i.expires_at > $2 AND i.revoked_at IS NULL",
        )
        .bind(hash_code(code))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(
            |(role, area, group, area_name, group_name, uses_left, expires_at)| {
                Some(OpenInvite {
                    target: target_of(&role, area, group)?,
                    place: group_name.or(area_name),
                    uses_left,
                    expires_at,
                })
            },
        ))
    }

    /// A group's invites that can still be used, newest first.
    pub async fn open_group_invites(&self, group: i64) -> Result<Vec<InviteRow>, StoreError> {
        self.open_invites_where("group_id", group).await
    }

    /// An area's open facilitator invites, newest first.
    pub async fn open_area_invites(&self, area: i64) -> Result<Vec<InviteRow>, StoreError> {
        self.open_invites_where("area_id", area).await
    }

    async fn open_invites_where(
        &self,
        column: &'static str,
        id: i64,
    ) -> Result<Vec<InviteRow>, StoreError> {
        let rows = sqlx::query_as(&open_invites_list(column, "$1", "$2").query)
            .bind(id)
            .bind(now())
            .fetch_all(&self.pool)
            .await?;
        Ok(invites_from(rows))
    }
}

/// The invites of the group or area (`column` = `id`) that can still be
/// used at `now`, newest first: id, role, uses left, expiry, creation.
pub(in crate::store) fn open_invites_list(column: &str, id: &str, now: &str) -> List {
    List {
        query: format!(
            "SELECT id, role, uses_left, expires_at, created_at FROM invites
             WHERE {column} = {id} AND uses_left > 0 AND expires_at > {now} AND revoked_at IS NULL
             ORDER BY id DESC LIMIT 100"
        ),
        columns: 5,
        order: Some("c0 DESC"),
    }
}

pub(in crate::store) fn invites_from(rows: Vec<(i64, String, i64, i64, i64)>) -> Vec<InviteRow> {
    rows.into_iter()
        .filter_map(|(id, role, uses_left, expires_at, created_at)| {
            Some(InviteRow {
                id,
                role: Role::parse(&role)?,
                uses_left,
                expires_at,
                created_at,
            })
        })
        .collect()
}

impl Store {
    /// Withdraws one of a group's invites; an id of another group does nothing.
    pub async fn withdraw_group_invite(&self, group: i64, id: i64) -> Result<bool, StoreError> {
        self.withdraw_where("group_id", group, id).await
    }

    pub async fn withdraw_area_invite(&self, area: i64, id: i64) -> Result<bool, StoreError> {
        self.withdraw_where("area_id", area, id).await
    }

    async fn withdraw_where(
        &self,
        column: &'static str,
        place: i64,
        id: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(&format!(
            "UPDATE invites SET revoked_at = $1 WHERE id = $2 AND {column} = $3 AND revoked_at IS NULL"
        ))
        .bind(now())
        .bind(id)
        .bind(place)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Withdraws every open admin invite, so only the newest printed link works.
    pub async fn revoke_open_admin_invites(&self) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE invites SET revoked_at = $1 WHERE role = 'admin' AND revoked_at IS NULL",
        )
        .bind(now())
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected())
    }

    /// A signed-in person uses an invite for themselves (say, a second group).
    pub async fn accept_invite(
        &self,
        code: &str,
        user_id: i64,
    ) -> Result<InviteTarget, StoreError> {
        let mut tx = self.begin_write().await?;
        let target = use_invite(&mut tx, code).await?;
        grant(&mut tx, user_id, target).await?;
        tx.commit().await?;
        Ok(target)
    }
}
