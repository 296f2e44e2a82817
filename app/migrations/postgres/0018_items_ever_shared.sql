-- Whether an item has ever been shared, set in the transaction of its
-- first share and never cleared. The consent rule looks a share up only
-- for these items: a group's counts looked up all 800 of its participants'
-- items, 572 of which had no share the facilitator could see (the counts:
-- 1.07 → 0.78 ms at 50,000 items, PERFORMANCE.md). It decides nothing
-- alone: a flagged item is visible only through an active share.
ALTER TABLE items ADD COLUMN ever_shared INTEGER NOT NULL DEFAULT 0;
UPDATE items SET ever_shared = 1 WHERE id IN (SELECT item_id FROM shares);
CREATE INDEX items_owner_shared ON items (owner_id, id) INCLUDE (updated_at)
    WHERE ever_shared = 1;
