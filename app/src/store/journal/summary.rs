use crate::model::{Day, ItemKind};
use crate::store::lists::List;
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

/// The owner's ($1) newest `limit` achievements: item, kind, title, day.
pub(in crate::store) fn achievements_list(limit: &str) -> List {
    List {
        query: format!(
            "SELECT i.id, i.kind, s.title, s.done_on FROM items i JOIN steps s ON s.item_id = i.id
             WHERE i.owner_id = $1 AND i.kind = 'step' AND s.status = 'done'
             UNION ALL
             SELECT i.id, i.kind, m.title, k.reached_on FROM items i
             JOIN milestone_marks k ON k.item_id = i.id JOIN milestones m ON m.id = k.milestone_id
             WHERE i.owner_id = $1 AND i.kind = 'milestone'
             ORDER BY 4 DESC, 1 DESC LIMIT {limit}"
        ),
        columns: 4,
        order: Some("c3 DESC, c0 DESC"),
    }
}

/// The owner's ($1) steps done per month from the day `from` on: month
/// ("2026-12") and count.
pub(in crate::store) fn steps_done_per_month_list(from: &str) -> List {
    List {
        query: format!(
            "SELECT substr(s.done_on, 1, 7) AS month, COUNT(*) FROM items i JOIN steps s ON s.item_id = i.id
             WHERE i.owner_id = $1 AND i.kind = 'step' AND s.status = 'done' AND s.done_on >= {from}
             GROUP BY substr(s.done_on, 1, 7) ORDER BY 1"
        ),
        columns: 2,
        order: Some("c0"),
    }
}

impl Store {
    /// The newest achievements: steps done and milestones reached.
    pub async fn achievements(
        &self,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<Achievement>, StoreError> {
        let rows = sqlx::query_as(&achievements_list("$2").query)
            .bind(owner)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        self.achievements_from(rows)
    }

    pub(in crate::store) fn achievements_from(
        &self,
        mut rows: Vec<(i64, String, String, String)>,
    ) -> Result<Vec<Achievement>, StoreError> {
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
        let rows = sqlx::query_as(&steps_done_per_month_list("$2").query)
            .bind(owner)
            .bind(from.iso())
            .fetch_all(&self.pool)
            .await?;
        Ok(months_from(rows))
    }
}

pub(in crate::store) fn months_from(rows: Vec<(String, i64)>) -> Vec<MonthCount> {
    rows.into_iter()
        .filter_map(|(month, count)| {
            let (y, m) = month.split_once('-')?;
            Some(MonthCount {
                year: y.parse().ok()?,
                month: m.parse().ok()?,
                count,
            })
        })
        .collect()
}
