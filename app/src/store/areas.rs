use super::lists::List;
use super::{now, Store, StoreError};

/// An area (a town) and how much runs in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub id: i64,
    pub name: String,
    pub groups: i64,
    pub facilitators: i64,
}

/// A person as the people who run groups see them: a display name only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub user_id: i64,
    pub display_name: String,
}

impl Store {
    pub async fn create_area(&self, name: &str) -> Result<i64, StoreError> {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO areas (name, created_at) VALUES ($1, $2) RETURNING id")
                .bind(name)
                .bind(now())
                .fetch_one(&self.writer)
                .await
                .map_err(StoreError::from_unique(StoreError::NameTaken))?;
        Ok(id)
    }

    pub async fn rename_area(&self, id: i64, name: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE areas SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id)
            .execute(&self.writer)
            .await
            .map_err(StoreError::from_unique(StoreError::NameTaken))?;
        Ok(done.rows_affected() == 1)
    }

    /// Every area, by name. An organisation has a handful.
    pub async fn areas(&self) -> Result<Vec<AreaRow>, StoreError> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT a.id, a.name,
                    (SELECT COUNT(*) FROM peer_groups g WHERE g.area_id = a.id),
                    (SELECT COUNT(*) FROM area_facilitators f WHERE f.area_id = a.id)
             FROM areas a ORDER BY a.name LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, groups, facilitators)| AreaRow {
                id,
                name,
                groups,
                facilitators,
            })
            .collect())
    }

    pub async fn area_name(&self, id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT name FROM areas WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(n,)| n))
    }

    /// The facilitators who work in an area, by name.
    pub async fn area_facilitators(&self, area: i64) -> Result<Vec<PersonRow>, StoreError> {
        let rows = sqlx::query_as(&area_facilitators_list("$1").query)
            .bind(area)
            .fetch_all(&self.pool)
            .await?;
        Ok(people_from(rows))
    }
}

/// The facilitators who work in the area `area`, by name: id and name.
pub(in crate::store) fn area_facilitators_list(area: &str) -> List {
    List {
        query: format!(
            "SELECT u.id, u.display_name FROM area_facilitators f JOIN users u ON u.id = f.user_id
             WHERE f.area_id = {area} ORDER BY u.display_name, u.id LIMIT 500"
        ),
        columns: 2,
        order: Some("c1, c0"),
    }
}

pub(in crate::store) fn people_from(rows: Vec<(i64, String)>) -> Vec<PersonRow> {
    rows.into_iter()
        .map(|(user_id, display_name)| PersonRow {
            user_id,
            display_name,
        })
        .collect()
}
