//! `sqlx::migrate!` embeds the migrations when the crate compiles, but
//! cargo does not know it reads them: without this, a migration added or
//! changed alone would not be built in until some Rust file changed.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
