//! How the database means to run a statement: what keeps the pages' reads
//! on indexes, so that a page costs the same at 5,000,000 items as at
//! 5,000 (`server/tests/query_plans.rs`).

use crate::store::{Backend, Store, StoreError};

/// The name the plan's statement is prepared under, on its connection only.
const PLANNED: &str = "polku_planned";

impl Store {
    /// The plan of one statement the store ran, one line per step; nothing
    /// is run. SQLite: its `EXPLAIN QUERY PLAN`, the parameters left
    /// unbound. PostgreSQL: the generic plan the store's connections use
    /// (`plan_cache_mode`), of the statement prepared with its parameters'
    /// types inferred. `None` for more than one statement.
    pub async fn query_plan(&self, sql: &str) -> Result<Option<Vec<String>>, StoreError> {
        if sql.contains(';') {
            return Ok(None);
        }
        let lines = match self.backend {
            Backend::Sqlite => {
                let rows: Vec<(i64, i64, i64, String)> =
                    sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter().map(|(.., detail)| detail).collect()
            }
            Backend::Postgres => self.postgres_plan(sql).await?,
        };
        Ok(Some(lines))
    }

    async fn postgres_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        sqlx::raw_sql(&format!("PREPARE {PLANNED} AS {sql}"))
            .execute(&mut *conn)
            .await?;
        // Under a generic plan the values do not matter; NULL fits any type.
        let nulls = vec!["NULL"; parameters(sql)].join(", ");
        let args = if nulls.is_empty() {
            String::new()
        } else {
            format!("({nulls})")
        };
        let plan: Result<Vec<(String,)>, _> =
            sqlx::query_as(&format!("EXPLAIN EXECUTE {PLANNED}{args}"))
                .fetch_all(&mut *conn)
                .await;
        sqlx::raw_sql(&format!("DEALLOCATE {PLANNED}"))
            .execute(&mut *conn)
            .await?;
        Ok(plan?.into_iter().map(|(line,)| line).collect())
    }
}

/// The highest `$n` in `sql`: how many parameters it takes.
fn parameters(sql: &str) -> usize {
    sql.split('$')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::parameters;

    #[test]
    fn counts_the_highest_placeholder() {
        assert_eq!(parameters("SELECT 1"), 0);
        assert_eq!(parameters("SELECT $2, $10 WHERE a = $1"), 10);
    }
}
