-- A facilitator's group page lists the mentor links proposed in the group:
-- without this, every view read the whole table (seen with `make bench`).
CREATE INDEX mentor_links_group ON mentor_links (group_id, id);
