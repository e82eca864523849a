/**
 * Photo preparation before upload: what the browser can tell at once about a picture (its size and
 * brightness), and how far to scale down a camera or gallery photo that is over the server's limits
 * instead of refusing it. The decisions are pure functions (tested in photo-prep.test.ts); the
 * browser part (decode with createImageBitmap, measure and re-encode on a canvas) is preparePhoto.
 *
 * The server checks every upload again (Document.checks); these local checks only catch what it
 * would refuse or fail anyway, so the applicant is told before waiting for an upload.
 */

/** The server's upload limits (the `limits` query, client.limits in the SDK). */
export interface PhotoLimits {
  maxUploadBytes: number;
  maxPixels: number;
}

/** A downscaled photo keeps at least this long side (in pixels): enough for the reviewer to read. */
export const MIN_LONG_SIDE = 2000;
/** The server refuses images whose shorter side is below this. */
export const REFUSED_SHORT_SIDE = 200;
/** The server fails identity-document photos whose shorter side is below this (RESOLUTION). */
export const DOCUMENT_MIN_SHORT_SIDE = 600;
/** Mean brightness (0–255) below which a photo is all but black: nothing on it can be seen. */
export const BLACK_MEAN = 20;
/** Mean brightness above which, with little contrast, a photo is all but white. */
export const WHITE_MEAN = 245;
/** Standard deviation of brightness below which a photo is near-uniform: one flat colour. */
export const UNIFORM_STDDEV = 6;
/** Side of the small copy the brightness is measured on. */
export const SAMPLE_SIDE = 64;
/** JPEG qualities tried, best first, when a downscaled photo must also fit the byte limit. */
export const JPEG_QUALITIES = [0.9, 0.8, 0.7] as const;

/** A local finding, named like the server's checks so that both read the same to the applicant. */
export interface LocalCheck {
  name: 'RESOLUTION' | 'EXPOSURE';
  outcome: 'FAIL';
  /** detail says which way: "too small", "too dark", "too bright", "uniform". */
  detail: 'too small' | 'too dark' | 'too bright' | 'uniform';
}

export interface Size {
  width: number;
  height: number;
}

/**
 * targetSize is the size to scale a width×height photo of `bytes` bytes down to so that it fits the
 * limits, or null when it fits as it is. It never scales up, and never below MIN_LONG_SIDE on the
 * long side (a photo that still does not fit at that size is sent and the server says so).
 */
export function targetSize({ width, height }: Size, bytes: number, limits: PhotoLimits): Size | null {
  let scale = 1;
  if (width * height > limits.maxPixels) scale = Math.sqrt(limits.maxPixels / (width * height));
  // A JPEG's size grows about with its pixel count; aim a little under the limit.
  if (bytes > limits.maxUploadBytes) scale = Math.min(scale, Math.sqrt((limits.maxUploadBytes * 0.8) / bytes));
  if (scale >= 1) return null;
  const long = Math.max(width, height);
  if (long <= MIN_LONG_SIDE) return null;
  scale = Math.max(scale, MIN_LONG_SIDE / long);
  // Rounding down keeps the pixel count within the limit.
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

export interface LumaStats {
  /** mean brightness, 0–255 */
  mean: number;
  /** standard deviation of brightness */
  stdDev: number;
}

/** lumaStats measures the brightness of RGBA pixels (Rec. 601 weights), e.g. a canvas's ImageData. */
export function lumaStats(rgba: ArrayLike<number>): LumaStats {
  const n = Math.floor(rgba.length / 4);
  if (n === 0) return { mean: 0, stdDev: 0 };
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const y = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
    sum += y;
    sq += y * y;
  }
  const mean = sum / n;
  return { mean, stdDev: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

/**
 * localChecks is what can be said before uploading a photo of that size and brightness: only what
 * the server would refuse or fail (a photo that passes here may still get a server warning).
 * isDocument: an identity document (not the selfie), which needs more pixels to be readable.
 */
export function localChecks(size: Size, luma: LumaStats | null, isDocument: boolean): LocalCheck[] {
  const out: LocalCheck[] = [];
  const short = Math.min(size.width, size.height);
  if (short < REFUSED_SHORT_SIDE || (isDocument && short < DOCUMENT_MIN_SHORT_SIDE)) {
    out.push({ name: 'RESOLUTION', outcome: 'FAIL', detail: 'too small' });
  }
  if (luma) {
    if (luma.mean < BLACK_MEAN) out.push({ name: 'EXPOSURE', outcome: 'FAIL', detail: 'too dark' });
    else if (luma.mean > WHITE_MEAN && luma.stdDev < UNIFORM_STDDEV * 2) out.push({ name: 'EXPOSURE', outcome: 'FAIL', detail: 'too bright' });
    else if (luma.stdDev < UNIFORM_STDDEV) out.push({ name: 'EXPOSURE', outcome: 'FAIL', detail: 'uniform' });
  }
  return out;
}

/** PreparedPhoto is the file to upload (the original, or a downscaled JPEG) and what was found. */
export interface PreparedPhoto {
  file: File;
  /** checks: local findings; any of them means the photo is not worth uploading. */
  checks: LocalCheck[];
  /** original and sent sizes, when the photo could be decoded. */
  original?: Size;
  sent?: Size;
}

/**
 * preparePhoto decodes the file in the browser, measures it, and downscales it (as a JPEG) when it
 * is over the limits. A file the browser cannot decode is returned as it is: the server decides.
 */
export async function preparePhoto(file: File, limits: PhotoLimits, isDocument: boolean): Promise<PreparedPhoto> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return { file, checks: [] };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { file, checks: [] };
  }
  try {
    const original = { width: bitmap.width, height: bitmap.height };
    const sample = draw(bitmap, fitInside(original, SAMPLE_SIDE));
    const luma = sample ? lumaStats(sample.getContext('2d')!.getImageData(0, 0, sample.width, sample.height).data) : null;
    const checks = localChecks(original, luma, isDocument);
    if (checks.length > 0) return { file, checks, original, sent: original };
    const target = targetSize(original, file.size, limits);
    if (!target) return { file, checks, original, sent: original };
    const canvas = draw(bitmap, target);
    if (!canvas) return { file, checks, original, sent: original };
    let blob: Blob | null = null;
    for (const q of JPEG_QUALITIES) {
      blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', q));
      if (blob && blob.size <= limits.maxUploadBytes) break;
    }
    if (!blob) return { file, checks, original, sent: original };
    const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
    return { file: new File([blob], name, { type: 'image/jpeg' }), checks, original, sent: target };
  } finally {
    bitmap.close();
  }
}

/** fitInside is the size of a copy no larger than side × side with the same proportions. */
export function fitInside({ width, height }: Size, side: number): Size {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function draw(bitmap: ImageBitmap, { width, height }: Size): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}
