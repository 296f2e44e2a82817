use sqlx::AnyConnection;

use super::actors::{actor, actor_columns};
use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::{Day, Role};
use crate::policy::Actor;

/// A current member of a group as its facilitators see them: a display name
/// and a role, nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    pub membership_id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub role: Role,
    pub joined_at: i64,
}

/// The person's ($1) groups whose monthly look at sharing has begun by
/// `today` and that they have not looked at yet: group, name, the first
/// day of the monthly looks, when the person joined.
pub(in crate::store) fn sharing_reviews_due_list(today: &str) -> List {
    List {
        query: format!(
            "SELECT g.id, g.name, g.monthly_from, m.joined_at
               FROM memberships m JOIN peer_groups g ON g.id = m.group_id
              WHERE m.user_id = $1 AND m.role = 'participant' AND m.left_at IS NULL
                AND m.sharing_reviewed_at IS NULL AND g.monthly_from <= {today}
              ORDER BY g.id"
        ),
        columns: 4,
        order: Some("c0"),
    }
}

/// A member: membership, person, name, role, when they joined, then the
/// facts the policy needs about them (`actor_columns`).
pub(in crate::store) type RosterRow = (
    i64,
    i64,
    String,
    String,
    i64,
    i64,
    Option<String>,
    Option<String>,
);

/// The group's current members: facilitators first, then by name.
pub(in crate::store) fn roster_list(group: &str) -> List {
    List {
        query: format!(
            concat!(
                "SELECT m.id, u.id, u.display_name, m.role, m.joined_at, ",
                actor_columns!(),
                " FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.group_id = {} AND m.left_at IS NULL
                 ORDER BY CASE m.role WHEN 'facilitator' THEN 0 WHEN 'peer_mentor' THEN 1 ELSE 2 END,
                          u.display_name, m.id
                 LIMIT 500"
            ),
            group
        ),
        columns: 8,
        order: Some("CASE c3 WHEN 'facilitator' THEN 0 WHEN 'peer_mentor' THEN 1 ELSE 2 END, c2, c0"),
    }
}

pub(in crate::store) fn roster_from(rows: Vec<RosterRow>) -> Vec<(MemberRow, Actor)> {
    rows.into_iter()
        .filter_map(
            |(membership_id, user_id, display_name, role, joined_at, admin, areas, groups)| {
                let member = MemberRow {
                    membership_id,
                    user_id,
                    display_name,
                    role: Role::parse(&role)?,
                    joined_at,
                };
                Some((
                    member,
                    actor(user_id, admin, areas.as_deref(), groups.as_deref()),
                ))
            },
        )
        .collect()
}

impl Store {
    /// The group's current members: facilitators first, then by name. Each
    /// comes with the facts the policy needs about them, read in the same
    /// row, as the group page asks the policy about each one.
    pub async fn roster(&self, group: i64) -> Result<Vec<(MemberRow, Actor)>, StoreError> {
        let rows = sqlx::query_as(&roster_list("$1").query)
            .bind(group)
            .fetch_all(&self.pool)
            .await?;
        Ok(roster_from(rows))
    }

    /// A current membership of this group, by id.
    pub async fn membership(
        &self,
        group: i64,
        membership_id: i64,
    ) -> Result<Option<MemberRow>, StoreError> {
        let row: Option<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT u.id, u.display_name, m.role, m.joined_at
             FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.id = $1 AND m.group_id = $2 AND m.left_at IS NULL",
        )
        .bind(membership_id)
        .bind(group)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(user_id, display_name, role, joined_at)| {
            Some(MemberRow {
                membership_id,
                user_id,
                display_name,
                role: Role::parse(&role)?,
                joined_at,
            })
        }))
    }

    /// The group's name and the person's display name, if the person is a
    /// participant of the group now: one indexed read where the group and
    /// its whole roster were two.
    pub async fn participant_in(
        &self,
        group: i64,
        person: i64,
    ) -> Result<Option<(String, String)>, StoreError> {
        participant_in(&mut *self.pool.acquire().await?, group, person).await
    }

    /// Makes someone a facilitator of the group; being one already is fine.
    pub async fn add_facilitator(&self, group: i64, user_id: i64) -> Result<(), StoreError> {
        let result = sqlx::query(
            "INSERT INTO memberships (group_id, user_id, role, joined_at)
             VALUES ($1, $2, 'facilitator', $3)",
        )
        .bind(group)
        .bind(user_id)
        .bind(now())
        .execute(&self.writer)
        .await
        .map_err(StoreError::from_unique(StoreError::AlreadyMember));
        match result {
            Ok(_) | Err(StoreError::AlreadyMember) => Ok(()),
            Err(err) => Err(err),
        }
    }

    /// Ends a membership. What it gave access to ends with it, as every
    /// rule reads current memberships only.
    pub async fn end_membership(&self, group: i64, membership_id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE memberships SET left_at = $1 WHERE id = $2 AND group_id = $3 AND left_at IS NULL",
        )
        .bind(now())
        .bind(membership_id)
        .bind(group)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A person leaves a group by their own choice, in every role they had there.
    pub async fn leave_group(&self, group: i64, user_id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE memberships SET left_at = $1 WHERE group_id = $2 AND user_id = $3 AND left_at IS NULL",
        )
        .bind(now())
        .bind(group)
        .bind(user_id)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() > 0)
    }
}

impl Store {
    /// Groups of the participant that have moved to monthly meetings since
    /// they joined, where they have not yet looked over their sharing.
    pub async fn sharing_reviews_due(
        &self,
        user: i64,
        today: Day,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = sqlx::query_as(&sharing_reviews_due_list("$2").query)
            .bind(user)
            .bind(today.iso())
            .fetch_all(&self.pool)
            .await?;
        Ok(Self::sharing_reviews_due_from(rows))
    }

    pub(in crate::store) fn sharing_reviews_due_from(
        rows: Vec<(i64, String, String, i64)>,
    ) -> Vec<(i64, String)> {
        rows.into_iter()
            .filter(|(_, _, from, joined)| Day::parse(from).is_some_and(|d| d.unix() > *joined))
            .map(|(id, name, _, _)| (id, name))
            .collect()
    }

    /// The participant has looked over their sharing (or kept it as it is)
    /// for `group`, or for every group with `None`.
    pub async fn mark_sharing_reviewed(
        &self,
        user: i64,
        group: Option<i64>,
    ) -> Result<(), StoreError> {
        let mut sql = "UPDATE memberships SET sharing_reviewed_at = $1
             WHERE user_id = $2 AND left_at IS NULL AND sharing_reviewed_at IS NULL"
            .to_owned();
        if group.is_some() {
            sql.push_str(" AND group_id = $3");
        }
        let mut query = sqlx::query(&sql).bind(now()).bind(user);
        if let Some(group) = group {
            query = query.bind(group);
        }
        query.execute(&self.writer).await?;
        Ok(())
    }
}

/// `Store::participant_in` on a connection the caller already holds.
pub(super) async fn participant_in(
    conn: &mut AnyConnection,
    group: i64,
    person: i64,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT g.name, u.display_name
         FROM memberships m
         JOIN peer_groups g ON g.id = m.group_id
         JOIN users u ON u.id = m.user_id
         WHERE m.group_id = $1 AND m.user_id = $2 AND m.role = 'participant'
           AND m.left_at IS NULL",
    )
    .bind(group)
    .bind(person)
    .fetch_optional(conn)
    .await?)
}
