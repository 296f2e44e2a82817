use sqlx::{Any, AnyConnection, Executor};

use super::{
    apply_defaults, before, claim_request, insert_item, into_page, page_limit, settle_request,
    touch_item,
};
use crate::model::{
    Day, Field, ItemKind, Page, ShareCategory, Step, StepKind, StepStatus, StepText,
};
use crate::store::lists::List;
use crate::store::{Column, Store, StoreError};

pub(in crate::store) type StepTuple = (
    i64,
    String,
    Option<i64>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn step(
    store: &Store,
    (id, title, dream_id, dream_title, kind, status, target, done): StepTuple,
) -> Result<Step, StoreError> {
    Ok(Step {
        id,
        title: store.open(Column::StepTitle, &title)?,
        dream: dream_id.zip(store.open_opt(Column::DreamTitle, dream_title)?),
        kind: StepKind::parse(&kind).unwrap_or(StepKind::Other),
        status: StepStatus::parse(&status).unwrap_or(StepStatus::Planned),
        target_on: target.as_deref().and_then(Day::parse),
        done_on: done.as_deref().and_then(Day::parse),
    })
}

const COLUMNS: &str =
    "i.id, s.title, s.dream_id, d.title, s.step_kind, s.status, s.target_on, s.done_on
     FROM items i JOIN steps s ON s.item_id = i.id
     LEFT JOIN dreams d ON d.item_id = s.dream_id";

/// After items `i` joined with their steps `s`: the step the owner ($1)
/// picked, while it is open.
const PICKED: &str = "JOIN users u ON u.next_step_id = i.id
     WHERE u.id = $1 AND i.owner_id = $1 AND s.status <> 'done'";

/// The step the owner ($1) picked, while it is open, as a list of one.
pub(in crate::store) fn picked_step_list() -> List {
    List {
        query: format!("SELECT {COLUMNS} {PICKED}"),
        columns: 8,
        order: None,
    }
}

/// The owner's ($1) newest `limit` open steps, as `newest_open_steps`
/// reads them.
pub(in crate::store) fn open_steps_list(limit: &str) -> List {
    List {
        query: format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'step' AND s.status <> 'done'
             ORDER BY i.id DESC LIMIT {limit}"
        ),
        columns: 8,
        order: Some("c0 DESC"),
    }
}

/// A step may lead only to one of its owner's own dreams.
async fn check_dream(
    conn: &mut AnyConnection,
    owner: i64,
    dream: Option<i64>,
) -> Result<(), StoreError> {
    let Some(dream) = dream else {
        return Ok(());
    };
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM items WHERE id = $1 AND owner_id = $2 AND kind = 'dream'")
            .bind(dream)
            .bind(owner)
            .fetch_optional(&mut *conn)
            .await?;
    found.map(|_| ()).ok_or(StoreError::Invalid(Field::Dream))
}

impl Store {
    pub async fn create_step(
        &self,
        owner: i64,
        request_id: &str,
        text: &StepText,
    ) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(id) = claim_request(&mut tx, owner, request_id).await? {
            return Ok(id);
        }
        check_dream(&mut tx, owner, text.dream_id).await?;
        let id = insert_item(&mut tx, owner, ItemKind::Step).await?;
        sqlx::query(
            "INSERT INTO steps (item_id, title, dream_id, step_kind, status, target_on)
             VALUES ($1, $2, $3, $4, 'planned', $5)",
        )
        .bind(id)
        .bind(self.seal(Column::StepTitle, &text.title)?)
        .bind(text.dream_id)
        .bind(text.kind.as_str())
        .bind(text.target_on.map(Day::iso))
        .execute(&mut *tx)
        .await?;
        apply_defaults(&mut tx, owner, id, ShareCategory::Step).await?;
        settle_request(&mut tx, owner, request_id, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_step(
        &self,
        owner: i64,
        id: i64,
        text: &StepText,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Step).await? {
            return Ok(false);
        }
        check_dream(&mut tx, owner, text.dream_id).await?;
        sqlx::query(
            "UPDATE steps SET title = $1, dream_id = $2, step_kind = $3, target_on = $4 WHERE item_id = $5",
        )
        .bind(self.seal(Column::StepTitle, &text.title)?)
        .bind(text.dream_id)
        .bind(text.kind.as_str())
        .bind(text.target_on.map(Day::iso))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Moves a step on. Done keeps the day it was first marked done, so a
    /// repeated "done" (a double tap, an offline replay) changes nothing.
    pub async fn set_step_status(
        &self,
        owner: i64,
        id: i64,
        status: StepStatus,
        today: Day,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        if !touch_item(&mut tx, owner, id, ItemKind::Step).await? {
            return Ok(false);
        }
        let done_on = (status == StepStatus::Done).then(|| today.iso());
        sqlx::query(
            "UPDATE steps SET status = $1,
                    done_on = CASE WHEN $1 = 'done' THEN COALESCE(done_on, $2) ELSE NULL END
             WHERE item_id = $3",
        )
        .bind(status.as_str())
        .bind(done_on)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if status == StepStatus::Done {
            apply_defaults(&mut tx, owner, id, ShareCategory::StepDone).await?;
            // A step done is no longer the next one.
            sqlx::query("UPDATE users SET next_step_id = NULL WHERE id = $1 AND next_step_id = $2")
                .bind(owner)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn step(&self, owner: i64, id: i64) -> Result<Option<Step>, StoreError> {
        let row: Option<StepTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.id = $1 AND i.owner_id = $2 AND i.kind = 'step'"
        ))
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| step(self, r)).transpose()
    }

    /// Open steps (or done ones), newest first, a page at a time.
    pub async fn steps(
        &self,
        owner: i64,
        done: bool,
        cursor: Option<i64>,
    ) -> Result<Page<Step>, StoreError> {
        let steps = self
            .steps_before(&self.pool, owner, done, before(cursor), page_limit())
            .await?;
        Ok(into_page(steps, |s| s.id))
    }

    /// The newest `limit` open steps, for the home page: no more rows read
    /// and unsealed than are shown.
    pub async fn newest_open_steps(&self, owner: i64, limit: i64) -> Result<Vec<Step>, StoreError> {
        let rows: Vec<StepTuple> = sqlx::query_as(&open_steps_list("$2").query)
            .bind(owner)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        self.steps_from(rows)
    }

    pub(in crate::store) async fn steps_before<'c>(
        &self,
        db: impl Executor<'c, Database = Any>,
        owner: i64,
        done: bool,
        before: i64,
        limit: i64,
    ) -> Result<Vec<Step>, StoreError> {
        let filter = if done { "= 'done'" } else { "<> 'done'" };
        let rows: Vec<StepTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'step' AND i.id < $2 AND s.status {filter}
             ORDER BY i.id DESC LIMIT $3"
        ))
        .bind(owner)
        .bind(before)
        .bind(limit)
        .fetch_all(db)
        .await?;
        self.steps_from(rows)
    }

    /// The steps that lead to one dream, newest first.
    pub async fn steps_of_dream(&self, owner: i64, dream: i64) -> Result<Vec<Step>, StoreError> {
        let rows: Vec<StepTuple> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} WHERE i.owner_id = $1 AND i.kind = 'step' AND s.dream_id = $2
             ORDER BY i.id DESC LIMIT 100"
        ))
        .bind(owner)
        .bind(dream)
        .fetch_all(&self.pool)
        .await?;
        self.steps_from(rows)
    }

    /// Picks one of the owner's open steps as "my next step".
    pub async fn set_next_step(&self, owner: i64, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE users SET next_step_id = $1 WHERE id = $2 AND EXISTS
                (SELECT 1 FROM items i JOIN steps s ON s.item_id = i.id
                 WHERE i.id = $1 AND i.owner_id = $2 AND s.status <> 'done')",
        )
        .bind(id)
        .bind(owner)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The id of the step the owner picked, while it is still open: for
    /// the pages that only mark it, so its title is not unsealed for nothing.
    pub async fn next_step_id(&self, owner: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(&format!(
            "SELECT i.id FROM items i JOIN steps s ON s.item_id = i.id {PICKED}"
        ))
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id,)| id))
    }

    /// Steps as read by `COLUMNS`, opened.
    pub(in crate::store) fn steps_from(
        &self,
        rows: Vec<StepTuple>,
    ) -> Result<Vec<Step>, StoreError> {
        rows.into_iter().map(|r| step(self, r)).collect()
    }
}
