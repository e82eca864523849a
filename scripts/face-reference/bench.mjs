// Times face-api (tfjs wasm backend, SIMD, one thread) and the Go port on the same photos in
// the same sitting: detection + landmarks + descriptors of every face, per detector, decode
// excluded. Node: the median of `runs` timed runs after a warm-up, wall and CPU time of this
// process. Go: `go test -bench Detect` with GOMAXPROCS=1. Prints a markdown table for
// bench/face.md. Run: pnpm --filter @kyc/face-reference bench [runs]
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { analyse, decode, detectors, here, init, photoPath, photos } from './common.mjs';

const runs = Number(process.argv[2] || 5);
const versions = await init();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = {};
for (const name of photos) {
  const tensor = decode(photoPath(name));
  for (const [detector, options] of Object.entries(detectors)) {
    await analyse(tensor, options()); // warm-up: compiles the kernels
    const wall = [];
    const cpu = [];
    let faces = 0;
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      faces = (await analyse(tensor, options())).length;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    node[`${detector}/${name.replace('.jpg', '')}`] = { wall: median(wall), cpu: median(cpu), faces };
  }
  tensor.dispose();
}

const root = join(here, '../..');
const out = execFileSync('go', ['test', '-run', '^$', '-bench', 'Detect', '-cpu', '1', '-benchtime', `${runs}x`, './internal/face/'], {
  cwd: root,
  env: { ...process.env, GOMAXPROCS: '1' },
  encoding: 'utf8',
});
const go = {};
for (const m of out.matchAll(/^BenchmarkDetect\/(\S+?)\s+\d+\s+(\d+) ns\/op\s+([\d.]+) faces/gm)) {
  go[m[1]] = { ms: Number(m[2]) / 1e6, faces: Number(m[3]) };
}

console.log(`face-api ${versions.faceapi}, tfjs ${versions.tfjs} ${versions.backend} (SIMD, 1 thread), Node ${process.version}; Go ${execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim()} GOMAXPROCS=1; ${cpus()[0].model}; ${runs} runs each, median (Node), mean (Go)\n`);
console.log('| detector / photo | faces | Node wall ms | Node CPU ms | Go ms (1 core) | Go ÷ Node CPU |');
console.log('|---|---|---|---|---|---|');
for (const [key, n] of Object.entries(node)) {
  const g = go[key];
  const ratio = g ? (g.ms / n.cpu).toFixed(2) : '?';
  console.log(`| ${key} | ${n.faces}${g && g.faces !== n.faces ? ` (Go ${g.faces})` : ''} | ${n.wall.toFixed(0)} | ${n.cpu.toFixed(0)} | ${g ? g.ms.toFixed(0) : '?'} | ${ratio} |`);
}
