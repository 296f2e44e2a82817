//! The consent rule, in one place, as SQL; and everything that shows a
//! journal item to anyone but its owner, which goes through it. A list, a
//! count and a single read all compose `visible`, so they cannot disagree.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection};

use super::seen_log::Seen;
use super::{now, Backend, Column, Store, StoreError};
use crate::model::{
    AccessView, Audience, Day, FeedbackKind, FeedbackView, ItemKind, LifeArea, MentorLink, Page,
    PeerWorkKind, Phrase, ShareCategory, ShareView, SharedContent, SharedItem, SkillKind, StepKind,
    StepStatus, PAGE_SIZE,
};

/// "The item `i` is visible now to the viewer", for a viewer who is not its
/// owner: an active share (not revoked, not expired) whose audience holds
/// the viewer at this moment: a facilitator of a group where the owner is a
/// participant now, or the owner's peer mentor while their link lasts.
/// `viewer` and `now` are the query's placeholders for them.
pub(super) fn visible(viewer: &str, now: &str) -> String {
    format!(
        "(i.owner_id <> {viewer} AND EXISTS (
            SELECT 1 FROM shares s
             WHERE s.item_id = i.id AND s.revoked_at IS NULL
               AND (s.expires_at IS NULL OR s.expires_at > {now})
               AND ((s.audience = 'facilitators' AND {})
                 OR (s.audience = 'mentor' AND EXISTS (
                        SELECT 1 FROM mentor_links ml
                         WHERE ml.mentee_id = i.owner_id AND ml.mentor_id = {viewer}
                           AND ml.accepted_at IS NOT NULL AND ml.ended_at IS NULL)))))",
        facilitates_owner(viewer)
    )
}

/// "The viewer is now a facilitator of a group where the owner of `i` is
/// now a participant": the facilitators' audience, and who may confirm a
/// skill.
pub(super) fn facilitates_owner(viewer: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM memberships pm
                   JOIN memberships fm ON fm.group_id = pm.group_id
                  WHERE pm.user_id = i.owner_id AND pm.role = 'participant'
                    AND pm.left_at IS NULL
                    AND fm.user_id = {viewer} AND fm.role = 'facilitator'
                    AND fm.left_at IS NULL)"
    )
}

/// When the viewer ($1) last looked at the owner's ($2) shared things: read
/// with a page of them, not in a query of its own.
const LAST_VISIT: &str =
    "(SELECT seen_at FROM shared_visits WHERE viewer_id = $1 AND owner_id = $2)";

/// For content read without a visit.
const NO_VISIT: &str = "CAST(NULL AS BIGINT)";

/// An item's content, as the columns of `content`.
#[derive(sqlx::FromRow)]
struct ContentRow {
    id: i64,
    kind: String,
    updated_at: i64,
    granted_at: Option<i64>,
    dream_title: Option<String>,
    meaning: Option<String>,
    life_area: Option<String>,
    step_title: Option<String>,
    step_kind: Option<String>,
    status: Option<String>,
    target_on: Option<String>,
    done_on: Option<String>,
    written_on: Option<String>,
    body: Option<String>,
    mood: Option<i64>,
    milestone_title: Option<String>,
    reached_on: Option<String>,
    note: Option<String>,
    checked_on: Option<String>,
    control: Option<i64>,
    heard: Option<i64>,
    for_others: Option<i64>,
    routines: Option<i64>,
    health: Option<i64>,
    relationships: Option<i64>,
    readiness: Option<i64>,
    checkin_note: Option<String>,
    skill_kind: Option<String>,
    learned_on: Option<String>,
    skill_note: Option<String>,
    confirmed_at: Option<i64>,
    work_kind: Option<String>,
    work_done_on: Option<String>,
    /// When the viewer last looked at the owner's shared things, on a page
    /// of them; the same in every row.
    seen_before: Option<i64>,
}

/// The content of the items that `chosen` (the rest of `SELECT … FROM
/// items i WHERE`) picks, newest first: every kind's fields, so one query
/// shows a mixed list, and no column of any other item (a step's dream,
/// say). The items are picked before their content is joined, so
/// PostgreSQL plans a lookup by key per picked row instead of joining
/// whole tables, and plans it faster. `seen` is the `seen_before` column.
fn content(seen: &str, chosen: &str) -> String {
    format!(
        "SELECT i.id, i.kind, i.updated_at,
        (SELECT MAX(sh.granted_at) FROM shares sh WHERE sh.item_id = i.id AND sh.revoked_at IS NULL) AS granted_at,
        d.title AS dream_title, d.meaning, d.life_area,
        st.title AS step_title, st.step_kind, st.status, st.target_on, st.done_on,
        r.written_on, r.body, r.mood,
        ms.title AS milestone_title, k.reached_on, k.note,
        c.checked_on, c.control, c.heard, c.for_others, c.routines, c.health,
        c.relationships, c.readiness, c.note AS checkin_note,
        sk.skill_kind, sk.learned_on, sk.note AS skill_note, sk.confirmed_at,
        pw.work_kind, pw.done_on AS work_done_on, {seen} AS seen_before
     FROM (SELECT i.id, i.kind, i.updated_at FROM items i WHERE {chosen}) i
     LEFT JOIN dreams d ON d.item_id = i.id
     LEFT JOIN steps st ON st.item_id = i.id
     LEFT JOIN reflections r ON r.item_id = i.id
     LEFT JOIN milestone_marks k ON k.item_id = i.id
     LEFT JOIN milestones ms ON ms.id = k.milestone_id
     LEFT JOIN checkins c ON c.item_id = i.id
     LEFT JOIN skills sk ON sk.item_id = i.id
     LEFT JOIN peer_work pw ON pw.item_id = i.id
     ORDER BY i.id DESC"
    )
}

impl ContentRow {
    /// The content with the owner's own text opened.
    fn opened(
        mut self,
        store: &Store,
    ) -> Result<Option<(i64, ItemKind, i64, SharedContent)>, StoreError> {
        self.dream_title = store.open_opt(Column::DreamTitle, self.dream_title.take())?;
        self.meaning = store.open_opt(Column::DreamMeaning, self.meaning.take())?;
        self.step_title = store.open_opt(Column::StepTitle, self.step_title.take())?;
        self.body = store.open_opt(Column::ReflectionBody, self.body.take())?;
        self.note = store.open_opt(Column::MarkNote, self.note.take())?;
        self.checkin_note = store.open_opt(Column::CheckInNote, self.checkin_note.take())?;
        self.skill_note = store.open_opt(Column::SkillNote, self.skill_note.take())?;
        Ok(self.content())
    }

    fn content(self) -> Option<(i64, ItemKind, i64, SharedContent)> {
        let day = |d: Option<String>| d.as_deref().and_then(Day::parse);
        let kind = ItemKind::parse(&self.kind)?;
        let changed = self.updated_at.max(self.granted_at.unwrap_or_default());
        let content = match kind {
            ItemKind::Dream => SharedContent::Dream {
                title: self.dream_title?,
                meaning: self.meaning.unwrap_or_default(),
                life_area: self.life_area.as_deref().and_then(LifeArea::parse)?,
            },
            ItemKind::Step => SharedContent::Step {
                title: self.step_title?,
                kind: self.step_kind.as_deref().and_then(StepKind::parse)?,
                status: self.status.as_deref().and_then(StepStatus::parse)?,
                target_on: day(self.target_on),
                done_on: day(self.done_on),
            },
            ItemKind::Reflection => SharedContent::Reflection {
                written_on: day(self.written_on)?,
                body: self.body.unwrap_or_default(),
                mood: self.mood.and_then(|m| u8::try_from(m).ok()),
            },
            ItemKind::Milestone => SharedContent::Milestone {
                title: self.milestone_title?,
                reached_on: day(self.reached_on)?,
                note: self.note.unwrap_or_default(),
            },
            ItemKind::CheckIn => {
                let rating = |r: Option<i64>| r.and_then(|r| u8::try_from(r).ok());
                SharedContent::CheckIn {
                    checked_on: day(self.checked_on)?,
                    ratings: [
                        rating(self.control)?,
                        rating(self.heard)?,
                        rating(self.for_others)?,
                        rating(self.routines)?,
                        rating(self.health)?,
                        rating(self.relationships)?,
                        rating(self.readiness)?,
                    ],
                    note: self.checkin_note.unwrap_or_default(),
                }
            }
            ItemKind::Skill => SharedContent::Skill {
                kind: self.skill_kind.as_deref().and_then(SkillKind::parse)?,
                learned_on: day(self.learned_on)?,
                note: self.skill_note.unwrap_or_default(),
                confirmed: self.confirmed_at.is_some(),
            },
            ItemKind::PeerWork => SharedContent::PeerWork {
                kind: self.work_kind.as_deref().and_then(PeerWorkKind::parse)?,
                done_on: day(self.work_done_on)?,
            },
        };
        Some((self.id, kind, changed, content))
    }
}

/// "$1, $2, …" from `first` on, for an IN list of `count` values.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An IN list of a page's worth of placeholders from `first` on. Always
/// the same width, so each query is one prepared statement: one per list
/// length would fill every connection's statement cache with copies.
fn page_placeholders(first: usize) -> String {
    placeholders(first, PAGE_SIZE as usize)
}

/// Binds `ids` (at most a page) to the page placeholders, and 0, which no
/// item's id is, to the rest.
fn bind_page<Q>(mut query: Q, ids: &[i64], bind: impl Fn(Q, i64) -> Q) -> Q {
    debug_assert!(ids.len() <= PAGE_SIZE as usize);
    for n in 0..PAGE_SIZE as usize {
        query = bind(query, ids.get(n).copied().unwrap_or(0));
    }
    query
}

/// Shares a new item with the audiences its owner chose by default for its
/// category. Runs in the transaction that makes the item.
pub(super) async fn apply_defaults(
    conn: &mut AnyConnection,
    owner: i64,
    item: i64,
    category: ShareCategory,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO shares (item_id, audience, granted_at)
         SELECT $1, d.audience, $2 FROM share_defaults d
          WHERE d.user_id = $3 AND d.category = $4
            AND NOT EXISTS (SELECT 1 FROM shares s
                             WHERE s.item_id = $1 AND s.audience = d.audience AND s.revoked_at IS NULL)",
    )
    .bind(item)
    .bind(now())
    .bind(owner)
    .bind(category.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

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
        let Some(names) = super::memberships::participant_in(&mut conn, group, person).await?
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
        let Some(link) = super::mentors::active_mentor_link(&mut conn, mentor, mentee).await?
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
            let Some((id, kind, changed_at, content)) = row.opened(self)? else {
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
                changed_at,
                is_new: seen_before.is_none_or(|seen| changed_at > seen),
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
        let sql = format!(
            "SELECT i.owner_id, COUNT(*),
                    SUM(CASE WHEN i.updated_at > COALESCE(v.seen_at, 0)
                              OR EXISTS (SELECT 1 FROM shares s2 WHERE s2.item_id = i.id
                                           AND s2.revoked_at IS NULL AND s2.granted_at > COALESCE(v.seen_at, 0))
                             THEN 1 ELSE 0 END)
               FROM items i
               LEFT JOIN shared_visits v ON v.viewer_id = $1 AND v.owner_id = i.owner_id
              WHERE i.owner_id IN ({}) AND {}
              GROUP BY i.owner_id",
            placeholders(3, owners.len()),
            visible("$1", "$2")
        );
        let mut query = sqlx::query_as::<_, (i64, i64, i64)>(&sql)
            .bind(viewer)
            .bind(now());
        for owner in owners {
            query = query.bind(*owner);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

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

    // The owner's side: sharing, taking back, defaults, the log.

    /// Shares one of the owner's items with an audience, until `expires_at`
    /// if given. Sharing what is shared already only changes the expiry,
    /// so it does not show up as new again.
    pub async fn share(
        &self,
        owner: i64,
        item: i64,
        audience: Audience,
        expires_at: Option<i64>,
    ) -> Result<bool, StoreError> {
        self.set_audiences(owner, item, &[audience], expires_at, false)
            .await
    }

    /// Makes the item's audiences exactly `audiences` (with `exclusive`), or
    /// adds them (without): the participant's one choice per item.
    pub async fn set_audiences(
        &self,
        owner: i64,
        item: i64,
        audiences: &[Audience],
        expires_at: Option<i64>,
        exclusive: bool,
    ) -> Result<bool, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        // Two choices for one item at once (a double tap, the outbox's
        // retry) must not both find it unshared and both insert. On
        // PostgreSQL the item's row stays locked until this commits; on
        // SQLite the write transaction is the lock already.
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        };
        let owned: Option<(i64,)> = sqlx::query_as(&format!(
            "SELECT id FROM items WHERE id = $1 AND owner_id = $2{lock}"
        ))
        .bind(item)
        .bind(owner)
        .fetch_optional(&mut *tx)
        .await?;
        if owned.is_none() {
            return Ok(false);
        }
        // Shares that end: expired ones (sharing again starts a new one)
        // and, with `exclusive`, those of every audience not chosen. One
        // statement, as SQLite's other writers wait for this one to end.
        let ending = match (exclusive, audiences.len()) {
            (false, _) => "expires_at <= $1".to_owned(),
            (true, 0) => "TRUE".to_owned(),
            (true, n) => {
                let chosen: Vec<String> = (3..3 + n).map(|i| format!("${i}")).collect();
                format!(
                    "(expires_at <= $1 OR audience NOT IN ({}))",
                    chosen.join(", ")
                )
            }
        };
        let sql = format!(
            "UPDATE shares SET revoked_at = $1 WHERE item_id = $2 AND revoked_at IS NULL AND {ending}"
        );
        let mut end_shares = sqlx::query(&sql).bind(at).bind(item);
        if exclusive {
            for audience in audiences {
                end_shares = end_shares.bind(audience.as_str());
            }
        }
        end_shares.execute(&mut *tx).await?;
        for audience in Audience::ALL.into_iter().filter(|a| audiences.contains(a)) {
            let kept = sqlx::query(
                "UPDATE shares SET expires_at = $1
                 WHERE item_id = $2 AND audience = $3 AND revoked_at IS NULL",
            )
            .bind(expires_at)
            .bind(item)
            .bind(audience.as_str())
            .execute(&mut *tx)
            .await?;
            if kept.rows_affected() == 0 {
                sqlx::query(
                    "INSERT INTO shares (item_id, audience, granted_at, expires_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(item)
                .bind(audience.as_str())
                .bind(at)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Takes a share back: from the very next request, the audience sees
    /// nothing of the item.
    pub async fn revoke_share(
        &self,
        owner: i64,
        item: i64,
        audience: Audience,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE shares SET revoked_at = $1
             WHERE item_id = $2 AND audience = $3 AND revoked_at IS NULL
               AND item_id IN (SELECT id FROM items WHERE owner_id = $4)",
        )
        .bind(now())
        .bind(item)
        .bind(audience.as_str())
        .bind(owner)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// "Stop sharing everything": every share taken back, and every default
    /// switched off, in one go.
    pub async fn revoke_everything(&self, owner: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE shares SET revoked_at = $1 WHERE revoked_at IS NULL
               AND item_id IN (SELECT id FROM items WHERE owner_id = $2)",
        )
        .bind(now())
        .bind(owner)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM share_defaults WHERE user_id = $1")
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// The active shares of one of the owner's items.
    pub async fn shares_of(&self, owner: i64, item: i64) -> Result<Vec<ShareView>, StoreError> {
        let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT s.audience, s.granted_at, s.expires_at FROM shares s JOIN items i ON i.id = s.item_id
             WHERE s.item_id = $1 AND i.owner_id = $2 AND s.revoked_at IS NULL
               AND (s.expires_at IS NULL OR s.expires_at > $3)
             ORDER BY s.audience",
        )
        .bind(item)
        .bind(owner)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(audience, granted_at, expires_at)| {
                Some(ShareView {
                    audience: Audience::parse(&audience)?,
                    granted_at,
                    expires_at,
                })
            })
            .collect())
    }

    pub async fn share_defaults(
        &self,
        owner: i64,
    ) -> Result<Vec<(ShareCategory, Audience)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT category, audience FROM share_defaults WHERE user_id = $1")
                .bind(owner)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(c, a)| Some((ShareCategory::parse(&c)?, Audience::parse(&a)?)))
            .collect())
    }

    /// Sets the owner's defaults to exactly `on`; they apply to items made
    /// (or steps done) from now on.
    pub async fn set_share_defaults(
        &self,
        owner: i64,
        on: &[(ShareCategory, Audience)],
    ) -> Result<(), StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM share_defaults WHERE user_id = $1")
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        for (category, audience) in on {
            sqlx::query("INSERT INTO share_defaults (user_id, category, audience, set_at) VALUES ($1, $2, $3, $4)")
                .bind(owner)
                .bind(category.as_str())
                .bind(audience.as_str())
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// What a share of the owner's item would show: the very content a
    /// viewer gets, for the preview before sharing. Not logged: it is the
    /// owner looking.
    pub async fn share_preview(
        &self,
        owner: i64,
        item: i64,
    ) -> Result<Option<(ItemKind, SharedContent)>, StoreError> {
        let row: Option<ContentRow> =
            sqlx::query_as(&content(NO_VISIT, "i.id = $1 AND i.owner_id = $2"))
                .bind(item)
                .bind(owner)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row
            .map(|row| row.opened(self))
            .transpose()?
            .flatten()
            .map(|(_, kind, _, content)| (kind, content)))
    }

    /// "Who has seen my things": the owner's access log, newest first.
    pub async fn access_log(
        &self,
        owner: i64,
        cursor: Option<i64>,
    ) -> Result<Page<AccessView>, StoreError> {
        type Row = (
            i64,
            Option<String>,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
        );
        // The owner's own titles are sealed; the rest (days, a group
        // milestone's title) are not.
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT a.id, u.display_name, a.item_id, i.kind, d.title, st.title,
                    COALESCE(r.written_on, ms.title, c.checked_on, sk.learned_on, pw.done_on), a.at
               FROM access_log a
               JOIN items i ON i.id = a.item_id
               LEFT JOIN users u ON u.id = a.viewer_id
               LEFT JOIN dreams d ON d.item_id = i.id
               LEFT JOIN steps st ON st.item_id = i.id
               LEFT JOIN reflections r ON r.item_id = i.id
               LEFT JOIN milestone_marks k ON k.item_id = i.id
               LEFT JOIN milestones ms ON ms.id = k.milestone_id
               LEFT JOIN checkins c ON c.item_id = i.id
               LEFT JOIN skills sk ON sk.item_id = i.id
               LEFT JOIN peer_work pw ON pw.item_id = i.id
              WHERE a.owner_id = $1 AND a.id < $2
              ORDER BY a.id DESC LIMIT $3",
        )
        .bind(owner)
        .bind(cursor.unwrap_or(i64::MAX))
        .bind(PAGE_SIZE + 1)
        .fetch_all(&self.pool)
        .await?;
        let more = rows.len() as i64 > PAGE_SIZE;
        let rows: Vec<Row> = rows.into_iter().take(PAGE_SIZE as usize).collect();
        let next = if more { rows.last().map(|r| r.0) } else { None };
        let mut items = Vec::with_capacity(rows.len());
        for (_, viewer, item_id, kind, dream, step, other, at) in rows {
            let Some(kind) = ItemKind::parse(&kind) else {
                continue;
            };
            let title = match (dream, step) {
                (Some(dream), _) => Some(self.open(Column::DreamTitle, &dream)?),
                (None, Some(step)) => Some(self.open(Column::StepTitle, &step)?),
                (None, None) => other,
            };
            items.push(AccessView {
                viewer,
                item_id,
                kind,
                title: title.unwrap_or_default(),
                at,
            });
        }
        Ok(Page { items, next })
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
        self.recent_feedback_in(&self.pool, owner, limit).await
    }

    pub(in crate::store) async fn recent_feedback_in<'c>(
        &self,
        db: impl sqlx::Executor<'c, Database = sqlx::Any>,
        owner: i64,
        limit: i64,
    ) -> Result<Vec<(i64, ItemKind, FeedbackView)>, StoreError> {
        type Row = (
            i64,
            String,
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            i64,
        );
        let mut rows: Vec<Row> = sqlx::query_as(
            "SELECT i.id, i.kind, f.id, f.kind, f.body, f.phrase, u.display_name, f.at FROM feedback f
               JOIN items i ON i.id = f.item_id LEFT JOIN users u ON u.id = f.author_id
              WHERE i.owner_id = $1 AND f.hidden_at IS NULL
              ORDER BY f.id DESC LIMIT $2",
        )
        .bind(owner)
        .bind(limit)
        .fetch_all(db)
        .await?;
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
type FeedbackRow = (i64, String, String, Option<String>, Option<String>, i64);

impl Store {
    /// Feedback rows as shown, their sealed bodies opened.
    fn feedback_views(&self, mut rows: Vec<FeedbackRow>) -> Result<Vec<FeedbackView>, StoreError> {
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
async fn feedback_by(
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

/// Logs one page as seen, in a write transaction, and keeps the ids
/// logged: those still visible to the viewer now. The visit is remembered
/// first, so a log that fails leaves nothing logged that was not shown.
pub(super) async fn log_page(
    conn: &mut AnyConnection,
    seen: &Seen,
) -> Result<Vec<i64>, StoreError> {
    if let Some(owner) = seen.visit {
        mark_visit(conn, seen.viewer, owner, seen.at).await?;
    }
    if seen.ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "INSERT INTO access_log (item_id, owner_id, viewer_id, at)
         SELECT i.id, i.owner_id, $1, $2 FROM items i WHERE i.id IN ({}) AND {}
         RETURNING item_id",
        page_placeholders(3),
        visible("$1", "$2")
    );
    let logging = sqlx::query_as::<_, (i64,)>(&sql)
        .bind(seen.viewer)
        .bind(seen.at);
    let logged: Vec<(i64,)> = bind_page(logging, &seen.ids, |q, id| q.bind(id))
        .fetch_all(&mut *conn)
        .await?;
    Ok(logged.into_iter().map(|(id,)| id).collect())
}

/// Remembers that the viewer has just looked at the owner's shared things.
async fn mark_visit(
    conn: &mut AnyConnection,
    viewer: i64,
    owner: i64,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO shared_visits (viewer_id, owner_id, seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (viewer_id, owner_id) DO UPDATE SET seen_at = excluded.seen_at",
    )
    .bind(viewer)
    .bind(owner)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
