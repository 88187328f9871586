#!/usr/bin/env node
// The web console's speed, measured in Debian's Chromium (playwright-core, never a downloaded browser):
//
//  1. the login page's initial JavaScript: every script the browser loads for /login (network events),
//     as sent and gzipped (zlib level 9, as the API itself sends them), beside the gzip sizes of the
//     built files (dist/web/assets) — target ≤ 250 KB gzipped;
//  2. time from navigation to the ministry dashboard's first figures (the summary tiles rendered with
//     numbers), for a signed-in officer against the demo data — target ≤ 1.5 s. Each run is a fresh
//     browser context (empty cache), measured in the page: performance.now() when the first tile value
//     appears, i.e. milliseconds since navigation start.
//
//   npm run bench:web                      # builds if needed, starts its own API on the demo data
//   npm run bench:web -- --url http://localhost:3000   # against a running `npm start`
//   options: --runs 7  --database-url postgres://postgres@127.0.0.1:5432/jalin_web_speed  --fresh (drop it first)
//            --email petugas@kemenperin.demo.jalin.id --password jalin-demo-2026
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { parseFlags } from './lib.mjs';

const f = parseFlags();
const ROOT = process.cwd();
const RUNS = Number(f.runs ?? 7);
const EMAIL = f.email ?? 'petugas@kemenperin.demo.jalin.id';
const PASSWORD = f.password ?? 'jalin-demo-2026';
// The same executable and flags as the browser tests (test/support/chromium.json).
const launchConfig = JSON.parse(readFileSync(join(ROOT, 'test/support/chromium.json'), 'utf8'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? launchConfig.executable;
const ARGS = launchConfig.args;
const LOGIN_BUDGET = 250_000;
const DASHBOARD_BUDGET_MS = 1500;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install chromium (never download a browser)`);
  process.exit(1);
}

let apiProc = null;
let base = f.url;
if (!base) base = await startOwnApi();

try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const login = await measureLogin(browser);
    const dash = await measureDashboard(browser);
    report(login, dash);
  } finally {
    await browser.close();
  }
} finally {
  if (apiProc) {
    apiProc.kill('SIGTERM');
    await new Promise((r) => apiProc.once('exit', r));
  }
}

/** Builds what is missing, makes (once) a database with the demo data, and runs the built API on a free port. */
async function startOwnApi() {
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js'))) run('npm', ['run', '--silent', 'build']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!existsSync(join(ROOT, 'dist/web/index.html')))
    run('npm', ['run', '--silent', pkg.scripts?.['build:web'] ? 'build:web' : 'build']);
  const dbUrl = f['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/jalin_web_speed';
  const u = new URL(dbUrl);
  const name = decodeURIComponent(u.pathname.slice(1));
  const adminUrl = new URL(dbUrl);
  adminUrl.pathname = '/postgres';
  const c = new pg.Client({ connectionString: adminUrl.toString() });
  await c.connect();
  if (f.fresh) await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount)
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await c.end();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  apiProc = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      REDIS_PREFIX: process.env.REDIS_PREFIX ?? 'jalin-web-speed',
      SEED_DEMO_ON_EMPTY: 'true',
      ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@jalin.local',
      ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'admin-jalin-2026',
      LOGIN_LIMIT_PER_IP: '10000',
      LOG_LEVEL: 'warn',
    },
  });
  for (;;) {
    if (apiProc.exitCode !== null) throw new Error(`the API exited with ${apiProc.exitCode}`);
    const ok = await fetch(`${url}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() - started > 180_000) throw new Error('the API did not get ready within 3 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`API on ${url} (database ${name}, demo data) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return url;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Scripts Chromium loads for /login in a fresh context, with their on-the-wire and gzipped sizes. */
async function measureLogin(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const res = await req.response();
    if (!res) return;
    const [sizes, body] = await Promise.all([req.sizes(), res.body()]);
    scripts.push({
      url: new URL(req.url()).pathname,
      wire: sizes.responseBodySize,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      encoding: res.headers()['content-encoding'] ?? 'identity',
    });
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: /Masuk|Sign in/ }).waitFor({ state: 'visible' });
  await new Promise((r) => setTimeout(r, 300));
  await context.close();
  scripts.sort((a, b) => b.gzip - a.gzip);

  const assets = join(ROOT, 'dist/web/assets');
  const built = existsSync(assets)
    ? readdirSync(assets)
        .filter((n) => n.endsWith('.js'))
        .map((n) => {
          const buf = readFileSync(join(assets, n));
          return { name: n, raw: statSync(join(assets, n)).size, gzip: gzipSync(buf, { level: 9 }).length };
        })
        .sort((a, b) => b.gzip - a.gzip)
    : [];
  return { scripts, built };
}

/** Fresh context per run, the officer's session in localStorage, navigation → first tile value. */
async function measureDashboard(browser) {
  const tokens = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  }).then(async (r) => {
    const b = await r.json();
    if (!r.ok) throw new Error(`login as ${EMAIL} failed: ${r.status} ${JSON.stringify(b)}`);
    return b;
  });
  // The snapshot exists before the first measurement (the API takes one on its first read otherwise).
  const warm = await fetch(`${base}/api/v1/monitoring/summary`, {
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  }).then((r) => r.json());
  const times = [];
  let agreements = null;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      (session) => {
        try {
          localStorage.setItem('jalin.session', JSON.stringify(session));
        } catch {
          /* ignore */
        }
        const mark = () => {
          const el = document.querySelector('[data-testid="tile-agreements-value"]');
          if (el && /\d/.test(el.textContent ?? '')) {
            window.__firstFigures = performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_m, obs) => {
          if (mark()) obs.disconnect();
        }).observe(document, { childList: true, subtree: true, characterData: true });
      },
      { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    );
    const page = await context.newPage();
    await page.goto(`${base}/ministry/dashboard`);
    try {
      await page.waitForFunction(() => typeof window.__firstFigures === 'number', null, { timeout: 30_000 });
    } catch (err) {
      const text = (
        await page
          .locator('body')
          .innerText()
          .catch(() => '')
      ).slice(0, 800);
      throw new Error(`no figures on ${page.url()} within 30 s: ${err.message}\n${text}`);
    }
    times.push(await page.evaluate(() => Math.round(window.__firstFigures)));
    agreements = await page.getByTestId('tile-agreements-value').innerText();
    await context.close();
  }
  return { times, agreements, asOf: warm.asOf };
}

function report(login, dash) {
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  console.log('');
  console.log(
    `Jalin web console speed — ${new Date().toISOString()} — commit ${commit || '?'}${spawnSync('git', ['diff', '--quiet'], { cwd: ROOT }).status ? ' (with uncommitted changes)' : ''}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; Chromium ${CHROMIUM}; API ${base}`,
  );
  console.log('');
  console.log('1. Login page: JavaScript the browser loads for /login (fresh cache)');
  for (const s of login.scripts)
    console.log(
      `   ${s.url.padEnd(40)} sent ${kb(s.wire).padStart(9)} (${s.encoding})  raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}`,
    );
  const loginGzip = sum(login.scripts, 'gzip');
  console.log(
    `   total: ${login.scripts.length} files, sent ${kb(sum(login.scripts, 'wire'))}, raw ${kb(sum(login.scripts, 'raw'))}, gzip ${kb(loginGzip)} — target ≤ ${kb(LOGIN_BUDGET)}: ${loginGzip <= LOGIN_BUDGET ? 'met' : 'NOT met'}`,
  );
  console.log(
    `   built files (dist/web/assets, gzip): ${login.built.length} chunks, ${kb(sum(login.built, 'gzip'))} in all; largest:`,
  );
  for (const b of login.built.slice(0, 6))
    console.log(`     ${b.name.padEnd(40)} raw ${kb(b.raw).padStart(9)}  gzip ${kb(b.gzip).padStart(8)}`);
  console.log('');
  const sorted = [...dash.times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `2. Ministry dashboard: navigation → first figures (officer ${EMAIL}, demo data, snapshot ${dash.asOf}; agreements tile shows ${dash.agreements})`,
  );
  console.log(`   runs (ms, each a fresh context): ${dash.times.join(', ')}`);
  console.log(
    `   median ${median} ms, max ${sorted[sorted.length - 1]} ms — target ≤ ${DASHBOARD_BUDGET_MS} ms: ${sorted[sorted.length - 1] <= DASHBOARD_BUDGET_MS ? 'met by every run' : median <= DASHBOARD_BUDGET_MS ? 'met by the median' : 'NOT met'}`,
  );
  if (loginGzip > LOGIN_BUDGET || median > DASHBOARD_BUDGET_MS) process.exitCode = 1;
}
