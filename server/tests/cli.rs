//! Bad configuration gets one clear line and exit code 2.

mod support;

use std::net::TcpListener;

use support::{polku, site_root};

fn one_line_error(output: &std::process::Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit code 2 for bad configuration"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("polku:")).collect();
    assert_eq!(lines.len(), 1, "exactly one error line, got: {stderr}");
    lines[0].to_owned()
}

#[test]
fn help_names_every_command() {
    let output = polku(&["--help"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "migrate", "admin"] {
        assert!(text.contains(command), "--help lists {command}");
    }
}

#[test]
fn a_malformed_database_url_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let site = site.to_str().unwrap();
    for url in [
        "mysql://root@localhost/polku",
        "polku.db",
        "postgres://bad host/db",
    ] {
        let line = one_line_error(&polku(&[
            "serve",
            "--database-url",
            url,
            "--site-root",
            site,
        ]));
        assert!(line.contains("invalid --database-url"), "{line}");
    }
}

#[test]
fn an_unwritable_data_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let output = polku(&[
        "serve",
        "--database-url",
        "sqlite:///proc/polku-cannot-be-here/polku.db",
        "--site-root",
        site.to_str().unwrap(),
    ]);
    let line = one_line_error(&output);
    assert!(line.contains("data folder"), "{line}");
}

#[test]
fn a_port_in_use_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let output = polku(&[
        "serve",
        "--addr",
        &addr,
        "--database-url",
        &db,
        "--site-root",
        site.to_str().unwrap(),
    ]);
    let line = one_line_error(&output);
    assert!(line.contains("cannot listen"), "{line}");
}

#[test]
fn a_bad_origin_or_address_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let site = site.to_str().unwrap();
    let line = one_line_error(&polku(&[
        "serve",
        "--origin",
        "localhost:3000",
        "--site-root",
        site,
    ]));
    assert!(line.contains("invalid --origin"), "{line}");
    let output = polku(&["serve", "--addr", "not-an-address", "--site-root", site]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_missing_site_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let line = one_line_error(&polku(&["serve", "--site-root", missing.to_str().unwrap()]));
    assert!(line.contains("site folder"), "{line}");
}

#[test]
fn a_compressed_copy_of_an_earlier_build_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    std::fs::write(site.join("pkg/polku.css.br"), b"an earlier build").unwrap();
    let line = one_line_error(&polku(&["serve", "--site-root", site.to_str().unwrap()]));
    assert!(line.contains("polku.css.br does not hold"), "{line}");
    assert!(line.contains("precompress"), "{line}");
}

#[test]
fn migrate_creates_the_sqlite_file_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/data/polku.db");
    let url = format!("sqlite://{}", path.display());
    let output = polku(&["migrate", "--database-url", &url]);
    assert!(output.status.success(), "{output:?}");
    assert!(path.is_file());
    // And again: migrations are safe to repeat.
    assert!(polku(&["migrate", "--database-url", &url]).status.success());
}
