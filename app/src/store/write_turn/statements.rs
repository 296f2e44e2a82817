//! The writer's single statements, each run in the writer's turn on
//! SQLite and, committing on its own, waiting for its sync.

use futures::future::BoxFuture;
use futures::stream::{self, BoxStream, StreamExt};
use sqlx::any::{AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{Any, Describe, Either, Execute, Executor};

use super::{connection, durable, Writer};

/// A statement run on its own commits on its own, so it waits for its sync
/// before its result (or, with `RETURNING`, its rows) comes back.
impl<'c> Executor<'c> for &'c Writer {
    type Database = Any;

    fn execute<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, Result<AnyQueryResult, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        match self {
            Writer::Pool(pool) => pool.execute(query),
            Writer::Sqlite { .. } => Box::pin(async move {
                let mut held = self.acquire().await?;
                let done = connection(&mut held.turn)?.execute(query).await?;
                drop(held);
                durable(self.group()).await?;
                Ok(done)
            }),
        }
    }

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        match self {
            Writer::Pool(pool) => pool.fetch_many(query),
            Writer::Sqlite { .. } => Box::pin(
                stream::once(async move {
                    let mut results = match self.acquire().await {
                        Ok(mut held) => match connection(&mut held.turn) {
                            Ok(conn) => conn.fetch_many(query).collect::<Vec<_>>().await,
                            Err(e) => vec![Err(e)],
                        },
                        Err(e) => vec![Err(e)],
                    };
                    if results.iter().all(Result::is_ok) {
                        if let Err(e) = durable(self.group()).await {
                            results.push(Err(e));
                        }
                    }
                    stream::iter(results)
                })
                .flatten(),
            ),
        }
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        match self {
            Writer::Pool(pool) => pool.fetch_optional(query),
            Writer::Sqlite { .. } => Box::pin(async move {
                let mut held = self.acquire().await?;
                let row = connection(&mut held.turn)?.fetch_optional(query).await?;
                drop(held);
                durable(self.group()).await?;
                Ok(row)
            }),
        }
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
    where
        'c: 'e,
    {
        match self {
            Writer::Pool(pool) => pool.prepare_with(sql, parameters),
            Writer::Sqlite { .. } => Box::pin(async move {
                let mut held = self.acquire().await?;
                connection(&mut held.turn)?
                    .prepare_with(sql, parameters)
                    .await
            }),
        }
    }

    fn describe<'e, 'q: 'e>(self, sql: &'q str) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
    where
        'c: 'e,
    {
        match self {
            Writer::Pool(pool) => pool.describe(sql),
            Writer::Sqlite { .. } => Box::pin(async move {
                let mut held = self.acquire().await?;
                connection(&mut held.turn)?.describe(sql).await
            }),
        }
    }
}
