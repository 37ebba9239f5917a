-- The public group membership of the batch's newly placed pages.
INSERT INTO dup_members (url, dup_group, reason, similarity, assigned_at)
SELECT url, dup_group, reason, similarity, $1 FROM dedup_new_docs;
