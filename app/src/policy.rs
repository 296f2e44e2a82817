//! Who may do what. Pure: the store gathers the facts about a person, these
//! rules answer yes or no. Every server function asks here before it acts.

use crate::model::Role;

/// What the rules need to know about the person calling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub is_admin: bool,
    /// Areas this person works in as a facilitator.
    pub areas: Vec<i64>,
    /// Current memberships: (group, role).
    pub memberships: Vec<(i64, Role)>,
}

impl Actor {
    pub fn facilitates(&self, group: i64) -> bool {
        self.memberships
            .iter()
            .any(|&(g, r)| g == group && r == Role::Facilitator)
    }

    pub fn works_in(&self, area: i64) -> bool {
        self.areas.contains(&area)
    }

    /// Admins and facilitators run groups; they get the workspace.
    pub fn is_staff(&self) -> bool {
        self.is_admin || !self.areas.is_empty() || self.facilitates_any()
    }

    pub fn facilitates_any(&self) -> bool {
        self.memberships
            .iter()
            .any(|&(_, r)| r == Role::Facilitator)
    }

    /// Groups where this person takes part as a participant or peer mentor.
    pub fn member_groups(&self) -> impl Iterator<Item = i64> + '_ {
        self.memberships
            .iter()
            .filter(|&&(_, r)| r != Role::Facilitator)
            .map(|&(g, _)| g)
    }
}

/// Where an invite leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteTarget {
    /// An administrator of the whole organisation.
    Admin,
    /// A facilitator working in an area.
    Facilitator { area: i64 },
    /// A participant or peer mentor of a group.
    Member { group: i64, role: Role },
}

impl InviteTarget {
    pub fn role(self) -> Role {
        match self {
            InviteTarget::Admin => Role::Admin,
            InviteTarget::Facilitator { .. } => Role::Facilitator,
            InviteTarget::Member { role, .. } => role,
        }
    }
}

pub fn may_manage_areas(actor: &Actor) -> bool {
    actor.is_admin
}

pub fn may_create_group(actor: &Actor, area: i64) -> bool {
    actor.is_admin || actor.works_in(area)
}

/// Changing a group, its roster and its invites.
pub fn may_manage_group(actor: &Actor, group: i64) -> bool {
    actor.is_admin || actor.facilitates(group)
}

/// Admins invite anyone; a group's facilitators invite its participants and
/// peer mentors. Facilitators join groups by assignment, not by invite.
pub fn may_invite(actor: &Actor, target: InviteTarget) -> bool {
    match target {
        InviteTarget::Admin | InviteTarget::Facilitator { .. } => actor.is_admin,
        InviteTarget::Member { group, role } => {
            matches!(role, Role::Participant | Role::PeerMentor) && may_manage_group(actor, group)
        }
    }
}

/// A facilitator can be made one of a group's facilitators by an admin, or by
/// a facilitator of the group, but only if they work in the group's area.
pub fn may_assign_facilitator(
    actor: &Actor,
    group: i64,
    group_area: i64,
    assignee: &Actor,
) -> bool {
    may_manage_group(actor, group) && assignee.works_in(group_area)
}

/// Taking someone out of a group: its facilitators may remove participants
/// and peer mentors; only an admin removes a facilitator.
pub fn may_remove_member(actor: &Actor, group: i64, role: Role) -> bool {
    match role {
        Role::Facilitator | Role::Admin => actor.is_admin,
        Role::Participant | Role::PeerMentor => may_manage_group(actor, group),
    }
}

/// An area's help page (its local services) is kept by the admins and by
/// the facilitators who work in the area.
pub fn may_edit_help(actor: &Actor, area: i64) -> bool {
    actor.is_admin || actor.works_in(area)
}

/// Anonymous figures of an area: for its admins and facilitators, who
/// report them to the funders.
pub fn may_see_figures(actor: &Actor, area: i64) -> bool {
    actor.is_admin || actor.works_in(area)
}

/// A group's own facilitators propose its peer mentors to its participants;
/// an admin, who sees no one's journal, does not pair people up.
pub fn may_propose_mentor(actor: &Actor, group: i64) -> bool {
    actor.facilitates(group)
}

/// The wishes box belongs to the group: every current member reads it,
/// posts and votes; outsiders, admins included, do not.
pub fn may_use_wishes(actor: &Actor, group: i64) -> bool {
    actor.memberships.iter().any(|&(g, _)| g == group)
}

/// The group's facilitators answer its wishes.
pub fn may_set_wish_status(actor: &Actor, group: i64) -> bool {
    actor.facilitates(group)
}

/// A recovery link lets someone who lost their phone add a new passkey. An
/// admin may make one for anyone else; a facilitator for the participants
/// and peer mentors of their own groups. It grants its maker nothing.
pub fn may_create_recovery(actor: &Actor, target: &Actor) -> bool {
    if actor.user_id == target.user_id {
        return false;
    }
    if actor.is_admin {
        return true;
    }
    !target.is_staff() && target.member_groups().any(|g| actor.facilitates(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUP: i64 = 10;
    const OTHER_GROUP: i64 = 20;
    const AREA: i64 = 1;

    fn admin() -> Actor {
        Actor {
            user_id: 1,
            is_admin: true,
            ..Actor::default()
        }
    }

    fn facilitator_of(group: i64) -> Actor {
        Actor {
            user_id: 2,
            areas: vec![AREA],
            memberships: vec![(group, Role::Facilitator)],
            ..Actor::default()
        }
    }

    fn member(group: i64, role: Role) -> Actor {
        Actor {
            user_id: 3,
            memberships: vec![(group, role)],
            ..Actor::default()
        }
    }

    fn nobody() -> Actor {
        Actor {
            user_id: 4,
            ..Actor::default()
        }
    }

    #[test]
    fn only_admins_manage_areas_and_invite_staff() {
        assert!(may_manage_areas(&admin()));
        for actor in [
            facilitator_of(GROUP),
            member(GROUP, Role::Participant),
            nobody(),
        ] {
            assert!(!may_manage_areas(&actor));
            assert!(!may_invite(&actor, InviteTarget::Admin));
            assert!(!may_invite(
                &actor,
                InviteTarget::Facilitator { area: AREA }
            ));
        }
        assert!(may_invite(&admin(), InviteTarget::Admin));
        assert!(may_invite(
            &admin(),
            InviteTarget::Facilitator { area: AREA }
        ));
    }

    #[test]
    fn a_facilitator_runs_only_their_own_groups() {
        let f = facilitator_of(GROUP);
        assert!(may_manage_group(&f, GROUP));
        assert!(!may_manage_group(&f, OTHER_GROUP));
        for role in [Role::Participant, Role::PeerMentor] {
            assert!(may_invite(&f, InviteTarget::Member { group: GROUP, role }));
            assert!(!may_invite(
                &f,
                InviteTarget::Member {
                    group: OTHER_GROUP,
                    role
                }
            ));
            assert!(may_remove_member(&f, GROUP, role));
            assert!(!may_remove_member(&f, OTHER_GROUP, role));
        }
        assert!(!may_invite(
            &f,
            InviteTarget::Member {
                group: GROUP,
                role: Role::Facilitator
            }
        ));
        assert!(!may_invite(
            &f,
            InviteTarget::Member {
                group: GROUP,
                role: Role::Admin
            }
        ));
        assert!(!may_remove_member(&f, GROUP, Role::Facilitator));
        assert!(may_remove_member(&admin(), GROUP, Role::Facilitator));
    }

    #[test]
    fn groups_are_created_in_ones_own_area() {
        let f = facilitator_of(GROUP);
        assert!(may_create_group(&f, AREA));
        assert!(!may_create_group(&f, AREA + 1));
        assert!(may_create_group(&admin(), AREA + 1));
        assert!(!may_create_group(&member(GROUP, Role::Participant), AREA));
    }

    #[test]
    fn participants_and_mentors_manage_nothing() {
        for role in [Role::Participant, Role::PeerMentor] {
            let m = member(GROUP, role);
            assert!(!m.is_staff());
            assert!(!may_manage_group(&m, GROUP));
            assert!(!may_invite(
                &m,
                InviteTarget::Member {
                    group: GROUP,
                    role: Role::Participant
                }
            ));
            assert!(!may_remove_member(&m, GROUP, Role::Participant));
            assert!(!may_create_recovery(&m, &member(GROUP, Role::Participant)));
        }
    }

    #[test]
    fn figures_are_for_the_people_who_run_the_area() {
        assert!(may_see_figures(&admin(), AREA));
        assert!(may_see_figures(&facilitator_of(GROUP), AREA));
        assert!(!may_see_figures(&facilitator_of(GROUP), AREA + 1));
        assert!(!may_see_figures(&member(GROUP, Role::Participant), AREA));
        assert!(!may_see_figures(&member(GROUP, Role::PeerMentor), AREA));
    }

    #[test]
    fn help_pages_are_kept_by_the_people_of_the_area() {
        assert!(may_edit_help(&admin(), AREA + 5));
        assert!(may_edit_help(&facilitator_of(GROUP), AREA));
        assert!(!may_edit_help(&facilitator_of(GROUP), AREA + 1));
        assert!(!may_edit_help(&member(GROUP, Role::Participant), AREA));
        assert!(!may_edit_help(&nobody(), AREA));
    }

    #[test]
    fn only_colleagues_of_the_area_are_assigned_to_a_group() {
        let colleague = Actor {
            user_id: 9,
            areas: vec![AREA],
            ..Actor::default()
        };
        let stranger = Actor {
            user_id: 8,
            areas: vec![AREA + 1],
            ..Actor::default()
        };
        assert!(may_assign_facilitator(
            &facilitator_of(GROUP),
            GROUP,
            AREA,
            &colleague
        ));
        assert!(!may_assign_facilitator(
            &facilitator_of(GROUP),
            GROUP,
            AREA,
            &stranger
        ));
        assert!(!may_assign_facilitator(
            &facilitator_of(OTHER_GROUP),
            GROUP,
            AREA,
            &colleague
        ));
        assert!(may_assign_facilitator(&admin(), GROUP, AREA, &colleague));
        assert!(!may_assign_facilitator(&admin(), GROUP, AREA, &stranger));
    }

    #[test]
    fn recovery_is_for_the_facilitators_own_participants() {
        let f = facilitator_of(GROUP);
        assert!(may_create_recovery(&f, &member(GROUP, Role::Participant)));
        assert!(may_create_recovery(&f, &member(GROUP, Role::PeerMentor)));
        assert!(!may_create_recovery(
            &f,
            &member(OTHER_GROUP, Role::Participant)
        ));
        assert!(
            !may_create_recovery(&f, &nobody()),
            "not in any of their groups"
        );
        let colleague = Actor {
            user_id: 7,
            areas: vec![AREA],
            memberships: vec![(GROUP, Role::Facilitator)],
            ..Actor::default()
        };
        assert!(
            !may_create_recovery(&f, &colleague),
            "staff are recovered by an admin"
        );
        assert!(may_create_recovery(&admin(), &colleague));
        assert!(
            !may_create_recovery(&admin(), &admin()),
            "never for oneself"
        );
    }
}
