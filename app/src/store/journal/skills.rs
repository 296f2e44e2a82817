use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{Day, ItemKind, Page, ShareCategory, Skill, SkillKind, SkillText};
use crate::store::consent::{facilitates_owner, visible};
use crate::store::{now, Column, Store, StoreError};

/// id, kind, day, note, when confirmed, by whom.
type SkillRow = (i64, String, String, String, Option<i64>, Option<String>);

fn skill((id, kind, on, note, confirmed_at, by): SkillRow) -> Option<Skill> {
    Some(Skill {
        id,
        kind: SkillKind::parse(&kind)?,
        learned_on: Day::parse(&on).unwrap_or(Day::of_unix(0)),
        note,
        confirmed: confirmed_at.map(|at| (at, by)),
    })
}

const COLUMNS: &str = "i.id, s.skill_kind, s.learned_on, s.note, s.confirmed_at, u.display_name
     FROM items i JOIN skills s ON s.item_id = i.id LEFT JOIN users u ON u.id = s.confirmed_by";

impl Store {
    pub async fn create_skill(
        &self,
        owner: i64,
        request_id: &str,
        text: &SkillText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::Skill).await?;
        sqlx::query(
            "INSERT INTO skills (item_id, skill_kind, learned_on, note) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(text.kind.as_str())
        .bind(text.learned_on.iso())
        .bind(self.seal(Column::SkillNote, &text.note)?)
        .execute(&mut *tx)
        .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::Skill).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a skill. A confirmation was of one skill on one day: it
    /// stays only while the kind and the day stay.
    pub async fn update_skill(
        &self,
        owner: i64,
        id: i64,
        text: &SkillText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Skill).await? {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE skills SET
                confirmed_at = CASE WHEN skill_kind = $1 AND learned_on = $2 THEN confirmed_at END,
                confirmed_by = CASE WHEN skill_kind = $1 AND learned_on = $2 THEN confirmed_by END,
                skill_kind = $1, learned_on = $2, note = $3
              WHERE item_id = $4",
        )
        .bind(text.kind.as_str())
        .bind(text.learned_on.iso())
        .bind(self.seal(Column::SkillNote, &text.note)?)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn skill(&self, owner: i64, id: i64) -> Result<Option<Skill>, StoreError> {
        let mut row: Option<SkillRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'skill'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        self.open_in(Column::SkillNote, row.as_mut_slice(), |r| &mut r.3)?;
        Ok(row.and_then(skill))
    }

    /// Skills, newest first, a page at a time.
    pub async fn skills(&self, owner: i64, cursor: Option<i64>) -> Result<Page<Skill>, StoreError> {
        let mut rows: Vec<SkillRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'skill' AND i.id < $2
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before(cursor))
        .bind(page_limit())
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::SkillNote, &mut rows, |r| &mut r.3)?;
        Ok(into_page(
            rows.into_iter().filter_map(skill).collect(),
            |s| s.id,
        ))
    }

    /// A facilitator of the owner's group confirms, after seeing it in
    /// person, a skill shared with them now. False for anyone else, for
    /// anything unshared, and for a skill confirmed already.
    pub async fn confirm_skill(&self, facilitator: i64, item: i64) -> Result<bool, StoreError> {
        let at = now();
        let done = sqlx::query(&format!(
            "UPDATE skills SET confirmed_by = $1, confirmed_at = $2
              WHERE item_id = $3 AND confirmed_at IS NULL
                AND item_id IN (
                    SELECT i.id FROM items i
                     WHERE i.id = $3 AND i.kind = 'skill' AND {} AND {})",
            visible("$1", "$2"),
            facilitates_owner("$1")
        ))
        .bind(facilitator)
        .bind(at)
        .bind(item)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
