use std::sync::Arc;

use app::auth::AuthConfig;
use app::store::SessionLimits;
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;

use crate::cli::{DatabaseArgs, ServeArgs};
use crate::router::{router, AppState};
use crate::{bootstrap, config, site};

const DAY: i64 = 24 * 60 * 60;

/// `polku serve`
pub async fn run(args: ServeArgs) -> Result<(), String> {
    let origin = config::origin(
        &args
            .origin
            .clone()
            .unwrap_or_else(|| format!("http://localhost:{}", args.addr.port())),
    )?;
    let auth = AuthConfig::new(
        &origin,
        SessionLimits {
            idle_secs: args.session_idle_days.saturating_mul(DAY),
            absolute_secs: args.session_max_days.saturating_mul(DAY),
        },
    )?;
    site::check(&args.site_root)?;
    let url = &args.database.database_url;
    let store = config::open_store(url).await?;
    // Bind before anything else is printed: a taken port is a start-up
    // error, found before a key file is made.
    let listener = TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let key_file = config::key_file(url, args.keys.key_file.as_deref());
    let store = config::unlock(&store, &key_file).await?;

    let leptos_options = LeptosOptions::builder()
        .output_name(Arc::from("polku"))
        .site_root(Arc::from(args.site_root.to_string_lossy().as_ref()))
        .site_pkg_dir(Arc::from("pkg"))
        .site_addr(args.addr)
        .build();

    let has_admin = store
        .has_admin()
        .await
        .map_err(|e| format!("cannot read the database: {e}"))?;
    if !has_admin {
        let link = bootstrap::admin_invite_link(&store, &origin).await?;
        println!("No admin yet. Open this one-time link to become the first admin: {link}");
    }
    // Printed last: whoever waits for it has every line before it.
    println!("Polku is ready at {origin}");

    let app = router(AppState {
        leptos_options,
        store: store.clone(),
        auth,
        guesses_per_minute: args.guesses_per_minute,
    });
    // The peer address feeds the rate limits.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server stopped: {e}"))?;
    store.close().await;
    Ok(())
}

/// `polku migrate`
pub async fn migrate(args: DatabaseArgs) -> Result<(), String> {
    let store = config::open_store(&args.database_url).await?;
    store.close().await;
    println!("Database is up to date.");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
