#!/usr/bin/env node
// `pnpm run kyc-manual-review-example` (or `npm run …`, or yarn 1's `yarn run …`): installs what is missing, builds the
// two apps into the Go server, and runs it on the embedded SQLite database in ./data (kept
// between runs). Options: --postgres <url> (or DATABASE_URL), --port <n> (or PORT),
// --four-eyes approvals|all (or FOUR_EYES; default off). It also starts a tiny webhook receiver
// on 127.0.0.1:<port+1>, registers it for every event, and prints each signed delivery it gets.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
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

// The newest modification time (ms) of the files under the given paths (skipping build output).
function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (['node_modules', 'dist', '.vite', 'coverage'].includes(name) || name.endsWith('.tsbuildinfo')) continue;
        walk(join(p, name));
      }
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return newest;
}

function stamped(file, hash) {
  return existsSync(file) && readFileSync(file, 'utf8') === hash;
}

if (!has('go', ['version'])) {
  console.error('✖ Go is required: https://go.dev/dl/');
  process.exit(1);
}
// pnpm's version is pinned here (and in scripts/test-all.sh and .ci/run), not with package.json's
// packageManager field, which makes yarn 1 refuse to run any script: the installed pnpm when it is
// this version, else this version through npx.
const PNPM_VERSION = '12.4.2';
const pnpmVersion = () => spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: isWindows }).stdout?.trim();
const pnpm = has('pnpm') && pnpmVersion() === PNPM_VERSION ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
// npm and yarn pass their own settings to scripts as npm_config_* variables (yarn 1: its own
// registry); pnpm would take them for its own. It reads the user's .npmrc itself.
const pnpmEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
const pn = (...a) => {
  const r = spawnSync(pnpm[0], [...pnpm.slice(1), ...a], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
    env: { ...pnpmEnv, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (r.status !== 0) {
    console.error(`\n✖ ${pnpm.join(' ')} ${a.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}`);
    process.exit(r.status ?? 1);
  }
};

// 1. Node modules, only when the lockfile changed since the last install.
const lockHash = treeHash(['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml']);
const installStamp = join(root, 'node_modules', '.kyc-example-install');
if (!stamped(installStamp, lockHash)) {
  say('installing node modules (pnpm, from the lockfile)…');
  pn('install', '--frozen-lockfile');
  writeFileSync(installStamp, lockHash);
}

// 2. The apps, only when their sources changed since the last build.
// The GraphQL contract: graph/*.graphqls, split by area.
const schemaFiles = readdirSync(join(root, 'graph')).filter((f) => f.endsWith('.graphqls')).sort().map((f) => join('graph', f));
const appsHash = treeHash(['apps', ...schemaFiles, 'pnpm-lock.yaml']);
const buildStamp = join(root, 'server', 'web', 'dist', '.kyc-example-build');
const builtAt = ['kyc', 'backoffice'].map((a) => join(root, 'server', 'web', 'dist', a, 'index.html'));
const built = builtAt.every((f) => existsSync(f));
// Built since the sources last changed (e.g. by `pnpm -r build` in the test command): keep it.
const freshBuild = built && newestMtime(['apps', ...schemaFiles, 'pnpm-lock.yaml']) < Math.min(...builtAt.map((f) => statSync(f).mtimeMs));
if (freshBuild && !stamped(buildStamp, appsHash)) writeFileSync(buildStamp, appsHash);
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

// 4. A tiny webhook receiver next to the server, so a newcomer sees a webhook arrive. It verifies
// each delivery per the Standard Webhooks specification (what an integrator's endpoint does).
const dataDir = process.env.DATA_DIR ?? join(root, 'data');
const receiverPort = Number(port) + 1;
const receiverURL = `http://127.0.0.1:${receiverPort}/webhooks`;
// The signing secret is shown once, when the endpoint is registered: kept here for the next runs.
const secretFile = join(dataDir, 'example-webhook-secret');
let webhookSecret = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '';

/**
 * verifyWebhook checks a delivery's Standard Webhooks signature: base64 HMAC-SHA256, keyed with
 * the base64 bytes after "whsec_", of "<webhook-id>.<webhook-timestamp>.<raw body>", against each
 * "v1,<base64>" entry of webhook-signature; a timestamp more than 5 minutes off is refused (replays).
 */
function verifyWebhook(secret, headers, body, now = Date.now()) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!secret || !id || !timestamp || !signatures) return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, sig] = entry.split(',');
    if (version !== 'v1' || !sig) return false;
    const given = Buffer.from(sig, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const ok = verifyWebhook(webhookSecret, req.headers, body);
    let line = `webhook ${req.headers['webhook-id'] ?? '(no id)'}`;
    try {
      const { type, data } = JSON.parse(body);
      const ref = data?.externalId ? ` (externalId ${data.externalId})` : '';
      line = `webhook ${type} for case ${data?.caseId}${ref}`;
    } catch {
      /* not JSON: the line says so below */
    }
    console.log(`\x1b[35m⇠\x1b[0m ${line} (${ok ? 'signature ok' : 'signature INVALID: refused with 401'})`);
    // 2xx tells the server the delivery arrived; anything else makes it retry with backoff.
    res.writeHead(ok ? 204 : 401).end();
  });
});
const receiving = await new Promise((resolve) => {
  receiver.once('error', (e) => {
    console.log(`  (no webhook receiver: 127.0.0.1:${receiverPort} is taken: ${e.code ?? e.message})`);
    resolve(false);
  });
  receiver.listen(receiverPort, '127.0.0.1', () => resolve(true));
});

// 5. Run it.
const base = `http://localhost:${port}`;
const child = spawn(bin, [], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    ADDR: `:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseURL,
    PUBLIC_URL: process.env.PUBLIC_URL ?? base,
    KYC_REVIEWER_EMAIL: reviewer.email,
    KYC_REVIEWER_PASSWORD: reviewer.password,
    KYC_REVIEWER_NAME: process.env.KYC_REVIEWER_NAME ?? 'Demo Reviewer',
    FOUR_EYES: fourEyes,
    // The example's receiver is on 127.0.0.1: a demo only. Never set this in production (SSRF).
    WEBHOOK_ALLOW_PRIVATE: 'true',
  },
});
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopping = true;
    child.kill('SIGTERM');
    receiver.close();
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

/** graphql posts an operation as the signed-in demo reviewer (cookie) and returns its data. */
async function graphql(query, variables = {}, cookie = '') {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'GraphQL-Require-Preflight': '1', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return { data: body.data, cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

const EVENTS = ['case.submitted', 'case.approved', 'case.rejected', 'case.resubmission_requested', 'case.decision_proposed'];

/** registerReceiver signs in as the demo reviewer (an admin) and registers the receiver for every event, once. */
async function registerReceiver() {
  const { cookie } = await graphql('mutation($i:LoginInput!){ login(input:$i){ id } }', { i: reviewer });
  const { data } = await graphql('{ webhookEndpoints { id url } }', {}, cookie);
  const existing = data.webhookEndpoints.find((e) => e.url === receiverURL);
  if (existing && webhookSecret) return `the example's webhook receiver (${receiverURL}) is registered: deliveries show below`;
  if (existing) {
    // Registered by an earlier run whose secret is gone: without it nothing can be verified.
    await graphql('mutation($id:ID!){ deleteWebhookEndpoint(input:{id:$id}) }', { id: existing.id }, cookie);
  }
  const created = await graphql(
    'mutation($u:String!,$e:[String!]!){ createWebhookEndpoint(input:{url:$u, events:$e}){ secret endpoint{ id } } }',
    { u: receiverURL, e: EVENTS },
    cookie,
  );
  webhookSecret = created.data.createWebhookEndpoint.secret;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(secretFile, webhookSecret, { mode: 0o600 });
  return `registered the example's webhook receiver (${receiverURL}) for every event: deliveries show below`;
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
  if (receiving) {
    try {
      say(await registerReceiver());
    } catch (e) {
      say(`the webhook receiver could not be registered (${e.message}); add ${receiverURL} on the backoffice's Integrations page`);
    }
  }
  openBrowser(`${base}/kyc/`);
  openBrowser(`${base}/backoffice/`);
}
