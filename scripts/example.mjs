#!/usr/bin/env node
// `pnpm run kyc-manual-review-example` (or `npm run …`): installs what is missing, builds the
// two apps into the Go server, and runs it on the embedded SQLite database in ./data (kept
// between runs). Options: --postgres <url> (or DATABASE_URL), --port <n> (or PORT),
// --four-eyes approvals|all (or FOUR_EYES; default off).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = opt('--port') ?? process.env.PORT ?? '8080';
const databaseURL = opt('--postgres') ?? process.env.DATABASE_URL ?? '';
// --four-eyes approvals|all: decisions need a second reviewer (default off: one reviewer decides).
const fourEyes = opt('--four-eyes') ?? process.env.FOUR_EYES ?? 'off';
const reviewer = {
  email: process.env.KYC_REVIEWER_EMAIL ?? 'reviewer@example.com',
  password: process.env.KYC_REVIEWER_PASSWORD ?? 'kyc-demo-password',
};
const isWindows = process.platform === 'win32';

function say(msg) {
  console.log(`\x1b[36m▸\x1b[0m ${msg}`);
}

function run(cmd, cmdArgs, extraEnv = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: isWindows, env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${cmdArgs.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(r.status ?? 1);
  }
}

function has(cmd, cmdArgs = ['--version']) {
  return spawnSync(cmd, cmdArgs, { stdio: 'ignore', shell: isWindows }).status === 0;
}

// Hash of the files under the given paths (skipping build output), to skip work already done.
function treeHash(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (['node_modules', 'dist', '.vite', 'coverage'].includes(name) || name.endsWith('.tsbuildinfo')) continue;
        walk(join(p, name));
      }
    } else {
      h.update(relative(root, p)).update('\0').update(readFileSync(p));
    }
  };
  paths.forEach((p) => walk(join(root, p)));
  return h.digest('hex');
}

function stamped(file, hash) {
  return existsSync(file) && readFileSync(file, 'utf8') === hash;
}

if (!has('go', ['version'])) {
  console.error('✖ Go is required: https://go.dev/dl/');
  process.exit(1);
}
const pnpm = has('pnpm') ? ['pnpm'] : ['npx', '--yes', 'pnpm@12.4.2'];
const pn = (...a) => run(pnpm[0], [...pnpm.slice(1), ...a], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });

// 1. Node modules, only when the lockfile changed since the last install.
const lockHash = treeHash(['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml']);
const installStamp = join(root, 'node_modules', '.kyc-example-install');
if (!stamped(installStamp, lockHash)) {
  say('installing node modules (pnpm, from the lockfile)…');
  pn('install', '--frozen-lockfile');
  writeFileSync(installStamp, lockHash);
}

// 2. The apps, only when their sources changed since the last build.
const appsHash = treeHash(['apps', 'graph/schema.graphqls', 'pnpm-lock.yaml']);
const buildStamp = join(root, 'server', 'web', 'dist', '.kyc-example-build');
const built = ['kyc', 'backoffice'].every((a) => existsSync(join(root, 'server', 'web', 'dist', a, 'index.html')));
if (!built || !stamped(buildStamp, appsHash)) {
  say('building the KYC app and the backoffice…');
  pn('-r', 'build');
  mkdirSync(dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, appsHash);
}

// 3. The server (Go's build cache makes a second run quick).
say('building the server…');
const bin = join(root, 'bin', isWindows ? 'kyc-server.exe' : 'kyc-server');
run('go', ['build', '-o', bin, './server']);

// 4. Run it.
const base = `http://localhost:${port}`;
const child = spawn(bin, [], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    ADDR: `:${port}`,
    DATA_DIR: process.env.DATA_DIR ?? join(root, 'data'),
    DATABASE_URL: databaseURL,
    PUBLIC_URL: process.env.PUBLIC_URL ?? base,
    KYC_REVIEWER_EMAIL: reviewer.email,
    KYC_REVIEWER_PASSWORD: reviewer.password,
    KYC_REVIEWER_NAME: process.env.KYC_REVIEWER_NAME ?? 'Demo Reviewer',
    FOUR_EYES: fourEyes,
  },
});
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopping = true;
    child.kill('SIGTERM');
  });
}
child.on('exit', (code) => {
  if (stopping) console.log('\nStopped. Your data is kept in ./data for the next run.');
  process.exit(stopping ? 0 : (code ?? 1));
});

async function ready() {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function openBrowser(url) {
  const cmd =
    process.platform === 'darwin' ? 'open' : isWindows ? 'start' : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open' : null;
  if (!cmd || process.env.CI || process.env.KYC_NO_BROWSER) return;
  try {
    const p = spawn(cmd, isWindows ? ['""', url] : [url], { stdio: 'ignore', detached: true, shell: isWindows });
    p.on('error', () => {});
    p.unref();
  } catch {
    /* no desktop browser: the links are printed */
  }
}

if (await ready()) {
  console.log(`
  KYC Manual Review is running ${databaseURL ? 'on PostgreSQL' : 'on SQLite in ./data'}.

    KYC app (applicants)     ${base}/kyc/
    Backoffice (reviewers)   ${base}/backoffice/
        sign in as ${reviewer.email} / ${reviewer.password}
    GraphQL Playground       ${base}/playground

  Press Ctrl-C to stop.
`);
  openBrowser(`${base}/kyc/`);
  openBrowser(`${base}/backoffice/`);
}
