#!/usr/bin/env node
// Matching benchmark: starts the real API on each benchmark database and measures, with autocannon,
//   - GET /health (the baseline: same server, no database work),
//   - each shape of GET /opportunities/:id/matches ([broad], [regional], [selective] opportunities)
//     and GET /enterprises/:id/recommendations, at 1 connection (latency p50/p95/p99),
//   - the fixed mix of all four at 10 connections (requests/s).
//
//   npm run build && node bench/match.mjs [--databases jalin_bench_100k,jalin_bench_1m] [--duration 10] [--port 3999]
//                                         [--modes cache,churn,live] [--writes-per-second 20]
//
// Modes: `cache` serves matches from the match cache (built first, as the worker would, by
// `cli.js match-cache`; the time it took is printed); `churn` is `cache` while firms keep changing
// (a writer updates a random firm's matching inputs --writes-per-second times a second, and a worker
// maintains the cache every 5 s, so readers merge freshly scored changed firms into cached pages);
// `live` starts the API with MATCH_CACHE_READS=false, so every request ranks the population itself.
//
// Fill the databases first: node bench/seed.mjs --enterprises 100000 --database-url …/jalin_bench_100k
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { login, parseFlags, printResult, runLoad } from './lib.mjs';

const flags = parseFlags();
const databases = String(flags.databases ?? 'jalin_bench_100k,jalin_bench_1m').split(',');
const duration = Number(flags.duration ?? 10);
const port = Number(flags.port ?? 3999);
const modes = String(flags.modes ?? 'cache,churn,live').split(',');
const writesPerSecond = Number(flags['writes-per-second'] ?? 20);
const pgBase = String(flags['pg-url'] ?? 'postgres://postgres@127.0.0.1:5432');
const url = `http://127.0.0.1:${port}`;
const summary = [];

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

/**
 * A writer changing random firms' matching inputs (track record, needs) at a steady rate, and a
 * worker maintaining the match cache every 5 s, as in production.
 */
async function startChurn(dbUrl, firms) {
  const worker = spawn('node', ['dist/apps/worker/src/main.js'], {
    env: { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'error', REDIS_PREFIX: '{jalin-bench}', WORKER_HEALTH_PORT: '0', MATCH_CACHE_SWEEP_SECONDS: '5', REMINDER_SWEEP_INTERVAL_SECONDS: '86400' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  let writes = 0;
  let n = 0;
  const needs = ['CAPITAL', 'MARKETING', 'RAW_MATERIALS', 'TECHNOLOGY', 'MANAGEMENT', 'PARTNERSHIP'];
  const timer = setInterval(() => {
    n++;
    const nib = '1' + String(1 + ((n * 7919) % firms)).padStart(12, '0');
    c.query(
      `UPDATE organization SET track_record = $2, needs = $3::text[] WHERE nib = $1`,
      [nib, [0.25, 0.5, 0.75, 1][n % 4], needs.filter((_, i) => (n >> i) & 1)],
    ).then(() => writes++, (err) => console.error(`churn write: ${err.message}`));
  }, 1000 / writesPerSecond);
  return {
    writes: () => writes,
    staleLeft: async () => (await c.query('SELECT count(*)::int AS n FROM match_stale')).rows[0].n,
    async stop() {
      clearInterval(timer);
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
      await c.end();
    },
  };
}

for (const db of databases) {
  const dbUrl = `${pgBase}/${db}`;
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const firms = (await c.query(`SELECT count(*)::int AS n FROM organization WHERE kind = 'enterprise'`)).rows[0].n;
  const pick = async (shape) =>
    (await c.query(`SELECT id FROM opportunity WHERE title LIKE $1 AND status = 'OPEN' ORDER BY id LIMIT 10`, [`[${shape}]%`])).rows.map((r) => r.id);
  const shapes = {
    broad: (await pick('broad')).map((id) => `/api/v1/opportunities/${id}/matches`),
    regional: (await pick('regional')).map((id) => `/api/v1/opportunities/${id}/matches`),
    selective: (await pick('selective')).map((id) => `/api/v1/opportunities/${id}/matches`),
    recommendations: (await c.query(`SELECT id FROM organization WHERE kind = 'enterprise' ORDER BY id LIMIT 10`)).rows.map(
      (r) => `/api/v1/enterprises/${r.id}/recommendations`,
    ),
  };
  await c.end();

  for (const mode of modes) {
    if (mode === 'cache' || mode === 'churn') {
      const started = Date.now();
      const built = spawnSync('node', ['dist/apps/api/src/cli.js', 'match-cache'], { env: { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'error' }, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`match-cache failed: ${built.stderr}`);
      console.log(`\n${db}: ${built.stdout.trim()} (wall ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    const api = spawn('node', ['dist/apps/api/src/main.js'], {
      env: {
        ...process.env, DATABASE_URL: dbUrl, PORT: String(port), LOG_LEVEL: 'error', SEED_DEMO_ON_EMPTY: 'false', REDIS_PREFIX: 'jalin-bench',
        LOGIN_LIMIT_PER_IP: '100000', DATABASE_POOL_SIZE: '12', MATCH_CACHE_READS: String(mode !== 'live'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const churn = mode === 'churn' ? await startChurn(dbUrl, firms) : null;
    try {
      await waitHealthy();
      const token = await login(url, 'ministry@bench.jalin.id', 'jalin-bench-2026');
      console.log(`\n== ${db}: ${firms.toLocaleString('en')} small firms, ${mode} ==`);
      const health = await runLoad({ url, paths: ['/health'], connections: 10, duration, warmup: 2 });
      printResult('GET /health, 10 connections', health);
      const rows = { db, firms, mode, health };
      for (const [shape, paths] of Object.entries(shapes)) {
        if (!paths.length) continue;
        const r = await runLoad({ url, paths, token, connections: 1, duration, warmup: 2 });
        printResult(`${shape}, 1 connection`, r);
        rows[shape] = r;
      }
      const mix = await runLoad({ url, paths: Object.values(shapes).flat(), token, connections: 10, duration, warmup: 2 });
      printResult('mix, 10 connections', mix);
      rows.mix = mix;
      summary.push(rows);
      if (churn) console.log(`churn: ${churn.writes()} firm updates during the run; ${await churn.staleLeft()} stale at the end`);
    } finally {
      await churn?.stop();
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
  }
}

console.log('\n| database | firms | mode | shape | p50 ms | p95 ms | p99 ms | req/s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const s of summary) {
  for (const k of ['health', 'broad', 'regional', 'selective', 'recommendations', 'mix']) {
    const r = s[k];
    if (!r) continue;
    const label = k === 'health' ? 'GET /health (10 conn)' : k === 'mix' ? 'mix (10 conn)' : `${k} (1 conn)`;
    console.log(`| ${s.db} | ${s.firms.toLocaleString('en')} | ${s.mode} | ${label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} |`);
  }
}
