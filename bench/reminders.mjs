#!/usr/bin/env node
// Reminder benchmark: N open obligations due across the reminder windows, drained by real worker
// processes (the built `dist/apps/worker/src/main.js`) into a local SMTP sink.
//
//   npm run bench:reminders -- --obligations 100000 [--workers 2] [--concurrency 32] [--pool 20]
//                              [--database-url postgres://postgres@127.0.0.1:5432/jalin_bench_reminders]
//
// - Database: dropped and created afresh (cloned from the migrated test template when one exists for
//   the current migrations, else created and migrated with the app's CLI).
// - Redis: a private redis-server on a free port (no persistence), so INFO memory measures this run only.
// - Time: the workers run with REMINDER_NOW = 2033-03-01T03:00:00Z (10:00 WIB, 11:00 WITA, 12:00 WIT), so
//   every zone is in daytime; obligation i is due so that window [-14, -3, 0, +1, +7, +30][i mod 6] is
//   today: the partner's member gets D−14 … D+7, the ministry officer watching the province D+7 and D+30.
// - Partners: one per 50 obligations, one member each (locale id/en alternating), spread over Jawa
//   Timur (WIB), Sulawesi Selatan (WITA) and Papua (WIT); one officer limited to each province and one
//   without a limit (who therefore hears of nothing).
// - Baseline Redis memory is read after the workers started and reached steady state (schedulers in
//   place, the maintenance queue holding the 10 completed scheduler runs its retention keeps, the
//   bench's own queue clients open) and before the obligations are written; then one sweep is
//   triggered. Drained = no PENDING ledger row and the expected number of rows SENT. "After" memory is
//   read with the same schedulers still running, every 5 s until it stops falling (at most a minute).
// - --smtp-connections N: pooled SMTP connections per worker (SMTP_URL's `maxConnections` query).
// - Duplicates: ledger rows beyond the expected set, e-mails received more than once (by their
//   X-Jalin-Delivery header) and in-app notifications per reminder beyond one. Misses: expected rows
//   not SENT, and SENT e-mail rows the SMTP sink never received.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { parseFlags } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flags = parseFlags();
const N = Number(String(flags.obligations ?? '10000').replace(/[_,]/g, ''));
const WORKERS = Number(flags.workers ?? 2);
const CONCURRENCY = Number(flags.concurrency ?? 32);
const POOL = Number(flags.pool ?? 20);
/** Pooled SMTP connections per worker process (nodemailer reads `maxConnections` from SMTP_URL's query). */
const SMTP_CONNECTIONS = flags['smtp-connections'] ? Number(flags['smtp-connections']) : null;
const DB_URL = String(flags['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/jalin_bench_reminders');
const NOW = '2033-03-01T03:00:00Z';
const TODAY = '2033-03-01';
const PREFIX = '{bench-rem}';
if (!Number.isInteger(N) || N < 6) throw new Error('--obligations wants a whole number ≥ 6');

const t = () => performance.now();
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b) => `${(b / 1048576).toFixed(2)} MiB`;
const log = (...a) => console.log(...a);

function adminUrl() {
  const u = new URL(DB_URL);
  u.pathname = '/postgres';
  return u.toString();
}
const dbName = new URL(DB_URL).pathname.slice(1);

async function admin(sql) {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Same name as test/support/global-setup.mjs gives the migrated template of the current migrations. */
function templateName() {
  const dir = join(ROOT, 'libs/core/src/database/migrations');
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  h.update(readFileSync(join(ROOT, 'package-lock.json')));
  return `jalin_tpl_${h.digest('hex').slice(0, 12)}`;
}

async function createDatabase() {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  const tpl = templateName();
  if ((await admin(`SELECT 1 FROM pg_database WHERE datname = '${tpl}'`)).length) {
    await admin(`CREATE DATABASE "${dbName}" TEMPLATE "${tpl}"`);
    return `cloned from ${tpl}`;
  }
  await admin(`CREATE DATABASE "${dbName}"`);
  const r = spawnSync(process.execPath, ['dist/libs/core/src/database/cli.js', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: DB_URL, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('migrating the benchmark database failed');
  return 'created and migrated';
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { maxRetriesPerRequest: 20, retryStrategy: (n) => (n > 50 ? null : 100) });
  client.on('error', () => undefined); // refused until redis-server listens; ioredis retries
  await client.ping();
  return { url, client, stop: () => (client.disconnect(), proc.kill('SIGKILL')) };
}

/** Bytes held by the keys of one queue (MEMORY USAGE summed over SCAN). */
async function queueMemory(client, queue) {
  let cursor = '0';
  let bytes = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${PREFIX}:${queue}:*`, 'COUNT', 1000);
    cursor = next;
    for (const k of keys) bytes += Number(await client.memory('USAGE', k)) || 0;
  } while (cursor !== '0');
  return bytes;
}

async function usedMemory(client) {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)[1]);
}

/** An SMTP sink that keeps only how often each delivery id arrived. */
async function startSmtp() {
  const seen = new Map();
  let messages = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1_000_000,
    onData(stream, _session, cb) {
      let head = '';
      let done = false;
      stream.on('data', (c) => {
        if (done) return;
        head += c.toString('latin1');
        if (head.includes('\r\n\r\n') || head.length > 8192) done = true;
      });
      stream.on('end', () => {
        messages++;
        const id = /X-Jalin-Delivery: ([0-9a-f-]+)/i.exec(head)?.[1] ?? '?';
        seen.set(id, (seen.get(id) ?? 0) + 1);
        cb();
      });
    },
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, seen, count: () => messages, close: () => new Promise((r) => server.close(r)) };
}

async function main() {
  log(`reminder benchmark: ${N.toLocaleString('en-US')} obligations, ${WORKERS} worker process(es) × concurrency ${CONCURRENCY}, pool ${POOL}, SMTP connections ${SMTP_CONNECTIONS ?? 'default'}`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; ${new Date().toISOString()}; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  let t0 = t();
  log(`database ${dbName}: ${await createDatabase()} (${s(t() - t0)})`);
  const db = new pg.Pool({ connectionString: DB_URL, max: 4 });
  const q = async (sql, params = []) => (await db.query(sql, params)).rows;

  // ---- organisations, members, officers (no obligations yet)
  t0 = t();
  const P = Math.max(1, Math.ceil(N / 50));
  const regencies = (await q(`SELECT code, province_code FROM region WHERE level = 'regency' AND province_code IN ('35', '73', '91') ORDER BY code`)).map((r) => r.code);
  await q(
    `INSERT INTO organization (id, kind, name, nib, region_code, province_code, region_path, scale, scale_regime, scale_basis)
     SELECT md5('bench-partner-' || g)::uuid, 'partner', 'PT Bench Inti ' || g, '8' || lpad(g::text, 12, '0'), r, substr(r, 1, 2), ARRAY[substr(r, 1, 2), r], 'BESAR', 'pp-7-2021', 'ANNUAL_SALES'
       FROM generate_series(1, $1::int) g, LATERAL (SELECT ($2::text[])[1 + (g % cardinality($2::text[]))] AS r) x`,
    [P, regencies],
  );
  await q(
    `INSERT INTO app_user (email, password_hash, full_name, role, organization_id, locale)
     SELECT 'partner-' || g || '@bench.jalin.id', 'x', 'Anggota ' || g, 'PARTNER', md5('bench-partner-' || g)::uuid, CASE WHEN g % 2 = 0 THEN 'en' ELSE 'id' END
       FROM generate_series(1, $1::int) g`,
    [P],
  );
  await q(
    `INSERT INTO app_user (email, password_hash, full_name, role, province_codes, locale) VALUES
       ('officer-jatim@bench.jalin.id', 'x', 'Petugas Jatim', 'MINISTRY', '{35}', 'id'),
       ('officer-sulsel@bench.jalin.id', 'x', 'Petugas Sulsel', 'MINISTRY', '{73}', 'id'),
       ('officer-papua@bench.jalin.id', 'x', 'Officer Papua', 'MINISTRY', '{91}', 'en'),
       ('officer-all@bench.jalin.id', 'x', 'Petugas Pusat', 'MINISTRY', '{}', 'id')`,
  );
  log(`seeded ${P.toLocaleString('en-US')} partners (1 member each) and 4 officers (${s(t() - t0)})`);

  // ---- Redis, SMTP, workers
  const redis = await startRedis();
  const smtp = await startSmtp();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: DB_URL,
    DATABASE_POOL_SIZE: String(POOL),
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    SMTP_URL: SMTP_CONNECTIONS ? `${smtp.url}/?maxConnections=${SMTP_CONNECTIONS}` : smtp.url,
    LOG_LEVEL: 'warn',
    WORKER_HEALTH_PORT: '0',
    WORKER_CONCURRENCY: String(CONCURRENCY),
    REMINDER_NOW: NOW,
    REMINDER_SWEEP_INTERVAL_SECONDS: '300',
    SEED_DEMO_ON_EMPTY: 'false',
    APP_URL: 'https://jalin.bench',
  };
  const nodeArgs = flags['node-args'] ? String(flags['node-args']).split(' ') : [];
  const workers = Array.from({ length: WORKERS }, () => spawn(process.execPath, [...nodeArgs, 'dist/apps/worker/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] }));
  const maintenance = new Queue('maintenance', { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port), maxRetriesPerRequest: null }, prefix: PREFIX });
  // Opened before the baseline, so "before" and "after" count the same client connections.
  const reminders = new Queue('reminders', { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port), maxRetriesPerRequest: null }, prefix: PREFIX });
  await reminders.getJobCounts('wait');
  // Started, and at steady state: the schedulers are in place, the first (empty) sweep has run and the
  // maintenance queue holds as many completed scheduler runs as its retention keeps (SCHEDULER_JOB_OPTIONS:
  // 10), so "before" and "after" are read with the same schedulers and the same retained history.
  const KEPT = 10;
  for (let i = 0; i < 600; i++) {
    const done = await maintenance.getJobCounts('completed');
    if ((await maintenance.getJobSchedulers()).length >= 4 && done.completed >= KEPT) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const memBefore = await usedMemory(redis.client);
  const queueBefore = await queueMemory(redis.client, 'reminders');
  const maintBefore = await queueMemory(redis.client, 'maintenance');
  log(`workers started; Redis used_memory baseline ${mb(memBefore)} (reminders queue keys ${(queueBefore / 1024).toFixed(1)} KiB)`);

  // ---- obligations across the windows
  t0 = t();
  await q(
    `INSERT INTO obligation (partner_id, owed_by, type, title, legal_basis, due_date, time_zone)
     SELECT md5('bench-partner-' || (1 + (g % $2::int)))::uuid, 'PARTNER', 'PROGRESS_REPORT', 'Laporan perkembangan kemitraan ' || g,
            'PP 44/1997 Pasal 14 huruf b', $3::date - (ARRAY[-14, -3, 0, 1, 7, 30])[1 + (g % 6)], r.time_zone
       FROM generate_series(1, $1::int) g
       JOIN organization p ON p.id = md5('bench-partner-' || (1 + (g % $2::int)))::uuid
       JOIN region r ON r.code = p.province_code`,
    [N, P, TODAY],
  );
  await q('ANALYZE obligation');
  // What must come out, worked out here without the sweep's code: the partner's member for D−14 … D+7,
  // the officers limited to the partner's province (else those without a limit) for D+7 and D+30; two channels each.
  await q(`CREATE TABLE bench_expected AS
    WITH o AS (SELECT o.id, o.partner_id, ($1::date - o.due_date) AS w, p.province_code FROM obligation o JOIN organization p ON p.id = o.partner_id),
    officers AS (SELECT id, province_codes FROM app_user WHERE role = 'MINISTRY')
    SELECT o.id AS target_id, o.w AS window_days, u.id AS user_id, c.channel
      FROM o JOIN app_user u ON u.organization_id = o.partner_id CROSS JOIN (VALUES ('IN_APP'), ('EMAIL')) c(channel)
     WHERE o.w IN (-14, -3, 0, 1, 7)
    UNION ALL
    SELECT o.id, o.w, f.id, c.channel
      FROM o JOIN officers f ON (o.province_code = ANY(f.province_codes)
                                 OR (cardinality(f.province_codes) = 0 AND NOT EXISTS (SELECT 1 FROM officers g WHERE o.province_code = ANY(g.province_codes))))
      CROSS JOIN (VALUES ('IN_APP'), ('EMAIL')) c(channel)
     WHERE o.w IN (7, 30)`, [TODAY]);
  const [{ expected }] = await q(`SELECT count(*)::int AS expected FROM bench_expected`);
  log(`seeded ${N.toLocaleString('en-US')} obligations (${s(t() - t0)}); expected reminders: ${expected.toLocaleString('en-US')}`);

  // ---- one sweep now, then drain
  const started = t();
  await maintenance.add('reminder-sweep', {}, { removeOnComplete: true });
  let last = { sent: 0, pending: 0, total: 0 };
  let lastPrint = 0;
  for (;;) {
    const [row] = await q(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
                                  count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM reminders`);
    last = row;
    if (t() - lastPrint > 10_000) {
      lastPrint = t();
      log(`  ${s(t() - started)}: ledger ${row.total}, sent ${row.sent}, pending ${row.pending}, failed ${row.failed}, smtp ${smtp.count()}`);
    }
    if (row.total >= expected && row.pending === 0) break;
    if (t() - started > 15 * 60_000) {
      log('gave up after 15 minutes');
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const drainMs = t() - started;
  const [span] = await q(`SELECT extract(epoch FROM max(sent_at) - min(created_at)) * 1000 AS ms, count(*) FILTER (WHERE channel = 'EMAIL')::int AS email,
                                 count(*) FILTER (WHERE channel = 'IN_APP')::int AS in_app FROM reminders`);

  // ---- duplicates and misses
  const [{ extra }] = await q(`SELECT count(*)::int AS extra FROM reminders r
                                WHERE NOT EXISTS (SELECT 1 FROM bench_expected e WHERE e.target_id = r.target_id AND e.window_days = r.window_days
                                                  AND e.user_id = r.recipient_user_id AND e.channel = r.channel)`);
  const [{ missing }] = await q(`SELECT count(*)::int AS missing FROM bench_expected e
                                  WHERE NOT EXISTS (SELECT 1 FROM reminders r WHERE r.target_id = e.target_id AND r.window_days = e.window_days
                                                    AND r.recipient_user_id = e.user_id AND r.channel = e.channel AND r.status = 'SENT')`);
  const emailIds = (await q(`SELECT id::text FROM reminders WHERE channel = 'EMAIL' AND status = 'SENT'`)).map((r) => r.id);
  const emailMissing = emailIds.filter((id) => !smtp.seen.has(id)).length;
  const smtpDuplicates = [...smtp.seen.values()].reduce((n, c) => n + (c - 1), 0);
  const [{ notifDup }] = await q(`SELECT coalesce(sum(c - 1), 0)::int AS "notifDup" FROM (SELECT count(*) AS c FROM notification WHERE data ? 'reminderId' GROUP BY data->>'reminderId') x`);

  // ---- Redis memory after retention: the drain is over and the schedulers have run on (each completion
  // trims the maintenance queue's history back to its retention), so this is what Redis holds from now on.
  const loadAtDrain = loadavg();
  // Read every 5 s until it stops falling (Redis shrinks its emptied hash tables in its background
  // cron), at most a minute; every reading is printed.
  const readings = [];
  for (let i = 0; i < 12; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    readings.push(await usedMemory(redis.client));
    const n = readings.length;
    if (n >= 3 && readings[n - 1] >= readings[n - 3]) break; // no longer falling over 10 s
  }
  const stats = await redis.client.call('MEMORY', 'STATS');
  const stat = (k) => {
    const i = stats.indexOf(k);
    return i >= 0 ? stats[i + 1] : null;
  };
  const counts = await reminders.getJobCounts('completed', 'failed', 'wait', 'active', 'delayed');
  const memAfter = await usedMemory(redis.client);
  const queueAfter = await queueMemory(redis.client, 'reminders');
  const maintAfter = await queueMemory(redis.client, 'maintenance');
  const maintCompleted = (await maintenance.getJobCounts('completed')).completed;
  const [peak] = (await redis.client.info('memory')).match(/used_memory_peak:\d+/) ?? ['?'];

  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r() : w.once('exit', r)))));
  await reminders.close();
  await maintenance.close();
  redis.stop();
  await smtp.close();
  await db.end();

  const rate = last.sent / (drainMs / 1000);
  log('');
  log(`obligations            ${N.toLocaleString('en-US')}`);
  log(`reminders (ledger)     ${last.total.toLocaleString('en-US')} (in-app ${span.in_app.toLocaleString('en-US')}, e-mail ${span.email.toLocaleString('en-US')}); expected ${expected.toLocaleString('en-US')}`);
  log(`time to drain          ${s(drainMs)} from the sweep being triggered (${s(Number(span.ms))} from the first ledger row to the last SENT)`);
  log(`reminders per second   ${rate.toFixed(0)}`);
  log(`duplicates             ledger ${extra}, SMTP ${smtpDuplicates}, in-app ${notifDup}`);
  log(`misses                 ledger ${missing}, SMTP ${emailMissing}`);
  log(`SMTP messages          ${smtp.count().toLocaleString('en-US')}`);
  log(`load average at drain  ${loadAtDrain.map((x) => x.toFixed(2)).join(' ')}`);
  log(`Redis used_memory      before ${mb(memBefore)}, after ${mb(memAfter)} (${(((memAfter - memBefore) / memBefore) * 100).toFixed(1)} %), ${peak}; reminder jobs left: ${JSON.stringify(counts)}`);
  log(`Redis after the drain  every 5 s: ${readings.map(mb).join(', ')}; MEMORY STATS now: dataset ${mb(Number(stat('dataset.bytes')))}, clients ${mb(Number(stat('clients.normal')))}, overhead ${mb(Number(stat('overhead.total')))}, keys ${stat('keys.count')}`);
  log(`reminders queue keys   before ${(queueBefore / 1024).toFixed(1)} KiB, after ${(queueAfter / 1024).toFixed(1)} KiB`);
  log(`maintenance queue keys before ${(maintBefore / 1024).toFixed(1)} KiB, after ${(maintAfter / 1024).toFixed(1)} KiB (${maintCompleted} completed jobs kept: outbox relay, heartbeat, sweeps)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
