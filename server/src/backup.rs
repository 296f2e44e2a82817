//! `polku backup FILE`: a consistent copy of the SQLite database, made
//! while the server runs. Restoring is copying it back with the server
//! stopped (README).

use app::store::{Backend, Store};

use crate::cli::BackupArgs;
use crate::config;

pub async fn run(args: BackupArgs) -> Result<(), String> {
    let url = &args.database.database_url;
    if config::database_backend(url)? == Backend::Postgres {
        return Err(
            "backup copies SQLite databases; on PostgreSQL use pg_dump (see the README)".into(),
        );
    }
    let database = config::sqlite_path(url);
    if !std::path::Path::new(database).is_file() {
        return Err(format!("no database at {database}"));
    }
    let file = &args.file;
    if file.exists() {
        return Err(format!(
            "{} exists already: give a new file name",
            file.display()
        ));
    }
    let to = file
        .to_str()
        .ok_or_else(|| format!("{} is not a usable file name", file.display()))?;
    let store = Store::connect(url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let copied = store.backup_sqlite(to).await;
    store.close().await;
    copied.map_err(|e| format!("cannot write the backup to {}: {e}", file.display()))?;
    println!("Backed up to {}", file.display());
    Ok(())
}
