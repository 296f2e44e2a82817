//! Every query a signed-in person's pages run finds its rows by index: no
//! page reads a whole table, so a page costs the same at 5,000,000 items as
//! at 5,000 (`make bench` measures both). The server logs each statement
//! it runs; the database tells how it would run each one.

mod support;

use support::{key_file, open_store, polku, post, site_root, PgSchema, Server};

/// Tables small by nature, which a page may read whole: a welfare region
/// has a handful of areas.
const SMALL_TABLES: &[&str] = &["areas"];

const PARTICIPANT_PAGES: &[&str] = &[
    "/",
    "/my-path",
    "/my-groups",
    "/journal/dreams",
    "/journal/steps",
    "/journal/reflections",
    "/journal/milestones",
    "/journal/checkins",
    "/journal/skills",
    "/journal/peer-work",
    "/journal/sharing",
    "/journal/seen",
    "/mentoring",
    "/devices",
];

#[tokio::test(flavor = "multi_thread")]
async fn the_pages_read_their_rows_by_index_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/seeded.db", dir.path().display());
    let statements = statements_of_the_pages(&url, dir.path(), 60).await;
    let store = open_store(&url, dir.path()).await;
    let mut covered = [0; COVERED.len()];
    for sql in statements {
        let plan = store
            .query_plan(&sql)
            .await
            .unwrap()
            .expect("SQLite tells the plan of one statement");
        let scans = whole_table_reads(&sql, &plan);
        assert!(
            scans.is_empty(),
            "reads a whole table ({scans:?}):\n{sql}\n{}",
            plan.join("\n")
        );
        let words = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        for (n, (marks, search)) in COVERED.iter().enumerate() {
            if words.contains(marks) {
                covered[n] += 1;
                assert!(
                    plan.iter().any(|l| l.starts_with(search)),
                    "reads the table beside the index (no `{search}`):\n{sql}\n{}",
                    plan.join("\n")
                );
            }
        }
    }
    assert!(
        covered.iter().all(|&n| n > 0),
        "the pages ran no statement marked by one of {COVERED:?}: {covered:?}"
    );
}

/// Reads made once per item that SQLite answers from an index alone, with
/// no seek of the table for each row (migrations 0017 and 0018): the
/// consent rule's share lookup, wherever it is used, and a group's counts'
/// scan of its participants' ever shared items. What marks the statement,
/// and the plan's line.
const COVERED: &[(&str, &str)] = &[
    (
        "FROM shares s WHERE s.item_id = i.id AND s.revoked_at IS NULL",
        "SEARCH s USING COVERING INDEX shares_visible",
    ),
    (
        "LEFT JOIN shared_visits v ON",
        "SEARCH i USING COVERING INDEX items_owner_shared",
    ),
];

/// PostgreSQL's cost of reading a table whole from which the test fails:
/// about five hundred rows. Below, reading it whole is rightly cheaper than
/// an index (a region's few dozen peer groups, an empty table).
const BIG_SCAN: f64 = 10.0;

/// PostgreSQL plans by the sizes it knows, so this seeds 50,000 items,
/// the size `make bench` starts at. There a read of all people or all
/// feedback (as the home page made until `random_page_cost` was set) or
/// of all shares shows.
#[tokio::test(flavor = "multi_thread")]
async fn the_pages_read_their_rows_by_index_on_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let schema = PgSchema::new(dir.path()).await;
    let statements = statements_of_the_pages(&schema.url, dir.path(), 1000).await;
    let mut found = Vec::new();
    for sql in statements {
        let plan = schema
            .store
            .query_plan(&sql)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL plans {sql}: {e}"))
            .expect("PostgreSQL tells the plan of one statement");
        let scans = sequential_scans(&sql, &plan);
        if !scans.is_empty() {
            found.push(format!("{scans:?}:\n{sql}\n{}", plan.join("\n")));
        }
    }
    schema.drop().await;
    assert!(
        found.is_empty(),
        "reads a whole table: {}",
        found.join("\n\n")
    );
}

/// Seeds `participants` with 50 items each at `url` (migrated or not),
/// opens every page a participant and a facilitator have, shares an item
/// and takes it back, and returns each distinct statement the server ran.
async fn statements_of_the_pages(
    url: &str,
    dir: &std::path::Path,
    participants: u32,
) -> Vec<String> {
    let site = site_root(dir);
    let keys = key_file(dir);
    // As `make bench` seeds: a group of about fifteen.
    let groups = (participants / 15).max(1).to_string();
    let participants = participants.to_string();
    let seeded = polku(&[
        "seed",
        "--database-url",
        url,
        "--key-file",
        keys.to_str().unwrap(),
        "--participants",
        &participants,
        "--items-per-participant",
        "50",
        "--groups",
        &groups,
        "--sessions",
        "2",
    ]);
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let people = String::from_utf8(seeded.stdout).unwrap();
    // role user token group item-or-person
    let row = |role: &str| -> Vec<String> {
        let line = people.lines().find(|l| l.starts_with(role)).unwrap();
        line.split_whitespace().map(str::to_owned).collect()
    };
    let (participant, facilitator) = (row("participant"), row("facilitator"));
    let (group, person) = (&facilitator[3], &facilitator[4]);

    let server = Server::start_with_env(
        url,
        &site,
        &[("RUST_LOG", "warn,sqlx::query=debug"), ("NO_COLOR", "1")],
    );
    let from = server.log().len();
    let as_participant = format!("polku_session={}", participant[2]);
    let as_facilitator = format!("polku_session={}", facilitator[2]);
    let facilitator_pages = [
        "/groups".to_owned(),
        format!("/groups/{group}"),
        format!("/groups/{group}/people/{person}"),
        format!("/groups/{group}/wishes"),
    ];
    let visits = PARTICIPANT_PAGES
        .iter()
        .map(|p| (p.to_string(), &as_participant))
        .chain(facilitator_pages.into_iter().map(|p| (p, &as_facilitator)));
    for (path, cookie) in visits {
        let page = server.get(&path, &[("Cookie", cookie)]);
        assert_eq!(page.status, 200, "GET {path}");
    }
    let origin = format!("http://localhost:{}", server.port);
    for choice in ["facilitators", "nobody"] {
        let body = format!("id={}&choice={choice}", participant[4]);
        let headers = [
            ("Cookie", as_participant.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", origin.as_str()),
        ];
        let answer = post(server.port, "/api/share_set", &headers, body.as_bytes());
        assert!(answer.status < 400, "share_set {choice}: {}", answer.status);
    }

    let log = server.log();
    let statements = statements(&log[from..]);
    assert!(
        statements.len() >= 20,
        "the server logged too few statements: {statements:#?}"
    );
    statements
}

/// The distinct statements in a log of `sqlx::query` events, as run.
fn statements(log: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in log.lines() {
        let Some((_, rest)) = line.split_once("db.statement=\"") else {
            continue;
        };
        let sql = unescape(rest);
        let sql = sql.trim();
        // Reads and writes; not a new connection's PRAGMAs.
        let verb = sql.split_whitespace().next().unwrap_or("");
        let planned = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(&verb);
        if planned && !found.iter().any(|s| s == sql) {
            found.push(sql.to_owned());
        }
    }
    found
}

/// A Rust `Debug` string up to its closing quote, unescaped.
fn unescape(quoted: &str) -> String {
    let mut out = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}

/// The plan's `SCAN`s of stored tables. A scan of a subquery, a join or a
/// co-routine the plan made reads only rows found by the steps before it;
/// `CONSTANT ROW` is the one row of a `SELECT` with no `FROM` (a page's
/// lists read in one statement, `store/lists.rs`).
fn whole_table_reads(sql: &str, plan: &[String]) -> Vec<String> {
    let made: Vec<&str> = plan
        .iter()
        .filter_map(|l| {
            l.strip_prefix("CO-ROUTINE ")
                .or_else(|| l.strip_prefix("MATERIALIZE "))
        })
        .collect();
    plan.iter()
        .filter_map(|l| l.strip_prefix("SCAN "))
        .filter(|target| {
            let name = target.split_whitespace().next().unwrap_or(target);
            *target != "CONSTANT ROW"
                && !name.starts_with('(')
                && !made.contains(&name)
                && !is_small(sql, name)
        })
        .map(str::to_owned)
        .collect()
}

/// Whether `name` (a table or its alias in `sql`) is one of `SMALL_TABLES`.
fn is_small(sql: &str, name: &str) -> bool {
    let words: Vec<&str> = sql.split_whitespace().collect();
    SMALL_TABLES
        .iter()
        .any(|table| name == *table || words.windows(2).any(|w| w[0] == *table && w[1] == name))
}

/// PostgreSQL's sequential scans of a table it knows to be more than
/// small: one whose whole read it costs at `BIG_SCAN` or more.
fn sequential_scans(sql: &str, plan: &[String]) -> Vec<String> {
    plan.iter()
        .filter_map(|l| l.split_once("Seq Scan on ").map(|(_, rest)| rest))
        .filter(|target| {
            let table = target.split_whitespace().next().unwrap_or(target);
            let cost = target
                .split_once("..")
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .and_then(|total| total.parse::<f64>().ok())
                .unwrap_or(f64::MAX);
            cost >= BIG_SCAN && !is_small(sql, table)
        })
        .map(str::to_owned)
        .collect()
}
