-- Recovery links: one use, short-lived, kept only as a hash.
CREATE TABLE recoveries (
    id         INTEGER PRIMARY KEY,
    code_hash  TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX recoveries_user ON recoveries (user_id);

-- What happened to an account, for its owner's eyes: joined, passkeys added
-- and removed, a recovery. `actor_id` is whoever made a recovery link.
CREATE TABLE account_events (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at       INTEGER NOT NULL,
    seen_at  INTEGER
);
CREATE INDEX account_events_user ON account_events (user_id, at);
