//! The world the consent tests share: a participant, their group's
//! facilitator, a facilitator of another group, a peer mentor and an
//! admin, or only a participant with an accepted peer mentor; the
//! participant's reflections; and what a viewer is shown.

use app::model::{Audience, ReflectionText, Role};
use app::policy::InviteTarget;
use app::store::Store;

use super::world::{area, group, member, person};

/// A participant's world: their group's facilitator, a facilitator of
/// another group, a peer mentor, an admin.
pub struct World {
    pub group: i64,
    pub owner: i64,
    pub facilitator: i64,
    pub stranger: i64,
    pub mentor: i64,
    pub admin: i64,
}

pub async fn world(store: &Store) -> World {
    let a = area(store).await;
    let facilitator = person(store, InviteTarget::Facilitator { area: a }, "Fanni").await;
    let stranger = person(store, InviteTarget::Facilitator { area: a }, "Sami").await;
    let g = group(store, a, Some(facilitator)).await;
    group(store, a, Some(stranger)).await;
    World {
        group: g,
        owner: person(store, member(g, Role::Participant), "Pirjo").await,
        mentor: person(store, member(g, Role::PeerMentor), "Mikko").await,
        admin: person(store, InviteTarget::Admin, "Aila").await,
        facilitator,
        stranger,
    }
}

pub async fn reflection(store: &Store, owner: i64, n: u32) -> i64 {
    store
        .create_reflection(
            owner,
            &format!("consent-request-{n:06}"),
            &ReflectionText::parse("2026-11-23", &format!("Ajatus {n}"), "").unwrap(),
        )
        .await
        .unwrap()
}

/// Two new reflections of the owner's: one shared with the mentor, one
/// with the facilitators.
pub async fn one_for_each(store: &Store, owner: i64, n: u32) -> (i64, i64) {
    let to_mentor = reflection(store, owner, n).await;
    let to_facilitators = reflection(store, owner, n + 1).await;
    store
        .share(owner, to_mentor, Audience::Mentor, None)
        .await
        .unwrap();
    store
        .share(owner, to_facilitators, Audience::Facilitators, None)
        .await
        .unwrap();
    (to_mentor, to_facilitators)
}

/// A participant, the facilitator of their group, and the group's peer
/// mentor, whose mentoring they have accepted.
pub struct Mentored {
    pub owner: i64,
    pub facilitator: i64,
    pub mentor: i64,
}

pub async fn mentored(store: &Store) -> Mentored {
    let a = area(store).await;
    let facilitator = person(store, InviteTarget::Facilitator { area: a }, "Fanni").await;
    let g = group(store, a, Some(facilitator)).await;
    let owner = person(store, member(g, Role::Participant), "Pirjo").await;
    let mentor = person(store, member(g, Role::PeerMentor), "Mikko").await;
    let link = store
        .propose_mentor(mentor, owner, Some(g), facilitator)
        .await
        .unwrap();
    assert!(store.answer_mentor(owner, link, true).await.unwrap());
    Mentored {
        owner,
        facilitator,
        mentor,
    }
}

/// What `viewer` sees of the owner's items: by list, by count, one by one.
pub async fn seen_by(store: &Store, viewer: i64, owner: i64, items: &[i64]) -> Vec<i64> {
    let listed: Vec<i64> = store
        .read_shared_items(viewer, owner, None)
        .await
        .unwrap()
        .items
        .iter()
        .map(|i| i.id)
        .collect();
    let counted = store
        .shared_counts(viewer, &[owner])
        .await
        .unwrap()
        .first()
        .map_or(0, |c| c.1);
    let mut one_by_one = Vec::new();
    for id in items {
        if store.read_shared_item(viewer, *id).await.unwrap().is_some() {
            one_by_one.push(*id);
        }
    }
    one_by_one.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(listed, one_by_one, "a list and single reads agree");
    assert_eq!(counted as usize, listed.len(), "a count and a list agree");
    listed
}
