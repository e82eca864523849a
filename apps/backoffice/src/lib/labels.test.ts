import { describe, expect, it } from 'vitest';
import { eventDetails } from '../features/review/timeline';
import { applicantName, composeReason, documentLabel, documentsSummary } from './labels';
import { timeAgo } from './time';

describe('labels', () => {
  it('composes the reason the applicant sees', () => {
    expect(composeReason('Blurry image', '  ')).toBe('Blurry image');
    expect(composeReason('Other', 'Glare over the photo')).toBe('Other: Glare over the photo');
    expect(composeReason('', 'just a comment')).toBe('just a comment');
  });

  it('names documents and applicants', () => {
    expect(documentLabel({ type: 'ID_CARD', side: 'FRONT' })).toBe('ID card');
    expect(documentLabel({ type: 'ID_CARD', side: 'BACK' })).toBe('ID card (back)');
    expect(documentLabel({ type: 'SELFIE', side: null })).toBe('Selfie');
    expect(applicantName({ firstName: 'Ada', lastName: null, email: 'a@b' })).toBe('Ada');
    expect(applicantName({ firstName: null, lastName: null, email: 'a@b' })).toBe('a@b');
  });

  it('names the documents of a case once per type in the list, with the back when there is one', () => {
    expect(documentsSummary([{ type: 'PASSPORT', side: 'FRONT' }, { type: 'SELFIE', side: null }])).toBe('Passport, Selfie');
    expect(
      documentsSummary([{ type: 'ID_CARD', side: 'FRONT' }, { type: 'ID_CARD', side: 'BACK' }, { type: 'SELFIE', side: null }]),
    ).toBe('ID card (both sides), Selfie');
    expect(documentsSummary([{ type: 'VOTER_ID', side: 'BACK' }])).toBe('Voter ID (back)');
    expect(documentsSummary([{ type: 'DRIVERS_LICENSE', side: null }])).toBe("Driver's license");
    expect(documentsSummary([])).toBe('');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(timeAgo('2026-11-25T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-11-25T11:55:00Z', now)).toBe('5 min. ago');
    expect(timeAgo('2026-11-25T09:00:00Z', now)).toBe('3 hr. ago');
    expect(timeAgo('2026-11-24T12:00:00Z', now)).toBe('yesterday');
  });

  it('reads audit event details', () => {
    const base = { id: 'e', actor: 'reviewer:rita@example.com', fromState: null, toState: null, hash: 'h', createdAt: '' };
    expect(eventDetails({ ...base, type: 'CASE_DECIDED', data: '{"decision":"REJECT","status":"REJECTED","reason":"Suspected fraud"}' }))
      .toBe('Rejected · “Suspected fraud”');
    expect(eventDetails({ ...base, type: 'DOCUMENT_DECIDED', data: '{"type":"SELFIE","status":"RESUBMISSION_REQUESTED","reason":"Blurry image"}' }))
      .toBe('Selfie · resubmission requested · “Blurry image”');
    expect(eventDetails({ ...base, type: 'STATE_CHANGED', fromState: 'selfie', toState: 'final', data: '{"event":"USER_NEXT_STEP"}' }))
      .toBe('selfie → final');
  });
});
