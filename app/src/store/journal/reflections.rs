use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{Day, ItemKind, Page, Reflection, ReflectionText, ShareCategory};
use crate::store::{Column, Store, StoreError};

type ReflectionTuple = (i64, String, String, Option<i64>);

fn reflection(
    store: &Store,
    (id, written_on, body, mood): ReflectionTuple,
) -> Result<Reflection, StoreError> {
    Ok(Reflection {
        id,
        written_on: Day::parse(&written_on).unwrap_or(Day::of_unix(0)),
        body: store.open(Column::ReflectionBody, &body)?,
        mood: mood.and_then(|m| u8::try_from(m).ok()),
    })
}

const COLUMNS: &str =
    "i.id, r.written_on, r.body, r.mood FROM items i JOIN reflections r ON r.item_id = i.id";

impl Store {
    pub async fn create_reflection(
        &self,
        owner: i64,
        request_id: &str,
        text: &ReflectionText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::Reflection).await?;
        sqlx::query(
            "INSERT INTO reflections (item_id, written_on, body, mood) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(text.written_on.iso())
        .bind(self.seal(Column::ReflectionBody, &text.body)?)
        .bind(text.mood.map(i64::from))
        .execute(&mut *tx)
        .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::Reflection).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_reflection(
        &self,
        owner: i64,
        id: i64,
        text: &ReflectionText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Reflection).await? {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE reflections SET written_on = $1, body = $2, mood = $3 WHERE item_id = $4",
        )
        .bind(text.written_on.iso())
        .bind(self.seal(Column::ReflectionBody, &text.body)?)
        .bind(text.mood.map(i64::from))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn reflection(&self, owner: i64, id: i64) -> Result<Option<Reflection>, StoreError> {
        let row: Option<ReflectionTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'reflection'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| reflection(self, r)).transpose()
    }

    /// Reflections, newest first, a page at a time.
    pub async fn reflections(
        &self,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<Reflection>, StoreError> {
        let rows: Vec<ReflectionTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'reflection' AND i.id < $2
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before(cursor))
        .bind(page_limit())
        .fetch_all(&self.pool)
        .await?;
        let reflections = rows
            .into_iter()
            .map(|r| reflection(self, r))
            .collect::<Result<_, _>>()?;
        Ok(into_page(reflections, |r| r.id))
    }
}
