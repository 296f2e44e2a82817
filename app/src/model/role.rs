use serde::{Deserialize, Serialize};

/// What a person may do: `Admin` is organisation-wide, the rest are held per
/// group through memberships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Facilitator,
    PeerMentor,
    Participant,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Facilitator,
        Role::PeerMentor,
        Role::Participant,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Facilitator => "facilitator",
            Role::PeerMentor => "peer_mentor",
            Role::Participant => "participant",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_survives_a_round_trip_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }
}
