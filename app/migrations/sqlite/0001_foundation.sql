-- Accounts and invites. Times are unix seconds (INTEGER) so both backends agree.
CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    display_name TEXT    NOT NULL,
    locale       TEXT    NOT NULL DEFAULT 'fi',
    is_admin     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
);

-- Only the SHA-256 of an invite code is kept: a copy of the database cannot join.
CREATE TABLE invites (
    id         INTEGER PRIMARY KEY,
    code_hash  TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'facilitator', 'peer_mentor', 'participant')),
    uses_left  INTEGER NOT NULL CHECK (uses_left >= 0),
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX invites_role_open ON invites (role, revoked_at);
