use super::{Store, StoreError};

impl Store {
    /// Whether anyone can administer this instance yet; decides whether the
    /// first-start admin invite is printed.
    pub async fn has_admin(&self) -> Result<bool, StoreError> {
        let row: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.0 > 0)
    }
}
