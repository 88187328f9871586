#!/usr/bin/env node
// Monitoring benchmark population: N agreements (≈10 obligations each) on top of a bench/seed.mjs
// population, in a database of its own.
//
//   npm run build
//   node bench/seed-monitoring.mjs --agreements 100000 [--enterprises 150000] [--partners 900]
//        [--opportunities 3000] [--database-url postgres://…/jalin_bench_monitoring] [--fresh]
//        [--skip-population] [--jobs 2] [--batch 10000] [--seed 1]
//
// 1. Runs bench/seed.mjs (small firms, partners, OPEN opportunities, logins) into the database, unless
//    --skip-population (the database already holds one and no agreements yet).
// 2. Generates, set-based inside PostgreSQL (INSERT … SELECT over the agreement numbers, hash-based
//    randomness per row, no random()): one ACCEPTED application and one agreement per number — between an
//    opportunity's partner and a small firm of the opportunity's KBLI division —, its terms, commitments,
//    coaching sessions and every obligation as the obligations library would have generated it
//    (PROGRESS_REPORT per calendar period, HONOUR_AGREEMENT per dated commitment, COACHING per session,
//    APPOINT_PIC where the partner has no PIC), with states a few years of use would leave: reports
//    mostly on time, some late, some overdue or waived; sessions confirmed, held, disputed or pending;
//    terminated agreements' open obligations cancelled. Dates are relative to today.
// 3. Adds a province-limited officer (ministry-33@bench.jalin.id, Jawa Tengah), VACUUM ANALYZE, and takes
//    the monitoring snapshot (the worker's refresh job, run here once), printing how long it took.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { parseFlags } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const flags = parseFlags();
const num = (k, d) => {
  if (flags[k] === undefined) return d;
  const s = String(flags[k]).replace(/[_,]/g, '');
  if (!/^\d+$/.test(s)) throw new Error(`--${k} wants a whole number`);
  return Number(s);
};
const o = {
  agreements: num('agreements', 100_000),
  enterprises: num('enterprises', null),
  partners: num('partners', 900), // bench/seed.mjs numbers partner logins with 3 digits: at most 999
  opportunities: num('opportunities', 3000),
  jobs: Math.max(1, num('jobs', 2)),
  batch: Math.max(1000, num('batch', 10_000)),
  seed: num('seed', 1),
  databaseUrl: String(flags['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/jalin_bench_monitoring'),
  fresh: !!flags.fresh,
  skipPopulation: !!flags['skip-population'],
};
o.enterprises ??= Math.max(1000, Math.round(o.agreements * 1.5));

const fmtS = (ms) => `${(ms / 1000).toFixed(1)} s`;
const fmtN = (n) => Number(n).toLocaleString('en-US');
const timings = [];
async function phase(name, fn) {
  const t0 = Date.now();
  console.log(`» ${name}…`);
  const out = await fn();
  timings.push([name, Date.now() - t0]);
  console.log(`  ${name}: ${fmtS(Date.now() - t0)}`);
  return out;
}

const U = (n, salt) => `bench_mon.u(${n}, ${salt})`;

async function session() {
  const c = new pg.Client({ connectionString: o.databaseUrl, application_name: 'jalin-bench-seed-monitoring' });
  await c.connect();
  await c.query(`SET synchronous_commit = off; SET work_mem = '128MB'; SET maintenance_work_mem = '512MB'; SET jit = off`);
  return c;
}

/** Helper schema: hash-uniforms, deterministic ids, the lookup tables and the agreement plan. */
async function plan(db) {
  await db.query(`DROP SCHEMA IF EXISTS bench_mon CASCADE`);
  await db.query(`CREATE SCHEMA bench_mon`);
  await db.query(`CREATE FUNCTION bench_mon.u(n bigint, salt int) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ((hashint8extended(n, salt + ${o.seed * 100_000 + 77}) >> 11) & 9007199254740991)::float8 / 9007199254740992 $$`);
  await db.query(`CREATE FUNCTION bench_mon.uuid(kind text, n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
       FROM (SELECT md5('jalin-bench-monitoring:' || kind || ':' || n) AS h) x $$`);
  await db.query(`CREATE TABLE bench_mon.opp AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, partner_id, pattern, coalesce(kbli_divisions[1], left(kbli_codes[1], 2)) AS division
      FROM opportunity WHERE status = 'OPEN'`);
  await db.query(`CREATE TABLE bench_mon.ent AS
    SELECT division, (row_number() OVER (PARTITION BY division ORDER BY id) - 1)::int AS idx, id
      FROM (SELECT id, kbli_divisions[1] AS division FROM organization WHERE kind = 'enterprise') x WHERE division IS NOT NULL`);
  await db.query(`ALTER TABLE bench_mon.ent ADD PRIMARY KEY (division, idx)`);
  await db.query(`CREATE TABLE bench_mon.div AS SELECT division, count(*)::int AS n FROM bench_mon.ent GROUP BY 1`);
  await db.query(`CREATE TABLE bench_mon.partner AS
    SELECT o.id, coalesce(r.time_zone, 'Asia/Jakarta') AS tz, (o.pic IS NULL OR o.pic = 'null'::jsonb) AS no_pic
      FROM organization o LEFT JOIN region r ON r.code = o.province_code WHERE o.kind = 'partner'`);
  await db.query(`ALTER TABLE bench_mon.partner ADD PRIMARY KEY (id)`);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM bench_mon.opp`);
  const opps = rows[0].n;
  if (!opps) throw new Error('no OPEN opportunities to build agreements on');

  // Candidate (opportunity, small firm of its division) pairs; an application is unique per pair, so
  // duplicates are dropped and the first N kept.
  const candidates = Math.ceil(o.agreements * 1.05) + 100;
  await db.query(
    `CREATE TABLE bench_mon.pick AS
     WITH c AS (
       SELECT k, op.id AS opp, op.partner_id, op.pattern, op.division, floor(${U('k', 2)} * d.n)::int AS eidx
         FROM generate_series(1, $1::bigint) k
         JOIN bench_mon.opp op ON op.idx = floor(${U('k', 1)} * $2)::int
         JOIN bench_mon.div d ON d.division = op.division)
     SELECT DISTINCT ON (c.opp, e.id) c.k, c.opp, c.partner_id, c.pattern, e.id AS enterprise_id
       FROM c JOIN bench_mon.ent e ON e.division = c.division AND e.idx = c.eidx
      ORDER BY c.opp, e.id, c.k`,
    [candidates, opps],
  );
  // The plan: one row per agreement with every attribute decided.
  await db.query(
    `CREATE TABLE bench_mon.ag AS
     WITH p AS (SELECT row_number() OVER (ORDER BY k)::int AS n, pick.* FROM bench_mon.pick ORDER BY k LIMIT $1),
     d AS (
       SELECT p.*,
         (current_date - 1095 + floor(${U('p.n', 3)} * 1125)::int) AS start_date,
         CASE WHEN ${U('p.n', 4)} < 0.3 THEN 12 WHEN ${U('p.n', 4)} < 0.75 THEN 24 ELSE 36 END AS months,
         CASE WHEN ${U('p.n', 5)} < 0.8 THEN 'QUARTERLY' WHEN ${U('p.n', 5)} < 0.95 THEN 'SEMESTER' ELSE 'YEARLY' END AS period,
         ${U('p.n', 6)} AS us
       FROM p),
     e AS (SELECT d.*, (d.start_date + make_interval(months => d.months) - interval '1 day')::date AS end_date FROM d),
     s AS (
       SELECT e.*,
         CASE WHEN e.start_date > current_date - 10 THEN CASE WHEN e.us < 0.3 THEN 'DRAFT' WHEN e.us < 0.6 THEN 'AWAITING_SIGNATURES' ELSE 'ACTIVE' END
              WHEN e.end_date < current_date THEN CASE WHEN e.us < 0.85 THEN 'COMPLETED' WHEN e.us < 0.93 THEN 'TERMINATED' ELSE 'ACTIVE' END
              ELSE CASE WHEN e.us < 0.92 THEN 'ACTIVE' ELSE 'TERMINATED' END END AS status
       FROM e)
     SELECT s.n, s.opp, s.partner_id, s.enterprise_id, s.pattern, s.start_date, s.end_date, s.period, s.status,
       s.status IN ('ACTIVE', 'COMPLETED', 'TERMINATED') AS activated,
       CASE WHEN s.status = 'TERMINATED'
            THEN s.start_date + 1 + floor(${U('s.n', 7)} * greatest(1, least(s.end_date, current_date) - s.start_date - 1))::int END AS term_date,
       pz.tz, pz.no_pic
     FROM s JOIN bench_mon.partner pz ON pz.id = s.partner_id`,
    [o.agreements],
  );
  await db.query(`ALTER TABLE bench_mon.ag ADD PRIMARY KEY (n)`);
  await db.query(`ANALYZE bench_mon.ag, bench_mon.ent, bench_mon.opp, bench_mon.div, bench_mon.partner`);
  const { rows: n } = await db.query(`SELECT count(*)::int AS n FROM bench_mon.ag`);
  return n[0].n;
}

/** Everything of agreements lo..hi (inclusive), in dependency order. */
const BATCH_SQL = [
  // applications, ACCEPTED
  `INSERT INTO application (id, opportunity_id, enterprise_id, partner_id, status, message, submitted_at, decided_at, created_at, updated_at)
   SELECT bench_mon.uuid('application', a.n), a.opp, a.enterprise_id, a.partner_id, 'ACCEPTED', 'Kami siap bermitra.',
          (a.start_date - 40)::timestamptz, (a.start_date - 30)::timestamptz, (a.start_date - 40)::timestamptz, (a.start_date - 30)::timestamptz
     FROM bench_mon.ag a WHERE a.n BETWEEN $1 AND $2`,
  // agreements
  `INSERT INTO agreement (id, number, application_id, opportunity_id, partner_id, enterprise_id, pattern, status, title, start_date, end_date,
                         reporting_period, payment_term_days, submitted_at, activated_at, completed_at, terminated_at, terminated_by, termination_reason,
                         created_at, updated_at)
   SELECT bench_mon.uuid('agreement', a.n), 'KMT/B/' || lpad(a.n::text, 7, '0'), bench_mon.uuid('application', a.n), a.opp, a.partner_id, a.enterprise_id,
          a.pattern, a.status, CASE a.pattern WHEN 'INTI_PLASMA' THEN 'Kemitraan inti-plasma ' ELSE 'Kemitraan subkontrak ' END || lpad(a.n::text, 7, '0'),
          a.start_date, a.end_date, a.period, 30,
          CASE WHEN a.status <> 'DRAFT' THEN (a.start_date - 20)::timestamptz END,
          CASE WHEN a.activated THEN (a.start_date - 5)::timestamptz END,
          CASE WHEN a.status = 'COMPLETED' THEN (a.end_date + 7)::timestamptz END,
          CASE WHEN a.status = 'TERMINATED' THEN a.term_date::timestamptz END,
          CASE WHEN a.status = 'TERMINATED' THEN a.partner_id END,
          CASE WHEN a.status = 'TERMINATED' THEN 'Kesepakatan para pihak' END,
          (a.start_date - 30)::timestamptz, now()
     FROM bench_mon.ag a WHERE a.n BETWEEN $1 AND $2`,
  `INSERT INTO agreement_terms (agreement_id, terms_version, status, title, start_date, end_date, reporting_period, payment_term_days, in_force_at, created_at)
   SELECT bench_mon.uuid('agreement', a.n), 1, CASE a.status WHEN 'DRAFT' THEN 'DRAFT' WHEN 'AWAITING_SIGNATURES' THEN 'AWAITING_SIGNATURES' ELSE 'IN_FORCE' END,
          'Kemitraan ' || lpad(a.n::text, 7, '0'), a.start_date, a.end_date, a.period, 30,
          CASE WHEN a.activated THEN (a.start_date - 5)::timestamptz END, (a.start_date - 30)::timestamptz
     FROM bench_mon.ag a WHERE a.n BETWEEN $1 AND $2`,
  // 1–3 commitments each; half of them dated
  `INSERT INTO commitment (id, agreement_id, terms_version, position, type, description, value_idr, due_date, status)
   SELECT bench_mon.uuid('commitment', a.n * 4 + j), bench_mon.uuid('agreement', a.n), 1, j,
          CASE a.pattern WHEN 'INTI_PLASMA' THEN (ARRAY['PRODUCTION_INPUTS', 'FINANCING', 'LAND'])[j] ELSE (ARRAY['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE'])[j] END,
          'Komitmen ' || j, (10 + floor(${U('a.n * 4 + j', 20)} * 90))::bigint * 1000000,
          CASE WHEN ${U('a.n * 4 + j', 21)} < 0.5 THEN a.start_date + floor(${U('a.n * 4 + j', 22)} * (a.end_date - a.start_date))::int END,
          'PENDING'
     FROM bench_mon.ag a CROSS JOIN LATERAL generate_series(1, 1 + floor(${U('a.n', 23)} * 3)::int) j
    WHERE a.n BETWEEN $1 AND $2`,
  // 0–4 coaching sessions per activated agreement, at 09:00 in the partner's zone
  `INSERT INTO coaching_session (id, agreement_id, aspect, activity, topic, scheduled_at, location, status, confirmed_at, disputed_at, dispute_reason, created_at)
   SELECT bench_mon.uuid('session', x.n * 8 + x.j), bench_mon.uuid('agreement', x.n), x.aspect, x.activity, 'Sesi ' || x.j,
          (x.day::timestamp + interval '9 hours') AT TIME ZONE x.tz, 'Balai desa', x.status,
          CASE WHEN x.status = 'CONFIRMED' THEN (x.day + 1)::timestamptz END,
          CASE WHEN x.status = 'DISPUTED' THEN (x.day + 2)::timestamptz END,
          CASE WHEN x.status = 'DISPUTED' THEN 'Sesi tidak dilaksanakan' END, (a_start - 5)::timestamptz
     FROM (
       SELECT a.n, j, a.tz, a.start_date AS a_start,
              (ARRAY['MARKETING', 'HUMAN_RESOURCES', 'CAPITAL', 'MANAGEMENT', 'TECHNOLOGY'])[1 + (j % 5)] AS aspect,
              CASE WHEN j % 5 = 1 THEN 'TRAINING' ELSE 'Pendampingan' END AS activity,
              s.day,
              CASE WHEN a.status = 'TERMINATED' AND s.day > a.term_date THEN 'CANCELLED'
                   WHEN s.day >= current_date THEN 'SCHEDULED'
                   WHEN ${U('a.n * 8 + j', 31)} < 0.65 THEN 'CONFIRMED' WHEN ${U('a.n * 8 + j', 31)} < 0.75 THEN 'HELD'
                   WHEN ${U('a.n * 8 + j', 31)} < 0.80 THEN 'DISPUTED' ELSE 'SCHEDULED' END AS status
         FROM bench_mon.ag a
         CROSS JOIN LATERAL generate_series(1, floor(${U('a.n', 30)} * 5)::int) j
         CROSS JOIN LATERAL (SELECT a.start_date + floor(${U('a.n * 8 + j', 32)} * (a.end_date - a.start_date))::int AS day) s
        WHERE a.n BETWEEN $1 AND $2 AND a.activated) x`,
  // COACHING obligations, one per session, due on its day
  `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, type, title, legal_basis, due_date, session_id, time_zone, state, fulfilled_at, cancelled_at, created_at)
   SELECT s.agreement_id, a.partner_id, a.enterprise_id, 'COACHING', 'Pembinaan: ' || s.topic, 'PP 44/1997 Pasal 14 huruf e',
          (s.scheduled_at AT TIME ZONE a.tz)::date, s.id, a.tz,
          CASE s.status WHEN 'CONFIRMED' THEN 'FULFILLED' WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'OPEN' END,
          CASE WHEN s.status = 'CONFIRMED' THEN s.confirmed_at END,
          CASE WHEN s.status = 'CANCELLED' THEN a.term_date::timestamptz END, (a.start_date - 5)::timestamptz
     FROM bench_mon.ag a JOIN coaching_session s ON s.agreement_id = bench_mon.uuid('agreement', a.n)
    WHERE a.n BETWEEN $1 AND $2`,
  // HONOUR_AGREEMENT per dated commitment of an activated agreement
  `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, type, title, legal_basis, due_date, commitment_id, time_zone, state, fulfilled_at,
                          waived_at, waive_reason, cancelled_at, created_at)
   SELECT c.agreement_id, a.partner_id, a.enterprise_id, 'HONOUR_AGREEMENT', 'Komitmen: ' || c.type, 'PP 44/1997 Pasal 14 huruf d', c.due_date, c.id, a.tz,
          x.state, CASE WHEN x.state = 'FULFILLED' THEN (least(current_date, c.due_date + x.shift)::timestamp + interval '12 hours') AT TIME ZONE a.tz END,
          CASE WHEN x.state = 'WAIVED' THEN (c.due_date + 20)::timestamptz END, CASE WHEN x.state = 'WAIVED' THEN 'Keadaan kahar' END,
          CASE WHEN x.state = 'CANCELLED' THEN a.term_date::timestamptz END, (a.start_date - 5)::timestamptz
     FROM bench_mon.ag a
     JOIN commitment c ON c.agreement_id = bench_mon.uuid('agreement', a.n) AND c.due_date IS NOT NULL
     CROSS JOIN LATERAL (SELECT ${U("hashtext(c.id::text)", 40)} AS u1, ${U("hashtext(c.id::text)", 41)} AS u2) r
     CROSS JOIN LATERAL (SELECT
       CASE WHEN a.status = 'TERMINATED' AND c.due_date > a.term_date THEN 'CANCELLED'
            WHEN c.due_date >= current_date THEN 'OPEN'
            WHEN r.u1 < 0.75 THEN 'FULFILLED' WHEN r.u1 < 0.80 THEN 'WAIVED' ELSE 'OPEN' END AS state,
       CASE WHEN r.u2 < 0.8 THEN -floor(r.u2 * 10)::int ELSE 1 + floor(r.u2 * 30)::int END AS shift) x
    WHERE a.n BETWEEN $1 AND $2 AND a.activated`,
  `UPDATE commitment c SET status = 'CONFIRMED', confirmed_at = o.fulfilled_at
     FROM obligation o
    WHERE o.commitment_id = c.id AND o.state = 'FULFILLED'
      AND c.agreement_id IN (SELECT bench_mon.uuid('agreement', n) FROM bench_mon.ag WHERE n BETWEEN $1 AND $2)`,
  // PROGRESS_REPORT per calendar period (quarter, semester, year) from start to end, due 10 days after it ends
  `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, type, title, legal_basis, due_date, period_start, period_end, time_zone, state,
                          fulfilled_at, waived_at, waive_reason, cancelled_at, created_at)
   SELECT bench_mon.uuid('agreement', a.n), a.partner_id, a.enterprise_id, 'PROGRESS_REPORT', 'Laporan kemitraan s.d. ' || p.period_end,
          'PP 44/1997 Pasal 14 huruf b', p.due, p.period_start, p.period_end, a.tz, x.state,
          CASE WHEN x.state = 'FULFILLED' THEN (x.fulfilled_day::timestamp + interval '12 hours') AT TIME ZONE a.tz END,
          CASE WHEN x.state = 'WAIVED' THEN (p.due + 15)::timestamptz END, CASE WHEN x.state = 'WAIVED' THEN 'Keadaan kahar' END,
          CASE WHEN x.state = 'CANCELLED' THEN a.term_date::timestamptz END, (a.start_date - 5)::timestamptz
     FROM bench_mon.ag a
     CROSS JOIN LATERAL (SELECT CASE a.period WHEN 'QUARTERLY' THEN interval '3 months' WHEN 'SEMESTER' THEN interval '6 months' ELSE interval '1 year' END AS step,
                                CASE a.period WHEN 'QUARTERLY' THEN date_trunc('quarter', a.start_date)
                                              WHEN 'SEMESTER' THEN date_trunc('year', a.start_date) + CASE WHEN extract(month FROM a.start_date) > 6 THEN interval '6 months' ELSE interval '0' END
                                              ELSE date_trunc('year', a.start_date) END AS first) k
     CROSS JOIN LATERAL generate_series(k.first, a.end_date::timestamp, k.step) WITH ORDINALITY g(bucket, i)
     CROSS JOIN LATERAL (SELECT greatest(g.bucket::date, a.start_date) AS period_start,
                                least((g.bucket + k.step - interval '1 day')::date, a.end_date) AS period_end) q
     CROSS JOIN LATERAL (SELECT q.period_start, q.period_end, q.period_end + 10 AS due) p
     CROSS JOIN LATERAL (SELECT ${U('a.n * 64 + g.i', 50)} AS u1, ${U('a.n * 64 + g.i', 51)} AS u2) r
     CROSS JOIN LATERAL (SELECT
       CASE WHEN a.status = 'TERMINATED' AND p.due > a.term_date THEN 'CANCELLED'
            WHEN p.due < current_date THEN CASE WHEN r.u1 < 0.68 THEN 'FULFILLED' WHEN r.u1 < 0.82 THEN 'FULFILLED' WHEN r.u1 < 0.85 THEN 'WAIVED' ELSE 'OPEN' END
            WHEN p.period_end < current_date AND r.u1 < 0.5 THEN 'FULFILLED'
            ELSE 'OPEN' END AS state,
       CASE WHEN p.due < current_date AND r.u1 < 0.68 THEN p.due - floor(r.u2 * 10)::int
            WHEN p.due < current_date THEN least(current_date, p.due + 1 + floor(r.u2 * 40)::int)
            ELSE p.period_end + 1 + floor(r.u2 * greatest(0, current_date - p.period_end - 1))::int END AS fulfilled_day) x
    WHERE a.n BETWEEN $1 AND $2 AND a.activated`,
  // APPOINT_PIC where the partner has no PIC: due 30 days after activation, still open
  `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, type, title, legal_basis, due_date, time_zone, state, cancelled_at, created_at)
   SELECT bench_mon.uuid('agreement', a.n), a.partner_id, a.enterprise_id, 'APPOINT_PIC', 'Menunjuk penanggung jawab kemitraan', 'PP 44/1997 Pasal 14 huruf c',
          a.start_date + 25, a.tz, CASE WHEN a.status = 'TERMINATED' AND a.start_date + 25 > a.term_date THEN 'CANCELLED' ELSE 'OPEN' END,
          CASE WHEN a.status = 'TERMINATED' AND a.start_date + 25 > a.term_date THEN a.term_date::timestamptz END, (a.start_date - 5)::timestamptz
     FROM bench_mon.ag a WHERE a.n BETWEEN $1 AND $2 AND a.activated AND a.no_pic`,
];

async function main() {
  const target = new URL(o.databaseUrl);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  const refreshJs = resolve(ROOT, 'dist/libs/monitoring/src/figures/refresh.js');
  if (!existsSync(refreshJs)) throw new Error('dist/ is missing the monitoring library: run `npm run build` first');
  console.log(`Monitoring population in ${dbName}: ${fmtN(o.agreements)} agreements (seed ${o.seed}, ${o.jobs} jobs)`);
  const started = Date.now();

  if (!o.skipPopulation) {
    await phase(`population (bench/seed.mjs: ${fmtN(o.enterprises)} small firms, ${o.partners} partners, ${o.opportunities} opportunities)`, async () => {
      const args = [resolve(HERE, 'seed.mjs'), '--enterprises', String(o.enterprises), '--partners', String(o.partners), '--opportunities', String(o.opportunities),
        '--database-url', o.databaseUrl, '--jobs', String(o.jobs), '--seed', String(o.seed), ...(o.fresh ? ['--fresh'] : [])];
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`bench/seed.mjs exited with ${r.status ?? r.signal}`);
    });
  }

  const db = await session();
  try {
    const { rows: existing } = await db.query(`SELECT count(*)::int AS n FROM agreement`);
    if (existing[0].n) throw new Error(`${dbName} already holds ${fmtN(existing[0].n)} agreements: rerun with --fresh (drops the database)`);
    // One partner in twenty has not appointed a PIC (its agreements carry an APPOINT_PIC obligation).
    await db.query(`UPDATE organization SET pic = NULL WHERE id IN (
      SELECT id FROM (SELECT id, row_number() OVER (ORDER BY nib) AS r FROM organization WHERE kind = 'partner') x WHERE r % 20 = 0)`);
    const planned = await phase('plan agreements', () => plan(db));
    console.log(`  ${fmtN(planned)} agreements planned`);

    await phase(`agreements, terms, commitments, sessions, obligations (batches of ${fmtN(o.batch)})`, async () => {
      const ranges = [];
      for (let lo = 1; lo <= planned; lo += o.batch) ranges.push([lo, Math.min(planned, lo + o.batch - 1)]);
      let done = 0;
      const t0 = Date.now();
      const worker = async () => {
        const c = await session();
        try {
          for (let r = ranges.shift(); r; r = ranges.shift()) {
            await c.query('BEGIN');
            for (const sql of BATCH_SQL) await c.query(sql, r);
            await c.query('COMMIT');
            done += r[1] - r[0] + 1;
            console.log(`  ${fmtN(done)} / ${fmtN(planned)} agreements (${fmtN(Math.round(done / ((Date.now() - t0) / 1000)))} /s)`);
          }
        } finally {
          await c.end();
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.jobs, ranges.length) }, worker));
    });

    await phase('province-limited officer', async () => {
      await db.query(`INSERT INTO app_user (email, password_hash, full_name, role, province_codes)
        SELECT 'ministry-33@bench.jalin.id', password_hash, 'Petugas Jawa Tengah', 'MINISTRY', ARRAY['33'] FROM app_user
         WHERE email = 'ministry@bench.jalin.id' ON CONFLICT DO NOTHING`);
    });
    await phase('vacuum analyze', async () => {
      await db.query(`DROP SCHEMA bench_mon CASCADE`);
      await db.query(`VACUUM (ANALYZE) application, agreement, agreement_terms, commitment, coaching_session, obligation`);
    });

    const refreshMs = await phase('monitoring snapshot (refreshMonitoringFigures)', async () => {
      const { DataSource } = await import('typeorm');
      const { refreshMonitoringFigures } = await import(pathToFileURL(refreshJs).href);
      const ds = new DataSource({ type: 'postgres', url: o.databaseUrl, applicationName: 'jalin-bench-refresh' });
      await ds.initialize();
      try {
        const r = await refreshMonitoringFigures(ds);
        console.log(`  as of ${r.asOf}: ${fmtN(r.agreements)} agreements, ${fmtN(r.obligations)} obligations, ${fmtN(r.sessions)} confirmed sessions; ${fmtN(r.written)} fact rows written`);
        return r.durationMs;
      } finally {
        await ds.destroy();
      }
    });

    const counts = await db.query(`
      SELECT 'agreement ' || status AS what, count(*)::int AS n FROM agreement GROUP BY status
      UNION ALL SELECT 'obligation ' || type, count(*)::int FROM obligation GROUP BY type
      UNION ALL SELECT 'obligation (all)', count(*)::int FROM obligation
      UNION ALL SELECT 'coaching_session ' || status, count(*)::int FROM coaching_session GROUP BY status
      UNION ALL SELECT 'monitoring_cell', count(*)::int FROM monitoring_cell
      UNION ALL SELECT 'monitoring_segment', count(*)::int FROM monitoring_segment
      UNION ALL SELECT 'monitoring_partner_segment', count(*)::int FROM monitoring_partner_segment
      UNION ALL SELECT 'monitoring_reach', count(*)::int FROM monitoring_reach
      ORDER BY 1`);
    const size = await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS db`);
    console.log(`\nDone: ${dbName} in ${fmtS(Date.now() - started)}; the snapshot took ${fmtS(refreshMs)}`);
    console.log('\nPhase timings');
    for (const [name, ms] of timings) console.log(`  ${name.padEnd(60)} ${fmtS(ms).padStart(9)}`);
    console.log('\nRow counts');
    for (const r of counts.rows) console.log(`  ${r.what.padEnd(40)} ${fmtN(r.n).padStart(11)}`);
    console.log(`\nDatabase size ${size.rows[0].db}`);
    console.log('Logins (password jalin-bench-2026): ministry@bench.jalin.id (all provinces), ministry-33@bench.jalin.id (Jawa Tengah), admin@bench.jalin.id');
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
