//! What a viewer reads of another person's journal: a page, one item, the
//! counts; each through `visible`, and each item shown logged as seen.

use sqlx::any::AnyArguments;
use sqlx::pool::PoolConnection;
use sqlx::query::QueryAs;
use sqlx::{Any, AnyConnection};

use super::feedback::feedback_by;
use super::{
    bind_page, content, page_placeholders, placeholders, shared_with_viewer_since, visible,
    ContentRow, LAST_VISIT, NOT_COMPARED, NO_VISIT,
};
use crate::model::{MentorLink, Page, SharedItem, PAGE_SIZE};
use crate::store::lists::List;
use crate::store::seen_log::Seen;
use crate::store::{now, Store, StoreError};

impl Store {
    /// The viewer reads a page of what the owner shares with them, newest
    /// first, and the visit is remembered. Every item shown is logged as
    /// seen: what is shown is exactly what was logged.
    pub async fn read_shared_items(
        &self,
        viewer: i64,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<SharedItem>, StoreError> {
        self.read_shared_on(self.pool.acquire().await?, viewer, owner, cursor)
            .await
    }

    /// A facilitator's page of a participant of their group: the group's
    /// name, the person's display name and `read_shared_items`, or `None`
    /// if the person is not a participant of the group now. On one
    /// connection: taking one back to the pool costs sqlx a check.
    pub async fn read_participant_page(
        &self,
        viewer: i64,
        group: i64,
        person: i64,
        cursor: Option<i64>,
    ) -> Result<Option<((String, String), Page<SharedItem>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some(names) =
            crate::store::memberships::participant_in(&mut conn, group, person).await?
        else {
            return Ok(None);
        };
        let page = self.read_shared_on(conn, viewer, person, cursor).await?;
        Ok(Some((names, page)))
    }

    /// A peer mentor's page of their mentee: the accepted, open link and
    /// `read_shared_items`, or `None` without such a link; on one
    /// connection, as `read_participant_page`.
    pub async fn read_mentee_page(
        &self,
        mentor: i64,
        mentee: i64,
        cursor: Option<i64>,
    ) -> Result<Option<(MentorLink, Page<SharedItem>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some(link) =
            crate::store::mentors::active_mentor_link(&mut conn, mentor, mentee).await?
        else {
            return Ok(None);
        };
        let page = self.read_shared_on(conn, mentor, mentee, cursor).await?;
        Ok(Some((link, page)))
    }

    async fn read_shared_on(
        &self,
        mut conn: PoolConnection<Any>,
        viewer: i64,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<SharedItem>, StoreError> {
        let mut rows: Vec<ContentRow> = sqlx::query_as(&content(
            LAST_VISIT,
            &shared_with_viewer_since("$1", "$4", LAST_VISIT),
            &format!(
                "i.owner_id = $2 AND i.id < $3 AND {} ORDER BY i.id DESC LIMIT $5",
                visible("$1", "$4")
            ),
        ))
        .bind(viewer)
        .bind(owner)
        .bind(cursor.unwrap_or(i64::MAX))
        .bind(now())
        .bind(PAGE_SIZE + 1)
        .fetch_all(&mut *conn)
        .await?;
        let more = rows.len() as i64 > PAGE_SIZE;
        rows.truncate(PAGE_SIZE as usize);
        let seen_before = rows.first().and_then(|r| r.seen_before);
        let read = self.open_read(&mut conn, viewer, rows, seen_before).await?;
        drop(conn);
        let items = self.log_shown(viewer, read, Some(owner)).await?;
        let next = if more {
            items.last().map(|i| i.id)
        } else {
            None
        };
        Ok(Page { items, next })
    }

    /// The viewer reads one item, if it is shared with them now; logged.
    pub async fn read_shared_item(
        &self,
        viewer: i64,
        id: i64,
    ) -> Result<Option<SharedItem>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<ContentRow> = sqlx::query_as(&content(
            NO_VISIT,
            NOT_COMPARED,
            &format!("i.id = $2 AND {}", visible("$1", "$3")),
        ))
        .bind(viewer)
        .bind(id)
        .bind(now())
        .fetch_all(&mut *conn)
        .await?;
        let read = self.open_read(&mut conn, viewer, rows, None).await?;
        drop(conn);
        Ok(self.log_shown(viewer, read, None).await?.into_iter().next())
    }

    /// What was read (at most a page), opened, with the viewer's own
    /// feedback on it, read on the same connection. Nothing is logged yet,
    /// so a read that fails leaves no log behind.
    async fn open_read(
        &self,
        conn: &mut AnyConnection,
        viewer: i64,
        rows: Vec<ContentRow>,
        seen_before: Option<i64>,
    ) -> Result<Vec<SharedItem>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut feedback = feedback_by(conn, &ids, viewer).await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let is_new = row.is_new(seen_before);
            let Some((id, kind, content)) = row.opened(self)? else {
                continue;
            };
            let mine = feedback
                .extract_if(.., |(item, _)| *item == id)
                .map(|(_, row)| row)
                .collect();
            items.push(SharedItem {
                id,
                kind,
                content,
                is_new,
                feedback: self.feedback_views(mine)?,
            });
        }
        Ok(items)
    }

    /// Logs as seen the items just read that are still visible to the
    /// viewer, and keeps only those: what is shown is exactly what was
    /// logged, and each was visible both when read and when logged. With
    /// the owner of a page, the same transaction remembers this visit. The
    /// reads ran before, on a reading connection, so SQLite's one writer
    /// is held for two short statements, and pages logged at the same
    /// moment share one commit (`seen_log`).
    async fn log_shown(
        &self,
        viewer: i64,
        mut items: Vec<SharedItem>,
        visit: Option<i64>,
    ) -> Result<Vec<SharedItem>, StoreError> {
        if items.is_empty() && visit.is_none() {
            return Ok(items);
        }
        let at = now();
        let ids = items.iter().map(|i| i.id).collect();
        let logged = self
            .log_seen(Seen {
                viewer,
                ids,
                visit,
                at,
            })
            .await?;
        items.retain(|item| logged.contains(&item.id));
        Ok(items)
    }

    /// How many items each owner shares with the viewer, and how many of
    /// those changed since the viewer last looked. Through the rule: an
    /// owner who shares nothing is simply not in the answer.
    pub async fn shared_counts(
        &self,
        viewer: i64,
        owners: &[i64],
    ) -> Result<Vec<(i64, i64, i64)>, StoreError> {
        if owners.is_empty() {
            return Ok(Vec::new());
        }
        let sql = shared_counts_list("$1", "$2", &placeholders(3, owners.len())).query;
        let mut query = sqlx::query_as(&sql).bind(viewer).bind(now());
        for owner in owners {
            query = query.bind(*owner);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }
}

/// For each owner in `owners` (the placeholders of an IN list, or NULL
/// for no one) who shares something with the viewer now, through the
/// rule: the owner, how many items, how many of them changed since the
/// viewer last looked.
pub(in crate::store) fn shared_counts_list(viewer: &str, now: &str, owners: &str) -> List {
    List {
        query: format!(
            "SELECT i.owner_id, COUNT(*),
                    SUM(CASE WHEN i.updated_at > COALESCE(v.seen_at, 0) OR {}
                             THEN 1 ELSE 0 END)
               FROM items i
               LEFT JOIN shared_visits v ON v.viewer_id = {viewer} AND v.owner_id = i.owner_id
              WHERE i.owner_id IN ({owners}) AND {}
              GROUP BY i.owner_id",
            shared_with_viewer_since(viewer, now, "v.seen_at"),
            visible(viewer, now)
        ),
        columns: 3,
        order: Some("c0"),
    }
}

/// Logs one page as seen, in the caller's write transaction (or, when it
/// is the insert alone, in its own), and keeps the ids logged: those
/// still visible to the viewer now. The visit is remembered first, so a
/// log that fails leaves nothing logged that was not shown.
pub(in crate::store) async fn log_page(
    conn: &mut AnyConnection,
    seen: &Seen,
) -> Result<Vec<i64>, StoreError> {
    if let Some(owner) = seen.visit {
        sqlx::query(&visit_upsert("$1", "$2", "$3"))
            .bind(seen.viewer)
            .bind(owner)
            .bind(seen.at)
            .execute(&mut *conn)
            .await?;
    }
    if seen.ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = log_insert(None);
    let logged = bind_log(sqlx::query_as(&sql), seen)
        .fetch_all(&mut *conn)
        .await?;
    Ok(logged.into_iter().map(|(id,)| id).collect())
}

/// `log_page` as one statement, outside a transaction: the visit's upsert
/// is a `WITH` of the log's insert, and a statement is done whole or not
/// at all. PostgreSQL only (SQLite has no `INSERT` in a `WITH`, and logs
/// the pages waiting together instead: `seen_log`). A page's log then
/// takes one round trip instead of four (`BEGIN`, two statements,
/// `COMMIT`) and about 9 % less of the database's CPU (PERFORMANCE.md).
pub(in crate::store) async fn log_page_at_once(
    conn: &mut AnyConnection,
    seen: &Seen,
) -> Result<Vec<i64>, StoreError> {
    let Some(owner) = seen.visit else {
        // The insert alone is one statement already.
        return log_page(conn, seen).await;
    };
    // The owner's placeholder follows the page's ids.
    let owner_at = format!("${}", 3 + PAGE_SIZE);
    let sql = log_insert(Some(&visit_upsert("$1", &owner_at, "$2")));
    let logged = bind_log(sqlx::query_as(&sql), seen)
        .bind(owner)
        .fetch_all(&mut *conn)
        .await?;
    Ok(logged.into_iter().map(|(id,)| id).collect())
}

/// Remembers that the viewer has just looked at the owner's shared things.
fn visit_upsert(viewer: &str, owner: &str, at: &str) -> String {
    format!(
        "INSERT INTO shared_visits (viewer_id, owner_id, seen_at) VALUES ({viewer}, {owner}, {at})
         ON CONFLICT (viewer_id, owner_id) DO UPDATE SET seen_at = excluded.seen_at"
    )
}

/// Logs the page's ids ($3 on) that the viewer ($1) may see at $2, and
/// names those logged; with `visit`, after that statement.
fn log_insert(visit: Option<&str>) -> String {
    let with = visit
        .map(|visit| format!("WITH visit AS ({visit})\n         "))
        .unwrap_or_default();
    format!(
        "{with}INSERT INTO access_log (item_id, owner_id, viewer_id, at)
         SELECT i.id, i.owner_id, $1, $2 FROM items i WHERE i.id IN ({}) AND {}
         RETURNING item_id",
        page_placeholders(3),
        visible("$1", "$2")
    )
}

/// `log_insert`'s statement with the viewer, the time and the page's ids.
fn bind_log<'q>(
    query: QueryAs<'q, Any, (i64,), AnyArguments<'q>>,
    seen: &Seen,
) -> QueryAs<'q, Any, (i64,), AnyArguments<'q>> {
    let query = query.bind(seen.viewer).bind(seen.at);
    bind_page(query, &seen.ids, |q, id| q.bind(id))
}
