//! Upgrading keeps what was shared, on both backends. Migration 0018 made
//! the consent rule look shares up only for items flagged as ever shared;
//! its backfill flags what was shared before. A database written by the
//! release before it (taken back here by hand, as that release left it)
//! must show every audience exactly what it showed before the upgrade.

mod support;

use std::path::Path;

use app::model::Audience;
use app::store::Store;
use sqlx::Connection;
use support::consent::{mentored, reflection};
use support::{drop_postgres_schema, open_store, postgres_place, sqlite_place};

/// What the viewer is shown of the owner's things: the count on the group
/// or mentee list, and the items on the page of the person.
async fn shown(store: &Store, viewer: i64, owner: i64) -> (i64, Vec<i64>) {
    let counts = store.shared_counts(viewer, &[owner]).await.unwrap();
    let total = counts.first().map_or(0, |(_, total, _)| *total);
    let page = store.read_shared_items(viewer, owner, None).await.unwrap();
    (total, page.items.iter().map(|i| i.id).collect())
}

/// Takes a migrated database back to the release before 0018: no flag,
/// no index, and no record of the migration, so the next start runs it.
async fn back_to_0017(url: &str) {
    let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
    for sql in [
        "DROP INDEX items_owner_shared",
        "ALTER TABLE items DROP COLUMN ever_shared",
        "DELETE FROM _sqlx_migrations WHERE version = 18",
    ] {
        sqlx::query(sql).execute(&mut conn).await.unwrap();
    }
    conn.close().await.unwrap();
}

async fn shares_made_before_the_flag_stay_visible_after_it(url: &str, key: &Path) {
    let store = open_store(url, key).await;
    let w = mentored(&store).await;
    let to_facilitators = reflection(&store, w.owner, 1).await;
    let to_mentor = reflection(&store, w.owner, 2).await;
    let to_both = reflection(&store, w.owner, 3).await;
    let taken_back = reflection(&store, w.owner, 4).await;
    let private = reflection(&store, w.owner, 5).await;
    for (item, audience) in [
        (to_facilitators, Audience::Facilitators),
        (to_mentor, Audience::Mentor),
        (to_both, Audience::Facilitators),
        (to_both, Audience::Mentor),
        (taken_back, Audience::Facilitators),
    ] {
        assert!(store.share(w.owner, item, audience, None).await.unwrap());
    }
    assert!(store
        .revoke_share(w.owner, taken_back, Audience::Facilitators)
        .await
        .unwrap());
    let facilitator_saw = shown(&store, w.facilitator, w.owner).await;
    let mentor_saw = shown(&store, w.mentor, w.owner).await;
    assert_eq!(facilitator_saw, (2, vec![to_both, to_facilitators]));
    assert_eq!(mentor_saw, (2, vec![to_both, to_mentor]));
    store.close().await;

    back_to_0017(url).await;
    let store = open_store(url, key).await;
    assert_eq!(
        shown(&store, w.facilitator, w.owner).await,
        facilitator_saw,
        "the facilitator is shown what they were shown before the upgrade"
    );
    assert_eq!(
        shown(&store, w.mentor, w.owner).await,
        mentor_saw,
        "the mentor is shown what they were shown before the upgrade"
    );

    // Items shared after the upgrade, afresh or again, are shown at once.
    for item in [taken_back, private] {
        assert!(store
            .share(w.owner, item, Audience::Facilitators, None)
            .await
            .unwrap());
    }
    assert_eq!(
        shown(&store, w.facilitator, w.owner).await,
        (4, vec![private, taken_back, to_both, to_facilitators])
    );
    store.close().await;
}

#[tokio::test]
async fn an_upgraded_sqlite_database_shows_what_it_showed_before() {
    let (url, dir) = sqlite_place();
    shares_made_before_the_flag_stay_visible_after_it(&url, &dir.path().join("polku.key")).await;
}

#[tokio::test]
async fn an_upgraded_postgres_database_shows_what_it_showed_before() {
    let (url, schema) = postgres_place().await;
    let keys = tempfile::tempdir().unwrap();
    shares_made_before_the_flag_stay_visible_after_it(&url, &keys.path().join("polku.key")).await;
    drop_postgres_schema(&schema).await;
}
