use super::{Store, StoreError};
use crate::model::Role;
use crate::policy::Actor;

impl Store {
    /// The facts the policy needs about a person: admin or not, the areas
    /// they facilitate in, and their current memberships.
    pub async fn actor(&self, user_id: i64) -> Result<Actor, StoreError> {
        // One round trip: every page and server function asks this first.
        let rows: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "SELECT 'admin', is_admin, NULL FROM users WHERE id = $1
             UNION ALL
             SELECT 'area', area_id, NULL FROM area_facilitators WHERE user_id = $1
             UNION ALL
             SELECT 'member', group_id, role FROM memberships
              WHERE user_id = $1 AND left_at IS NULL",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut actor = Actor {
            user_id,
            ..Actor::default()
        };
        for (kind, value, role) in rows {
            match kind.as_str() {
                "admin" => actor.is_admin = value != 0,
                "area" => actor.areas.push(value),
                _ => {
                    if let Some(role) = role.as_deref().and_then(Role::parse) {
                        actor.memberships.push((value, role));
                    }
                }
            }
        }
        Ok(actor)
    }
}
