-- Passkey accounts: who someone is to WebAuthn, their keys, their sessions,
-- and ceremonies in flight (kept here so any instance can finish one).
ALTER TABLE users ADD COLUMN webauthn_id TEXT;
CREATE UNIQUE INDEX users_webauthn_id ON users (webauthn_id);

CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id TEXT    NOT NULL UNIQUE,
    passkey       TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- Only the SHA-256 of a session token is kept; `public_id` names a session
-- in "My devices" without revealing anything that could sign in.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    public_id    TEXT    NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    confirmed_at INTEGER NOT NULL,
    device       TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single use, bound to the browser that began it, short-lived.
CREATE TABLE ceremonies (
    id         INTEGER PRIMARY KEY,
    browser    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    context    TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX ceremonies_browser ON ceremonies (browser, kind);
CREATE INDEX ceremonies_expiry ON ceremonies (expires_at);
