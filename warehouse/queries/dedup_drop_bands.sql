-- Forget the band keys of re-sketched pages (registered as dedup_resketched).
DELETE FROM dedup_bands
WHERE doc_id IN (SELECT doc_id FROM dedup_resketched);
