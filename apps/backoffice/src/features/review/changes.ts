import type { CaseDetailFragment } from '../../gql/graphql';
import { CASE_STATUS_LABEL, documentLabel, DOCUMENT_STATUS_LABEL } from '../../lib/labels';

type Snapshot = Pick<CaseDetailFragment, 'status' | 'version' | 'assignee' | 'documents' | 'notes'>;

/**
 * describeChanges lists, in words, what differs between the case a reviewer was looking at and
 * the case as the server has it now. Used to explain a CONFLICT and live updates.
 */
export function describeChanges(before: Snapshot, after: Snapshot, meId?: string): string[] {
  const out: string[] = [];
  if (before.status !== after.status) out.push(`the status is now ${CASE_STATUS_LABEL[after.status]}`);
  const was = before.assignee?.id ?? null;
  const is = after.assignee?.id ?? null;
  if (was !== is) {
    if (!after.assignee) out.push('it is no longer assigned');
    else if (after.assignee.id === meId) out.push('it is now assigned to you');
    else out.push(`it is now assigned to ${after.assignee.name || after.assignee.email}`);
  }
  const slot = (d: { type: string; side?: string | null }) => `${d.type}/${d.side ?? ''}`;
  const old = new Map(before.documents.map((d) => [slot(d), d]));
  for (const doc of after.documents) {
    const prev = old.get(slot(doc));
    const name = documentLabel(doc);
    if (!prev) out.push(`a ${name} was uploaded`);
    else if (prev.revision !== doc.revision) out.push(`a new ${name} photo was uploaded (revision ${doc.revision})`);
    else if (prev.status !== doc.status) out.push(`the ${name} is now ${DOCUMENT_STATUS_LABEL[doc.status].toLowerCase()}`);
  }
  const added = after.notes.length - before.notes.length;
  if (added > 0) out.push(added === 1 ? 'a note was added' : `${added} notes were added`);
  if (out.length === 0 && before.version !== after.version) out.push('its details were updated');
  return out;
}

/** sentence joins changes into one capitalised sentence: "The status is now Approved and …". */
export function sentence(changes: string[]): string {
  if (changes.length === 0) return '';
  const joined = changes.length === 1 ? changes[0] : `${changes.slice(0, -1).join(', ')} and ${changes[changes.length - 1]}`;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
}
