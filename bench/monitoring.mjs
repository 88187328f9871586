#!/usr/bin/env node
// Monitoring benchmark: starts the built API on the monitoring benchmark database and measures, with
// autocannon, the ministry's figures routes — summary and breakdown (by each `by`) with and without
// filters, partners, overdue, trend — one scenario at a time at 1 connection (latency p50/p95/p99),
// then the summary/breakdown mix and the whole mix at 10 connections (req/s under load).
//
//   npm run build && node bench/monitoring.mjs [--database jalin_bench_monitoring] [--duration 10]
//        [--port 3998] [--connections 10] [--refresh]
//
// Fill the database first: node bench/seed-monitoring.mjs --agreements 100000 (it also takes the
// snapshot). --refresh takes a fresh snapshot before measuring and prints how long it took.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import pg from 'pg';
import { login, parseFlags, printResult, runLoad } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const flags = parseFlags();
const database = String(flags.database ?? 'jalin_bench_monitoring');
const duration = Number(flags.duration ?? 10);
const port = Number(flags.port ?? 3998);
const connections = Number(flags.connections ?? 10);
const pgBase = String(flags['pg-url'] ?? 'postgres://postgres@127.0.0.1:5432');
const dbUrl = `${pgBase}/${database}`;
const url = `http://127.0.0.1:${port}`;

async function waitHealthy(ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error('API did not come up');
    await new Promise((r) => setTimeout(r, 300));
  }
}

if (flags.refresh) {
  const refreshJs = resolve(ROOT, 'dist/libs/monitoring/src/figures/refresh.js');
  if (!existsSync(refreshJs)) throw new Error('run `npm run build` first');
  const { DataSource } = await import('typeorm');
  const { refreshMonitoringFigures } = await import(pathToFileURL(refreshJs).href);
  const ds = new DataSource({ type: 'postgres', url: dbUrl });
  await ds.initialize();
  const r = await refreshMonitoringFigures(ds);
  await ds.destroy();
  console.log(`snapshot refreshed in ${(r.durationMs / 1000).toFixed(1)} s (as of ${r.asOf})`);
}

const c = new pg.Client({ connectionString: dbUrl });
await c.connect();
const { rows: size } = await c.query(`SELECT (SELECT count(*) FROM agreement)::int AS agreements, (SELECT count(*) FROM obligation)::int AS obligations,
  (SELECT as_of FROM monitoring_snapshot) AS "asOf", (SELECT refreshed_in_ms FROM monitoring_snapshot) AS "refreshMs"`);
// Filter values that exist in the data: the busiest province, division and a 4-digit class.
const { rows: top } = await c.query(`SELECT
  (SELECT province_code FROM monitoring_agreement_fact GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS province,
  (SELECT province_code FROM monitoring_agreement_fact GROUP BY 1 ORDER BY count(*) DESC OFFSET 5 LIMIT 1) AS province2,
  (SELECT division FROM monitoring_agreement_fact GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS division,
  (SELECT left(kbli_code, 4) FROM monitoring_agreement_fact GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS class4,
  to_char(current_date - 365, 'YYYY-MM-DD') AS year_ago, to_char(current_date, 'YYYY-MM-DD') AS today,
  to_char(date_trunc('year', current_date) - interval '1 year', 'YYYY-MM-DD') AS last_year_start,
  to_char(date_trunc('year', current_date) - interval '1 day', 'YYYY-MM-DD') AS last_year_end`);
await c.end();
const t = top[0];

const M = '/api/v1/monitoring';
const scenarios = {
  'summary': [`${M}/summary`],
  'summary province': [`${M}/summary?province=${t.province}`, `${M}/summary?province=${t.province2}`],
  'summary kbli+window (partial months)': [`${M}/summary?kbli=${t.division}&from=${t.year_ago}&to=${t.today}`],
  'summary pattern+last year': [`${M}/summary?pattern=SUBCONTRACT&from=${t.last_year_start}&to=${t.last_year_end}`],
  'summary kbli class (facts only)': [`${M}/summary?kbli=${t.class4}`],
  'breakdown province': [`${M}/breakdown?by=province`],
  'breakdown kbli': [`${M}/breakdown?by=kbli`],
  'breakdown pattern': [`${M}/breakdown?by=pattern`],
  'breakdown province+window': [`${M}/breakdown?by=province&from=${t.year_ago}&to=${t.today}`],
  'breakdown kbli, officer 33': [`${M}/breakdown?by=kbli`],
  'partners': [`${M}/partners`],
  'partners sort+province': [`${M}/partners?sort=onTimeRate&province=${t.province}`],
  'overdue': [`${M}/overdue`],
  'overdue province': [`${M}/overdue?province=${t.province2}&type=PROGRESS_REPORT`],
  'trend last year': [`${M}/trend?from=${t.last_year_start}&to=${t.last_year_end}`],
};
const officerOnly = new Set(['breakdown kbli, officer 33']);

const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), LOG_LEVEL: 'error', SEED_DEMO_ON_EMPTY: 'false', REDIS_PREFIX: 'jalin-bench-monitoring', LOGIN_LIMIT_PER_IP: '100000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const results = [];
try {
  await waitHealthy();
  const token = await login(url, 'ministry@bench.jalin.id', 'jalin-bench-2026');
  const token33 = await login(url, 'ministry-33@bench.jalin.id', 'jalin-bench-2026');
  console.log(
    `\n== ${database}: ${size[0].agreements.toLocaleString('en')} agreements, ${size[0].obligations.toLocaleString('en')} obligations; snapshot as of ${new Date(size[0].asOf).toISOString()} (took ${size[0].refreshMs} ms inside its transaction) ==`,
  );
  console.log(`   ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${new Date().toISOString()}, node ${process.version}\n`);
  const health = await runLoad({ url, paths: ['/health'], connections, duration, warmup: 2 });
  printResult(`GET /health, ${connections} conn`, health);
  results.push(['GET /health', connections, health]);
  for (const [name, paths] of Object.entries(scenarios)) {
    const r = await runLoad({ url, paths, token: officerOnly.has(name) ? token33 : token, connections: 1, duration, warmup: 1 });
    printResult(`${name}, 1 conn`, r);
    results.push([name, 1, r]);
  }
  const sb = Object.entries(scenarios).filter(([n]) => n.startsWith('summary') || n.startsWith('breakdown')).flatMap(([, p]) => p);
  const r1 = await runLoad({ url, paths: sb, token, connections, duration, warmup: 2 });
  printResult(`summary+breakdown mix, ${connections} conn`, r1);
  results.push(['summary+breakdown mix', connections, r1]);
  const r2 = await runLoad({ url, paths: Object.values(scenarios).flat(), token, connections, duration, warmup: 2 });
  printResult(`all routes mix, ${connections} conn`, r2);
  results.push(['all routes mix', connections, r2]);
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
}

console.log('\n| scenario | conn | p50 ms | p95 ms | p99 ms | req/s | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, conn, r] of results) {
  const bad = Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).reduce((s, [, n]) => s + n, 0) + r.errors + r.timeouts;
  console.log(`| ${name} | ${conn} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${bad} |`);
}
