//! Several short lists read in one statement, each as a JSON array of its
//! rows. A statement has a fixed cost on top of its rows: on PostgreSQL a
//! round trip, a transaction and the executor's start-up, on SQLite a
//! hand-off to the connection's thread. The home page read eleven lists of
//! a few rows each in ten statements, so it paid that cost ten times
//! (PERFORMANCE.md).

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use super::{Backend, StoreError};

/// One list: its query, written with the placeholders of the statement it
/// goes into, how many columns it selects, and the order of its rows over
/// those columns named `c0`, `c1`, …: the order its own `ORDER BY` gives.
/// An aggregate keeps the order of its input only when told it. `None` is
/// for a list of at most one row, which has no order to keep: SQLite sorts
/// an aggregate's rows in a temporary b-tree of their own, with a page
/// cache of its own, so a list that cannot need it is spared it.
pub(in crate::store) struct List {
    pub query: String,
    pub columns: usize,
    pub order: Option<&'static str>,
}

/// `SELECT` of each list as a text column, in the order given.
pub(in crate::store) fn select_lists(backend: Backend, lists: &[List]) -> String {
    let columns: Vec<String> = lists.iter().map(|list| as_json(backend, list)).collect();
    format!("SELECT {}", columns.join(",\n       "))
}

/// A statement of lists whose text depends on nothing but the database:
/// built on its first use and kept, rather than formatted again for every
/// page (the home page's is eleven lists, 4.7 kB of SQL).
pub(in crate::store) struct FixedLists {
    sqlite: OnceLock<String>,
    postgres: OnceLock<String>,
}

impl FixedLists {
    pub const fn new() -> Self {
        Self {
            sqlite: OnceLock::new(),
            postgres: OnceLock::new(),
        }
    }

    /// The statement for `backend`, built from `lists` the first time.
    pub fn sql(&self, backend: Backend, lists: impl FnOnce() -> Vec<List>) -> &str {
        let cell = match backend {
            Backend::Sqlite => &self.sqlite,
            Backend::Postgres => &self.postgres,
        };
        cell.get_or_init(|| select_lists(backend, &lists()))
    }
}

/// One list's rows as `[[c0, c1, …], …]`, `[]` for none.
fn as_json(backend: Backend, list: &List) -> String {
    let names: Vec<String> = (0..list.columns).map(|n| format!("c{n}")).collect();
    let names = names.join(", ");
    let query = &list.query;
    let order = list
        .order
        .map(|order| format!(" ORDER BY {order}"))
        .unwrap_or_default();
    let rows = match backend {
        Backend::Sqlite => format!("json_group_array(json_array({names}){order})"),
        Backend::Postgres => {
            format!("CAST(COALESCE(json_agg(json_build_array({names}){order}), '[]') AS TEXT)")
        }
    };
    format!("(WITH x({names}) AS ({query}) SELECT {rows} FROM x)")
}

/// A list's rows, each as the tuple the list's own query reads.
pub(in crate::store) fn rows<T: DeserializeOwned>(json: &str) -> Result<Vec<T>, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Database(sqlx::Error::Decode(Box::new(e))))
}
