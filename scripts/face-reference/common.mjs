// Shared set-up for reference.mjs and bench.mjs: face-api 1.7.15 on tfjs's wasm backend (no
// native binary), models from the installed package, photos decoded with jpeg-js into the
// int32 [height, width, 3] tensors face-api accepts in Node.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const here = dirname(fileURLToPath(import.meta.url));
export const faceapiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
export const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const jpeg = require('jpeg-js');

// The six demo photos face-api ships (taken by its author; see internal/face/testdata/README.md).
export const photos = [1, 2, 3, 4, 5, 6].map((i) => `sample${i}.jpg`);
export const photoPath = (name) => join(faceapiDir, 'demo', name);

// The two detectors with face-api's defaults: SSD MobileNet v1 (minConfidence 0.5, maxResults
// 100) and the tiny face detector (inputSize 416, scoreThreshold 0.5).
export const detectors = {
  ssdMobilenetv1: () => new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 }),
  tinyFaceDetector: () => new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }),
};

export async function init() {
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
  wasm.setWasmPaths(wasmDir);
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  const model = join(faceapiDir, 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(model);
  await faceapi.nets.tinyFaceDetector.loadFromDisk(model);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(model);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(model);
  return { backend: faceapi.tf.getBackend(), tfjs: faceapi.tf.version_core, faceapi: faceapi.version };
}

// decode returns the photo as an int32 tensor [height, width, 3], decoded by Go's image/jpeg
// (decode.go) — the pixels internal/face sees — so that face-api and the port get the same input.
export function decode(file) {
  const out = execFileSync('go', ['run', join(here, 'decode.go'), file], { maxBuffer: 1 << 27 });
  const nl = out.indexOf(10);
  const [width, height] = out.subarray(0, nl).toString().split(' ').map(Number);
  return faceapi.tf.tensor3d(Int32Array.from(out.subarray(nl + 1)), [height, width, 3], 'int32');
}

// decodeJpegJs returns the photo decoded by jpeg-js, a pure-JS decoder, to measure how much the
// choice of JPEG decoder alone moves the results.
export function decodeJpegJs(file) {
  const { width, height, data } = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: false });
  return faceapi.tf.tensor3d(Int32Array.from(data), [height, width, 3], 'int32');
}

// analyse is the full pipeline the Go port reproduces: detect, 68 landmarks, 128-d descriptor.
export function analyse(tensor, options) {
  return faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
}
