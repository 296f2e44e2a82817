use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{Day, ItemKind, Page, PeerWork, PeerWorkKind, PeerWorkText, ShareCategory};
use crate::store::{Column, Store, StoreError};

/// id, kind, day, note.
type PeerWorkRow = (i64, String, String, String);

fn peer_work((id, kind, on, note): PeerWorkRow) -> Option<PeerWork> {
    Some(PeerWork {
        id,
        kind: PeerWorkKind::parse(&kind)?,
        done_on: Day::parse(&on)?,
        note,
    })
}

const COLUMNS: &str =
    "i.id, p.work_kind, p.done_on, p.note FROM items i JOIN peer_work p ON p.item_id = i.id";

impl Store {
    pub async fn create_peer_work(
        &self,
        owner: i64,
        request_id: &str,
        text: &PeerWorkText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::PeerWork).await?;
        sqlx::query(
            "INSERT INTO peer_work (item_id, work_kind, done_on, note) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(text.kind.as_str())
        .bind(text.done_on.iso())
        .bind(self.seal(Column::PeerWorkNote, &text.note)?)
        .execute(&mut *tx)
        .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::PeerWork).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_peer_work(
        &self,
        owner: i64,
        id: i64,
        text: &PeerWorkText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::PeerWork).await? {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE peer_work SET work_kind = $1, done_on = $2, note = $3 WHERE item_id = $4",
        )
        .bind(text.kind.as_str())
        .bind(text.done_on.iso())
        .bind(self.seal(Column::PeerWorkNote, &text.note)?)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn peer_work(&self, owner: i64, id: i64) -> Result<Option<PeerWork>, StoreError> {
        let mut row: Option<PeerWorkRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'peer_work'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        self.open_in(Column::PeerWorkNote, row.as_mut_slice(), |r| &mut r.3)?;
        Ok(row.and_then(peer_work))
    }

    /// The diary, newest entry first, a page at a time.
    pub async fn peer_work_diary(
        &self,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<PeerWork>, StoreError> {
        let mut rows: Vec<PeerWorkRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'peer_work' AND i.id < $2
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before(cursor))
        .bind(page_limit())
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::PeerWorkNote, &mut rows, |r| &mut r.3)?;
        Ok(into_page(
            rows.into_iter().filter_map(peer_work).collect(),
            |p| p.id,
        ))
    }
}
