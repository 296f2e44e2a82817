//! `polku rotate-key`: every sealed value is sealed anew under a new key.
//! The key file keeps the old key as retired until no value needs it, so
//! an interrupted rotation loses nothing and a second run finishes it.

use app::store::Keyring;

use crate::cli::RotateKeyArgs;
use crate::config;

pub async fn run(args: RotateKeyArgs) -> Result<(), String> {
    let url = &args.database.database_url;
    let path = config::key_file(url, args.keys.key_file.as_deref());
    let keyring = Keyring::read(&path)?
        .ok_or_else(|| format!("no key file at {}: nothing to rotate", path.display()))?;
    let store = config::open_store(url).await?;
    // Checked against the database before anything changes.
    config::unlock(&store, &path).await?;
    if keyring.retired_ids().is_empty() {
        keyring.rotated().write(&path)?;
    } else {
        println!("Going on with the rotation begun earlier.");
    }
    let store = config::unlock(&store, &path).await?;
    let done = store
        .reseal_under_current_key()
        .await
        .map_err(|e| format!("rotation stopped, run it again to go on: {e}"))?;
    let rotated = Keyring::read(&path)?.ok_or("the key file went missing during the rotation")?;
    rotated.without_retired().write(&path)?;
    store.close().await;
    println!(
        "Sealed {} values under the new key {}; the old key is gone from {}.",
        done.values,
        rotated.current_id(),
        path.display()
    );
    Ok(())
}
