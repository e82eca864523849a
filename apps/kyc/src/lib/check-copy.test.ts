import { describe, expect, it } from 'vitest';
import { de } from '@/i18n/locales/de';
import { en } from '@/i18n/locales/en';
import { es } from '@/i18n/locales/es';
import { fr } from '@/i18n/locales/fr';
import { CHECK_KEYS, checkLines, exposureWay, keyFor, stepRefusal, verdict, type PhotoCheck } from './check-copy';

const pass = (name: string): PhotoCheck => ({ name, outcome: 'PASS' });
const warn = (name: string, more: Partial<PhotoCheck> = {}): PhotoCheck => ({ name, outcome: 'WARN', ...more });
const fail = (name: string, more: Partial<PhotoCheck> = {}): PhotoCheck => ({ name, outcome: 'FAIL', ...more });

describe('verdict', () => {
  it('is ok when every check passed, or there are none', () => {
    expect(verdict([pass('RESOLUTION'), pass('SHARPNESS')])).toBe('ok');
    expect(verdict([])).toBe('ok');
    expect(verdict(undefined)).toBe('ok');
  });

  it('is the worst outcome', () => {
    expect(verdict([pass('RESOLUTION'), warn('SHARPNESS')])).toBe('warn');
    expect(verdict([warn('SHARPNESS'), fail('EXPOSURE'), pass('GLARE')])).toBe('fail');
  });

  it('never counts DUPLICATE_ELSEWHERE (a reviewer-only check)', () => {
    expect(verdict([pass('SHARPNESS'), warn('DUPLICATE_ELSEWHERE')])).toBe('ok');
    expect(verdict([fail('DUPLICATE_ELSEWHERE')])).toBe('ok');
  });
});

describe('keyFor', () => {
  it('names a message per check', () => {
    expect(keyFor(fail('RESOLUTION'), false)).toBe('checks.RESOLUTION');
    expect(keyFor(warn('SHARPNESS'), false)).toBe('checks.SHARPNESS');
    expect(keyFor(warn('GLARE'), false)).toBe('checks.GLARE');
  });

  it('speaks of the face, not the text, for a blurry selfie', () => {
    expect(keyFor(warn('SHARPNESS'), true)).toBe('checks.SHARPNESS_selfie');
    expect(keyFor(warn('FACE'), true)).toBe('checks.FACE_selfie');
    expect(keyFor(warn('FACE'), false)).toBe('checks.FACE');
  });

  it('asks for a new photo when the same one answers a resubmission request (FAIL), and only warns otherwise', () => {
    expect(keyFor(fail('SAME_AS_PREVIOUS'), false)).toBe('checks.SAME_AS_PREVIOUS_FAIL');
    expect(keyFor(warn('SAME_AS_PREVIOUS'), false)).toBe('checks.SAME_AS_PREVIOUS');
  });

  it('gives a check it does not know the generic line', () => {
    expect(keyFor(warn('MRZ_CHECKSUM'), false)).toBe('checks.other');
  });
});

describe('exposureWay', () => {
  it('reads the direction from the detail, else from the mean brightness', () => {
    expect(exposureWay(fail('EXPOSURE', { detail: 'The photo is too dark.', score: 0.9 }))).toBe('dark');
    expect(exposureWay(warn('EXPOSURE', { detail: 'The photo is washed out.' }))).toBe('bright');
    expect(exposureWay(fail('EXPOSURE', { detail: 'The photo is nearly uniform: one flat colour.' }))).toBe('uniform');
    expect(exposureWay(warn('EXPOSURE', { score: 0.08 }))).toBe('dark');
    expect(exposureWay(warn('EXPOSURE', { score: 0.93 }))).toBe('bright');
    expect(exposureWay(warn('EXPOSURE'))).toBe('dark');
  });
});

describe('checkLines', () => {
  it('lists FAILs before WARNs, passes and hidden checks left out', () => {
    const lines = checkLines([warn('SHARPNESS'), pass('RESOLUTION'), warn('DUPLICATE_ELSEWHERE'), fail('EXPOSURE', { detail: 'too dark' })], false);
    expect(lines).toEqual([
      { key: 'checks.EXPOSURE_dark', outcome: 'FAIL' },
      { key: 'checks.SHARPNESS', outcome: 'WARN' },
    ]);
  });

  it('says the generic line once for several unknown checks', () => {
    expect(checkLines([warn('A_NEW_CHECK'), warn('ANOTHER_ONE')], false)).toEqual([{ key: 'checks.other', outcome: 'WARN' }]);
  });

  it('is empty for a good photo, and never mentions a duplicate in another case', () => {
    expect(checkLines([pass('SHARPNESS'), pass('EXPOSURE')], false)).toEqual([]);
    expect(checkLines([warn('DUPLICATE_ELSEWHERE')], true)).toEqual([]);
  });
});

describe('messages', () => {
  const words = (catalog: typeof en, key: string) => (catalog.checks as Record<string, string>)[key.replace(/^checks\./, '')];

  it('has every message in English, German, French and Spanish', () => {
    for (const catalog of [en, de, fr, es]) {
      for (const key of CHECK_KEYS) expect(words(catalog, key), key).toMatch(/\S/);
    }
  });

  it('says in plain words what is wrong and what to do', () => {
    const say = (c: PhotoCheck, selfie = false) => checkLines([c], selfie).map((l) => words(en, l.key));
    expect(say(warn('SHARPNESS'))).toEqual(['Your photo looks blurry — the text must be readable.']);
    expect(say(fail('EXPOSURE', { detail: 'The photo is too dark.' }))).toEqual(['Your photo is too dark — take it in better light.']);
    expect(say(warn('GLARE'))[0]).toMatch(/glare/);
    expect(say(fail('RESOLUTION'))[0]).toMatch(/too small/);
    expect(say(fail('SAME_AS_PREVIOUS'))).toEqual(['This is the same photo as before — please take a new one.']);
    expect(say(warn('SHARPNESS'), true)[0]).toMatch(/your face must be sharp/);
    expect(say(warn('SOMETHING_NEW'))).toEqual(['Something about your photo may make it hard to check.']);
  });
});

describe('stepRefusal', () => {
  const good = { id: 'a', checks: [pass('SHARPNESS')] };
  const blurry = { id: 'b', checks: [warn('SHARPNESS')] };
  const black = { id: 'c', checks: [fail('EXPOSURE')] };
  const elsewhere = { id: 'd', checks: [warn('DUPLICATE_ELSEWHERE')] };

  it('lets a good photo, or none, through', () => {
    expect(stepRefusal([good, undefined], new Set())).toBeNull();
    expect(stepRefusal([], new Set())).toBeNull();
    expect(stepRefusal([elsewhere], new Set())).toBeNull();
  });

  it('holds a photo with warnings until the applicant chose to use it', () => {
    expect(stepRefusal([good, blurry], new Set())).toBe('checks.confirmFirst');
    expect(stepRefusal([good, blurry], new Set(['b']))).toBeNull();
  });

  it('always holds a failed photo, accepted or not', () => {
    expect(stepRefusal([black], new Set(['c']))).toBe('checks.mustRetake');
    expect(stepRefusal([blurry, black], new Set(['b']))).toBe('checks.mustRetake');
  });
});
