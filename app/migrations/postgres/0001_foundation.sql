-- Accounts and invites. Times are unix seconds (BIGINT) so both backends agree.
CREATE TABLE users (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name TEXT    NOT NULL,
    locale       TEXT    NOT NULL DEFAULT 'fi',
    is_admin     BIGINT  NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL
);

-- Only the SHA-256 of an invite code is kept: a copy of the database cannot join.
CREATE TABLE invites (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash  TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'facilitator', 'peer_mentor', 'participant')),
    uses_left  BIGINT  NOT NULL CHECK (uses_left >= 0),
    expires_at BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX invites_role_open ON invites (role, revoked_at);
