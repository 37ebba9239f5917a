-- Pages of the batch (registered as dedup_batch) that already have a group.
SELECT m.url, m.dup_group, m.reason, m.similarity
FROM dup_members m
JOIN dedup_batch b USING (url);
