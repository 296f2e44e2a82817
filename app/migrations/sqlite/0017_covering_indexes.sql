-- The consent rule looks up each item's active share, and a group's counts
-- read each shared item's `updated_at`: with indexes that hold every column
-- those reads use, SQLite answers from the index alone and does not seek
-- the table for each row (a group's counts: 4.2 M → 3.3 M instructions at
-- 50,000 items, PERFORMANCE.md). `revoked_at` is in the shares index,
-- though always NULL there, because SQLite counts an index as covering only
-- when it holds every column the query names. `shares_active` stays: it is
-- the one active share per item and audience.
CREATE INDEX shares_visible ON shares (item_id, audience, expires_at, granted_at, revoked_at)
    WHERE revoked_at IS NULL;

DROP INDEX items_owner_kind;
CREATE INDEX items_owner_kind ON items (owner_id, kind, id, updated_at);
