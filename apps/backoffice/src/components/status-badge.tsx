import type { CaseStatus, DocumentStatus } from '../gql/graphql';
import { CASE_STATUS_LABEL, DOCUMENT_STATUS_LABEL } from '../lib/labels';
import { formatDateTime } from '../lib/time';

/** StatusBadge shows a case status in words; data-status carries the enum for tests and styling. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      {CASE_STATUS_LABEL[status]}
    </span>
  );
}

/** DocumentStatusBadge is the same for a document; data-document-status keeps it apart from the case's. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-document-status={status}>
      {DOCUMENT_STATUS_LABEL[status]}
    </span>
  );
}

/** ErasedBadge marks a case whose applicant data was erased (GDPR); data-erased for tests. */
export function ErasedBadge({ at }: { at?: string }) {
  return (
    <span className="badge badge-erased" data-erased="" title={at ? `Applicant data erased on ${formatDateTime(at)}` : undefined}>
      Erased
    </span>
  );
}
