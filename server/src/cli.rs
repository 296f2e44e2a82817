use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "polku",
    version,
    about = "Polku: a private path of dreams and next steps"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the app (migrates the database first).
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate(DatabaseArgs),
    /// Copy a SQLite database to FILE while the server runs (a new file;
    /// on PostgreSQL use pg_dump).
    Backup(BackupArgs),
    /// Seal all journal text anew under a new key, with the servers
    /// stopped. Safe to interrupt: run it again to finish.
    RotateKey(RotateKeyArgs),
    /// Fill the database with realistic made-up data for benchmarks, and
    /// print session tokens of a sample of the people made.
    Seed(SeedArgs),
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Print a new one-time admin invite link (earlier unused ones stop working).
    Invite(InviteArgs),
}

#[derive(Args, Debug, Clone)]
pub struct DatabaseArgs {
    /// sqlite:PATH (the default, created when missing) or postgres://USER@HOST/DB.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/polku.db")]
    pub database_url: String,
}

#[derive(Args, Debug, Clone)]
pub struct KeyArgs {
    /// The file of the keys that seal journal text in the database. Made
    /// (readable by its owner only) at the first start; without it the text
    /// cannot be read. Keep it apart from the database and its backups.
    /// Defaults to beside a SQLite database, or data/polku.key.
    #[arg(long, env = "POLKU_KEY_FILE")]
    pub key_file: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub keys: KeyArgs,
    /// Address and port to listen on.
    #[arg(long, env = "POLKU_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// The public origin people open, e.g. https://polku.example.fi. Passkeys
    /// are bound to it. Defaults to http://localhost:PORT.
    #[arg(long, env = "POLKU_ORIGIN")]
    pub origin: Option<String>,
    /// Days a session lasts without being used.
    #[arg(long, env = "POLKU_SESSION_IDLE_DAYS", default_value_t = 14, value_parser = clap::value_parser!(i64).range(1..=365))]
    pub session_idle_days: i64,
    /// Days a session lasts at most, used or not.
    #[arg(long, env = "POLKU_SESSION_MAX_DAYS", default_value_t = 90, value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub session_max_days: i64,
    /// The folder with the built site (pkg/, icons, service worker).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// Calls per minute from one address to the sign-in, invite and
    /// recovery endpoints. Raise it where many people share one address
    /// (a group joining together on one Wi-Fi).
    #[arg(long, env = "POLKU_GUESSES_PER_MINUTE", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub guesses_per_minute: u32,
}

#[derive(Args, Debug, Clone)]
pub struct BackupArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Where the copy goes; it must not exist yet.
    pub file: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct RotateKeyArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub keys: KeyArgs,
}

#[derive(Args, Debug, Clone)]
pub struct InviteArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The public origin the link starts with.
    #[arg(long, env = "POLKU_ORIGIN", default_value = "http://localhost:3000")]
    pub origin: String,
}

#[derive(Args, Debug, Clone)]
pub struct SeedArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub keys: KeyArgs,
    /// Participants to make, spread evenly over the groups.
    #[arg(long, default_value_t = 1_000)]
    pub participants: usize,
    /// Journal items each participant writes.
    #[arg(long, default_value_t = 50)]
    pub items_per_participant: usize,
    /// Peer groups, each with a facilitator and a peer mentor.
    #[arg(long, default_value_t = 50)]
    pub groups: usize,
    /// Participants signed in (with their group's facilitator) whose
    /// session tokens are printed.
    #[arg(long, default_value_t = 10)]
    pub sessions: usize,
}
