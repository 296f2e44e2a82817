-- Areas (towns), the peer groups in them, and who belongs to which group.
CREATE TABLE areas (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Facilitators work in an area; an admin invites them there.
CREATE TABLE area_facilitators (
    area_id  INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (area_id, user_id)
);
CREATE INDEX area_facilitators_user ON area_facilitators (user_id);

-- Dates are ISO text (YYYY-MM-DD): calendar days, not moments.
CREATE TABLE peer_groups (
    id           INTEGER PRIMARY KEY,
    area_id      INTEGER NOT NULL REFERENCES areas (id),
    name         TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('mixed', 'women')),
    starts_on    TEXT    NOT NULL,
    monthly_from TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX peer_groups_area ON peer_groups (area_id);

-- A membership ends (left_at) rather than disappears, so "joined" and
-- "left" stay true; only current ones grant anything.
CREATE TABLE memberships (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('facilitator', 'peer_mentor', 'participant')),
    joined_at INTEGER NOT NULL,
    left_at   INTEGER
);
CREATE UNIQUE INDEX memberships_current ON memberships (group_id, user_id, role) WHERE left_at IS NULL;
CREATE INDEX memberships_user ON memberships (user_id, left_at);

-- An invite names where it leads: nothing more for an admin, an area for a
-- facilitator, a group for a participant or peer mentor.
ALTER TABLE invites ADD COLUMN area_id INTEGER REFERENCES areas (id) ON DELETE CASCADE;
ALTER TABLE invites ADD COLUMN group_id INTEGER REFERENCES peer_groups (id) ON DELETE CASCADE;
ALTER TABLE invites ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX invites_group ON invites (group_id, revoked_at);
