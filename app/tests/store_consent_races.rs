//! The consent rule while others write at once: SQLite's one writer held
//! by another connection, a share revoked between a page's read and its
//! log, pages logged together, and one choice sent many times. What is
//! shown is always exactly what is shared with the viewer, and logged.

mod support;

use app::model::Audience;
use app::store::unix_now;
use support::consent::{one_for_each, reflection, seen_by, world};
use support::on_each_backend;

/// Another connection to the store's SQLite file in `dir`, holding the
/// write lock until it commits.
async fn writer_held(dir: &std::path::Path) -> sqlx::SqliteConnection {
    use sqlx::Connection;

    let url = format!("sqlite://{}", dir.join("polku.db").display());
    let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    other
}

/// SQLite has one writer. While another process holds the write lock,
/// choices that queue for it must not take every pooled connection: a
/// page that only reads still answers, and every queued choice lands once
/// the lock is let go. (Writers that each took a connection to sleep in
/// SQLite's busy handler kept the reader waiting until they gave up.)
#[tokio::test(flavor = "multi_thread")]
async fn queued_writers_leave_readers_a_connection_on_sqlite() {
    let (store, dir) = support::sqlite_store().await;
    let w = world(&store).await;
    let items = [
        reflection(&store, w.owner, 910).await,
        reflection(&store, w.owner, 911).await,
    ];
    let mut other = writer_held(dir.path()).await;
    // More writers than the pool has connections.
    let choices: Vec<_> = (0..24)
        .map(|n| {
            let store = store.clone();
            let item = items[n % 2];
            tokio::spawn(async move {
                store
                    .set_audiences(w.owner, item, &[Audience::Facilitators], None, true)
                    .await
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let shares = store.shares_of(w.owner, items[0]).await;
    assert!(
        shares.as_ref().is_ok_and(|s| s.is_empty()),
        "a read answers while writers wait: {shares:?}"
    );
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    for choice in choices {
        assert!(choice.await.unwrap().unwrap(), "every choice is kept");
    }
    assert_eq!(
        seen_by(&store, w.facilitator, w.owner, &items).await,
        vec![items[1], items[0]]
    );
    store.close().await;
}

/// A shared page is read first and logged after, in a write of its own.
/// A share revoked in between (here the revoke holds SQLite's writer while
/// the page reads, and lets go while the page waits to log) is neither
/// shown nor logged; the rest of the page is both.
#[tokio::test(flavor = "multi_thread")]
async fn a_share_revoked_between_reading_and_logging_is_neither_shown_nor_logged() {
    let (store, dir) = support::sqlite_store().await;
    let w = world(&store).await;
    let kept = reflection(&store, w.owner, 920).await;
    let revoked = reflection(&store, w.owner, 921).await;
    for item in [kept, revoked] {
        assert!(store
            .set_audiences(w.owner, item, &[Audience::Facilitators], None, true)
            .await
            .unwrap());
    }
    let mut revoking = writer_held(dir.path()).await;
    sqlx::query("UPDATE shares SET revoked_at = ?1 WHERE item_id = ?2 AND revoked_at IS NULL")
        .bind(unix_now())
        .bind(revoked)
        .execute(&mut revoking)
        .await
        .unwrap();
    let page = {
        let store = store.clone();
        tokio::spawn(async move { store.read_shared_items(w.facilitator, w.owner, None).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!page.is_finished(), "the page has read and waits to log");
    sqlx::query("COMMIT").execute(&mut revoking).await.unwrap();

    let shown: Vec<i64> = page
        .await
        .unwrap()
        .unwrap()
        .items
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(shown, vec![kept]);
    let logged: Vec<i64> = store
        .access_log(w.owner, None)
        .await
        .unwrap()
        .items
        .iter()
        .map(|a| a.item_id)
        .collect();
    assert_eq!(logged, vec![kept], "the log holds what was shown");
    store.close().await;
}

/// Pages waiting for SQLite's writer at the same moment are logged
/// together (`seen_log`). Each viewer still gets exactly what is shared
/// with them, and the log names each viewer for what they were shown.
#[tokio::test(flavor = "multi_thread")]
async fn pages_logged_together_each_show_and_log_their_own_viewers_items() {
    let (store, dir) = support::sqlite_store().await;
    let w = world(&store).await;
    let (to_mentor, to_facilitators) = one_for_each(&store, w.owner, 930).await;
    let link = store
        .propose_mentor(w.mentor, w.owner, Some(w.group), w.facilitator)
        .await
        .unwrap();
    assert!(store.answer_mentor(w.owner, link, true).await.unwrap());

    // Another connection holds the writer, so every page reads and waits.
    let mut other = writer_held(dir.path()).await;
    let viewers = [w.facilitator, w.mentor, w.stranger];
    let pages: Vec<_> = (0..12)
        .map(|n| {
            let store = store.clone();
            let viewer = viewers[n % 3];
            tokio::spawn(async move {
                let page = store.read_shared_items(viewer, w.owner, None).await;
                let shown: Vec<i64> = page.unwrap().items.iter().map(|i| i.id).collect();
                (viewer, shown)
            })
        })
        .collect();
    let one = {
        let store = store.clone();
        tokio::spawn(async move { store.read_shared_item(w.mentor, to_mentor).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        pages.iter().all(|p| !p.is_finished()) && !one.is_finished(),
        "every page waits to log"
    );
    let syncs = store.log_syncs();
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();

    for page in pages {
        let (viewer, shown) = page.await.unwrap();
        let expected = match viewer {
            v if v == w.facilitator => vec![to_facilitators],
            v if v == w.mentor => vec![to_mentor],
            _ => vec![],
        };
        assert_eq!(shown, expected, "viewer {viewer}");
    }
    assert_eq!(one.await.unwrap().unwrap().map(|i| i.id), Some(to_mentor));
    assert!(
        store.log_syncs() > syncs,
        "pages are shown once logged on disk"
    );
    let mut logged: Vec<(Option<String>, i64)> = store
        .access_log(w.owner, None)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|a| (a.viewer, a.item_id))
        .collect();
    logged.sort();
    let fanni = (Some("Fanni".to_owned()), to_facilitators);
    let mikko = (Some("Mikko".to_owned()), to_mentor);
    let mut expected = vec![fanni.clone(); 4];
    expected.extend(vec![mikko; 5]);
    expected.sort();
    assert_eq!(logged, expected, "the log names who was shown what");
    store.close().await;
}

/// A participant's choice for one item, sent many times at once (a double
/// tap, the outbox retrying): every one succeeds, and one share is left.
#[tokio::test(flavor = "multi_thread")]
async fn the_same_choice_many_times_at_once_leaves_one_share() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let item = reflection(&store, w.owner, 900).await;
        for round in 0..3 {
            let choices: Vec<_> = (0..16)
                .map(|_| {
                    let store = store.clone();
                    tokio::spawn(async move {
                        store
                            .set_audiences(w.owner, item, &[Audience::Facilitators], None, true)
                            .await
                    })
                })
                .collect();
            for choice in choices {
                let done = choice.await.unwrap();
                assert!(done.unwrap(), "round {round}: every choice is kept");
            }
            let shares = store.shares_of(w.owner, item).await.unwrap();
            assert_eq!(shares.len(), 1, "round {round}: {shares:?}");
            assert_eq!(
                seen_by(&store, w.facilitator, w.owner, &[item]).await,
                vec![item]
            );
            store
                .set_audiences(w.owner, item, &[], None, true)
                .await
                .unwrap();
            assert!(seen_by(&store, w.facilitator, w.owner, &[item])
                .await
                .is_empty());
        }
    })
    .await;
}
