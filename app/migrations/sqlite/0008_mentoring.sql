-- Peer mentoring. One open link (proposed or accepted) per pair: a new
-- proposal waits until the old one is declined or ended.
CREATE UNIQUE INDEX mentor_links_open ON mentor_links (mentor_id, mentee_id)
    WHERE declined_at IS NULL AND ended_at IS NULL;

-- A mentor's encouragement starts from a ready phrase, said in the
-- reader's language; `body` holds the mentor's own optional words.
ALTER TABLE feedback ADD COLUMN phrase TEXT;
