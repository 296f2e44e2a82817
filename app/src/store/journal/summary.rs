use sqlx::{Any, Executor};

use crate::model::{Day, ItemKind};
use crate::store::{Column, Store, StoreError};

/// Something the owner got done: a step, or a group milestone reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Achievement {
    pub item_id: i64,
    pub kind: ItemKind,
    pub title: String,
    pub on: Day,
}

/// Steps done in one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthCount {
    pub year: i64,
    pub month: u32,
    pub count: i64,
}

impl Store {
    /// The newest achievements: steps done and milestones reached.
    pub async fn achievements(
        &self,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<Achievement>, StoreError> {
        self.achievements_in(&self.pool, owner, limit).await
    }

    pub(in crate::store) async fn achievements_in<'c>(
        &self,
        db: impl Executor<'c, Database = Any>,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<Achievement>, StoreError> {
        let mut rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT i.id, i.kind, s.title, s.done_on FROM items i JOIN steps s ON s.item_id = i.id
             WHERE i.owner_id = $1 AND i.kind = 'step' AND s.status = 'done'
             UNION ALL
             SELECT i.id, i.kind, m.title, k.reached_on FROM items i
             JOIN milestone_marks k ON k.item_id = i.id JOIN milestones m ON m.id = k.milestone_id
             WHERE i.owner_id = $1 AND i.kind = 'milestone'
             ORDER BY 4 DESC, 1 DESC LIMIT $2",
        )
        .bind(owner)
        .bind(limit)
        .fetch_all(db)
        .await?;
        // A step's title is the person's own text; a milestone's is the group's.
        for row in rows.iter_mut().filter(|r| r.1 == "step") {
            row.2 = self.open(Column::StepTitle, &row.2)?;
        }
        Ok(rows
            .into_iter()
            .filter_map(|(item_id, kind, title, on)| {
                Some(Achievement {
                    item_id,
                    kind: ItemKind::parse(&kind)?,
                    title,
                    on: Day::parse(&on)?,
                })
            })
            .collect())
    }

    /// Steps done per month from `from` on, oldest month first; months with
    /// none are left out.
    pub async fn steps_done_per_month(
        &self,
        owner: i64,
        from: Day,
    ) -> Result<Vec<MonthCount>, StoreError> {
        self.steps_done_per_month_in(&self.pool, owner, from).await
    }

    pub(in crate::store) async fn steps_done_per_month_in<'c>(
        &self,
        db: impl Executor<'c, Database = Any>,
        owner: i64,
        from: Day,
    ) -> Result<Vec<MonthCount>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT substr(s.done_on, 1, 7) AS month, COUNT(*) FROM items i JOIN steps s ON s.item_id = i.id
             WHERE i.owner_id = $1 AND i.kind = 'step' AND s.status = 'done' AND s.done_on >= $2
             GROUP BY substr(s.done_on, 1, 7) ORDER BY 1",
        )
        .bind(owner)
        .bind(from.iso())
        .fetch_all(db)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(month, count)| {
                let (y, m) = month.split_once('-')?;
                Some(MonthCount {
                    year: y.parse().ok()?,
                    month: m.parse().ok()?,
                    count,
                })
            })
            .collect())
    }
}
