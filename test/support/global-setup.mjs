// Jest global setup: migrate once into a template database that every suite clones
// (CREATE DATABASE … TEMPLATE). The template's name is a hash of the migrations and the lock file,
// so unchanged migrations are not re-run. Migrating uses the built CLI (built here when needed).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function templateName(root) {
  const dir = join(root, 'libs/core/src/database/migrations');
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  h.update(readFileSync(join(root, 'package-lock.json')));
  return `jalin_tpl_${h.digest('hex').slice(0, 12)}`;
}

async function q(sql, params = []) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export default async function globalSetup() {
  if (process.env.JEST_UNIT_ONLY) return;
  const root = process.cwd();
  const tpl = templateName(root);
  process.env.JALIN_TEST_TEMPLATE = tpl;
  if ((await q('SELECT 1 FROM pg_database WHERE datname = $1', [tpl])).length) return;
  // One builder at a time (several jest runs may start together): the others wait, then find it made.
  const lock = new pg.Client({ connectionString: ADMIN_URL });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7411, 1)');
    if ((await q('SELECT 1 FROM pg_database WHERE datname = $1', [tpl])).length) return;
    await buildTemplate(root, tpl);
  } finally {
    await lock.end();
  }
}

async function buildTemplate(root, tpl) {
  // Templates of other migration sets are dropped once they are two hours old (a run started
  // meanwhile from another checkout may still be cloning a newer one).
  const old = await q(
    `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE 'jalin\\_tpl\\_%' AND datname <> $1`,
    [tpl],
  );
  for (const { datname, made } of old) {
    if (made && Date.now() - Date.parse(made) < 2 * 3600_000) continue;
    await q('UPDATE pg_database SET datistemplate = false WHERE datname = $1', [datname]);
    await q(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) throw new Error('build failed; cannot migrate the test template');
  const building = `${tpl}_building`;
  await q(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await q(`CREATE DATABASE "${building}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${building}`;
  const mig = spawnSync('node', ['dist/libs/core/src/database/cli.js', 'migrate'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
  });
  if (mig.status !== 0) throw new Error('migrating the test template failed');
  await q(`ALTER DATABASE "${building}" RENAME TO "${tpl}"`);
  await q(`COMMENT ON DATABASE "${tpl}" IS '${new Date().toISOString()}'`);
  await q('UPDATE pg_database SET datistemplate = true WHERE datname = $1', [tpl]);
}
