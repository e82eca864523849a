// Copies the pretrained weights internal/face needs (tfjs weight manifests and their .bin shards)
// from the installed @vladmandic/face-api into internal/face/models/, where go:embed picks them
// up at `go build`. The weights are not committed: they come from npm like the apps' dist/.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const src = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const dst = join(dirname(fileURLToPath(import.meta.url)), '../../internal/face/models');
const models = ['ssd_mobilenetv1_model', 'tiny_face_detector_model', 'face_landmark_68_model', 'face_recognition_model'];

mkdirSync(dst, { recursive: true });
for (const m of models) {
  const manifest = `${m}-weights_manifest.json`;
  copyFileSync(join(src, manifest), join(dst, manifest));
  for (const group of JSON.parse(readFileSync(join(src, manifest), 'utf8'))) {
    for (const p of group.paths) copyFileSync(join(src, p), join(dst, p));
  }
}
console.log(`face models: ${models.length} copied to internal/face/models`);
