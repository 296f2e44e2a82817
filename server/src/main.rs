//! `polku`: serves the app, migrates and backs up the database, rotates
//! the sealing key, prints invites.

mod backup;
mod bootstrap;
mod cli;
mod config;
mod error_status;
mod headers;
mod health;
mod rate_limit;
mod rotate_key;
mod router;
mod same_origin;
mod serve;

use clap::Parser;

use cli::{AdminCommand, Cli, Command};

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();

    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(args).await,
        Command::Migrate(args) => serve::migrate(args).await,
        Command::Backup(args) => backup::run(args).await,
        Command::RotateKey(args) => rotate_key::run(args).await,
        Command::Admin {
            command: AdminCommand::Invite(args),
        } => bootstrap::print_admin_invite(args).await,
    };
    if let Err(message) = result {
        // Configuration and start-up problems: one line, and a code scripts can see.
        eprintln!("polku: {message}");
        std::process::exit(2);
    }
}
