// `npm start`: the whole system — checks PostgreSQL and Redis, creates the database if needed,
// builds, then runs the API (migrations under an advisory lock, first admin, demo data on an
// empty database) and the worker. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { missingServices } from './services.mjs';

const env = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/jalin',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ADMIN_EMAIL: 'admin@jalin.local',
  ADMIN_PASSWORD: 'admin-jalin-2026',
  ...process.env,
};

const missing = await missingServices(env);
if (missing.length) {
  for (const m of missing) console.error(m);
  process.exit(1);
}

// Create the database on first start.
const target = new URL(env.DATABASE_URL);
const dbName = decodeURIComponent(target.pathname.slice(1));
const admin = new URL(env.DATABASE_URL);
admin.pathname = '/postgres';
try {
  const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!rowCount) {
    await c.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
    console.log(`created database ${dbName}`);
  }
  await c.end();
} catch (err) {
  console.error(`PostgreSQL refused the connection as ${target.username || 'postgres'} (${err.message}) — set DATABASE_URL with a user and password that may connect, e.g. postgres://user:pass@127.0.0.1:5432/jalin`);
  process.exit(1);
}

if (!existsSync('node_modules')) spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The web console (served by the API at /): regenerate its API types from the built API (rewritten
// only when the contract changed), then rebuild it when any of its sources is newer than the build.
const types = spawnSync('node', ['apps/web/scripts/openapi.mjs'], { stdio: 'inherit' });
if (types.status !== 0) process.exit(types.status ?? 1);
if (webIsStale()) {
  console.log('building the web console (dist/web)…');
  for (const args of [['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit'], ['vite', 'build', '-c', 'apps/web/vite.config.ts', '--logLevel', 'warn']]) {
    const r = spawnSync('npx', args, { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

function webIsStale() {
  const built = 'dist/web/index.html';
  if (!existsSync(built)) return true;
  const stamp = statSync(built).mtimeMs;
  const newer = (path) => {
    const s = statSync(path);
    if (!s.isDirectory()) return s.mtimeMs > stamp;
    return readdirSync(path).some((n) => n !== 'node_modules' && n !== 'dist' && newer(join(path, n)));
  };
  return newer('apps/web') || newer('package-lock.json');
}

const children = [];
let stopping = false;
const stopAll = (code) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 12_000).unref();
};
const run = (name, script) => {
  const child = spawn('node', [script], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping the rest`);
    stopAll(code ?? 0);
    if (children.every((c) => c.exitCode !== null || c.signalCode)) process.exit(code ?? 0);
  });
  children.push(child);
};

run('api', 'dist/apps/api/src/main.js');
// The API applies migrations first; the worker waits on the same advisory lock if it gets there first.
run('worker', 'dist/apps/worker/src/main.js');
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
