-- Drop the stored claims of groups about to be re-extracted. $1: list of dup_groups.
DELETE FROM extracted_claims WHERE dup_group IN (SELECT unnest($1::VARCHAR[]));
