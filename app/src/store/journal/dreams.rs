use sqlx::{Any, Executor};

use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{Dream, DreamText, DreamTitle, ItemKind, LifeArea, Page, ShareCategory};
use crate::store::lists::List;
use crate::store::{now, Column, Store, StoreError};

type DreamTuple = (i64, String, String, String, Option<i64>);

fn dream(
    store: &Store,
    (id, title, meaning, area, archived_at): DreamTuple,
) -> Result<Dream, StoreError> {
    Ok(Dream {
        id,
        title: store.open(Column::DreamTitle, &title)?,
        meaning: store.open(Column::DreamMeaning, &meaning)?,
        life_area: LifeArea::parse(&area).unwrap_or(LifeArea::Other),
        archived: archived_at.is_some(),
    })
}

const COLUMNS: &str = "i.id, d.title, d.meaning, d.life_area, d.archived_at
     FROM items i JOIN dreams d ON d.item_id = i.id";

/// The owner's ($1) newest `limit` current dreams, id and title.
pub(in crate::store) fn dream_titles_list(limit: &str) -> List {
    List {
        query: format!(
            "SELECT i.id, d.title FROM items i JOIN dreams d ON d.item_id = i.id
             WHERE i.owner_id = $1 AND i.kind = 'dream' AND d.archived_at IS NULL
             ORDER BY i.id DESC LIMIT {limit}"
        ),
        columns: 2,
        order: Some("c0 DESC"),
    }
}

impl Store {
    pub async fn create_dream(
        &self,
        owner: i64,
        request_id: &str,
        text: &DreamText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::Dream).await?;
        sqlx::query(
            "INSERT INTO dreams (item_id, title, meaning, life_area) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(self.seal(Column::DreamTitle, &text.title)?)
        .bind(self.seal(Column::DreamMeaning, &text.meaning)?)
        .bind(text.life_area.as_str())
        .execute(&mut *tx)
        .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::Dream).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_dream(
        &self,
        owner: i64,
        id: i64,
        text: &DreamText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Dream).await? {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE dreams SET title = $1, meaning = $2, life_area = $3 WHERE item_id = $4",
        )
        .bind(self.seal(Column::DreamTitle, &text.title)?)
        .bind(self.seal(Column::DreamMeaning, &text.meaning)?)
        .bind(text.life_area.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Puts a dream away (or back): kept, but off the current list.
    pub async fn set_dream_archived(
        &self,
        owner: i64,
        id: i64,
        archived: bool,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Dream).await? {
            return Ok(false);
        }
        sqlx::query("UPDATE dreams SET archived_at = $1 WHERE item_id = $2")
            .bind(archived.then(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn dream(&self, owner: i64, id: i64) -> Result<Option<Dream>, StoreError> {
        let row: Option<DreamTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'dream'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| dream(self, r)).transpose()
    }

    /// Current (or put-away) dreams, newest first, a page at a time.
    pub async fn dreams(
        &self,
        owner: i64,
        archived: bool,
        cursor: Option<i64>,
    ) -> Result<Page<Dream>, StoreError> {
        let dreams = self
            .dreams_before(&self.pool, owner, archived, before(cursor), page_limit())
            .await?;
        Ok(into_page(dreams, |d| d.id))
    }

    /// The titles of the newest `limit` current dreams, for the home page
    /// and a step's choice of dream: no more rows read, and no more fields
    /// unsealed, than are shown.
    pub async fn dream_titles(
        &self,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<DreamTitle>, StoreError> {
        let rows = sqlx::query_as(&dream_titles_list("$2").query)
            .bind(owner)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        self.dream_titles_from(rows)
    }

    pub(in crate::store) fn dream_titles_from(
        &self,
        rows: Vec<(i64, String)>,
    ) -> Result<Vec<DreamTitle>, StoreError> {
        rows.into_iter()
            .map(|(id, title)| {
                Ok(DreamTitle {
                    id,
                    title: self.open(Column::DreamTitle, &title)?,
                })
            })
            .collect()
    }

    async fn dreams_before<'c>(
        &self,
        db: impl Executor<'c, Database = Any>,
        owner: i64,
        archived: bool,
        before: i64,
        limit: i64,
    ) -> Result<Vec<Dream>, StoreError> {
        let filter = if archived { "IS NOT NULL" } else { "IS NULL" };
        let rows: Vec<DreamTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'dream' AND i.id < $2
               AND d.archived_at {filter}
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before)
        .bind(limit)
        .fetch_all(db)
        .await?;
        rows.into_iter().map(|r| dream(self, r)).collect()
    }
}
