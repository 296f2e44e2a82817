use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::{Day, Milestone, MilestoneText};

pub(in crate::store) type MilestoneTuple = (i64, i64, String, String, Option<String>);

pub(in crate::store) fn milestone(
    (id, group_id, title, description, target_on): MilestoneTuple,
) -> Milestone {
    Milestone {
        id,
        group_id,
        title,
        description,
        target_on: target_on.as_deref().and_then(Day::parse),
    }
}

/// The group's current milestones: dated ones by date, then the rest.
pub(in crate::store) fn milestones_list(group: &str) -> List {
    List {
        query: format!(
            "SELECT id, group_id, title, description, target_on FROM milestones
             WHERE group_id = {group} AND archived_at IS NULL
             ORDER BY CASE WHEN target_on IS NULL THEN 1 ELSE 0 END, target_on, id LIMIT 200"
        ),
        columns: 5,
        order: Some("CASE WHEN c4 IS NULL THEN 1 ELSE 0 END, c4, c0"),
    }
}

impl Store {
    pub async fn create_milestone(
        &self,
        group: i64,
        text: &MilestoneText,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO milestones (group_id, title, description, target_on, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(group)
        .bind(&text.title)
        .bind(&text.description)
        .bind(text.target_on.map(Day::iso))
        .bind(now())
        .fetch_one(&self.writer)
        .await?;
        Ok(id)
    }

    /// Changes one of the group's milestones; another group's id does nothing.
    pub async fn update_milestone(
        &self,
        group: i64,
        id: i64,
        text: &MilestoneText,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE milestones SET title = $1, description = $2, target_on = $3
             WHERE id = $4 AND group_id = $5 AND archived_at IS NULL",
        )
        .bind(&text.title)
        .bind(&text.description)
        .bind(text.target_on.map(Day::iso))
        .bind(id)
        .bind(group)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes a milestone off the group's list. Marks people made of it stay
    /// in their journals.
    pub async fn archive_milestone(&self, group: i64, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE milestones SET archived_at = $1
             WHERE id = $2 AND group_id = $3 AND archived_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(group)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A group's current milestones: dated ones by date, then the rest.
    pub async fn milestones(&self, group: i64) -> Result<Vec<Milestone>, StoreError> {
        let rows: Vec<MilestoneTuple> = sqlx::query_as(&milestones_list("$1").query)
            .bind(group)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(milestone).collect())
    }

    /// A current milestone by id, whichever group it is in.
    pub async fn milestone(&self, id: i64) -> Result<Option<Milestone>, StoreError> {
        let row: Option<MilestoneTuple> = sqlx::query_as(
            "SELECT id, group_id, title, description, target_on FROM milestones
             WHERE id = $1 AND archived_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(milestone))
    }
}
