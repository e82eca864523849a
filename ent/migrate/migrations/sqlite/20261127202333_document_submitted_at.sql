-- Add column "submitted_at" to table: "documents"
ALTER TABLE `documents` ADD COLUMN `submitted_at` datetime NULL;
-- Back-fill Document.submitted, which was derived on every read until now: a photo was
-- submitted at the first CASE_SUBMITTED of its case at or after its upload, unless a later
-- revision of the same document (type and side) was uploaded by then.
UPDATE documents SET submitted_at = (
  SELECT MIN(e.created_at) FROM case_events e
  WHERE e.case_id = documents.case_id AND e.type = 'CASE_SUBMITTED' AND e.created_at >= documents.created_at
) WHERE submitted_at IS NULL;
UPDATE documents SET submitted_at = NULL
WHERE submitted_at IS NOT NULL AND EXISTS (
  SELECT 1 FROM documents n
  WHERE n.case_id = documents.case_id AND n.type = documents.type
    AND (n.side = documents.side OR (n.side IS NULL AND documents.side IS NULL))
    AND n.revision > documents.revision AND n.created_at <= documents.submitted_at
);
