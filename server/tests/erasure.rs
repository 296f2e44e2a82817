//! Erasure through the real server, on SQLite and PostgreSQL: a person who
//! deletes their account leaves no row that refers to them, in any table of
//! the schema, found by reading the schema itself; other people's things
//! stay.

mod support;

use app::model::{Audience, FeedbackKind, Phrase, StepText, WishText};
use sqlx::{AnyConnection, Connection, Row};
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

/// Every column of the schema that refers to `table`'s ids, as
/// (table, column). Read from the database, so a table added later is
/// checked without anyone remembering to.
async fn references_to(
    db: &mut AnyConnection,
    postgres: bool,
    table: &str,
) -> Vec<(String, String)> {
    if postgres {
        let rows = sqlx::query(
            "SELECT kcu.table_name::text, kcu.column_name::text
               FROM information_schema.referential_constraints rc
               JOIN information_schema.key_column_usage kcu
                 ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
               JOIN information_schema.constraint_column_usage ccu
                 ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
              WHERE ccu.table_name = $1 AND kcu.table_schema = current_schema()",
        )
        .bind(table)
        .fetch_all(&mut *db)
        .await
        .unwrap();
        return rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    }
    let tables = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
    )
    .fetch_all(&mut *db)
    .await
    .unwrap();
    let mut found = Vec::new();
    for t in tables {
        let name: String = t.get(0);
        let keys = sqlx::query(&format!(
            "SELECT \"table\", \"from\" FROM pragma_foreign_key_list('{name}')"
        ))
        .fetch_all(&mut *db)
        .await
        .unwrap();
        for k in keys {
            let to: String = k.get(0);
            if to == table {
                found.push((name.clone(), k.get(1)));
            }
        }
    }
    found
}

/// Rows in `table` whose `column` is one of `ids`.
async fn rows_referring(db: &mut AnyConnection, table: &str, column: &str, ids: &[i64]) -> i64 {
    let mut count = 0;
    for id in ids {
        let row = sqlx::query(&format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1"))
            .bind(*id)
            .fetch_one(&mut *db)
            .await
            .unwrap();
        count += row.get::<i64, _>(0);
    }
    count
}

#[tokio::test(flavor = "multi_thread")]
async fn an_erased_account_leaves_no_row_about_the_person() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let (me, f, mentor, group) = (
            cast.participant.id,
            cast.facilitator.id,
            cast.mentor.id,
            cast.group,
        );
        // A life in Polku: items of each kind, shared, read, noted, encouraged.
        let write = |b: &mut support::browser::Browser, path: &str, fields: &[(&str, &str)]| {
            let r = b.form(path, fields);
            assert_eq!(r.status, 200, "{path}: {}", r.text());
        };
        let p = &mut cast.participant.browser;
        write(
            p,
            "/api/reflection_create",
            &[
                ("request_id", "erase-request-0001"),
                ("written_on", "2026-11-23"),
                ("body", "Oma ajatus"),
            ],
        );
        write(
            p,
            "/api/skill_create",
            &[
                ("request_id", "erase-request-0002"),
                ("kind", "naloxone"),
                ("learned_on", "2026-11-02"),
                ("note", ""),
            ],
        );
        write(
            p,
            "/api/peer_work_create",
            &[
                ("request_id", "erase-request-0003"),
                ("kind", "listening"),
                ("done_on", "2026-11-20"),
                ("note", ""),
            ],
        );
        let step = block_on(store.create_step(
            me,
            "erase-request-0004",
            &StepText::parse("Askel", "", "work", "").unwrap(),
        ))
        .unwrap();
        let items: Vec<i64> = block_on(store.reflections(me, None))
            .unwrap()
            .items
            .iter()
            .map(|r| r.id)
            .chain([step])
            .collect();
        for item in &items {
            block_on(store.share(me, *item, Audience::Facilitators, None)).unwrap();
        }
        block_on(store.set_share_defaults(
            me,
            &[(app::model::ShareCategory::Step, Audience::Facilitators)],
        ))
        .unwrap();
        block_on(store.read_shared_items(f, me, None)).unwrap();
        assert!(block_on(store.add_feedback(f, items[0], FeedbackKind::Note, "Hienoa")).unwrap());
        let link = block_on(store.propose_mentor(mentor, me, Some(group), f)).unwrap();
        block_on(store.answer_mentor(me, link, true)).unwrap();
        block_on(store.share(me, step, Audience::Mentor, None)).unwrap();
        assert!(block_on(store.encourage(mentor, step, Phrase::KeepGoing, "")).unwrap());
        let mine =
            block_on(store.post_wish(group, me, &WishText::parse("Retki", "Yhdessä").unwrap()))
                .unwrap();
        let theirs =
            block_on(store.post_wish(group, mentor, &WishText::parse("Kokkikurssi", "").unwrap()))
                .unwrap();
        block_on(store.vote_wish(theirs, me, true)).unwrap();
        block_on(store.vote_wish(mine, mentor, true)).unwrap();
        // The facilitator's own things, which must stay.
        let kept = block_on(store.create_step(
            f,
            "erase-request-0005",
            &StepText::parse("Ohjaajan askel", "", "work", "").unwrap(),
        ))
        .unwrap();

        // Who may delete: only the person, only after confirming, only sure.
        let erase = [("wishes", "keep"), ("sure", "on")];
        // Joining counted as a confirmation; ten minutes have passed since.
        support::age_confirmations(&server.database_url, 11 * 60);
        assert_eq!(
            cast.anonymous.form("/api/account_delete", &erase).status,
            401
        );
        assert_eq!(
            cast.participant
                .browser
                .form("/api/account_delete", &erase)
                .status,
            403,
            "not confirmed"
        );
        let confirmed = cast.participant.browser.confirm(&mut cast.participant.key);
        assert_eq!(confirmed.status, 200);
        // A confirmation begun and never finished names the person too.
        assert_eq!(
            cast.participant
                .browser
                .form("/api/confirm_begin", &[])
                .status,
            200
        );
        assert_eq!(
            cast.participant
                .browser
                .form("/api/account_delete", &[("wishes", "keep")])
                .status,
            400
        );
        assert_eq!(
            cast.participant
                .browser
                .form("/api/account_delete", &[("wishes", "all"), ("sure", "on")])
                .status,
            400
        );
        for who in [Who::Facilitator, Who::Admin, Who::Mentor] {
            // Anyone else deletes only themselves, and they have not confirmed.
            assert_eq!(
                cast.who(who).form("/api/account_delete", &erase).status,
                403,
                "{who:?}"
            );
        }
        assert!(
            block_on(store.account(me)).unwrap().is_some(),
            "nothing happened yet"
        );

        let gone = cast.participant.browser.form("/api/account_delete", &erase);
        assert_eq!(gone.status, 200, "{}", gone.text());
        assert_eq!(
            cast.participant
                .browser
                .form("/api/journal_home", &[])
                .text(),
            "null",
            "signed out"
        );

        block_on(async {
            sqlx::any::install_default_drivers();
            let mut db = AnyConnection::connect(&server.database_url).await.unwrap();
            let postgres = server.database_url.starts_with("postgres");
            let to_users = references_to(&mut db, postgres, "users").await;
            assert!(to_users.len() >= 20, "the schema was read: {to_users:?}");
            for (table, column) in &to_users {
                assert_eq!(
                    rows_referring(&mut db, table, column, &[me]).await,
                    0,
                    "{table}.{column}"
                );
            }
            for (table, column) in references_to(&mut db, postgres, "items").await {
                assert_eq!(
                    rows_referring(&mut db, &table, &column, &items).await,
                    0,
                    "{table}.{column}"
                );
            }
            assert_eq!(rows_referring(&mut db, "users", "id", &[me]).await, 0);
            assert_eq!(rows_referring(&mut db, "items", "id", &items).await, 0);
            let ceremonies = sqlx::query("SELECT COUNT(*) FROM ceremonies WHERE context = $1")
                .bind(me.to_string())
                .fetch_one(&mut db)
                .await
                .unwrap();
            assert_eq!(ceremonies.get::<i64, _>(0), 0, "ceremonies");
            // Their wish stays for the group, with no author; others' things stay.
            let wish =
                sqlx::query("SELECT COUNT(*) FROM wishes WHERE id = $1 AND author_id IS NULL")
                    .bind(mine)
                    .fetch_one(&mut db)
                    .await
                    .unwrap();
            assert_eq!(wish.get::<i64, _>(0), 1, "the wish stays, authorless");
            assert_eq!(rows_referring(&mut db, "items", "id", &[kept]).await, 1);
            assert_eq!(
                rows_referring(&mut db, "wish_votes", "wish_id", &[mine]).await,
                1,
                "others' votes stay"
            );
        });
        assert!(block_on(store.account(f)).unwrap().is_some());

        // A peer mentor who takes their wishes with them.
        let confirmed = cast.mentor.browser.confirm(&mut cast.mentor.key);
        assert_eq!(confirmed.status, 200);
        let gone = cast.mentor.browser.form(
            "/api/account_delete",
            &[("wishes", "remove"), ("sure", "on")],
        );
        assert_eq!(gone.status, 200);
        block_on(async {
            let mut db = AnyConnection::connect(&server.database_url).await.unwrap();
            assert_eq!(rows_referring(&mut db, "wishes", "id", &[theirs]).await, 0);
            assert_eq!(rows_referring(&mut db, "wishes", "id", &[mine]).await, 1);
        });
    })
    .await;
}
