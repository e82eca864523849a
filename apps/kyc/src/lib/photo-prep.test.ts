import { describe, expect, it } from 'vitest';
import { BLACK_MEAN, fitInside, localChecks, lumaStats, MIN_LONG_SIDE, targetSize } from './photo-prep';

const limits = { maxUploadBytes: 10 * 1024 * 1024, maxPixels: 25_000_000 };

/** rgba makes n pixels of the given grey levels, repeated. */
function rgba(n: number, ...greys: number[]): Uint8ClampedArray {
  const a = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const g = greys[i % greys.length];
    a.set([g, g, g, 255], i * 4);
  }
  return a;
}

describe('targetSize', () => {
  it('leaves a photo within the limits as it is', () => {
    expect(targetSize({ width: 4000, height: 3000 }, 4_000_000, limits)).toBeNull();
  });

  it('scales a 50-megapixel photo down to the pixel limit, keeping its proportions', () => {
    const t = targetSize({ width: 8160, height: 6120 }, 9_000_000, limits)!;
    expect(t.width * t.height).toBeLessThanOrEqual(limits.maxPixels);
    expect(t.width * t.height).toBeGreaterThan(limits.maxPixels * 0.99);
    expect(t.width / t.height).toBeCloseTo(8160 / 6120, 2);
  });

  it('scales a file over the byte limit down by the square root of the excess, with a margin', () => {
    const t = targetSize({ width: 6000, height: 4000 }, 20 * 1024 * 1024, limits)!;
    expect(t.width).toBe(Math.floor(6000 * Math.sqrt(0.4)));
    expect(t.height).toBe(Math.floor(4000 * Math.sqrt(0.4)));
  });

  it(`never goes below ${MIN_LONG_SIDE} px on the long side`, () => {
    const t = targetSize({ width: 3000, height: 4000 }, 200 * 1024 * 1024, limits)!;
    expect(t).toEqual({ width: 1500, height: MIN_LONG_SIDE });
  });

  it('never scales up, nor a photo already at or under the floor', () => {
    expect(targetSize({ width: 2000, height: 1500 }, 50 * 1024 * 1024, limits)).toBeNull();
    expect(targetSize({ width: 1200, height: 900 }, 50 * 1024 * 1024, limits)).toBeNull();
  });
});

describe('lumaStats', () => {
  it('measures mean and spread of brightness', () => {
    expect(lumaStats(rgba(100, 0, 200))).toEqual({ mean: 100, stdDev: 100 });
    const flat = lumaStats(rgba(10, 128));
    expect(flat.mean).toBeCloseTo(128, 6);
    expect(flat.stdDev).toBeCloseTo(0, 3);
  });

  it('weighs green over red over blue, as the eye does', () => {
    const px = (r: number, g: number, b: number) => lumaStats(Uint8ClampedArray.from([r, g, b, 255])).mean;
    expect(px(0, 255, 0)).toBeGreaterThan(px(255, 0, 0));
    expect(px(255, 0, 0)).toBeGreaterThan(px(0, 0, 255));
  });

  it('is zero for no pixels', () => {
    expect(lumaStats([])).toEqual({ mean: 0, stdDev: 0 });
  });
});

describe('localChecks', () => {
  const lit = { mean: 140, stdDev: 50 };
  it('passes a sharp, lit, large photo', () => {
    expect(localChecks({ width: 1600, height: 1200 }, lit, true)).toEqual([]);
    expect(localChecks({ width: 1200, height: 1600 }, lit, false)).toEqual([]);
  });

  it('fails a tiny image, and a document too small to read (a selfie of that size is fine)', () => {
    expect(localChecks({ width: 10, height: 10 }, lit, false)).toEqual([{ name: 'RESOLUTION', outcome: 'FAIL', detail: 'too small' }]);
    expect(localChecks({ width: 800, height: 500 }, lit, true)).toEqual([{ name: 'RESOLUTION', outcome: 'FAIL', detail: 'too small' }]);
    expect(localChecks({ width: 800, height: 500 }, lit, false)).toEqual([]);
  });

  it('fails a black, a white and a one-colour photo', () => {
    const size = { width: 1600, height: 1200 };
    expect(localChecks(size, { mean: 5, stdDev: 2 }, true)).toEqual([{ name: 'EXPOSURE', outcome: 'FAIL', detail: 'too dark' }]);
    expect(localChecks(size, { mean: 252, stdDev: 3 }, true)).toEqual([{ name: 'EXPOSURE', outcome: 'FAIL', detail: 'too bright' }]);
    expect(localChecks(size, { mean: 120, stdDev: 2 }, false)).toEqual([{ name: 'EXPOSURE', outcome: 'FAIL', detail: 'uniform' }]);
  });

  it('leaves a dim but visible photo to the server', () => {
    expect(localChecks({ width: 1600, height: 1200 }, { mean: BLACK_MEAN + 15, stdDev: 20 }, true)).toEqual([]);
  });

  it('says nothing of brightness when it could not be measured', () => {
    expect(localChecks({ width: 1600, height: 1200 }, null, true)).toEqual([]);
  });
});

describe('fitInside', () => {
  it('shrinks to the side, keeping proportions, and never grows', () => {
    expect(fitInside({ width: 1600, height: 1200 }, 64)).toEqual({ width: 64, height: 48 });
    expect(fitInside({ width: 30, height: 20 }, 64)).toEqual({ width: 30, height: 20 });
  });
});
