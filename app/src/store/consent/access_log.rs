//! "Who has seen my things": the owner reads their access log.

use crate::model::{AccessView, ItemKind, Page, PAGE_SIZE};
use crate::store::{Column, Store, StoreError};

impl Store {
    /// "Who has seen my things": the owner's access log, newest first.
    pub async fn access_log(
        &self,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<AccessView>, StoreError> {
        type Row = (
            i64,
            Option<String>,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
        );
        // The owner's own titles are sealed; the rest (days, a group
        // milestone's title) are not.
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT a.id, u.display_name, a.item_id, i.kind, d.title, st.title,
                    COALESCE(r.written_on, ms.title, c.checked_on, sk.learned_on, pw.done_on), a.at
               FROM access_log a
               JOIN items i ON i.id = a.item_id
               LEFT JOIN users u ON u.id = a.viewer_id
               LEFT JOIN dreams d ON d.item_id = i.id
               LEFT JOIN steps st ON st.item_id = i.id
               LEFT JOIN reflections r ON r.item_id = i.id
               LEFT JOIN milestone_marks k ON k.item_id = i.id
               LEFT JOIN milestones ms ON ms.id = k.milestone_id
               LEFT JOIN checkins c ON c.item_id = i.id
               LEFT JOIN skills sk ON sk.item_id = i.id
               LEFT JOIN peer_work pw ON pw.item_id = i.id
              WHERE a.owner_id = $1 AND a.id < $2
              ORDER BY a.id DESC LIMIT $3",
        )
        .bind(owner)
        .bind(cursor.unwrap_or(i64::MAX))
        .bind(PAGE_SIZE + 1)
        .fetch_all(&self.pool)
        .await?;
        let more = rows.len() as i64 > PAGE_SIZE;
        let rows: Vec<Row> = rows.into_iter().take(PAGE_SIZE as usize).collect();
        let next = if more { rows.last().map(|r| r.0) } else { None };
        let mut items = Vec::with_capacity(rows.len());
        for (_, viewer, item_id, kind, dream, step, other, at) in rows {
            let Some(kind) = ItemKind::parse(&kind) else {
                continue;
            };
            let title = match (dream, step) {
                (Some(dream), _) => Some(self.open(Column::DreamTitle, &dream)?),
                (None, Some(step)) => Some(self.open(Column::StepTitle, &step)?),
                (None, None) => other,
            };
            items.push(AccessView {
                viewer,
                item_id,
                kind,
                title: title.unwrap_or_default(),
                at,
            });
        }
        Ok(Page { items, next })
    }
}
