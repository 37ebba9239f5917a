-- Band keys of the batch's newly indexed pages (registered as dedup_new_bands).
INSERT INTO dedup_bands (band, band_key, doc_id)
SELECT band, band_key, doc_id FROM dedup_new_bands;
