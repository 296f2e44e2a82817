//! How SQLite means to run a statement: what keeps the pages' reads on
//! indexes, so that a page costs the same at 5,000,000 items as at 5,000
//! (`server/tests/query_plans.rs`).

use crate::store::{Backend, Store, StoreError};

impl Store {
    /// The lines of SQLite's `EXPLAIN QUERY PLAN` for one statement the
    /// store ran, its parameters left unbound (SQLite reads them as NULL);
    /// nothing is run. `None` on PostgreSQL, whose plans need a prepared
    /// statement, and for more than one statement.
    pub async fn query_plan(&self, sql: &str) -> Result<Option<Vec<String>>, StoreError> {
        if self.backend != Backend::Sqlite || sql.contains(';') {
            return Ok(None);
        }
        let rows: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(rows.into_iter().map(|(.., detail)| detail).collect()))
    }
}
