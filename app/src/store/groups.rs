use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::{phase_on, Day, GroupKind, GroupSummary};

#[derive(Clone, Debug)]
pub struct NewGroup<'a> {
    pub area_id: i64,
    pub name: &'a str,
    pub kind: GroupKind,
    pub starts_on: Day,
    pub monthly_from: Day,
}

const GROUP_COLUMNS: &str =
    "g.id, g.name, g.area_id, a.name, g.kind, g.starts_on, g.monthly_from FROM peer_groups g JOIN areas a ON a.id = g.area_id";

pub(in crate::store) type GroupTuple = (i64, String, i64, String, String, String, String);

/// The group `id`, as a list of at most one.
pub(in crate::store) fn group_list(id: &str) -> List {
    List {
        query: format!("SELECT {GROUP_COLUMNS} WHERE g.id = {id}"),
        columns: 7,
        order: None,
    }
}

pub(in crate::store) fn summary(row: GroupTuple) -> Option<GroupSummary> {
    let (id, name, area_id, area_name, kind, starts_on, monthly_from) = row;
    let monthly_from = Day::parse(&monthly_from)?;
    Some(GroupSummary {
        id,
        name,
        area_id,
        area_name,
        kind: GroupKind::parse(&kind)?,
        starts_on: Day::parse(&starts_on)?,
        monthly_from,
        phase: phase_on(Day::today(), monthly_from),
    })
}

impl Store {
    /// Creates a group; `facilitator`, if given, becomes its first facilitator
    /// in the same transaction.
    pub async fn create_group(
        &self,
        group: NewGroup<'_>,
        facilitator: Option<i64>,
    ) -> Result<i64, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO peer_groups (area_id, name, kind, starts_on, monthly_from, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(group.area_id)
        .bind(group.name)
        .bind(group.kind.as_str())
        .bind(group.starts_on.iso())
        .bind(group.monthly_from.iso())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(user) = facilitator {
            sqlx::query(
                "INSERT INTO memberships (group_id, user_id, role, joined_at)
                 VALUES ($1, $2, 'facilitator', $3)",
            )
            .bind(id)
            .bind(user)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    pub async fn group(&self, id: i64) -> Result<Option<GroupSummary>, StoreError> {
        let row: Option<GroupTuple> = sqlx::query_as(&group_list("$1").query)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(summary))
    }

    /// Every group, for an admin: by area, then newest first.
    pub async fn all_groups(&self) -> Result<Vec<GroupSummary>, StoreError> {
        let rows: Vec<GroupTuple> = sqlx::query_as(&format!(
            "SELECT {GROUP_COLUMNS} ORDER BY a.name, g.starts_on DESC, g.id LIMIT 500"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(summary).collect())
    }

    /// The groups of one area, newest first.
    pub async fn groups_in_area(&self, area: i64) -> Result<Vec<GroupSummary>, StoreError> {
        let rows: Vec<GroupTuple> = sqlx::query_as(&format!(
            "SELECT {GROUP_COLUMNS} WHERE g.area_id = $1 ORDER BY g.starts_on DESC, g.id LIMIT 500"
        ))
        .bind(area)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(summary).collect())
    }

    /// The groups a person currently belongs to in any role, newest first.
    pub async fn groups_of(&self, user_id: i64) -> Result<Vec<GroupSummary>, StoreError> {
        let rows: Vec<GroupTuple> = sqlx::query_as(&format!(
            "SELECT DISTINCT {GROUP_COLUMNS}
             JOIN memberships m ON m.group_id = g.id
             WHERE m.user_id = $1 AND m.left_at IS NULL
             ORDER BY g.starts_on DESC, g.id LIMIT 500"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().filter_map(summary).collect())
    }

    /// Moves the day a group goes from weekly to monthly meetings.
    pub async fn set_monthly_from(&self, group: i64, day: Day) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE peer_groups SET monthly_from = $1 WHERE id = $2")
            .bind(day.iso())
            .bind(group)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
