-- Make claim_verdicts equal new_verdicts. Rows whose verdict did not change are
-- left alone (checked_at included), so a rerun on the same input changes nothing.
DELETE FROM claim_verdicts v
WHERE NOT EXISTS (
    SELECT 1 FROM new_verdicts n
    WHERE n.claim_id = v.claim_id
      AND n.verdict = v.verdict
      AND n.target_id IS NOT DISTINCT FROM v.target_id
      AND n.progress IS NOT DISTINCT FROM v.progress
      AND n.reason IS NOT DISTINCT FROM v.reason
      AND n.related_target_id IS NOT DISTINCT FROM v.related_target_id
      AND n.related_note IS NOT DISTINCT FROM v.related_note
);
INSERT INTO claim_verdicts (claim_id, verdict, target_id, progress, reason, checked_at,
                            related_target_id, related_note)
SELECT n.claim_id, n.verdict, n.target_id, n.progress, n.reason, $checked_at,
       n.related_target_id, n.related_note
FROM new_verdicts n
WHERE NOT EXISTS (SELECT 1 FROM claim_verdicts v WHERE v.claim_id = n.claim_id);
