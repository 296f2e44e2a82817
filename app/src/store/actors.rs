use super::{Store, StoreError};
use crate::model::Role;
use crate::policy::Actor;

/// The columns of a person's actor, for a query over `users u`: admin or
/// not, the areas they facilitate in ("3,7") and their current memberships
/// ("12:facilitator,15:participant"), each list folded into one text column
/// so the actor comes in the same row as whatever else the query reads.
macro_rules! actor_columns {
    () => {
        "u.is_admin,
         (SELECT string_agg(CAST(area_id AS TEXT), ',')
            FROM area_facilitators WHERE user_id = u.id) AS areas,
         (SELECT string_agg(CAST(group_id AS TEXT) || ':' || role, ',')
            FROM memberships WHERE user_id = u.id AND left_at IS NULL) AS memberships"
    };
}
pub(super) use actor_columns;

impl Store {
    /// The facts the policy needs about a person: admin or not, the areas
    /// they facilitate in, and their current memberships.
    pub async fn actor(&self, user_id: i64) -> Result<Actor, StoreError> {
        let row: Option<(i64, Option<String>, Option<String>)> = sqlx::query_as(concat!(
            "SELECT ",
            actor_columns!(),
            " FROM users u WHERE u.id = $1"
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        let (is_admin, areas, memberships) = row.unwrap_or_default();
        Ok(actor(
            user_id,
            is_admin,
            areas.as_deref(),
            memberships.as_deref(),
        ))
    }
}

/// An actor from the columns `actor_columns!` reads.
pub(super) fn actor(
    user_id: i64,
    is_admin: i64,
    areas: Option<&str>,
    memberships: Option<&str>,
) -> Actor {
    Actor {
        user_id,
        is_admin: is_admin != 0,
        areas: list(areas).filter_map(|id| id.parse().ok()).collect(),
        memberships: list(memberships)
            .filter_map(|m| {
                let (group, role) = m.split_once(':')?;
                Some((group.parse().ok()?, Role::parse(role)?))
            })
            .collect(),
    }
}

/// The items of a list `string_agg` made; none for NULL.
fn list(text: Option<&str>) -> impl Iterator<Item = &str> {
    text.unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
}
