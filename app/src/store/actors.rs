use super::{Store, StoreError};
use crate::model::Role;
use crate::policy::Actor;

impl Store {
    /// The facts the policy needs about a person: admin or not, the areas
    /// they facilitate in, and their current memberships.
    pub async fn actor(&self, user_id: i64) -> Result<Actor, StoreError> {
        let admin: Option<(i64,)> = sqlx::query_as("SELECT is_admin FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let areas: Vec<(i64,)> =
            sqlx::query_as("SELECT area_id FROM area_facilitators WHERE user_id = $1")
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
        let memberships: Vec<(i64, String)> = sqlx::query_as(
            "SELECT group_id, role FROM memberships WHERE user_id = $1 AND left_at IS NULL",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Actor {
            user_id,
            is_admin: admin.is_some_and(|(a,)| a != 0),
            areas: areas.into_iter().map(|(a,)| a).collect(),
            memberships: memberships
                .into_iter()
                .filter_map(|(g, r)| Some((g, Role::parse(&r)?)))
                .collect(),
        })
    }
}
