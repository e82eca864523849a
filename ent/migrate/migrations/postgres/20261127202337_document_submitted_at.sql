-- atlas:txmode none
-- Modify "documents" table
ALTER TABLE "documents" ADD COLUMN IF NOT EXISTS "submitted_at" timestamptz NULL;
-- Back-fill Document.submitted, which was derived on every read until now: a photo was
-- submitted at the first CASE_SUBMITTED of its case at or after its upload, unless a later
-- revision of the same document (type and side) was uploaded by then.
-- In batches of 5,000 documents by id, each committed: one UPDATE of the whole table would
-- hold every row's lock (and the uploads and reviews that write them) until the last row.
-- Safe to run again from the start: the result of a batch does not depend on earlier ones.
DO $$
DECLARE
  last_id uuid := '00000000-0000-0000-0000-000000000000';
  batch uuid[];
BEGIN
  LOOP
    SELECT array_agg(id ORDER BY id) INTO batch
    FROM (SELECT id FROM documents WHERE id > last_id ORDER BY id LIMIT 5000) b;
    EXIT WHEN batch IS NULL;
    UPDATE documents SET submitted_at = (
      SELECT MIN(e.created_at) FROM case_events e
      WHERE e.case_id = documents.case_id AND e.type = 'CASE_SUBMITTED' AND e.created_at >= documents.created_at
    ) WHERE id = ANY (batch) AND submitted_at IS NULL;
    UPDATE documents SET submitted_at = NULL
    WHERE id = ANY (batch) AND submitted_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM documents n
      WHERE n.case_id = documents.case_id AND n.type = documents.type
        AND (n.side = documents.side OR (n.side IS NULL AND documents.side IS NULL))
        AND n.revision > documents.revision AND n.created_at <= documents.submitted_at
    );
    last_id := batch[array_length(batch, 1)];
    COMMIT;
  END LOOP;
END $$;
