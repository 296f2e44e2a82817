//! The consent rule against a model a person can check by eye: random
//! sequences of create (reflections, steps, check-ins, skills, peer work), share,
//! revoke, expire, leave, rejoin, mentor links (proposed, accepted,
//! declined, ended) and views. After every view the viewer has seen
//! exactly what the model says is visible, and every item shown left
//! exactly one log row. 1,000 cases on SQLite and 1,000 on PostgreSQL.

mod support;

use std::collections::HashMap;

use app::model::{
    Audience, CheckInText, Day, PeerWorkText, ReflectionText, Role, SkillText, StepText,
};
use app::policy::InviteTarget;
use app::store::{unix_now, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use support::world::{area, group, invite, member, person};

#[derive(Clone, Copy, Debug)]
enum Expiry {
    Never,
    Past,
    Future,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Viewer {
    Facilitator,
    Stranger,
    Mentor,
    Admin,
}

/// The kinds of journal item a case makes: the rule is the same for all.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Reflection,
    Step,
    CheckIn,
    Skill,
    PeerWork,
}

#[derive(Clone, Debug)]
enum Op {
    Create(Kind),
    Share(usize, Audience, Expiry),
    Revoke(usize, Audience),
    Leave,
    Rejoin,
    LinkMentor,
    /// A proposal the mentee has not answered, or has declined: it opens
    /// nothing.
    ProposeMentor {
        decline: bool,
    },
    EndMentor,
    View(Viewer),
}

fn op() -> impl Strategy<Value = Op> {
    let audience = prop_oneof![Just(Audience::Facilitators), Just(Audience::Mentor)];
    let expiry = prop_oneof![
        Just(Expiry::Never),
        Just(Expiry::Past),
        Just(Expiry::Future)
    ];
    let viewer = prop_oneof![
        Just(Viewer::Facilitator),
        Just(Viewer::Stranger),
        Just(Viewer::Mentor),
        Just(Viewer::Admin)
    ];
    prop_oneof![
        2 => prop_oneof![
            Just(Kind::Reflection),
            Just(Kind::Step),
            Just(Kind::CheckIn),
            Just(Kind::Skill),
            Just(Kind::PeerWork)
        ]
        .prop_map(Op::Create),
        4 => (0..6usize, audience.clone(), expiry).prop_map(|(i, a, e)| Op::Share(i, a, e)),
        2 => (0..6usize, audience).prop_map(|(i, a)| Op::Revoke(i, a)),
        1 => Just(Op::Leave),
        1 => Just(Op::Rejoin),
        1 => Just(Op::LinkMentor),
        1 => any::<bool>().prop_map(|decline| Op::ProposeMentor { decline }),
        1 => Just(Op::EndMentor),
        4 => viewer.prop_map(Op::View),
    ]
}

/// What should be visible: shares that are live, and who is in the
/// audiences now.
#[derive(Default)]
struct Model {
    items: Vec<i64>,
    live: HashMap<(usize, Audience), bool>,
    in_group: bool,
    linked: bool,
}

impl Model {
    fn visible(&self, viewer: Viewer) -> Vec<i64> {
        let mut ids: Vec<i64> = (0..self.items.len())
            .filter(|&i| {
                let live = |a| self.live.get(&(i, a)).copied().unwrap_or(false);
                match viewer {
                    Viewer::Facilitator => self.in_group && live(Audience::Facilitators),
                    Viewer::Mentor => self.linked && live(Audience::Mentor),
                    Viewer::Stranger | Viewer::Admin => false,
                }
            })
            .map(|i| self.items[i])
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids
    }
}

async fn log_rows(store: &Store, owner: i64) -> Vec<i64> {
    let mut rows = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.access_log(owner, cursor).await.unwrap();
        rows.extend(page.items.iter().map(|a| a.item_id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => return rows,
        }
    }
}

async fn run_case(store: &Store, ops: &[Op]) -> Result<(), TestCaseError> {
    let a = area(store).await;
    let facilitator = person(store, InviteTarget::Facilitator { area: a }, "F").await;
    let stranger = person(store, InviteTarget::Facilitator { area: a }, "S").await;
    let g = group(store, a, Some(facilitator)).await;
    group(store, a, Some(stranger)).await;
    let owner = person(store, member(g, Role::Participant), "O").await;
    let mentor = person(store, member(g, Role::PeerMentor), "M").await;
    let admin = person(store, InviteTarget::Admin, "A").await;
    let mut model = Model {
        in_group: true,
        ..Model::default()
    };
    let mut link = None;
    let mut pending = None;
    for op in ops {
        match op {
            Op::Create(kind) => {
                let n = model.items.len();
                let request = format!("model-request-{owner}-{n:04}");
                let made = match kind {
                    Kind::Reflection => {
                        let text = ReflectionText::parse("2026-11-23", "x", "").unwrap();
                        store.create_reflection(owner, &request, &text).await
                    }
                    Kind::Step => {
                        let text = StepText::parse("x", "", "work", "").unwrap();
                        store.create_step(owner, &request, &text).await
                    }
                    Kind::CheckIn => {
                        let text = CheckInText::parse("2026-11-23", ["3"; 7], "").unwrap();
                        store.create_checkin(owner, &request, &text).await
                    }
                    Kind::Skill => {
                        let text = SkillText::parse("first_aid", "2026-11-23", "").unwrap();
                        store.create_skill(owner, &request, &text).await
                    }
                    Kind::PeerWork => {
                        let text = PeerWorkText::parse("listening", "2026-11-23", "", Day::today())
                            .unwrap();
                        store.create_peer_work(owner, &request, &text).await
                    }
                };
                let id = made.unwrap();
                model.items.push(id);
            }
            Op::Share(i, audience, expiry) => {
                let Some(&id) = model.items.get(*i) else {
                    continue;
                };
                let expires_at = match expiry {
                    Expiry::Never => None,
                    Expiry::Past => Some(unix_now() - 10),
                    Expiry::Future => Some(unix_now() + 86_400),
                };
                store.share(owner, id, *audience, expires_at).await.unwrap();
                model
                    .live
                    .insert((*i, *audience), !matches!(expiry, Expiry::Past));
            }
            Op::Revoke(i, audience) => {
                let Some(&id) = model.items.get(*i) else {
                    continue;
                };
                store.revoke_share(owner, id, *audience).await.unwrap();
                model.live.insert((*i, *audience), false);
            }
            Op::Leave => {
                store.leave_group(g, owner).await.unwrap();
                model.in_group = false;
            }
            Op::Rejoin if !model.in_group => {
                let code = invite(store, member(g, Role::Participant), 1).await;
                store.accept_invite(&code, owner).await.unwrap();
                model.in_group = true;
            }
            Op::Rejoin => {}
            Op::LinkMentor if link.is_none() => {
                let id = match pending.take() {
                    Some(id) => id,
                    None => store
                        .propose_mentor(mentor, owner, Some(g), facilitator)
                        .await
                        .unwrap(),
                };
                store.answer_mentor(owner, id, true).await.unwrap();
                link = Some(id);
                model.linked = true;
            }
            Op::LinkMentor => {}
            Op::ProposeMentor { decline } if pending.is_none() && link.is_none() => {
                let id = store
                    .propose_mentor(mentor, owner, Some(g), facilitator)
                    .await
                    .unwrap();
                if *decline {
                    store.answer_mentor(owner, id, false).await.unwrap();
                } else {
                    pending = Some(id);
                }
            }
            Op::ProposeMentor { .. } => {}
            Op::EndMentor => {
                if let Some(id) = link.take() {
                    store.end_mentor_link(owner, id).await.unwrap();
                }
                if let Some(id) = pending.take() {
                    store.end_mentor_link(mentor, id).await.unwrap();
                }
                model.linked = false;
            }
            Op::View(viewer) => {
                let who = match viewer {
                    Viewer::Facilitator => facilitator,
                    Viewer::Stranger => stranger,
                    Viewer::Mentor => mentor,
                    Viewer::Admin => admin,
                };
                let before = log_rows(store, owner).await;
                let seen: Vec<i64> = store
                    .read_shared_items(who, owner, None)
                    .await
                    .unwrap()
                    .items
                    .iter()
                    .map(|i| i.id)
                    .collect();
                prop_assert_eq!(
                    &seen,
                    &model.visible(*viewer),
                    "{:?} after {:?}",
                    viewer,
                    ops
                );
                let after = log_rows(store, owner).await;
                let mut new: Vec<i64> = after[..after.len() - before.len()].to_vec();
                new.sort_unstable_by(|a, b| b.cmp(a));
                prop_assert_eq!(&new, &seen, "one log row per item shown");
            }
        }
    }
    Ok(())
}

fn check(store: Store) {
    let runtime = tokio::runtime::Handle::current();
    let mut runner = TestRunner::new(Config {
        cases: 1_000,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(op(), 1..14), |ops| {
        tokio::task::block_in_place(|| runtime.block_on(run_case(&store, &ops)))
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_viewer_sees_exactly_the_model_on_sqlite() {
    let (store, _dir) = support::sqlite_store().await;
    check(store.clone());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_viewer_sees_exactly_the_model_on_postgres() {
    let (store, schema) = support::postgres_store().await;
    check(store.clone());
    store.close().await;
    support::drop_postgres_schema(&schema).await;
}
