use crate::model::{GroupSummary, Meeting, MentorLink, Milestone, Role};
use crate::policy::Actor;
use crate::store::{InviteRow, MemberRow, PersonRow, Store, StoreError};

/// What a group's page reads for its facilitator.
#[derive(Clone, Debug)]
pub struct GroupReads {
    pub group: GroupSummary,
    /// Facilitators first, then by name, each with the facts the policy
    /// needs about them.
    pub roster: Vec<(MemberRow, Actor)>,
    /// (participant, items shared with the viewer, changed since last seen),
    /// through the consent rule; a participant who shares nothing is absent.
    pub shared_counts: Vec<(i64, i64, i64)>,
    /// Everyone who facilitates in the group's area, running it or not.
    pub area_facilitators: Vec<PersonRow>,
    /// Read only when asked for: not everyone who manages a group may see
    /// who mentors whom.
    pub mentor_links: Option<Vec<MentorLink>>,
    pub invites: Vec<InviteRow>,
    pub milestones: Vec<Milestone>,
    pub meetings: Vec<Meeting>,
}

impl Store {
    /// Everything a group's page reads, on one connection, as the home page
    /// does (see `journal_home`): eight queries each taken from the pool
    /// would pay sqlx's check on the connection's return eight times. None
    /// when there is no such group.
    pub async fn group_page(
        &self,
        viewer: i64,
        id: i64,
        with_mentor_links: bool,
    ) -> Result<Option<GroupReads>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let c = &mut *conn;
        let Some(group) = self.group_in(&mut *c, id).await? else {
            return Ok(None);
        };
        let roster = self.roster_in(&mut *c, id).await?;
        let participants: Vec<i64> = roster
            .iter()
            .filter(|(m, _)| m.role == Role::Participant)
            .map(|(m, _)| m.user_id)
            .collect();
        let mentor_links = if with_mentor_links {
            Some(self.mentor_links_in_group_in(&mut *c, id).await?)
        } else {
            None
        };
        Ok(Some(GroupReads {
            shared_counts: self
                .shared_counts_in(&mut *c, viewer, &participants)
                .await?,
            area_facilitators: self.area_facilitators_in(&mut *c, group.area_id).await?,
            mentor_links,
            invites: self.open_group_invites_in(&mut *c, id).await?,
            milestones: self.milestones_in(&mut *c, id).await?,
            meetings: self.coming_meetings_in(&mut *c, id).await?,
            roster,
            group,
        }))
    }
}
