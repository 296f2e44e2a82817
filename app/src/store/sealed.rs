//! Free text at rest: which columns are sealed, how the store seals and
//! opens them, how a store is unlocked with its key file, and how values
//! are sealed anew under another key (rotation, and the first start of a
//! database written before sealing).

use std::path::Path;
use std::sync::Arc;

use super::keyring::Keyring;
use super::{now, Store, StoreError};

/// Every column of free text a person writes: journal items, notes and
/// encouragement, wishes and their answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    DreamTitle,
    DreamMeaning,
    StepTitle,
    ReflectionBody,
    MarkNote,
    CheckInNote,
    SkillNote,
    PeerWorkNote,
    FeedbackBody,
    WishWhat,
    WishWhy,
    WishReason,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::DreamTitle,
        Column::DreamMeaning,
        Column::StepTitle,
        Column::ReflectionBody,
        Column::MarkNote,
        Column::CheckInNote,
        Column::SkillNote,
        Column::PeerWorkNote,
        Column::FeedbackBody,
        Column::WishWhat,
        Column::WishWhy,
        Column::WishReason,
    ];

    /// (table, its key column, the sealed column).
    pub fn place(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Column::DreamTitle => ("dreams", "item_id", "title"),
            Column::DreamMeaning => ("dreams", "item_id", "meaning"),
            Column::StepTitle => ("steps", "item_id", "title"),
            Column::ReflectionBody => ("reflections", "item_id", "body"),
            Column::MarkNote => ("milestone_marks", "item_id", "note"),
            Column::CheckInNote => ("checkins", "item_id", "note"),
            Column::SkillNote => ("skills", "item_id", "note"),
            Column::PeerWorkNote => ("peer_work", "item_id", "note"),
            Column::FeedbackBody => ("feedback", "id", "body"),
            Column::WishWhat => ("wishes", "id", "what"),
            Column::WishWhy => ("wishes", "id", "why"),
            Column::WishReason => ("wishes", "id", "reason"),
        }
    }

    /// The associated data a value is sealed with: its table and column.
    fn aad(self) -> String {
        let (table, _, name) = self.place();
        format!("{table}.{name}")
    }
}

/// A known text, sealed under each key the database holds values of: a
/// key file that does not open it belongs to another database.
const PROBE: &str = "polku";
const PROBE_AAD: &str = "sealing_keys.probe";
/// Rows sealed anew in one transaction.
const BATCH: i64 = 500;

/// What a pass of sealing anew did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Resealed {
    pub values: u64,
}

impl Store {
    fn keyring(&self) -> Result<&Keyring, StoreError> {
        self.keys.as_deref().ok_or(StoreError::Locked)
    }

    /// Seals a person's text for its column, under the current key.
    pub(super) fn seal(&self, column: Column, plain: &str) -> Result<String, StoreError> {
        Ok(self.keyring()?.seal(&column.aad(), plain))
    }

    /// Opens a sealed value of `column`. A value that does not open is an
    /// error, never shown as it is.
    pub(super) fn open(&self, column: Column, stored: &str) -> Result<String, StoreError> {
        self.keyring()?
            .open(&column.aad(), stored)
            .ok_or(StoreError::Unreadable(column))
    }

    /// `open` for a column of an outer join, where there may be no row.
    pub(super) fn open_opt(
        &self,
        column: Column,
        stored: Option<String>,
    ) -> Result<Option<String>, StoreError> {
        stored.map(|s| self.open(column, &s)).transpose()
    }

    /// Opens one sealed field of every row in place.
    pub(super) fn open_in<T>(
        &self,
        column: Column,
        rows: &mut [T],
        field: impl Fn(&mut T) -> &mut String,
    ) -> Result<(), StoreError> {
        for row in rows {
            let value = field(row);
            *value = self.open(column, value)?;
        }
        Ok(())
    }

    /// The store with the keys of `key_file`, checked against the
    /// database. A missing file is created with a new key only while the
    /// database holds nothing sealed; otherwise it is an error, so a lost
    /// key file never turns silently into a new key.
    pub async fn unlock(&self, key_file: &Path) -> Result<Store, StoreError> {
        let recorded: Vec<(String, String)> =
            sqlx::query_as("SELECT id, probe FROM sealing_keys ORDER BY created_at")
                .fetch_all(&self.pool)
                .await?;
        let keyring = match Keyring::read(key_file).map_err(StoreError::KeyFile)? {
            Some(keyring) => keyring,
            None if recorded.is_empty() => {
                let keyring = Keyring::generate();
                keyring.write(key_file).map_err(StoreError::KeyFile)?;
                keyring
            }
            None => {
                return Err(StoreError::KeyFile(format!(
                    "key file {} is missing and the database holds sealed text: \
                     restore the key file (a new key could not open it)",
                    key_file.display()
                )))
            }
        };
        for (id, probe) in &recorded {
            if keyring.open(PROBE_AAD, probe).as_deref() != Some(PROBE) {
                return Err(StoreError::KeyFile(format!(
                    "key file {} does not open the database's text sealed under key {id}: \
                     it belongs to another database or to a time before a key rotation",
                    key_file.display()
                )));
            }
        }
        let store = Store {
            keys: Some(Arc::new(keyring)),
            ..self.clone()
        };
        if recorded.is_empty() {
            // The first start with sealing: whatever is there was written
            // in plain text before, and is sealed now, before any reader.
            store.reseal(true).await?;
            store.forget_old_pages().await?;
        }
        store.record_current_key().await?;
        Ok(store)
    }

    /// Notes that the current key seals values in this database.
    async fn record_current_key(&self) -> Result<(), StoreError> {
        let keyring = self.keyring()?;
        sqlx::query(
            "INSERT INTO sealing_keys (id, probe, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(keyring.current_id())
        .bind(keyring.seal(PROBE_AAD, PROBE))
        .bind(now())
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Key rotation with the ring of the key file: records its current
    /// key, seals every value anew under it, and forgets the retired keys
    /// once no value needs them. Safe to interrupt and to run again.
    pub async fn reseal_under_current_key(&self) -> Result<Resealed, StoreError> {
        self.record_current_key().await?;
        let done = self.reseal(false).await?;
        self.forget_old_pages().await?;
        let keyring = self.keyring()?;
        for id in keyring.retired_ids() {
            sqlx::query("DELETE FROM sealing_keys WHERE id = $1")
                .bind(id)
                .execute(&self.writer)
                .await?;
        }
        Ok(done)
    }

    /// SQLite keeps replaced pages in its write-ahead log until a
    /// checkpoint; after sealing anew they hold the old text, so the log
    /// is written back and emptied. (`secure_delete` clears the file.)
    async fn forget_old_pages(&self) -> Result<(), StoreError> {
        if self.backend == super::Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Seals every value not yet under the current key anew, a batch per
    /// transaction. A value is replaced only if it is still what was read,
    /// so a write that comes meanwhile is never overwritten. With
    /// `plain_too`, values not in the sealed form are taken as plain text.
    async fn reseal(&self, plain_too: bool) -> Result<Resealed, StoreError> {
        let keyring = self.keyring()?;
        let prefix = format!("{}:", keyring.current_id());
        let mut done = Resealed::default();
        for column in Column::ALL {
            let (table, key, name) = column.place();
            let mut after = i64::MIN;
            loop {
                let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
                    "SELECT {key}, {name} FROM {table}
                      WHERE {key} > $1 AND substr({name}, 1, {len}) <> $2
                      ORDER BY {key} LIMIT $3",
                    len = prefix.len()
                ))
                .bind(after)
                .bind(&prefix)
                .bind(BATCH)
                .fetch_all(&self.pool)
                .await?;
                let Some(&(last, _)) = rows.last() else {
                    break;
                };
                let mut tx = self.begin_write().await?;
                for (id, stored) in &rows {
                    let plain = match keyring.open(&column.aad(), stored) {
                        Some(plain) => plain,
                        None if plain_too && Keyring::id_of(stored).is_none() => stored.clone(),
                        None => return Err(StoreError::Unreadable(column)),
                    };
                    sqlx::query(&format!(
                        "UPDATE {table} SET {name} = $1 WHERE {key} = $2 AND {name} = $3"
                    ))
                    .bind(keyring.seal(&column.aad(), &plain))
                    .bind(id)
                    .bind(stored)
                    .execute(&mut *tx)
                    .await?;
                    done.values += 1;
                }
                tx.commit().await?;
                after = last;
            }
        }
        Ok(done)
    }
}
