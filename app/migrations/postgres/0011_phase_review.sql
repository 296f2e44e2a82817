-- When a group moves to monthly meetings, each participant who was there
-- before is asked to look over what they share. This is when they did.
ALTER TABLE memberships ADD COLUMN sharing_reviewed_at BIGINT;
