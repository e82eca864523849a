import { describe, expect, it } from 'vitest';
import { makeCase, makeDocument, ME, OTHER } from '../../testing/fixtures';
import { describeChanges, sentence } from './changes';

describe('describeChanges', () => {
  it('names status, assignee and document changes in words', () => {
    const before = makeCase();
    const after = makeCase({
      version: 9,
      status: 'RESUBMISSION_REQUESTED',
      assignee: OTHER,
      documents: [makeDocument({ status: 'RESUBMISSION_REQUESTED' }), makeDocument({ type: 'SELFIE', revision: 2 })],
    });
    expect(describeChanges(before, after, ME.id)).toEqual([
      'the status is now Resubmission requested',
      'it is now assigned to Bob Builder',
      'the Passport is now resubmission requested',
      'a new Selfie photo was uploaded (revision 2)',
    ]);
  });

  it('says something even when only the version moved', () => {
    expect(describeChanges(makeCase(), makeCase({ version: 8 }))).toEqual(['its details were updated']);
    expect(describeChanges(makeCase(), makeCase())).toEqual([]);
  });

  it('builds a sentence', () => {
    expect(sentence(['a', 'b', 'c'])).toBe('A, b and c.');
    expect(sentence(['it is now assigned to you'])).toBe('It is now assigned to you.');
  });
});
