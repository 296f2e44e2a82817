//! The participant's journal. Every function takes the owner and touches
//! only their items: an id of someone else's item does nothing at all, as
//! if it did not exist.

mod checkins;
mod dreams;
mod home;
mod marks;
mod peer_work;
mod reflections;
mod skills;
mod steps;
mod summary;

pub use home::{HomeReads, HomeSizes};
pub use summary::{Achievement, MonthCount};

use super::consent::apply_defaults;

use sqlx::AnyConnection;

use super::{now, StoreError};
use crate::model::{ItemKind, PAGE_SIZE};

/// How long a request id is remembered: longer than a phone stays offline.
const REQUEST_MEMORY_SECS: i64 = 60 * 24 * 3_600;

/// Starts a write that must apply once: `Ok(None)` to go on, or the item a
/// write with the same request id already made. Must run first in its
/// transaction.
async fn claim_request(
    conn: &mut AnyConnection,
    owner: i64,
    request_id: &str,
) -> Result<Option<i64>, StoreError> {
    let at = now();
    sqlx::query("DELETE FROM applied_requests WHERE user_id = $1 AND at < $2")
        .bind(owner)
        .bind(at - REQUEST_MEMORY_SECS)
        .execute(&mut *conn)
        .await?;
    let earlier: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT item_id FROM applied_requests WHERE user_id = $1 AND request_id = $2",
    )
    .bind(owner)
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((item,)) = earlier {
        return Ok(Some(item.unwrap_or_default()));
    }
    // Two copies of one request racing: the second insert fails and its
    // transaction rolls back, writing nothing.
    sqlx::query("INSERT INTO applied_requests (user_id, request_id, at) VALUES ($1, $2, $3)")
        .bind(owner)
        .bind(request_id)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(None)
}

/// Notes which item a claimed request made.
async fn settle_request(
    conn: &mut AnyConnection,
    owner: i64,
    request_id: &str,
    item: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE applied_requests SET item_id = $1 WHERE user_id = $2 AND request_id = $3")
        .bind(item)
        .bind(owner)
        .bind(request_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn insert_item(
    conn: &mut AnyConnection,
    owner: i64,
    kind: ItemKind,
) -> Result<i64, StoreError> {
    let at = now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO items (owner_id, kind, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
    )
    .bind(owner)
    .bind(kind.as_str())
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Marks one of the owner's items as changed now; false if it is not theirs
/// or not of this kind.
async fn touch_item(
    conn: &mut AnyConnection,
    owner: i64,
    id: i64,
    kind: ItemKind,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE items SET updated_at = $1 WHERE id = $2 AND owner_id = $3 AND kind = $4",
    )
    .bind(now())
    .bind(id)
    .bind(owner)
    .bind(kind.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One more row than a page, to know whether another page follows.
fn page_limit() -> i64 {
    PAGE_SIZE + 1
}

/// Cuts the extra row off and says where the next page starts.
fn into_page<T>(mut items: Vec<T>, id: impl Fn(&T) -> i64) -> crate::model::Page<T> {
    let more = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let next = if more { items.last().map(id) } else { None };
    crate::model::Page { items, next }
}

/// The first id not shown, for `id < $before`: everything on the first page.
fn before(cursor: Option<i64>) -> i64 {
    cursor.unwrap_or(i64::MAX)
}

impl super::Store {
    /// Deletes one of the owner's items of this kind, with everything that
    /// hangs on it.
    pub async fn delete_item(
        &self,
        owner: i64,
        id: i64,
        kind: ItemKind,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM items WHERE id = $1 AND owner_id = $2 AND kind = $3")
            .bind(id)
            .bind(owner)
            .bind(kind.as_str())
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
