//! `polku`: serves the app, migrates, backs up and seeds the database,
//! rotates the sealing key, prints invites.

mod allocator;
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
mod run_to_end;
mod same_origin;
mod seed;
mod serve;
mod site;

use clap::Parser;

use cli::{AdminCommand, Cli, Command};

fn main() {
    allocator::tune();
    run();
}

#[tokio::main]
async fn run() {
    let cli = Cli::parse();
    // Seeding's statements are slow by design: thousands of rows each.
    let sqlx_level = match cli.command {
        Command::Seed(_) => "error",
        _ => "warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| format!("info,sqlx={sqlx_level}").into()),
        )
        .with_writer(std::io::stderr)
        .init();

    let result = match cli.command {
        Command::Serve(args) => serve::run(args).await,
        Command::Migrate(args) => serve::migrate(args).await,
        Command::Backup(args) => backup::run(args).await,
        Command::RotateKey(args) => rotate_key::run(args).await,
        Command::Seed(args) => seed::run(args).await,
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
