use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{CheckIn, CheckInText, Day, ItemKind, Page, ShareCategory};
use crate::store::lists::List;
use crate::store::{Column, Store, StoreError};

/// id, day, the seven ratings in `Aspect::ALL` order, note.
pub(in crate::store) type CheckInRow = (i64, String, i64, i64, i64, i64, i64, i64, i64, String);

fn checkin((id, on, a, b, c, d, e, f, g, note): CheckInRow) -> CheckIn {
    let rating = |r: i64| u8::try_from(r).unwrap_or(1);
    CheckIn {
        id,
        checked_on: Day::parse(&on).unwrap_or(Day::of_unix(0)),
        ratings: [a, b, c, d, e, f, g].map(rating),
        note,
    }
}

/// Binds $1 to $9: the day, the seven ratings in `Aspect::ALL` order, the
/// note.
fn bind_text<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    text: &'q CheckInText,
    sealed_note: String,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query = query.bind(text.checked_on.iso());
    for rating in text.ratings {
        query = query.bind(i64::from(rating));
    }
    query.bind(sealed_note)
}

const COLUMNS: &str = "i.id, c.checked_on, c.control, c.heard, c.for_others, c.routines,
        c.health, c.relationships, c.readiness, c.note
     FROM items i JOIN checkins c ON c.item_id = i.id";

/// The owner's ($1) latest `limit` check-ins by day, newest first.
pub(in crate::store) fn checkin_series_list(limit: &str) -> List {
    List {
        query: format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'checkin'
             ORDER BY c.checked_on DESC, i.id DESC LIMIT {limit}"
        ),
        columns: 10,
        order: Some("c1 DESC, c0 DESC"),
    }
}

/// The owner's ($1) latest check-in, as a list of at most one.
pub(in crate::store) fn latest_checkin_list() -> List {
    List {
        order: None,
        ..checkin_series_list("1")
    }
}

impl Store {
    pub async fn create_checkin(
        &self,
        owner: i64,
        request_id: &str,
        text: &CheckInText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        let id = insert_item(&mut tx, owner, ItemKind::CheckIn).await?;
        let mut insert = sqlx::query(
            "INSERT INTO checkins (checked_on, control, heard, for_others, routines,
                                   health, relationships, readiness, note, item_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        );
        insert = bind_text(insert, text, self.seal(Column::CheckInNote, &text.note)?).bind(id);
        insert.execute(&mut *tx).await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::CheckIn).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_checkin(
        &self,
        owner: i64,
        id: i64,
        text: &CheckInText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::CheckIn).await? {
            return Ok(false);
        }
        let mut update = sqlx::query(
            "UPDATE checkins SET checked_on = $1, control = $2, heard = $3, for_others = $4,
                    routines = $5, health = $6, relationships = $7, readiness = $8, note = $9
              WHERE item_id = $10",
        );
        update = bind_text(update, text, self.seal(Column::CheckInNote, &text.note)?).bind(id);
        update.execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn checkin(&self, owner: i64, id: i64) -> Result<Option<CheckIn>, StoreError> {
        let mut row: Option<CheckInRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'checkin'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        self.open_in(Column::CheckInNote, row.as_mut_slice(), |r| &mut r.9)?;
        Ok(row.map(checkin))
    }

    /// Check-ins, newest first, a page at a time.
    pub async fn checkins(
        &self,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<CheckIn>, StoreError> {
        let mut rows: Vec<CheckInRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'checkin' AND i.id < $2
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before(cursor))
        .bind(page_limit())
        .fetch_all(&self.pool)
        .await?;
        self.open_in(Column::CheckInNote, &mut rows, |r| &mut r.9)?;
        Ok(into_page(rows.into_iter().map(checkin).collect(), |c| c.id))
    }

    /// The latest `limit` check-ins by day, oldest first: the chart's line.
    pub async fn checkin_series(&self, owner: i64, limit: i64) -> Result<Vec<CheckIn>, StoreError> {
        let rows = sqlx::query_as(&checkin_series_list("$2").query)
            .bind(owner)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        self.checkin_series_from(rows)
    }

    /// Check-ins as `checkin_series_list` reads them (newest first),
    /// opened, oldest first.
    pub(in crate::store) fn checkin_series_from(
        &self,
        mut rows: Vec<CheckInRow>,
    ) -> Result<Vec<CheckIn>, StoreError> {
        self.open_in(Column::CheckInNote, &mut rows, |r| &mut r.9)?;
        let mut series: Vec<CheckIn> = rows.into_iter().map(checkin).collect();
        series.reverse();
        Ok(series)
    }
}
