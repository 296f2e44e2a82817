//! Turns flags into checked settings. Every error is one line for a person.

use std::fs;
use std::path::{Path, PathBuf};

use app::store::{Backend, Store};
use url::Url;

/// Checks a database URL's form before anything touches the disk.
pub fn database_backend(url: &str) -> Result<Backend, String> {
    let backend = Backend::of_url(url).ok_or_else(|| {
        format!("invalid --database-url '{url}': expected sqlite:PATH or postgres://USER@HOST/DB")
    })?;
    if backend == Backend::Postgres {
        Url::parse(url).map_err(|e| format!("invalid --database-url '{url}': {e}"))?;
    }
    Ok(backend)
}

/// The file of a `sqlite:` URL.
pub fn sqlite_path(url: &str) -> &str {
    url.trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default()
}

/// Makes sure the folder of a SQLite file exists and can be written, so a
/// bad path fails at start with a clear line instead of at the first write.
fn prepare_sqlite_folder(url: &str) -> Result<(), String> {
    let path = sqlite_path(url);
    if path.is_empty() || path == ":memory:" {
        return Err(format!(
            "invalid --database-url '{url}': a file path is needed"
        ));
    }
    let folder = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create data folder {}: {e}", folder.display()))?;
    let probe = folder.join(".polku-write-test");
    fs::write(&probe, b"")
        .and_then(|_| fs::remove_file(&probe))
        .map_err(|e| format!("data folder {} is not writable: {e}", folder.display()))
}

/// Opens and migrates the database named by `url`.
pub async fn open_store(url: &str) -> Result<Store, String> {
    if database_backend(url)? == Backend::Sqlite {
        prepare_sqlite_folder(url)?;
    }
    let store = Store::connect(url)
        .await
        .map_err(|e| format!("cannot open database: {e}"))?;
    store
        .migrate()
        .await
        .map_err(|e| format!("cannot migrate database: {e}"))?;
    Ok(store)
}

/// The key file named, or the default: beside a SQLite database (so a
/// copy of the database file alone holds no key), else data/polku.key.
pub fn key_file(url: &str, named: Option<&Path>) -> PathBuf {
    if let Some(path) = named {
        return path.to_owned();
    }
    match Backend::of_url(url) {
        Some(Backend::Sqlite) => Path::new(sqlite_path(url)).with_extension("key"),
        _ => PathBuf::from("data/polku.key"),
    }
}

/// The store with its key file, checked against the database.
pub async fn unlock(store: &Store, key_file: &Path) -> Result<Store, String> {
    store.unlock(key_file).await.map_err(|e| match e {
        app::store::StoreError::KeyFile(line) => line,
        other => format!("cannot open the sealed text: {other}"),
    })
}

/// An origin is scheme, host and port, nothing more.
pub fn origin(value: &str) -> Result<String, String> {
    let url = Url::parse(value).map_err(|e| format!("invalid --origin '{value}': {e}"))?;
    let fits = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some()
        && url.path() == "/"
        && url.query().is_none();
    if !fits {
        return Err(format!(
            "invalid --origin '{value}': expected http(s)://HOST[:PORT] with no path"
        ));
    }
    Ok(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_and_paths_refused() {
        assert_eq!(
            origin("http://localhost:3000/").unwrap(),
            "http://localhost:3000"
        );
        assert_eq!(
            origin("https://polku.example.fi").unwrap(),
            "https://polku.example.fi"
        );
        assert!(origin("localhost:3000").is_err());
        assert!(origin("https://polku.example.fi/app").is_err());
        assert!(origin("ftp://polku.example.fi").is_err());
    }

    #[test]
    fn the_key_file_defaults_beside_a_sqlite_database() {
        assert_eq!(
            key_file("sqlite:///srv/polku/polku.db", None),
            PathBuf::from("/srv/polku/polku.key")
        );
        assert_eq!(
            key_file("postgres://polku@db/polku", None),
            PathBuf::from("data/polku.key")
        );
        assert_eq!(
            key_file("sqlite://x.db", Some(Path::new("/keys/p.key"))),
            PathBuf::from("/keys/p.key")
        );
    }

    #[test]
    fn database_urls_name_a_known_backend() {
        assert_eq!(
            database_backend("sqlite://data/polku.db"),
            Ok(Backend::Sqlite)
        );
        assert_eq!(
            database_backend("postgres://postgres@127.0.0.1/test"),
            Ok(Backend::Postgres)
        );
        assert!(database_backend("mysql://root@localhost/db").is_err());
        assert!(database_backend("postgres://bad host/db").is_err());
    }
}
