use sqlx::AnyConnection;

use super::lists::List;
use super::{now, Store, StoreError};
use crate::model::AccountEventKind;

/// One line of a person's account history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    pub kind: AccountEventKind,
    pub at: i64,
    /// The display name of whoever made a recovery link, if they still exist.
    pub actor: Option<String>,
}

/// Writes a history line inside the caller's transaction, so the history
/// never claims something that did not happen.
pub(super) async fn record(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: AccountEventKind,
    actor: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO account_events (user_id, kind, actor_id, at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(kind.as_str())
        .bind(actor)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The person's ($1) ten newest recoveries not yet acknowledged: event,
/// time, who made the link.
pub(in crate::store) fn unseen_recoveries_list() -> List {
    List {
        query: "SELECT e.id, e.at, a.display_name FROM account_events e
             LEFT JOIN users a ON a.id = e.actor_id
             WHERE e.user_id = $1 AND e.kind = 'recovered' AND e.seen_at IS NULL
             ORDER BY e.at DESC, e.id DESC LIMIT 10"
            .to_owned(),
        columns: 3,
        order: Some("c1 DESC, c0 DESC"),
    }
}

impl Store {
    pub async fn record_event(
        &self,
        user_id: i64,
        kind: AccountEventKind,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, user_id, kind, None).await?;
        Ok(tx.commit().await?)
    }

    /// The person's account history, newest first.
    pub async fn events(&self, user_id: i64, limit: i64) -> Result<Vec<EventRow>, StoreError> {
        let rows: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "SELECT e.kind, e.at, a.display_name FROM account_events e
             LEFT JOIN users a ON a.id = e.actor_id
             WHERE e.user_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(kind, at, actor)| {
                Some(EventRow {
                    kind: AccountEventKind::parse(&kind)?,
                    at,
                    actor,
                })
            })
            .collect())
    }

    /// Recoveries the person has not yet acknowledged, newest first.
    pub async fn unseen_recoveries(&self, user_id: i64) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query_as(&unseen_recoveries_list().query)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(Self::unseen_recoveries_from(rows))
    }

    pub(in crate::store) fn unseen_recoveries_from(
        rows: Vec<(i64, i64, Option<String>)>,
    ) -> Vec<EventRow> {
        rows.into_iter()
            .map(|(_, at, actor)| EventRow {
                kind: AccountEventKind::Recovered,
                at,
                actor,
            })
            .collect()
    }

    pub async fn acknowledge_recoveries(&self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE account_events SET seen_at = $1
             WHERE user_id = $2 AND kind = 'recovered' AND seen_at IS NULL",
        )
        .bind(now())
        .bind(user_id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }
}
