//! Runs the real `polku` binary and talks HTTP to it over loopback.

#![allow(dead_code)]

pub mod browser;
pub mod cast;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use app::model::{Day, GroupKind, Role};
use app::policy::InviteTarget;
use app::store::{NewGroup, NewInvite, Store};
use sqlx::Connection;

pub const BIN: &str = env!("CARGO_BIN_EXE_polku");

pub fn postgres_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A site folder like the one the build makes, with a stylesheet big enough
/// to be worth compressing.
pub fn site_root(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(
        site.join("pkg/polku.css"),
        "body { margin: 0; }\n".repeat(200),
    )
    .unwrap();
    site
}

/// The key file of the servers and stores of a test folder.
pub fn key_file(dir: &Path) -> PathBuf {
    dir.join("polku.key")
}

/// A migrated store on `url`, unlocked with the key file of `dir`: the
/// same keys as a server started with a site in `dir`.
pub async fn open_store(url: &str, dir: &Path) -> Store {
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    store.unlock(&key_file(dir)).await.unwrap()
}

pub fn polku(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run polku")
}

pub struct Server {
    child: Child,
    /// Everything the server logged (its standard error).
    log: tempfile::NamedTempFile,
    pub port: u16,
    pub database_url: String,
    /// The site it serves; its folder holds the key file.
    pub site: PathBuf,
    /// What the server printed up to and including its readiness lines.
    pub printed: Vec<String>,
}

impl Server {
    pub fn start(database_url: &str, site: &Path) -> Server {
        Self::start_with_env(database_url, site, &[])
    }

    /// Starts the server with extra settings in its environment. Its key
    /// file is `key_file(dir)` of the folder that holds the site.
    pub fn start_with_env(database_url: &str, site: &Path, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let keys = key_file(site.parent().expect("the site is in a test folder"));
        let log = tempfile::NamedTempFile::new().expect("log file");
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", database_url])
            .arg("--site-root")
            .arg(site)
            .arg("--key-file")
            .arg(keys)
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("log file"))
            .envs(env.iter().copied())
            .spawn()
            .expect("start polku");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut printed = Vec::new();
        let mut server = Server {
            child,
            log,
            port,
            database_url: database_url.to_owned(),
            site: site.to_owned(),
            printed: Vec::new(),
        };
        // Ready once it listens; the invite line, if any, is printed before.
        while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
            let ready = line.starts_with("Polku is ready");
            printed.push(line);
            if ready {
                break;
            }
        }
        while let Ok(line) = rx.recv_timeout(Duration::from_millis(300)) {
            printed.push(line);
        }
        assert!(
            printed.iter().any(|l| l.starts_with("Polku is ready")),
            "server did not start: {printed:?}"
        );
        server.printed = printed;
        server
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        get(self.port, path, headers)
    }

    /// What the server has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// The admin invite link printed at start, if any.
    pub fn invite_link(&self) -> Option<String> {
        self.printed
            .iter()
            .find_map(|l| l.split_whitespace().find(|w| w.contains("/invite/")))
            .map(str::to_owned)
    }

    /// Asks the server to stop (SIGTERM) and tells whether it did within
    /// `limit`.
    pub fn stops_when_asked(&mut self, limit: Duration) -> bool {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -TERM {pid}");
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `name=value` of every cookie this response sets.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"))
            .filter_map(|(_, v)| v.split(';').next().map(str::to_owned))
            .collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A minimal HTTP/1.1 GET, enough to see what a browser would get.
pub fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> Response {
    request(port, "GET", path, headers, b"")
}

pub fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
    request(port, "POST", path, headers, body)
}

pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    try_request(port, method, path, headers, body).expect("an answer")
}

/// A request that may get no answer at all (a server killed meanwhile).
pub fn try_request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    // A server may answer (413, say) and close before taking a whole body:
    // what it answered is what counts.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Some(Response {
        status,
        headers,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}

/// Runs `test` against a server on a fresh SQLite file and on a fresh
/// PostgreSQL schema.
pub async fn on_each_database<F: Fn(Server, Store)>(test: F) {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let sqlite = format!("sqlite://{}/polku.db", dir.path().display());
    let store = open_store(&sqlite, dir.path()).await;
    test(Server::start(&sqlite, &site), store);

    let schema = PgSchema::new(dir.path()).await;
    test(Server::start(&schema.url, &site), schema.store.clone());
    schema.drop().await;
}

/// A fresh PostgreSQL schema, migrated, with a store on it unlocked with
/// the key file of `keys`: what several instances of the server can share.
pub struct PgSchema {
    pub url: String,
    pub store: Store,
    name: String,
    admin: sqlx::PgConnection,
}

impl PgSchema {
    pub async fn new(keys: &Path) -> PgSchema {
        let base = postgres_url();
        let name = format!("srv_{}_{}", std::process::id(), rand_suffix());
        let mut admin = sqlx::PgConnection::connect(&base)
            .await
            .expect("PostgreSQL answers");
        sqlx::query(&format!("CREATE SCHEMA {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options[search_path]={name}");
        let store = open_store(&url, keys).await;
        PgSchema {
            url,
            store,
            name,
            admin,
        }
    }

    pub async fn drop(mut self) {
        self.store.close().await;
        sqlx::query(&format!("DROP SCHEMA {} CASCADE", self.name))
            .execute(&mut self.admin)
            .await
            .unwrap();
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

pub fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))
}

pub fn invite(store: &Store, target: InviteTarget, uses: u32, valid_for: Duration) -> String {
    block_on(store.create_invite(NewInvite {
        target,
        uses,
        valid_for,
        created_by: None,
    }))
    .unwrap()
    .0
}

/// An area with one group in it: (area, group).
pub fn area_and_group(store: &Store) -> (i64, i64) {
    let area = block_on(store.create_area(&format!("Alue {}", rand_suffix()))).unwrap();
    (area, new_group(store, area, None))
}

/// A mixed group that started on 2026-01-15.
pub fn new_group(store: &Store, area: i64, facilitator: Option<i64>) -> i64 {
    let starts_on = Day::parse("2026-01-15").unwrap();
    block_on(store.create_group(
        NewGroup {
            area_id: area,
            name: &format!("Ryhmä {}", rand_suffix()),
            kind: GroupKind::Mixed,
            starts_on,
            monthly_from: starts_on.add_months(6),
        },
        facilitator,
    ))
    .unwrap()
}

/// An invite to join a new group as a participant.
pub fn participant_invite(store: &Store, uses: u32, valid_for: Duration) -> String {
    let (_, group) = area_and_group(store);
    invite(
        store,
        InviteTarget::Member {
            group,
            role: Role::Participant,
        },
        uses,
        valid_for,
    )
}

/// Moves every session's last passkey confirmation `secs` into the past,
/// as if the person had been away. Test-only time travel, straight in the
/// database the server uses.
pub fn age_confirmations(database_url: &str, secs: i64) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    block_on(async {
        let mut db = sqlx::AnyConnection::connect(database_url).await.unwrap();
        sqlx::query("UPDATE sessions SET confirmed_at = confirmed_at - $1")
            .bind(secs)
            .execute(&mut db)
            .await
            .unwrap();
    });
}

pub const DAY: Duration = Duration::from_secs(86_400);

/// Moves every membership's joining `secs` into the past, as if the group
/// had been going for a while.
pub fn age_memberships(database_url: &str, secs: i64) {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    block_on(async {
        let mut db = sqlx::AnyConnection::connect(database_url).await.unwrap();
        sqlx::query("UPDATE memberships SET joined_at = joined_at - $1")
            .bind(secs)
            .execute(&mut db)
            .await
            .unwrap();
    });
}
