use super::{now, Store, StoreError};
use crate::model::{HelpService, ServiceText};

type ServiceTuple = (i64, i64, String, String, String, String, String);

fn service((id, area_id, name, offer, address, hours, phone): ServiceTuple) -> HelpService {
    HelpService {
        id,
        area_id,
        name,
        offer,
        address,
        hours,
        phone,
    }
}

impl Store {
    pub async fn add_service(&self, area: i64, text: &ServiceText) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO help_services (area_id, name, offer, address, hours, phone, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(area)
        .bind(&text.name)
        .bind(&text.offer)
        .bind(&text.address)
        .bind(&text.hours)
        .bind(&text.phone)
        .bind(now())
        .fetch_one(&self.writer)
        .await?;
        Ok(id)
    }

    pub async fn update_service(
        &self,
        area: i64,
        id: i64,
        text: &ServiceText,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE help_services SET name = $1, offer = $2, address = $3, hours = $4, phone = $5,
                    updated_at = $6
             WHERE id = $7 AND area_id = $8",
        )
        .bind(&text.name)
        .bind(&text.offer)
        .bind(&text.address)
        .bind(&text.hours)
        .bind(&text.phone)
        .bind(now())
        .bind(id)
        .bind(area)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn remove_service(&self, area: i64, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM help_services WHERE id = $1 AND area_id = $2")
            .bind(id)
            .bind(area)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// An area's services, by name.
    pub async fn services(&self, area: i64) -> Result<Vec<HelpService>, StoreError> {
        let rows: Vec<ServiceTuple> = sqlx::query_as(
            "SELECT id, area_id, name, offer, address, hours, phone FROM help_services
             WHERE area_id = $1 ORDER BY name, id LIMIT 200",
        )
        .bind(area)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(service).collect())
    }

    /// The areas of the groups a person is a current member of.
    pub async fn areas_of(&self, user_id: i64) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT g.area_id FROM memberships m JOIN peer_groups g ON g.id = m.group_id
             WHERE m.user_id = $1 AND m.left_at IS NULL
             UNION SELECT area_id FROM area_facilitators WHERE user_id = $1",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(a,)| a).collect())
    }
}
