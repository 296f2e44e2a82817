//! The participant's own journal. Every function here acts for the person
//! signed in, on their own items only: the store is always asked with the
//! caller as the owner, so another person's id finds nothing.

mod checkins;
mod dreams;
mod home;
mod milestones;
mod peer_work;
mod reflections;
mod skills;
mod steps;

pub use checkins::*;
pub use dreams::*;
pub use home::*;
pub use milestones::*;
pub use peer_work::*;
pub use reflections::*;
pub use skills::*;
pub use steps::*;

/// Where a form sends the person back to after it is done: a path on this
/// site, or `fallback`.
#[cfg(feature = "ssr")]
fn back_to(back: Option<String>, fallback: &str) {
    let back = back.unwrap_or_default();
    let target = super::local_path(&back);
    leptos_axum::redirect(if target == "/" && back != "/" {
        fallback
    } else {
        target
    });
}
