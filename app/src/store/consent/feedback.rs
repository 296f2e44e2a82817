//! Notes and acknowledgements: left by a viewer on what is shared with
//! them (through `visible`), read and hidden by the item's owner.

use sqlx::AnyConnection;

use super::{bind_page, page_placeholders, visible};
use crate::model::{FeedbackKind, FeedbackView, ItemKind, Phrase};
use crate::store::lists::List;
use crate::store::{now, Column, Store, StoreError};

/// Item, its kind, then the feedback: id, kind, body, phrase, author's
/// name, time.
pub(in crate::store) type RecentRow = (
    i64,
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

/// The newest `limit` notes and acknowledgements on the owner's ($1)
/// items that the owner has not hidden.
pub(in crate::store) fn recent_feedback_list(limit: &str) -> List {
    List {
        query: format!(
            "SELECT i.id, i.kind, f.id, f.kind, f.body, f.phrase, u.display_name, f.at FROM feedback f
               JOIN items i ON i.id = f.item_id LEFT JOIN users u ON u.id = f.author_id
              WHERE i.owner_id = $1 AND f.hidden_at IS NULL
              ORDER BY f.id DESC LIMIT {limit}"
        ),
        columns: 8,
        order: Some("c2 DESC"),
    }
}

impl Store {
    /// The viewer leaves an acknowledgement or a note on an item shared
    /// with them now; false if it is not.
    pub async fn add_feedback(
        &self,
        viewer: i64,
        item: i64,
        kind: FeedbackKind,
        body: &str,
    ) -> Result<bool, StoreError> {
        let at = now();
        let done = sqlx::query(&format!(
            "INSERT INTO feedback (item_id, author_id, kind, body, at)
             SELECT i.id, $1, $3, $4, $2 FROM items i WHERE i.id = $5 AND {}",
            visible("$1", "$2")
        ))
        .bind(viewer)
        .bind(at)
        .bind(kind.as_str())
        .bind(self.seal(Column::FeedbackBody, body)?)
        .bind(item)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Feedback on one of the owner's items, oldest first.
    pub async fn feedback_on(
        &self,
        owner: i64,
        item: i64,
    ) -> Result<Vec<FeedbackView>, StoreError> {
        let rows: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT f.id, f.kind, f.body, f.phrase, u.display_name, f.at FROM feedback f
               JOIN items i ON i.id = f.item_id LEFT JOIN users u ON u.id = f.author_id
              WHERE f.item_id = $1 AND i.owner_id = $2 AND f.hidden_at IS NULL
              ORDER BY f.id LIMIT 100",
        )
        .bind(item)
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        self.feedback_views(rows)
    }

    /// The owner hides a note or an encouragement on one of their items:
    /// it leaves their home page and the item.
    pub async fn hide_feedback(&self, owner: i64, feedback: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE feedback SET hidden_at = $1
             WHERE id = $2 AND hidden_at IS NULL
               AND item_id IN (SELECT id FROM items WHERE owner_id = $3)",
        )
        .bind(now())
        .bind(feedback)
        .bind(owner)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The newest feedback on any of the owner's items, with the item.
    pub async fn recent_feedback(
        &self,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<(i64, ItemKind, FeedbackView)>, StoreError> {
        let rows = sqlx::query_as(&recent_feedback_list("$2").query)
            .bind(owner)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        self.recent_feedback_from(rows)
    }

    pub(in crate::store) fn recent_feedback_from(
        &self,
        mut rows: Vec<RecentRow>,
    ) -> Result<Vec<(i64, ItemKind, FeedbackView)>, StoreError> {
        self.open_in(Column::FeedbackBody, &mut rows, |r| &mut r.4)?;
        Ok(rows
            .into_iter()
            .filter_map(|(item, kind, id, fkind, body, phrase, author, at)| {
                Some((
                    item,
                    ItemKind::parse(&kind)?,
                    feedback_view((id, fkind, body, phrase, author, at))?,
                ))
            })
            .collect())
    }
}

/// id, kind, body, phrase, author's name, time.
pub(super) type FeedbackRow = (i64, String, String, Option<String>, Option<String>, i64);

impl Store {
    /// Feedback rows as shown, their sealed bodies opened.
    pub(super) fn feedback_views(
        &self,
        mut rows: Vec<FeedbackRow>,
    ) -> Result<Vec<FeedbackView>, StoreError> {
        self.open_in(Column::FeedbackBody, &mut rows, |r| &mut r.2)?;
        Ok(rows.into_iter().filter_map(feedback_view).collect())
    }
}

fn feedback_view((id, kind, body, phrase, author, at): FeedbackRow) -> Option<FeedbackView> {
    Some(FeedbackView {
        id,
        kind: FeedbackKind::parse(&kind)?,
        body,
        phrase: phrase.as_deref().and_then(Phrase::parse),
        author,
        at,
    })
}

/// The viewer's own feedback on the items they are reading (at most a
/// page), still sealed, oldest first: up to 50 on each item.
pub(super) async fn feedback_by(
    conn: &mut AnyConnection,
    items: &[i64],
    author: i64,
) -> Result<Vec<(i64, FeedbackRow)>, StoreError> {
    let sql = format!(
        "SELECT item_id, id, kind, body, phrase, display_name, at FROM (
            SELECT f.item_id, f.id, f.kind, f.body, f.phrase, u.display_name, f.at,
                   ROW_NUMBER() OVER (PARTITION BY f.item_id ORDER BY f.id) AS n
              FROM feedback f LEFT JOIN users u ON u.id = f.author_id
             WHERE f.author_id = $1 AND f.item_id IN ({})) mine
          WHERE n <= 50 ORDER BY item_id, id",
        page_placeholders(2)
    );
    let query = sqlx::query_as::<_, ItemFeedback>(&sql).bind(author);
    let rows = bind_page(query, items, |q, id| q.bind(id))
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|f| {
            (
                f.item_id,
                (f.id, f.kind, f.body, f.phrase, f.display_name, f.at),
            )
        })
        .collect())
}

/// A `FeedbackRow` with the item it is on.
#[derive(sqlx::FromRow)]
struct ItemFeedback {
    item_id: i64,
    id: i64,
    kind: String,
    body: String,
    phrase: Option<String>,
    display_name: Option<String>,
    at: i64,
}
