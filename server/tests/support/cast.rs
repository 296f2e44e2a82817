//! Everyone an authorization test needs, each a real account signed in
//! through a real passkey ceremony in a browser of their own.

use app::model::Role;
use app::policy::InviteTarget;
use app::store::Store;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;

use super::browser::{Browser, Identity};
use super::{block_on, invite, new_group, DAY};

pub struct Person {
    pub browser: Browser,
    pub key: SoftPasskey,
    pub me: Identity,
    pub id: i64,
}

impl Person {
    /// Joins through a fresh invite to `target`.
    pub fn join(port: u16, store: &Store, target: InviteTarget, name: &str) -> Person {
        Self::join_with_code(port, store, &invite(store, target, 1, DAY), name)
    }

    pub fn join_with_code(port: u16, store: &Store, code: &str, name: &str) -> Person {
        let mut browser = Browser::new(port);
        let mut key = SoftPasskey::new(true);
        let (joined, me) = browser.join_as(&mut key, code, name);
        assert_eq!(joined.status, 200, "{name} joins: {}", joined.text());
        let id = me.user_id(store);
        Person {
            browser,
            key,
            me,
            id,
        }
    }
}

/// Who may do what is tested against each of these.
pub struct Cast {
    pub area: i64,
    pub group: i64,
    pub other_area: i64,
    pub other_group: i64,
    pub admin: Person,
    /// Facilitator of `group`, working in `area`.
    pub facilitator: Person,
    /// Facilitator of `other_group`, in `other_area`.
    pub stranger: Person,
    pub participant: Person,
    pub mentor: Person,
    /// A participant of `other_group`.
    pub outsider: Person,
    pub anonymous: Browser,
}

impl Cast {
    pub fn new(port: u16, store: &Store) -> Cast {
        let area = block_on(store.create_area("Oulu")).unwrap();
        let other_area = block_on(store.create_area("Kemi")).unwrap();
        let facilitator = Person::join(port, store, InviteTarget::Facilitator { area }, "Fanni");
        let stranger = Person::join(
            port,
            store,
            InviteTarget::Facilitator { area: other_area },
            "Sami",
        );
        let group = new_group(store, area, Some(facilitator.id));
        let other_group = new_group(store, other_area, Some(stranger.id));
        let member = |group, role| InviteTarget::Member { group, role };
        Cast {
            admin: Person::join(port, store, InviteTarget::Admin, "Aila"),
            participant: Person::join(port, store, member(group, Role::Participant), "Pirjo"),
            mentor: Person::join(port, store, member(group, Role::PeerMentor), "Mikko"),
            outsider: Person::join(port, store, member(other_group, Role::Participant), "Olli"),
            anonymous: Browser::new(port),
            area,
            group,
            other_area,
            other_group,
            facilitator,
            stranger,
        }
    }

    /// Everyone with a name, for tables of who may call what.
    pub fn who(&mut self, name: Who) -> &mut Browser {
        match name {
            Who::Anonymous => &mut self.anonymous,
            Who::Admin => &mut self.admin.browser,
            Who::Facilitator => &mut self.facilitator.browser,
            Who::Stranger => &mut self.stranger.browser,
            Who::Participant => &mut self.participant.browser,
            Who::Mentor => &mut self.mentor.browser,
            Who::Outsider => &mut self.outsider.browser,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    Admin,
    Facilitator,
    Stranger,
    Participant,
    Mentor,
    Outsider,
}

impl Who {
    pub const ALL: [Who; 7] = [
        Who::Anonymous,
        Who::Admin,
        Who::Facilitator,
        Who::Stranger,
        Who::Participant,
        Who::Mentor,
        Who::Outsider,
    ];
}
