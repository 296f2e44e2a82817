//! Bulk rows for `polku seed`: a realistic database for benchmarks, written
//! with multi-row inserts in one transaction per batch. Ids are chosen by
//! the caller (from `seed_ids`) so rows can point at each other without a
//! round trip; PostgreSQL's identity sequences are moved past them at the
//! end (`seed_finish`).

use super::{Backend, Column, Store, StoreError};

/// A value of one column.
enum Value<'a> {
    Int(i64),
    MaybeInt(Option<i64>),
    Text(&'a str),
    MaybeText(Option<&'a str>),
}

/// One row of a table: its values in the table's column order.
trait Row {
    const TABLE: &'static str;
    const COLUMNS: &'static [&'static str];
    fn values(&self) -> Vec<Value<'_>>;
}

macro_rules! rows {
    (@type int) => { i64 };
    (@type maybe) => { Option<i64> };
    (@type text) => { String };
    (@type maybe_text) => { Option<String> };
    (@value int, $e:expr) => { Value::Int($e) };
    (@value maybe, $e:expr) => { Value::MaybeInt($e) };
    (@value text, $e:expr) => { Value::Text(&$e) };
    (@value maybe_text, $e:expr) => { Value::MaybeText($e.as_deref()) };
    ($( $(#[$doc:meta])* $name:ident => $table:literal { $($field:ident : $ty:ident),* $(,)? } )*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug, Default)]
            pub struct $name { $(pub $field: rows!(@type $ty)),* }

            impl Row for $name {
                const TABLE: &'static str = $table;
                const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),*];
                fn values(&self) -> Vec<Value<'_>> {
                    vec![$(rows!(@value $ty, self.$field)),*]
                }
            }
        )*
    };
}

rows! {
    SeedUser => "users" { id: int, display_name: text, locale: text, is_admin: int, created_at: int }
    SeedArea => "areas" { id: int, name: text, created_at: int }
    SeedAreaFacilitator => "area_facilitators" { area_id: int, user_id: int, added_at: int }
    SeedGroup => "peer_groups" {
        id: int, area_id: int, name: text, kind: text, starts_on: text, monthly_from: text,
        created_at: int,
    }
    SeedMembership => "memberships" { id: int, group_id: int, user_id: int, role: text, joined_at: int }
    SeedMilestone => "milestones" {
        id: int, group_id: int, title: text, description: text, created_at: int,
    }
    SeedMeeting => "meetings" {
        id: int, group_id: int, starts_at: int, minutes: int, place: text, topic: text,
        created_at: int,
    }
    SeedMentorLink => "mentor_links" {
        id: int, mentor_id: int, mentee_id: int, group_id: int, proposed_by: int,
        proposed_at: int, accepted_at: int,
    }
    SeedItem => "items" {
        id: int, owner_id: int, kind: text, created_at: int, updated_at: int, ever_shared: int,
    }
    SeedDream => "dreams" { item_id: int, title: text, meaning: text, life_area: text }
    SeedStep => "steps" {
        item_id: int, title: text, dream_id: maybe, step_kind: text, status: text,
        target_on: maybe_text, done_on: maybe_text,
    }
    SeedReflection => "reflections" { item_id: int, written_on: text, body: text, mood: int }
    SeedMark => "milestone_marks" { item_id: int, milestone_id: int, reached_on: text, note: text }
    SeedCheckIn => "checkins" {
        item_id: int, checked_on: text, control: int, heard: int, for_others: int,
        routines: int, health: int, relationships: int, readiness: int, note: text,
    }
    SeedSkill => "skills" { item_id: int, skill_kind: text, learned_on: text, note: text }
    SeedPeerWork => "peer_work" { item_id: int, work_kind: text, done_on: text, note: text }
    SeedShare => "shares" { id: int, item_id: int, audience: text, granted_at: int }
    SeedAccess => "access_log" { id: int, item_id: int, owner_id: int, viewer_id: int, at: int }
    SeedVisit => "shared_visits" { viewer_id: int, owner_id: int, seen_at: int }
    SeedFeedback => "feedback" { id: int, item_id: int, author_id: int, kind: text, body: text, at: int }
    SeedWish => "wishes" {
        id: int, group_id: int, author_id: int, what: text, why: text, status: text,
        reason: text, created_at: int,
    }
}

/// Rows written together, in one transaction, parents before children.
#[derive(Debug, Default)]
pub struct SeedBatch {
    pub users: Vec<SeedUser>,
    pub areas: Vec<SeedArea>,
    pub area_facilitators: Vec<SeedAreaFacilitator>,
    pub groups: Vec<SeedGroup>,
    pub memberships: Vec<SeedMembership>,
    pub milestones: Vec<SeedMilestone>,
    pub meetings: Vec<SeedMeeting>,
    pub mentor_links: Vec<SeedMentorLink>,
    pub items: Vec<SeedItem>,
    pub dreams: Vec<SeedDream>,
    pub steps: Vec<SeedStep>,
    pub reflections: Vec<SeedReflection>,
    pub marks: Vec<SeedMark>,
    pub checkins: Vec<SeedCheckIn>,
    pub skills: Vec<SeedSkill>,
    pub peer_work: Vec<SeedPeerWork>,
    pub shares: Vec<SeedShare>,
    pub access: Vec<SeedAccess>,
    pub visits: Vec<SeedVisit>,
    pub feedback: Vec<SeedFeedback>,
    pub wishes: Vec<SeedWish>,
}

impl SeedBatch {
    /// Rows in the batch, all tables together.
    pub fn len(&self) -> usize {
        self.users.len()
            + self.areas.len()
            + self.area_facilitators.len()
            + self.groups.len()
            + self.memberships.len()
            + self.milestones.len()
            + self.meetings.len()
            + self.mentor_links.len()
            + self.items.len()
            + self.dreams.len()
            + self.steps.len()
            + self.reflections.len()
            + self.marks.len()
            + self.checkins.len()
            + self.skills.len()
            + self.peer_work.len()
            + self.shares.len()
            + self.access.len()
            + self.visits.len()
            + self.feedback.len()
            + self.wishes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The largest id in use in each table with its own ids.
#[derive(Clone, Copy, Debug, Default)]
pub struct SeedIds {
    pub user: i64,
    pub area: i64,
    pub group: i64,
    pub membership: i64,
    pub milestone: i64,
    pub meeting: i64,
    pub mentor_link: i64,
    pub item: i64,
    pub share: i64,
    pub access: i64,
    pub feedback: i64,
    pub wish: i64,
}

/// Tables whose `id` the database would otherwise choose.
const OWN_IDS: [&str; 12] = [
    "users",
    "areas",
    "peer_groups",
    "memberships",
    "milestones",
    "meetings",
    "mentor_links",
    "items",
    "shares",
    "access_log",
    "feedback",
    "wishes",
];

/// Placeholders per statement. PostgreSQL takes up to 65,535 and is
/// fastest with many. SQLite finds each one's name by a linear search when
/// binding, so a statement's cost grows with the square of its
/// placeholders: at 8,000 that search was half of all the time seeding.
fn max_binds(backend: Backend) -> usize {
    match backend {
        Backend::Sqlite => 400,
        Backend::Postgres => 8_000,
    }
}

impl Store {
    /// Where the caller's new ids start: the largest of each table now.
    pub async fn seed_ids(&self) -> Result<SeedIds, StoreError> {
        let mut max = [0i64; 12];
        for (slot, table) in max.iter_mut().zip(OWN_IDS) {
            let (id,): (i64,) =
                sqlx::query_as(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"))
                    .fetch_one(&self.pool)
                    .await?;
            *slot = id;
        }
        let [user, area, group, membership, milestone, meeting, mentor_link, item, share, access, feedback, wish] =
            max;
        Ok(SeedIds {
            user,
            area,
            group,
            membership,
            milestone,
            meeting,
            mentor_link,
            item,
            share,
            access,
            feedback,
            wish,
        })
    }

    /// Writes a batch in one transaction, the people's own words sealed
    /// as every other write seals them.
    pub async fn seed(&self, mut batch: SeedBatch) -> Result<(), StoreError> {
        self.seal_batch(&mut batch)?;
        let batch = &batch;
        let mut tx = self.begin_write().await?;
        let b = self.backend;
        insert(&mut tx, b, &batch.users).await?;
        insert(&mut tx, b, &batch.areas).await?;
        insert(&mut tx, b, &batch.area_facilitators).await?;
        insert(&mut tx, b, &batch.groups).await?;
        insert(&mut tx, b, &batch.memberships).await?;
        insert(&mut tx, b, &batch.milestones).await?;
        insert(&mut tx, b, &batch.meetings).await?;
        insert(&mut tx, b, &batch.mentor_links).await?;
        insert(&mut tx, b, &batch.items).await?;
        insert(&mut tx, b, &batch.dreams).await?;
        insert(&mut tx, b, &batch.steps).await?;
        insert(&mut tx, b, &batch.reflections).await?;
        insert(&mut tx, b, &batch.marks).await?;
        insert(&mut tx, b, &batch.checkins).await?;
        insert(&mut tx, b, &batch.skills).await?;
        insert(&mut tx, b, &batch.peer_work).await?;
        insert(&mut tx, b, &batch.shares).await?;
        insert(&mut tx, b, &batch.access).await?;
        insert(&mut tx, b, &batch.visits).await?;
        insert(&mut tx, b, &batch.feedback).await?;
        insert(&mut tx, b, &batch.wishes).await?;
        tx.commit().await?;
        Ok(())
    }

    fn seal_batch(&self, b: &mut SeedBatch) -> Result<(), StoreError> {
        let seal = |column, text: &mut String| -> Result<(), StoreError> {
            *text = self.seal(column, text)?;
            Ok(())
        };
        for d in &mut b.dreams {
            seal(Column::DreamTitle, &mut d.title)?;
            seal(Column::DreamMeaning, &mut d.meaning)?;
        }
        for s in &mut b.steps {
            seal(Column::StepTitle, &mut s.title)?;
        }
        for r in &mut b.reflections {
            seal(Column::ReflectionBody, &mut r.body)?;
        }
        for m in &mut b.marks {
            seal(Column::MarkNote, &mut m.note)?;
        }
        for c in &mut b.checkins {
            seal(Column::CheckInNote, &mut c.note)?;
        }
        for s in &mut b.skills {
            seal(Column::SkillNote, &mut s.note)?;
        }
        for p in &mut b.peer_work {
            seal(Column::PeerWorkNote, &mut p.note)?;
        }
        for f in &mut b.feedback {
            seal(Column::FeedbackBody, &mut f.body)?;
        }
        for w in &mut b.wishes {
            seal(Column::WishWhat, &mut w.what)?;
            seal(Column::WishWhy, &mut w.why)?;
            seal(Column::WishReason, &mut w.reason)?;
        }
        Ok(())
    }

    /// After the last batch: PostgreSQL's sequences go past the seeded ids,
    /// and it gathers the statistics autovacuum would gather in time.
    /// SQLite is left without statistics, as a served database is.
    pub async fn seed_finish(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            for table in OWN_IDS {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table} HAVING MAX(id) IS NOT NULL"
                ))
                .execute(&self.pool)
                .await?;
            }
            sqlx::query("ANALYZE").execute(&self.pool).await?;
        }
        Ok(())
    }
}

/// Multi-row inserts of `rows`, as many rows a statement as fit.
async fn insert<R: Row>(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    rows: &[R],
) -> Result<(), StoreError> {
    let width = R::COLUMNS.len();
    // The caller's ids win over PostgreSQL's own identity values.
    let overriding = if backend == Backend::Postgres && R::COLUMNS[0] == "id" {
        " OVERRIDING SYSTEM VALUE"
    } else {
        ""
    };
    for chunk in rows.chunks((max_binds(backend) / width).max(1)) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|r| {
                let marks: Vec<String> =
                    (1..=width).map(|c| format!("${}", r * width + c)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO {} ({}){overriding} VALUES {}",
            R::TABLE,
            R::COLUMNS.join(", "),
            tuples.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for row in chunk {
            for value in row.values() {
                query = match value {
                    Value::Int(v) => query.bind(v),
                    Value::MaybeInt(v) => query.bind(v),
                    Value::Text(v) => query.bind(v),
                    Value::MaybeText(v) => query.bind(v),
                };
            }
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
