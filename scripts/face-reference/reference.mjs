// Runs face-api itself (tfjs wasm backend) on its demo photos, with each of its two detectors,
// and writes what it finds (boxes, scores, 68 landmarks, the dlib-aligned crop box and the
// 128-d descriptor) to internal/face/testdata/reference.json, and copies the photos beside it,
// so that the Go port's reference test needs no Node.
// Run: pnpm --filter @kyc/face-reference reference
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, decode, decodeJpegJs, detectors, faceapi, here, init, photoPath, photos } from './common.mjs';

const testdata = join(here, '../../internal/face/testdata');
mkdirSync(join(testdata, 'photos'), { recursive: true });

const versions = await init();
const r = (v) => Math.round(v * 1e4) / 1e4;
const iou = (a, b) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.width * a.height + b.width * b.height - w * h);
};
const face = (f) => {
  const b = f.detection.box;
  const a = f.landmarks.align(null, { useDlibAlignment: true });
  return {
    score: f.detection.score,
    box: { x: b.x, y: b.y, width: b.width, height: b.height },
    alignedBox: { x: a.x, y: a.y, width: a.width, height: a.height },
    landmarks: f.landmarks.positions.map((p) => [r(p.x), r(p.y)]),
    descriptor: Array.from(f.descriptor, (v) => Math.round(v * 1e6) / 1e6),
  };
};

const out = {
  generator: 'scripts/face-reference/reference.mjs',
  ...versions,
  decoder: 'Go image/jpeg (decode.go)',
  detectors: Object.fromEntries(Object.entries(detectors).map(([name, options]) => {
    const o = options();
    return [name, name === 'ssdMobilenetv1' ? { minConfidence: o.minConfidence, maxResults: o.maxResults } : { inputSize: o.inputSize, scoreThreshold: o.scoreThreshold }];
  })),
  photos: [],
};
for (const name of photos) {
  copyFileSync(photoPath(name), join(testdata, 'photos', name));
  const tensor = decode(photoPath(name));
  const js = decodeJpegJs(photoPath(name)); // the same file decoded by jpeg-js instead
  const [height, width] = tensor.shape;
  const photo = { file: `photos/${name}`, width, height, jpegJs: {}, results: {} };
  for (const [detector, options] of Object.entries(detectors)) {
    const results = await analyse(tensor, options());
    const other = await analyse(js, options());
    // How far the JPEG decoder alone moves face-api's results.
    let minIoU = 1;
    let maxDistance = 0;
    for (const f of results) {
      const o = other.reduce((best, g) => (iou(g.detection.box, f.detection.box) > iou(best.detection.box, f.detection.box) ? g : best), other[0]);
      minIoU = Math.min(minIoU, o ? iou(o.detection.box, f.detection.box) : 0);
      maxDistance = Math.max(maxDistance, o ? faceapi.euclideanDistance(o.descriptor, f.descriptor) : Infinity);
    }
    photo.jpegJs[detector] = { faces: other.length, minIoU: r(minIoU), maxDistance: r(maxDistance) };
    photo.results[detector] = results.map(face);
    console.log(`${name} ${width}x${height} ${detector}: ${results.length} faces; jpeg-js instead: ${other.length} faces, min IoU ${r(minIoU)}, max distance ${r(maxDistance)}`);
  }
  tensor.dispose();
  js.dispose();
  out.photos.push(photo);
}
writeFileSync(join(testdata, 'reference.json'), `${JSON.stringify(out, null, 1)}\n`);
