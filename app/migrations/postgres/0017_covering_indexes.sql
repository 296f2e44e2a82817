-- The consent rule looks up each item's active share, and a group's counts
-- read each shared item's `updated_at`: with the columns those reads use
-- in the indexes, PostgreSQL can answer from the index alone where the
-- table's pages are all visible (a group's counts: a few per cent,
-- PERFORMANCE.md). SQLite gains more from the same change.
DROP INDEX shares_active;
CREATE UNIQUE INDEX shares_active ON shares (item_id, audience) INCLUDE (expires_at, granted_at)
    WHERE revoked_at IS NULL;

DROP INDEX items_owner_kind;
CREATE INDEX items_owner_kind ON items (owner_id, kind, id) INCLUDE (updated_at);
