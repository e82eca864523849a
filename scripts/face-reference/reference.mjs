// Runs face-api itself (tfjs wasm backend) on its demo photos and writes what it finds (boxes,
// scores, 68 landmarks, the dlib-aligned crop box and the 128-d descriptor) to
// internal/face/testdata/reference.json, and copies the photos beside it, so that the Go port's
// reference test needs no Node. Run: pnpm --filter @kyc/face-reference reference
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, faceapi, decode, decodeJpegJs, detectorOptions, here, init, photoPath, photos } from './common.mjs';

const testdata = join(here, '../../internal/face/testdata');
mkdirSync(join(testdata, 'photos'), { recursive: true });

const versions = await init();
const r = (v) => Math.round(v * 1e4) / 1e4;
const { minConfidence, maxResults } = detectorOptions();
const out = {
  generator: 'scripts/face-reference/reference.mjs',
  ...versions,
  decoder: 'Go image/jpeg (decode.go)',
  detector: 'ssdMobilenetv1',
  options: { minConfidence, maxResults },
  photos: [],
};
const iou = (a, b) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.width * a.height + b.width * b.height - w * h);
};
for (const name of photos) {
  copyFileSync(photoPath(name), join(testdata, 'photos', name));
  const tensor = decode(photoPath(name));
  const [height, width] = tensor.shape;
  const results = await analyse(tensor);
  tensor.dispose();
  // The same photo decoded by jpeg-js instead: how far the decoder alone moves face-api.
  const js = decodeJpegJs(photoPath(name));
  const other = await analyse(js);
  js.dispose();
  let decoderMinIoU = 1;
  let decoderMaxDistance = 0;
  for (const f of results) {
    const o = other.reduce((best, g) => (iou(g.detection.box, f.detection.box) > iou(best.detection.box, f.detection.box) ? g : best), other[0]);
    decoderMinIoU = Math.min(decoderMinIoU, o ? iou(o.detection.box, f.detection.box) : 0);
    decoderMaxDistance = Math.max(decoderMaxDistance, o ? faceapi.euclideanDistance(o.descriptor, f.descriptor) : Infinity);
  }
  out.photos.push({
    file: `photos/${name}`,
    width,
    height,
    jpegJs: { faces: other.length, minIoU: r(decoderMinIoU), maxDistance: r(decoderMaxDistance) },
    faces: results.map((f) => {
      const b = f.detection.box;
      const a = f.landmarks.align(null, { useDlibAlignment: true });
      return {
        score: f.detection.score,
        box: { x: b.x, y: b.y, width: b.width, height: b.height },
        alignedBox: { x: a.x, y: a.y, width: a.width, height: a.height },
        landmarks: f.landmarks.positions.map((p) => [r(p.x), r(p.y)]),
        descriptor: Array.from(f.descriptor, (v) => Math.round(v * 1e6) / 1e6),
      };
    }),
  });
  console.log(`${name} ${width}x${height}: ${results.length} faces; jpeg-js instead: ${other.length} faces, min IoU ${r(decoderMinIoU)}, max distance ${r(decoderMaxDistance)}`);
}
writeFileSync(join(testdata, 'reference.json'), `${JSON.stringify(out, null, 1)}\n`);
