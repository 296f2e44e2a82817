use super::{apply_defaults, claim_request, insert_item, settle_request};
use crate::model::{Day, Field, ItemKind, MarkText, MilestoneEntry, MilestoneMark, ShareCategory};
use crate::store::{Column, Store, StoreError};

type EntryTuple = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

impl Store {
    /// The milestones of the groups the owner takes part in now, each with
    /// the owner's own mark if they made one.
    pub async fn milestone_entries(&self, owner: i64) -> Result<Vec<MilestoneEntry>, StoreError> {
        let mut rows: Vec<EntryTuple> = sqlx::query_as(
            "SELECT m.id, g.name, m.title, m.description, m.target_on, i.id, k.reached_on, k.note
             FROM milestones m
             JOIN peer_groups g ON g.id = m.group_id
             LEFT JOIN (milestone_marks k JOIN items i ON i.id = k.item_id AND i.owner_id = $1)
                    ON k.milestone_id = m.id
             WHERE m.archived_at IS NULL AND m.group_id IN
                (SELECT group_id FROM memberships
                 WHERE user_id = $1 AND left_at IS NULL AND role <> 'facilitator')
             ORDER BY g.name, CASE WHEN m.target_on IS NULL THEN 1 ELSE 0 END, m.target_on, m.id
             LIMIT 200",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        for row in &mut rows {
            row.7 = self.open_opt(Column::MarkNote, row.7.take())?;
        }
        Ok(rows
            .into_iter()
            .map(
                |(id, group, title, description, target, mark, reached, note)| MilestoneEntry {
                    milestone_id: id,
                    group_name: group,
                    title,
                    description,
                    target_on: target.as_deref().and_then(Day::parse),
                    mark: mark.map(|mark| MilestoneMark {
                        id: mark,
                        reached_on: reached
                            .as_deref()
                            .and_then(Day::parse)
                            .unwrap_or(Day::of_unix(0)),
                        note: note.unwrap_or_default(),
                    }),
                },
            )
            .collect())
    }

    /// Marks a milestone of one of the owner's current groups as reached.
    /// Marking it twice keeps the first mark.
    pub async fn mark_milestone(
        &self,
        owner: i64,
        request_id: &str,
        milestone: i64,
        text: &MarkText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let theirs: Option<(i64,)> = sqlx::query_as(
            "SELECT m.id FROM milestones m WHERE m.id = $1 AND m.archived_at IS NULL AND m.group_id IN
                (SELECT group_id FROM memberships
                 WHERE user_id = $2 AND left_at IS NULL AND role <> 'facilitator')",
        )
        .bind(milestone)
        .bind(owner)
        .fetch_optional(&mut *tx)
        .await?;
        if theirs.is_none() {
            return Err(StoreError::Invalid(Field::Milestone));
        }
        let marked: Option<(i64,)> = sqlx::query_as(
            "SELECT i.id FROM milestone_marks k JOIN items i ON i.id = k.item_id
             WHERE k.milestone_id = $1 AND i.owner_id = $2",
        )
        .bind(milestone)
        .bind(owner)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id,)) = marked {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::Milestone).await?;
        sqlx::query("INSERT INTO milestone_marks (item_id, milestone_id, reached_on, note) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(milestone)
            .bind(text.reached_on.iso())
            .bind(self.seal(Column::MarkNote, &text.note)?)
            .execute(&mut *tx)
            .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::Milestone).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }
}
