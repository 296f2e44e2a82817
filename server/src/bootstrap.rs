//! The way in for the very first admin: a one-time invite printed at start.

use std::time::Duration;

use app::policy::InviteTarget;
use app::store::{NewInvite, Store};

use crate::cli::InviteArgs;
use crate::config;

const ADMIN_INVITE: NewInvite = NewInvite {
    target: InviteTarget::Admin,
    uses: 1,
    valid_for: Duration::from_secs(7 * 24 * 60 * 60),
    created_by: None,
};

/// Withdraws earlier unused admin invites and makes a new one: only the
/// newest printed link works, as only its code was ever seen.
pub async fn admin_invite_link(store: &Store, origin: &str) -> Result<String, String> {
    store
        .revoke_open_admin_invites()
        .await
        .map_err(|e| format!("cannot withdraw old admin invites: {e}"))?;
    let code = store
        .create_invite(ADMIN_INVITE)
        .await
        .map_err(|e| format!("cannot create admin invite: {e}"))?;
    Ok(format!("{origin}/invite/{}", code.0))
}

/// `polku admin invite`
pub async fn print_admin_invite(args: InviteArgs) -> Result<(), String> {
    let origin = config::origin(&args.origin)?;
    let store = config::open_store(&args.database.database_url).await?;
    let link = admin_invite_link(&store, &origin).await?;
    println!("Admin invite (one use, valid 7 days): {link}");
    Ok(())
}
