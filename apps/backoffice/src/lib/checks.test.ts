import { describe, expect, it } from 'vitest';
import { approvalFindings, checkLabel, findings, findingText, summaryText, worst, type ReviewCheck } from './checks';

const c = (name: string, outcome: ReviewCheck['outcome'], detail?: string): ReviewCheck => ({ name, outcome, detail });

describe('findings and worst', () => {
  it('keeps WARN and FAIL, FAILs first, and leaves passes out', () => {
    const list = [c('SHARPNESS', 'WARN'), c('RESOLUTION', 'PASS'), c('EXPOSURE', 'FAIL'), c('GLARE', 'WARN')];
    expect(findings(list).map((x) => x.name)).toEqual(['EXPOSURE', 'SHARPNESS', 'GLARE']);
    expect(worst(list)).toBe('FAIL');
    expect(worst([c('SHARPNESS', 'WARN'), c('GLARE', 'PASS')])).toBe('WARN');
    expect(worst([])).toBe('PASS');
    expect(findings(null)).toEqual([]);
  });
});

describe('summaryText', () => {
  it('says how many photos warned or failed, nothing when all passed', () => {
    expect(summaryText({ warnings: 2, fails: 0 })).toBe('2 warnings');
    expect(summaryText({ warnings: 1, fails: 0 })).toBe('1 warning');
    expect(summaryText({ warnings: 1, fails: 1 })).toBe('1 failed, 1 warning');
    expect(summaryText({ warnings: 0, fails: 0 })).toBe('');
    expect(summaryText(null)).toBe('');
  });
});

describe('approvalFindings', () => {
  it('lists every current photo’s findings, FAILs of any photo first, named by document', () => {
    const docs = [
      { name: 'Passport', checks: [c('SHARPNESS', 'WARN', 'The photo looks blurred.'), c('RESOLUTION', 'PASS')] },
      { name: 'Selfie', checks: [c('EXPOSURE', 'FAIL', 'The photo is too dark.')] },
      { name: 'ID card (back)', checks: null },
    ];
    const got = approvalFindings(docs, (d) => d.name);
    expect(got.map(findingText)).toEqual(['Selfie — Exposure failed: The photo is too dark.', 'Passport — Sharpness warning: The photo looks blurred.']);
  });

  it('is empty when every check passed', () => {
    expect(approvalFindings([{ checks: [c('SHARPNESS', 'PASS')] }], () => 'Passport')).toEqual([]);
  });
});

describe('checkLabel', () => {
  it('names known checks in words and shows unknown ones readably', () => {
    expect(checkLabel('DUPLICATE_ELSEWHERE')).toBe('Same photo in another case');
    expect(checkLabel('MRZ_CHECKSUM')).toBe('Mrz checksum');
  });
});
