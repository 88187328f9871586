#!/usr/bin/env node
// Benchmark population: N small firms, partners and OPEN opportunities in a PostgreSQL database.
//
//   node bench/seed.mjs --enterprises 1000000 [--partners 200] [--opportunities 300]
//                       [--database-url postgres://…] [--fresh] [--jobs 2] [--batch 100000] [--seed 1]
//
// Needs the built app (`npm run build`): migrations and the KBLI import run through its CLIs.
// Small firms are generated set-based inside PostgreSQL (INSERT … SELECT from generate_series joined
// to small weighted lookup tables), deterministic per row number and --seed (hash-based randomness,
// no random()). Ids are derived from the row number too, so two runs give the same rows; only dates
// follow the clock (certificates expire relative to today, opportunities close in 90 days).
// The organization table's secondary indexes are dropped for the load and rebuilt afterwards from
// their own definitions (saved in bench_seed.saved_index, so an interrupted run restores them).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { getIslands } from 'idn-area-data';
import * as D from './seed-data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const USAGE = `usage: node bench/seed.mjs --enterprises N [--partners 200] [--opportunities 300]
       [--database-url postgres://…] [--fresh] [--jobs 2] [--batch 100000] [--seed 1] [--kbli-csv path]
       [--password jalin-bench-2026]
  --fresh   drop the database first (refuses while anyone is connected to it)`;

// ------------------------------------------------------------------------------------------ options
function parseArgs(argv) {
  const o = {
    enterprises: null,
    partners: 200,
    opportunities: 300,
    databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/jalin_bench',
    fresh: false,
    jobs: 2,
    batch: 100_000,
    seed: 1,
    kbliCsv: resolve(ROOT, '../shared/data/kbli-2020.csv'),
    password: 'jalin-bench-2026',
    enterpriseUsers: 100,
  };
  const ints = {
    '--enterprises': 'enterprises',
    '--partners': 'partners',
    '--opportunities': 'opportunities',
    '--jobs': 'jobs',
    '--batch': 'batch',
    '--seed': 'seed',
    '--enterprise-users': 'enterpriseUsers',
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    if (a.includes('=')) [a, v] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    const next = () => v ?? argv[++i];
    if (a in ints) {
      const s = String(next() ?? '').replace(/[_,]/g, '');
      if (!/^\d+$/.test(s)) throw new Error(`${a} wants a whole number\n${USAGE}`);
      o[ints[a]] = Number(s);
    } else if (a === '--database-url') o.databaseUrl = next();
    else if (a === '--kbli-csv') o.kbliCsv = resolve(next());
    else if (a === '--password') o.password = next();
    else if (a === '--fresh') o.fresh = true;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (o.enterprises === null) throw new Error(USAGE);
  if (o.jobs < 1) o.jobs = 1;
  if (o.batch < 1000) o.batch = 1000;
  return o;
}

// ------------------------------------------------------------------------------------------ helpers
const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const arr = (xs) => `ARRAY[${xs.map(lit).join(',')}]::text[]`;
const pick = (xs, u) => `(${arr(xs)})[1 + floor((${u}) * ${xs.length})::int]`;
const fmtS = (ms) => `${(ms / 1000).toFixed(1)} s`;
const fmtN = (n) => Number(n).toLocaleString('en-US');

const timings = [];
async function phase(name, fn) {
  const t0 = Date.now();
  process.stdout.write(`» ${name}…\n`);
  const out = await fn();
  const ms = Date.now() - t0;
  timings.push([name, ms]);
  console.log(`  ${name}: ${fmtS(ms)}`);
  return out;
}

function runCli(args, env) {
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Deterministic PRNG for the few rows generated in JS (partners, opportunities). */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    weighted: (items, w) => {
      const total = items.reduce((s, x) => s + w(x), 0);
      let r = next() * total;
      for (const x of items) if ((r -= w(x)) < 0) return x;
      return items[items.length - 1];
    },
    subset: (xs, lo, hi) => {
      const n = lo + Math.floor(next() * (hi - lo + 1));
      const c = [...xs];
      for (let i = c.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [c[i], c[j]] = [c[j], c[i]];
      }
      return c.slice(0, n);
    },
  };
}

const kbliPrefixes = (codes) => {
  const s = new Set();
  for (const c of codes) for (let n = 2; n <= c.length; n++) s.add(c.slice(0, n));
  return [...s].sort();
};
const regionPath = (code) => code.split('.').map((_, i, p) => p.slice(0, i + 1).join('.'));
const sig2 = (x) => {
  if (x < 10) return Math.max(1, Math.round(x));
  const m = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / m) * m;
};

/** Regency centres: median of the regency's islands (idn-area-data) when near the province, else a hash-jitter around it. */
async function regencyCentres(regencies) {
  const prov = new Map(D.PROVINCES.map(([c, , lat, lng, spread]) => [c, { lat, lng, spread }]));
  const dms = /(\d+)°(\d+)'([\d.]+)" ([NS]) (\d+)°(\d+)'([\d.]+)" ([EW])/;
  const byRegency = new Map();
  for (const i of await getIslands()) {
    const m = dms.exec(i.coordinate);
    if (!m) continue;
    const lat = (+m[1] + m[2] / 60 + m[3] / 3600) * (m[4] === 'S' ? -1 : 1);
    const lng = (+m[5] + m[6] / 60 + m[7] / 3600) * (m[8] === 'W' ? -1 : 1);
    if (!byRegency.has(i.regency_code)) byRegency.set(i.regency_code, []);
    byRegency.get(i.regency_code).push([lat, lng]);
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  };
  const r = rng(4242);
  return regencies.map(({ code, name }) => {
    const p = prov.get(code.slice(0, 2));
    const isl = byRegency.get(code);
    let lat = p.lat + (r.next() - 0.5) * p.spread * 1.6;
    let lng = p.lng + (r.next() - 0.5) * p.spread * 1.6;
    let spread = Math.max(0.05, Math.min(0.5, p.spread * 0.4));
    if (isl?.length) {
      const ilat = median(isl.map((x) => x[0]));
      const ilng = median(isl.map((x) => x[1]));
      if (Math.abs(ilat - p.lat) <= p.spread * 2 + 1 && Math.abs(ilng - p.lng) <= p.spread * 2 + 1) {
        // Islands lie off the coast: pull the centre a third of the way back towards the province.
        lat = ilat + (p.lat - ilat) / 3;
        lng = ilng + (p.lng - ilng) / 3;
      }
    }
    if (code.startsWith('31.')) spread = 0.05;
    return { code, name, lat: +lat.toFixed(5), lng: +lng.toFixed(5), spread };
  });
}

// ------------------------------------------------------------------------------------------ SQL parts
/** Hash-based uniform [0,1) of (row number, salt); `salt` shifted by --seed. */
const U = (n, salt) => `bench_seed.u(${n}, ${salt})`;
/** Standard normal from two uniforms (Box–Muller). */
const Z = (n, s1, s2) => `(sqrt(-2 * ln(1 - ${U(n, s1)})) * cos(2 * pi() * ${U(n, s2)}))`;

/** Luhn check digit of an 8-digit bigint column (the legacy NPWP's 9th digit). */
function luhnSql(v) {
  const terms = [];
  for (let i = 0; i < 8; i++) {
    const d = `(${v} / ${10 ** i} % 10)`;
    terms.push(i % 2 === 0 ? `(CASE WHEN ${d} * 2 > 9 THEN ${d} * 2 - 9 ELSE ${d} * 2 END)` : d);
  }
  return `((10 - ((${terms.join(' + ')}) % 10)) % 10)`;
}

async function createHelpers(c, seed, regencies) {
  await c.query(`DROP SCHEMA IF EXISTS bench_seed CASCADE`);
  await c.query(`CREATE SCHEMA bench_seed`);
  await c.query(`CREATE TABLE bench_seed.saved_index (name text PRIMARY KEY, def text NOT NULL, size bigint)`);
  await c.query(`CREATE FUNCTION bench_seed.u(n bigint, salt int) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ((hashint8extended(n, salt + ${seed * 100_000}) >> 11) & 9007199254740991)::float8 / 9007199254740992 $$`);
  await c.query(`CREATE FUNCTION bench_seed.sig2(x double precision) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT CASE WHEN x < 10 THEN greatest(1, round(x))
               ELSE round(x / 10 ^ (floor(log(x)) - 1)) * 10 ^ (floor(log(x)) - 1) END::bigint $$`);
  await c.query(`CREATE FUNCTION bench_seed.uuid(kind text, n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
       FROM (SELECT md5('jalin-bench:' || kind || ':' || n) AS h) x $$`);

  // Provinces with population weights and centroids; villages numbered within their province.
  await c.query(
    `CREATE TABLE bench_seed.prov (code text PRIMARY KEY, weight float8, lat float8, lng float8, spread float8, village_count int)`,
  );
  await c.query(
    `INSERT INTO bench_seed.prov (code, weight, lat, lng, spread)
    SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::float8[])`,
    [0, 1, 2, 3, 4].map((i) => D.PROVINCES.map((p) => p[i])),
  );
  await c.query(`CREATE TABLE bench_seed.regency (code text PRIMARY KEY, name text, lat float8, lng float8, spread float8)`);
  await c.query(
    `INSERT INTO bench_seed.regency SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[])`,
    [
      regencies.map((r) => r.code),
      regencies.map((r) => r.name),
      regencies.map((r) => r.lat),
      regencies.map((r) => r.lng),
      regencies.map((r) => r.spread),
    ],
  );
  await c.query(`CREATE TABLE bench_seed.village AS
    SELECT v.province_code, (row_number() OVER (PARTITION BY v.province_code ORDER BY v.code) - 1)::int AS idx,
      v.code, v.name, d.code AS district_code, d.name AS district_name, rg.code AS regency_code, rg.name AS regency_name,
      p.name AS province_name,
      rr.lat + (bench_seed.u(hashtext(d.code)::bigint, 901) - 0.5) * rr.spread AS base_lat,
      rr.lng + (bench_seed.u(hashtext(d.code)::bigint, 902) - 0.5) * rr.spread AS base_lng
    FROM region v JOIN region d ON d.code = v.parent_code JOIN region rg ON rg.code = d.parent_code
    JOIN region p ON p.code = v.province_code JOIN bench_seed.regency rr ON rr.code = rg.code
    WHERE v.level = 'village'`);
  await c.query(`CREATE UNIQUE INDEX ON bench_seed.village (province_code, idx)`);
  await c.query(
    `UPDATE bench_seed.prov p SET village_count = (SELECT count(*) FROM bench_seed.village v WHERE v.province_code = p.code)`,
  );
  await c.query(`DELETE FROM bench_seed.prov WHERE village_count = 0`);
  await c.query(`CREATE TABLE bench_seed.prov_slot AS
    SELECT s.slot, p.code FROM generate_series(0, 99999) s(slot)
    JOIN (SELECT code, sum(weight) OVER (ORDER BY code) - weight AS lo, sum(weight) OVER (ORDER BY code) AS hi,
                 sum(weight) OVER () AS tot FROM bench_seed.prov) p
      ON s.slot >= floor(p.lo / p.tot * 100000) AND s.slot < floor(p.hi / p.tot * 100000)`);
  await c.query(`ALTER TABLE bench_seed.prov_slot ADD PRIMARY KEY (slot)`);

  // Divisions and their sub-classes, weighted; 100 000 slots map a uniform draw to a code.
  await c.query(`CREATE TABLE bench_seed.division (division text PRIMARY KEY, weight float8, unit text, per_worker float8, noun text,
      p_pirt float8, p_halal float8, p_sni float8, p_bpom float8, p_iso float8, p_organic float8, code_count int)`);
  for (const [div, w, unit, perWorker, noun, p] of D.DIVISIONS) {
    await c.query(`INSERT INTO bench_seed.division VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,0)`, [
      div,
      w,
      unit,
      perWorker,
      noun,
      p.PIRT ?? 0,
      p.HALAL ?? 0,
      p.SNI ?? 0,
      p.BPOM_MD ?? 0,
      p.ISO_9001 ?? 0,
      p.ORGANIC ?? 0,
    ]);
  }
  await c.query(`CREATE TABLE bench_seed.kbli_pick AS
    SELECT k.code, left(k.code, 2) AS division, 1::float8 AS w, d.noun,
      initcap(regexp_replace(k.title, '^(Industri|Kegiatan)\\s+', '', 'i')) AS product, NULL::text[] AS variants,
      d.unit, d.per_worker, k.title
    FROM kbli k JOIN bench_seed.division d ON d.division = left(k.code, 2) WHERE k.level = 5`);
  const hot = Object.entries(D.KBLI_HOT);
  await c.query(
    `UPDATE bench_seed.kbli_pick p SET w = h.w, noun = coalesce(h.noun, p.noun),
      variants = CASE WHEN h.variants = '' THEN NULL ELSE string_to_array(h.variants, '|') END,
      unit = coalesce(h.unit, p.unit), per_worker = coalesce(h.per_worker, p.per_worker)
    FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[], $5::text[], $6::float8[]) AS h(code, w, noun, variants, unit, per_worker)
    WHERE p.code = h.code`,
    [
      hot.map(([k]) => k),
      hot.map(([, v]) => v[0]),
      hot.map(([, v]) => v[1] ?? null),
      hot.map(([, v]) => (v[2] ?? []).join('|')),
      hot.map(([, v]) => v[3] ?? null),
      hot.map(([, v]) => v[4] ?? null),
    ],
  );
  const { rows: missing } = await c.query(
    `SELECT h FROM unnest($1::text[]) h WHERE h NOT IN (SELECT code FROM bench_seed.kbli_pick)`,
    [hot.map(([k]) => k)],
  );
  if (missing.length) console.warn(`  note: KBLI codes not in the kbli table (ignored): ${missing.map((r) => r.h).join(', ')}`);
  await c.query(`DELETE FROM bench_seed.kbli_pick WHERE w <= 0`);
  await c.query(`ALTER TABLE bench_seed.kbli_pick ADD PRIMARY KEY (code)`);
  await c.query(`CREATE TABLE bench_seed.kbli_div AS
    SELECT division, (row_number() OVER (PARTITION BY division ORDER BY code) - 1)::int AS idx, code FROM bench_seed.kbli_pick`);
  await c.query(`ALTER TABLE bench_seed.kbli_div ADD PRIMARY KEY (division, idx)`);
  await c.query(
    `UPDATE bench_seed.division d SET code_count = (SELECT count(*) FROM bench_seed.kbli_div k WHERE k.division = d.division)`,
  );
  await c.query(`CREATE TABLE bench_seed.kbli_slot AS
    WITH p AS (SELECT k.code, d.weight * k.w / sum(k.w) OVER (PARTITION BY k.division) AS pw
               FROM bench_seed.kbli_pick k JOIN bench_seed.division d USING (division)),
         c AS (SELECT code, sum(pw) OVER (ORDER BY code) - pw AS lo, sum(pw) OVER (ORDER BY code) AS hi, sum(pw) OVER () AS tot FROM p)
    SELECT s.slot, c.code FROM generate_series(0, 99999) s(slot)
    JOIN c ON s.slot >= floor(c.lo / c.tot * 100000) AND s.slot < floor(c.hi / c.tot * 100000)`);
  await c.query(`ALTER TABLE bench_seed.kbli_slot ADD PRIMARY KEY (slot)`);
  await c.query(
    `ANALYZE bench_seed.prov, bench_seed.prov_slot, bench_seed.village, bench_seed.regency, bench_seed.kbli_pick, bench_seed.kbli_div, bench_seed.kbli_slot, bench_seed.division`,
  );
}

/** INSERT of small firms numbered $1..$2 (inclusive). One statement; every value follows from the row number. */
function enterpriseInsertSql() {
  const n = 'n';
  const certExpiry = (salt, nullShare = 0) => `CASE WHEN ${U(n, salt)} < ${nullShare} THEN NULL
      ELSE to_char(current_date + CASE WHEN ${U(n, salt + 1)} < 0.15 THEN -(1 + floor(${U(n, salt + 2)} * 700))::int
                                       ELSE (30 + floor(${U(n, salt + 2)} * 1800))::int END, 'YYYY-MM-DD') END`;
  const needs = D.NEEDS.map(([need, p], i) => `CASE WHEN ${U(n, 60 + i)} < ${p} THEN '${need}' END`).join(', ');
  return `
WITH g AS (
  SELECT n,
    floor(${U('n', 1)} * 100000)::int AS s_prov, ${U('n', 2)} AS u_vil,
    floor(${U('n', 3)} * 100000)::int AS s_k1,
    ${U('n', 4)} < 0.35 AS has2, ${U('n', 5)} < 0.7 AS same2, ${U('n', 6)} AS u_k2,
    ${U('n', 7)} < 0.10 AS kecil, ${U('n', 8)} AS u_lf, ${U('n', 9)} < 0.55 AS female
  FROM generate_series($1::bigint, $2::bigint) n
), b AS (
  SELECT g.*, v.code AS village, v.name AS village_name, v.district_name, v.regency_name, v.province_name, v.province_code,
    v.regency_code, v.base_lat, v.base_lng,
    k1.code AS c1, k1.division, k1.noun, k1.product AS product1_default, k1.variants AS variants1, k1.unit AS unit1, k1.per_worker AS per_worker1,
    d.p_pirt, d.p_halal, d.p_sni, d.p_bpom, d.p_iso, d.p_organic,
    coalesce(kd.code, ks2.code) AS c2raw
  FROM g
  JOIN bench_seed.prov_slot ps ON ps.slot = g.s_prov
  JOIN bench_seed.prov p ON p.code = ps.code
  JOIN bench_seed.village v ON v.province_code = p.code AND v.idx = floor(g.u_vil * p.village_count)::int
  JOIN bench_seed.kbli_slot ks1 ON ks1.slot = g.s_k1
  JOIN bench_seed.kbli_pick k1 ON k1.code = ks1.code
  JOIN bench_seed.division d ON d.division = k1.division
  LEFT JOIN bench_seed.kbli_div kd ON g.has2 AND g.same2 AND kd.division = k1.division AND kd.idx = floor(g.u_k2 * d.code_count)::int
  LEFT JOIN bench_seed.kbli_slot ks2 ON g.has2 AND NOT g.same2 AND ks2.slot = floor(g.u_k2 * 100000)::int
), c AS (
  SELECT b.*, k2.code AS c2, k2.product AS product2_default, k2.variants AS variants2, k2.unit AS unit2, k2.per_worker AS per_worker2,
    CASE WHEN b.u_lf < 0.45 THEN 'Perorangan' WHEN b.u_lf < 0.75 THEN 'UD' WHEN b.u_lf < 0.90 THEN 'CV'
         WHEN b.u_lf < 0.95 THEN 'Koperasi' ELSE 'PT Perorangan' END AS legal_form,
    (CASE WHEN b.kecil THEN least(14900, greatest(2050, round(exp(ln(4000) + 0.45 * ${Z(n, 10, 11)}))))
          ELSE least(1990, greatest(25, round(exp(ln(280) + 0.85 * ${Z(n, 10, 11)})))) END)::bigint * 1000000 AS sales,
    CASE WHEN b.female THEN ${pick(D.FEMALE_NAMES, U(n, 12))} ELSE ${pick(D.MALE_NAMES, U(n, 12))} END AS owner,
    CASE WHEN b.female THEN ${pick(D.FEMALE_TITLES, U(n, 13))} ELSE ${pick(D.MALE_TITLES, U(n, 13))} END AS honorific,
    ${pick(D.NAME_WORDS, U(n, 14))} AS w1, ${pick(D.NAME_WORDS, U(n, 15))} AS w2, ${pick(D.NAME_WORDS, U(n, 16))} AS w3
  FROM b LEFT JOIN bench_seed.kbli_pick k2 ON k2.code = b.c2raw AND b.c2raw <> b.c1
), e AS (
  SELECT c.*,
    (CASE WHEN c.kecil THEN least(49, greatest(5, round(c.sales / (150e6 + ${U(n, 17)} * 150e6))))
          ELSE least(9, greatest(1, round(c.sales / (70e6 + ${U(n, 17)} * 100e6)))) END)::int AS workforce,
    (CASE WHEN c.kecil THEN least(4900, greatest(300, round(c.sales / 1e6 * (0.15 + ${U(n, 18)} * 0.45))))
          ELSE least(990, greatest(5, round(c.sales / 1e6 * (0.2 + ${U(n, 18)} * 0.6)))) END)::bigint * 1000000 AS net_assets,
    coalesce(c.variants1[1 + floor(${U(n, 19)} * cardinality(c.variants1))::int], c.product1_default) AS product1,
    coalesce(c.variants2[1 + floor(${U(n, 20)} * cardinality(c.variants2))::int], c.product2_default) AS product2,
    CASE c.legal_form
      WHEN 'Perorangan' THEN CASE WHEN ${U(n, 21)} < 0.5 THEN c.noun || ' ' || c.honorific || ' ' || c.owner ELSE c.noun || ' ' || c.w1 || ' ' || c.w2 END
      WHEN 'UD' THEN 'UD ' || c.w1 || ' ' || c.w2
      WHEN 'CV' THEN 'CV ' || c.w1 || ' ' || c.w2 || CASE WHEN ${U(n, 21)} < 0.4 THEN ' ' || c.w3 ELSE '' END
      WHEN 'Koperasi' THEN CASE WHEN ${U(n, 21)} < 0.5 THEN 'KUB ' || c.noun || ' ' || c.w1 ELSE 'Koperasi Produsen ' || c.w1 || ' ' || c.w2 END
      ELSE 'PT ' || c.w1 || ' ' || c.noun || ' ' || c.w2 END AS name,
    CASE WHEN ${U(n, 22)} < 0.2 THEN 'WEEK' WHEN ${U(n, 22)} < 0.95 THEN 'MONTH' ELSE 'YEAR' END AS period,
    CASE WHEN ${U(n, 23)} < 0.72 THEN 0 ELSE floor(-ln(1 - ${U(n, 24)}) * 2.5)::int END AS ag_raw,
    CASE WHEN ${U(n, 23)} < 0.72 THEN 0 WHEN ${U(n, 25)} < 0.75 THEN 0 WHEN ${U(n, 25)} < 0.93 THEN 1 ELSE 2 + floor(${U(n, 26)} * 3)::int END AS terminated,
    (CASE WHEN c.legal_form IN ('Perorangan', 'UD') THEN 7 + floor(${U(n, 27)} * 3) ELSE 1 + floor(${U(n, 27)} * 3) END)::bigint * 1000000
      + floor(${U(n, 28)} * 1000000)::bigint AS npwp_head,
    CASE WHEN c.kecil THEN 1.5 ELSE 1 END AS cert_mult
  FROM c
), f AS (
  SELECT e.*,
    CASE WHEN e.ag_raw = 0 AND e.terminated = 0 AND ${U(n, 23)} >= 0.72 THEN 1 ELSE e.ag_raw END AS completed,
    e.workforce * e.per_worker1 * exp(0.35 * ${Z(n, 30, 31)}) AS monthly1,
    e.workforce * coalesce(e.per_worker2, 0) * 0.5 * exp(0.35 * ${Z(n, 32, 33)}) AS monthly2
  FROM e
)
INSERT INTO organization (id, kind, name, nib, npwp, legal_form, address, region_code, province_code, region_path, lat, lng,
  kbli_codes, kbli_prefixes, net_assets_idr, annual_sales_idr, workforce, founded_year, contact_email, contact_phone,
  scale, scale_regime, scale_basis, scale_computed_at, products, capacities, certifications, certification_types, needs,
  agreements_completed, agreements_terminated, sessions_confirmed, track_record, created_at, updated_at, version)
SELECT
  bench_seed.uuid('enterprise', f.n),
  'enterprise', f.name,
  '1' || lpad(f.n::text, 12, '0'),
  CASE WHEN ${U(n, 29)} < 0.8 THEN '0' || lpad(f.npwp_head::text, 8, '0') || ${luhnSql('f.npwp_head')}::text
       || lpad((100 + floor(${U(n, 34)} * 800))::text, 3, '0') || '000' END,
  f.legal_form,
  ${pick(D.STREETS, U(n, 35))} || ' ' || f.village_name || ' No. ' || (1 + floor(${U(n, 36)} * 150))::int
    || CASE WHEN f.province_code IN ('31','32','33','34','35','36') THEN ', RT ' || lpad((1 + floor(${U(n, 37)} * 12))::int::text, 2, '0')
         || '/RW ' || lpad((1 + floor(${U(n, 38)} * 9))::int::text, 2, '0') ELSE '' END
    || ', ' || f.village_name || ', Kec. ' || f.district_name || ', ' || f.regency_name || ', ' || f.province_name,
  f.village, f.province_code,
  ARRAY[f.province_code, f.regency_code, left(f.village, 8), f.village],
  round((f.base_lat + (${U(n, 39)} - 0.5) * 0.04)::numeric, 5)::float8,
  round((f.base_lng + (${U(n, 40)} - 0.5) * 0.04)::numeric, 5)::float8,
  CASE WHEN f.c2 IS NULL THEN ARRAY[f.c1] ELSE ARRAY[f.c1, f.c2] END,
  ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[left(f.c1, 2), left(f.c1, 3), left(f.c1, 4), f.c1,
                                            left(f.c2, 2), left(f.c2, 3), left(f.c2, 4), f.c2]) x WHERE x IS NOT NULL ORDER BY x),
  f.net_assets, f.sales, f.workforce,
  least(2025, greatest(1975, 2025 - floor(-ln(1 - ${U(n, 41)}) * 9)))::int,
  CASE WHEN ${U(n, 42)} < 0.5 THEN lower(regexp_replace(f.name, '[^A-Za-z0-9]+', '', 'g')) || (f.n % 1000) || '@gmail.com' END,
  CASE WHEN ${U(n, 43)} < 0.9 THEN '+62 ' || ${pick(D.MOBILE_PREFIXES, U(n, 44))} || ' ' || lpad(floor(${U(n, 45)} * 10000)::int::text, 4, '0')
       || ' ' || lpad(floor(${U(n, 46)} * 10000)::int::text, 4, '0') END,
  CASE WHEN f.kecil THEN 'KECIL' ELSE 'MIKRO' END, 'pp-7-2021', 'annualSales', now(),
  f.product1 || CASE WHEN f.product1 <> f.product1_default THEN '; ' || f.product1_default ELSE '' END
    || CASE WHEN f.c2 IS NOT NULL THEN '; ' || f.product2 ELSE '' END,
  CASE WHEN ${U(n, 47)} < 0.08 THEN '[]'::jsonb ELSE
    jsonb_build_array(jsonb_build_object('product', f.product1, 'quantity',
        bench_seed.sig2(f.monthly1 * CASE f.period WHEN 'WEEK' THEN 12.0 / 52 WHEN 'YEAR' THEN 12 ELSE 1 END), 'unit', f.unit1, 'period', f.period))
    || CASE WHEN f.c2 IS NOT NULL AND ${U(n, 48)} < 0.5 THEN
         jsonb_build_array(jsonb_build_object('product', f.product2, 'quantity',
           bench_seed.sig2(f.monthly2 * CASE f.period WHEN 'WEEK' THEN 12.0 / 52 WHEN 'YEAR' THEN 12 ELSE 1 END), 'unit', f.unit2, 'period', f.period))
       ELSE '[]'::jsonb END END,
  cc.certs, cc.types,
  CASE WHEN ${U(n, 59)} < 0.12 THEN '{}'::text[] ELSE array_remove(ARRAY[${needs}]::text[], NULL) END,
  f.completed, f.terminated,
  CASE WHEN f.completed > 0 THEN f.completed * floor(${U(n, 49)} * 6)::int ELSE 0 END,
  least(1, (f.completed + 1)::float8 / (f.completed + f.terminated + 2)
           + least(0.1, 0.01 * CASE WHEN f.completed > 0 THEN f.completed * floor(${U(n, 49)} * 6) ELSE 0 END))::real,
  now() - ${U(n, 50)} * interval '1095 days', now(), 1
FROM f
CROSS JOIN LATERAL (
  SELECT coalesce(jsonb_agg(jsonb_build_object('type', x.t, 'number', x.num, 'validUntil', x.vu) ORDER BY x.o), '[]'::jsonb) AS certs,
         coalesce(array_agg(x.t ORDER BY x.o), '{}'::text[]) AS types
  FROM (VALUES
    (1, 'PIRT', ${U(n, 51)} < f.p_pirt * f.cert_mult,
        'P-IRT ' || (1 + floor(${U(n, 70)} * 5))::int || lpad((1 + floor(${U(n, 71)} * 16))::int::text, 2, '0')
          || replace(f.regency_code, '.', '') || lpad((1 + floor(${U(n, 72)} * 12))::int::text, 2, '0')
          || lpad((f.n % 10000)::text, 4, '0') || '-' || (24 + floor(${U(n, 73)} * 6))::int,
        ${certExpiry(80)}),
    (2, 'HALAL', ${U(n, 52)} < f.p_halal * f.cert_mult,
        'ID' || f.province_code || '11' || lpad((f.n % 1000000000)::text, 9, '0') || lpad((1 + floor(${U(n, 74)} * 12))::int::text, 2, '0')
          || (21 + floor(${U(n, 75)} * 5))::int,
        ${certExpiry(83, 0.6)}),
    (3, 'SNI', ${U(n, 53)} < f.p_sni * f.cert_mult,
        'SPPT-SNI ' || lpad(floor(${U(n, 76)} * 10000)::int::text, 4, '0') || '/LSPro-'
          || ${pick(['BBIA', 'BBKB', 'BBPPI', 'B4T'], U(n, 77))} || '/' || (2020 + floor(${U(n, 78)} * 6))::int,
        ${certExpiry(86)}),
    (4, 'BPOM_MD', ${U(n, 54)} < f.p_bpom * f.cert_mult,
        'BPOM RI MD ' || (2 + floor(${U(n, 79)} * 7))::int || lpad((f.n % 100000000000)::text, 11, '0'),
        ${certExpiry(89)}),
    (5, 'ISO_9001', ${U(n, 55)} < f.p_iso * f.cert_mult,
        'QMS-' || lpad((f.n % 100000)::text, 5, '0') || '-ID',
        ${certExpiry(92)}),
    (6, 'ORGANIC', ${U(n, 56)} < f.p_organic * f.cert_mult,
        'LSO-' || ${pick(['BIOCERT', 'INOFICE', 'SUCOFINDO'], U(n, 95))} || '-' || lpad((f.n % 10000)::text, 4, '0') || '-' || (2022 + floor(${U(n, 96)} * 4))::int,
        ${certExpiry(97)})
  ) x(o, t, has, num, vu)
  WHERE x.has
) cc`;
}

// ------------------------------------------------------------------------------------------ main
async function main() {
  const o = parseArgs(process.argv.slice(2));
  const target = new URL(o.databaseUrl);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  if (!dbName) throw new Error('--database-url needs a database name');
  const distMigrate = resolve(ROOT, 'dist/libs/core/src/database/cli.js');
  const distCli = resolve(ROOT, 'dist/apps/api/src/cli.js');
  if (!existsSync(distMigrate) || !existsSync(distCli)) throw new Error('dist/ is missing: run `npm run build` first');
  if (!existsSync(o.kbliCsv)) throw new Error(`KBLI list not found at ${o.kbliCsv} (--kbli-csv)`);
  console.log(
    `Seeding ${dbName} at ${target.host}: ${fmtN(o.enterprises)} enterprises, ${o.partners} partners, ${o.opportunities} opportunities (seed ${o.seed}, ${o.jobs} jobs)`,
  );
  const started = Date.now();

  await phase('create database', async () => {
    const admin = new URL(o.databaseUrl);
    admin.pathname = '/postgres';
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      if (o.fresh) {
        await c.query(`DROP DATABASE IF EXISTS "${dbName.replace(/"/g, '""')}"`);
        console.log(`  dropped ${dbName}`);
      }
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
      if (!rowCount) {
        await c.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
        console.log(`  created ${dbName}`);
      } else console.log(`  ${dbName} exists`);
    } finally {
      await c.end();
    }
  });

  await phase('migrate', async () => runCli([distMigrate, 'migrate'], { DATABASE_URL: o.databaseUrl }));
  await phase('import KBLI', async () => runCli([distCli, 'import-kbli', o.kbliCsv], { DATABASE_URL: o.databaseUrl }));

  const session = async () => {
    const c = new pg.Client({ connectionString: o.databaseUrl, application_name: 'jalin-bench-seed' });
    await c.connect();
    await c.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '64MB'; SET jit = off`);
    return c;
  };
  const db = await session();
  try {
    // An interrupted earlier run may have left the indexes dropped: put them back first.
    const { rows: left } = await db.query(`SELECT to_regclass('bench_seed.saved_index') IS NOT NULL AS has`);
    if (left[0].has) {
      const { rows } = await db.query(`SELECT s.name, s.def FROM bench_seed.saved_index s
        WHERE NOT EXISTS (SELECT 1 FROM pg_indexes i WHERE i.schemaname = 'public' AND i.indexname = s.name)`);
      for (const r of rows) {
        console.log(`  restoring index ${r.name} left dropped by an interrupted run`);
        await db.query(r.def);
      }
    }
    const { rows: seeded } = await db.query(`SELECT count(*)::int AS n FROM organization WHERE nib LIKE '1%' OR nib LIKE '7%'`);
    if (seeded[0].n)
      throw new Error(
        `${dbName} already holds ${fmtN(seeded[0].n)} benchmark organisations: rerun with --fresh (drops the database) or pick another --database-url`,
      );

    await phase('lookup tables', async () => {
      const { rows: regs } = await db.query(`SELECT code, name FROM region WHERE level = 'regency' ORDER BY code`);
      await createHelpers(db, o.seed, await regencyCentres(regs));
    });

    await phase('drop organization secondary indexes', async () => {
      const { rows } =
        await db.query(`SELECT i.indexname AS name, i.indexdef AS def, pg_relation_size(format('%I.%I', i.schemaname, i.indexname)::regclass) AS size
        FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = 'organization'
          AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'public.organization'::regclass)`);
      for (const r of rows) {
        await db.query(`INSERT INTO bench_seed.saved_index VALUES ($1, $2, $3)`, [r.name, r.def, r.size]);
        await db.query(`DROP INDEX public."${r.name}"`);
      }
      console.log(`  dropped ${rows.length}: ${rows.map((r) => r.name).join(', ')}`);
    });

    await phase(`enterprises (${fmtN(o.enterprises)})`, async () => {
      const sql = enterpriseInsertSql();
      const batch = Math.max(1000, Math.min(o.batch, Math.ceil(o.enterprises / o.jobs)));
      const ranges = [];
      for (let lo = 1; lo <= o.enterprises; lo += batch) ranges.push([lo, Math.min(o.enterprises, lo + batch - 1)]);
      let done = 0;
      const t0 = Date.now();
      const worker = async () => {
        const c = await session();
        try {
          for (let r = ranges.shift(); r; r = ranges.shift()) {
            await c.query(sql, r);
            done += r[1] - r[0] + 1;
            const s = (Date.now() - t0) / 1000;
            console.log(`  ${fmtN(done)} / ${fmtN(o.enterprises)} (${fmtN(Math.round(done / s))} rows/s)`);
          }
        } finally {
          await c.end();
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.jobs, ranges.length) }, worker));
    });

    const partners = await phase(`partners (${o.partners})`, () => insertPartners(db, o));
    await phase(`opportunities (${o.opportunities})`, () => insertOpportunities(db, o, partners));
    await phase('users', () => insertUsers(db, o, partners));

    await phase('rebuild organization indexes', async () => {
      const { rows } = await db.query(`SELECT name, def FROM bench_seed.saved_index ORDER BY name`);
      // Biggest first (trigram and full-text GIN), spread over the jobs.
      const weight = (r) => (/gin_trgm_ops/.test(r.def) ? 3 : /\(search\)/.test(r.def) ? 2 : /btree/.test(r.def) ? 1 : 0);
      const queue = rows.sort((a, b) => weight(b) - weight(a));
      const worker = async () => {
        const c = await session();
        try {
          for (let r = queue.shift(); r; r = queue.shift()) {
            const t0 = Date.now();
            await c.query(r.def);
            console.log(`  ${r.name}: ${fmtS(Date.now() - t0)}`);
          }
        } finally {
          await c.end();
        }
      };
      await Promise.all(Array.from({ length: Math.min(o.jobs, queue.length) }, worker));
    });

    await phase('vacuum analyze', async () => {
      await db.query(`DROP SCHEMA bench_seed CASCADE`);
      await db.query(`VACUUM (ANALYZE) organization`);
      await db.query(`ANALYZE`);
    });

    const counts = await db.query(`
      SELECT 'organization ' || kind || ' ' || scale AS what, count(*)::int AS n FROM organization GROUP BY kind, scale
      UNION ALL SELECT 'opportunity ' || substring(title from '^\\[[a-z]+\\]') || ' ' || pattern, count(*)::int FROM opportunity GROUP BY 1
      UNION ALL SELECT 'app_user ' || role, count(*)::int FROM app_user GROUP BY role
      UNION ALL SELECT 'region', count(*)::int FROM region
      UNION ALL SELECT 'kbli', count(*)::int FROM kbli
      ORDER BY 1`);
    const size = await db.query(
      `SELECT pg_size_pretty(pg_total_relation_size('organization')) AS org, pg_size_pretty(pg_database_size(current_database())) AS db`,
    );
    const plan = await db.query(
      `EXPLAIN SELECT id FROM organization WHERE kind = 'enterprise' AND kbli_prefixes @> ARRAY['1079'] AND region_path @> ARRAY['33.20']`,
    );

    console.log(`\nDone: ${dbName} in ${fmtS(Date.now() - started)}`);
    console.log('\nPhase timings');
    for (const [name, ms] of timings) console.log(`  ${name.padEnd(40)} ${fmtS(ms).padStart(9)}`);
    console.log('\nRow counts');
    for (const r of counts.rows) console.log(`  ${r.what.padEnd(40)} ${fmtN(r.n).padStart(11)}`);
    console.log(`\nSize: organization ${size.rows[0].org}, database ${size.rows[0].db}`);
    console.log(
      `\nEXPLAIN SELECT id FROM organization WHERE kind='enterprise' AND kbli_prefixes @> ARRAY['1079'] AND region_path @> ARRAY['33.20']`,
    );
    for (const r of plan.rows) console.log(`  ${r['QUERY PLAN']}`);
    console.log(
      `\nLogins (password ${o.password}): ministry@bench.jalin.id, admin@bench.jalin.id, partner-001@bench.jalin.id … partner-${String(o.partners).padStart(3, '0')}@bench.jalin.id, firm-000001@bench.jalin.id … (first ${Math.min(o.enterpriseUsers, o.enterprises)} firms by NIB)`,
    );
  } finally {
    await db.end();
  }
}

// ------------------------------------------------------------------------------------------ partners
async function insertPartners(db, o) {
  const r = rng(o.seed * 7919 + 1);
  // Partners sit in the regencies with most small firms (industrial centres), one to three codes in one division.
  const { rows: regs } = await db.query(`SELECT region_path[2] AS regency, count(*)::int AS firms FROM organization
    WHERE kind = 'enterprise' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 60`);
  const { rows: picks } =
    await db.query(`SELECT k.code, k.w * d.weight / sum(k.w) OVER (PARTITION BY k.division) AS pw, k.division, k.variants, k.product, k.noun
    FROM bench_seed.kbli_pick k JOIN bench_seed.division d USING (division) ORDER BY k.code`);
  const byDiv = new Map();
  for (const p of picks) (byDiv.get(p.division) ?? byDiv.set(p.division, []).get(p.division)).push(p);
  const out = [];
  const names = new Set();
  for (let i = 1; i <= o.partners; i++) {
    const reg = r.weighted(regs, (x) => x.firms);
    const { rows: vs } = await db.query(
      `SELECT code, name, district_name, regency_name, province_name, base_lat, base_lng
      FROM bench_seed.village WHERE regency_code = $1 ORDER BY code`,
      [reg.regency],
    );
    const v = r.pick(vs);
    const primary = r.weighted(picks, (p) => p.pw);
    const same = byDiv.get(primary.division).filter((p) => p.code !== primary.code);
    const codes = [
      primary.code,
      ...r.subset(
        same.map((p) => p.code),
        0,
        Math.min(2, same.length),
      ),
    ];
    let name;
    do {
      const [w1, w2] = r.subset(D.PARTNER_WORDS, 2, 2);
      name = `PT ${w1} ${w2} ${r.pick(D.PARTNER_SECTOR_WORDS[primary.division])}${r.chance(0.1) ? ' Tbk' : ''}`;
    } while (names.has(name) && names.size < 5000);
    names.add(name);
    const slug = name
      .toLowerCase()
      .replace(/^pt /, '')
      .replace(/ tbk$/, '')
      .replace(/[^a-z0-9]+/g, '');
    const female = r.chance(0.45);
    const picName = `${r.pick(female ? D.FEMALE_NAMES : D.MALE_NAMES)} ${r.pick(['Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Kurniawan', 'Lestari', 'Nugroho', 'Siregar', 'Setiawan', 'Rahayu', 'Gunawan'])}`;
    const sales = r.int(60, 3000) * 1_000_000_000;
    const head8 = r.int(1, 3) * 1_000_000 + r.int(0, 999_999);
    const luhn = (() => {
      const s = String(head8).padStart(8, '0');
      let sum = 0;
      for (let k = 0; k < 8; k++) {
        let d = s.charCodeAt(7 - k) - 48;
        if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      return (10 - (sum % 10)) % 10;
    })();
    out.push({
      n: i,
      name,
      nib: `7${String(i).padStart(12, '0')}`,
      npwp: `0${String(head8).padStart(8, '0')}${luhn}${r.int(100, 899)}000`,
      address: `Jl. ${r.pick(['Raya Industri', 'Kawasan Industri', 'Jend. Sudirman', 'Gatot Subroto', 'Ahmad Yani'])} No. ${r.int(1, 200)}, ${v.name}, Kec. ${v.district_name}, ${v.regency_name}, ${v.province_name}`,
      regionCode: v.code,
      lat: +(v.base_lat + (r.next() - 0.5) * 0.04).toFixed(5),
      lng: +(v.base_lng + (r.next() - 0.5) * 0.04).toFixed(5),
      kbliCodes: codes,
      division: primary.division,
      primary,
      netAssets: Math.round((sales * (0.3 + r.next() * 0.4)) / 1e6) * 1e6,
      sales,
      workforce: r.int(150, 5000),
      foundedYear: r.int(1970, 2015),
      email: `kemitraan@${slug}.co.id`,
      phone: `+62 ${r.int(21, 99)} ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
      pic: {
        name: picName,
        position: r.pick(D.PIC_POSITIONS),
        email: `${picName.split(' ')[0].toLowerCase()}.kemitraan@${slug}.co.id`,
        phone: `+62 ${r.pick(D.MOBILE_PREFIXES)} ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
      },
    });
  }
  const col = (f) => out.map(f);
  await db.query(
    `INSERT INTO organization (id, kind, name, nib, npwp, legal_form, address, region_code, province_code, region_path, lat, lng,
      kbli_codes, kbli_prefixes, net_assets_idr, annual_sales_idr, workforce, founded_year, contact_email, contact_phone,
      scale, scale_regime, scale_basis, pic)
    SELECT bench_seed.uuid('partner', x.n), 'partner', x.name, x.nib, x.npwp, 'PT', x.address, x.region_code, left(x.region_code, 2),
      string_to_array(x.region_path, ','),
      x.lat, x.lng, string_to_array(x.kbli, ','), string_to_array(x.prefixes, ','), x.net_assets, x.sales, x.workforce, x.founded,
      x.email, x.phone, 'BESAR', 'pp-7-2021', 'annualSales', x.pic
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::text[], $10::text[],
                $11::bigint[], $12::bigint[], $13::int[], $14::int[], $15::text[], $16::text[], $17::jsonb[], $18::text[])
      AS x(n, name, nib, npwp, address, region_code, lat, lng, kbli, prefixes, net_assets, sales, workforce, founded, email, phone, pic, region_path)`,
    [
      col((p) => p.n),
      col((p) => p.name),
      col((p) => p.nib),
      col((p) => p.npwp),
      col((p) => p.address),
      col((p) => p.regionCode),
      col((p) => p.lat),
      col((p) => p.lng),
      col((p) => p.kbliCodes.join(',')),
      col((p) => kbliPrefixes(p.kbliCodes).join(',')),
      col((p) => p.netAssets),
      col((p) => p.sales),
      col((p) => p.workforce),
      col((p) => p.foundedYear),
      col((p) => p.email),
      col((p) => p.phone),
      col((p) => JSON.stringify(p.pic)),
      col((p) => regionPath(p.regionCode).join(',')),
    ],
  );
  const { rows: ids } = await db.query(`SELECT id, nib FROM organization WHERE kind = 'partner' AND nib LIKE '7%'`);
  const idByNib = new Map(ids.map((x) => [x.nib.trim(), x.id]));
  for (const p of out) p.id = idByNib.get(p.nib);
  return out;
}

// ------------------------------------------------------------------------------------------ opportunities
async function insertOpportunities(db, o, partners) {
  if (!partners.length || !o.opportunities) return;
  const r = rng(o.seed * 104729 + 3);
  // Where the small firms of each division are: sites and target regions follow them.
  const { rows: cells } =
    await db.query(`SELECT d AS division, region_path[1] AS province, region_path[2] AS regency, count(*)::int AS firms
    FROM organization, unnest(kbli_divisions) d WHERE kind = 'enterprise' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const { rows: regs } = await db.query(`SELECT code, name, lat, lng FROM bench_seed.regency ORDER BY code`);
  const regency = new Map(regs.map((x) => [x.code, x]));
  const { rows: provs } = await db.query(`SELECT code, name FROM region WHERE level = 'province'`);
  const provName = new Map(provs.map((x) => [x.code, x.name]));
  const byDiv = new Map();
  for (const c of cells) (byDiv.get(c.division) ?? byDiv.set(c.division, []).get(c.division)).push(c);
  const cellsOf = (div) => (byDiv.get(div)?.length ? byDiv.get(div) : cells);
  const bigRegencies = (div) => [...cellsOf(div)].sort((a, b) => b.firms - a.firms).slice(0, 25);
  const { rows: kbliRows } = await db.query(`SELECT code, variants, product, unit, per_worker FROM bench_seed.kbli_pick`);
  const kbli = new Map(kbliRows.map((x) => [x.code, x]));
  const food = (div) => div === '10' || div === '11';

  const rows = [];
  for (let i = 0; i < o.opportunities; i++) {
    const partner = partners[i % partners.length];
    const div = partner.division;
    // A partner's first opportunity is for its main product, later ones for any of its codes.
    const code = i < partners.length ? partner.primary.code : r.pick(partner.kbliCodes);
    const k = kbli.get(code);
    const product = k.variants?.length ? r.pick(k.variants) : k.product;
    const unit = k.unit;
    const perWorker = k.per_worker;
    const u = r.next();
    const shape = u < 0.3 ? 'broad' : u < 0.7 ? 'regional' : 'selective';
    const pattern = r.chance(food(div) || div === '16' ? 0.5 : 0.2) ? 'INTI_PLASMA' : 'SUBCONTRACT';
    const support = r.subset(D.SUPPORT_BY_PATTERN[pattern], 2, 4).sort();
    let kbliCodes;
    let regionCodes = [];
    let site;
    let required = [];
    let title;
    if (shape === 'broad') {
      kbliCodes = [div, code];
      site = r.weighted(bigRegencies(div), (c) => c.firms).regency;
      title = `[broad] ${pattern === 'INTI_PLASMA' ? 'Plasma' : 'Pemasok'} ${product} untuk ${partner.name}`;
    } else if (shape === 'regional') {
      const prov = r.weighted(cellsOf(div), (c) => c.firms).province;
      const inProv = cellsOf(div).filter((c) => c.province === prov);
      site = r.weighted(inProv, (c) => c.firms).regency;
      kbliCodes = r.chance(0.3) ? [code.slice(0, 4)] : [code];
      regionCodes = [prov];
      title = `[regional] ${pattern === 'INTI_PLASMA' ? 'Kemitraan plasma' : 'Subkontrak'} ${product} di ${provName.get(prov)}`;
    } else {
      const cell = r.weighted(cellsOf(div), (c) => c.firms);
      site = cell.regency;
      kbliCodes = [code];
      regionCodes = [cell.regency];
      const cert = food(div)
        ? r.weighted(
            [
              ['HALAL', 5],
              ['PIRT', 4],
              ['BPOM_MD', 1],
            ],
            (x) => x[1],
          )[0]
        : r.chance(0.85)
          ? 'SNI'
          : 'ISO_9001';
      required = [cert];
      title = `[selective] ${pattern === 'INTI_PLASMA' ? 'Plasma' : 'Subkontrak'} ${product} bersertifikat ${cert} — ${regency.get(cell.regency)?.name ?? cell.regency}`;
    }
    const preferred = food(div)
      ? r.subset(
          ['HALAL', 'PIRT', 'BPOM_MD', 'ORGANIC'].filter((c) => !required.includes(c)),
          0,
          2,
        )
      : r.subset(
          ['SNI', 'ISO_9001'].filter((c) => !required.includes(c)),
          0,
          1,
        );
    const period = r.weighted(
      [
        ['MONTH', 7],
        ['WEEK', 2],
        ['YEAR', 1],
      ],
      (x) => x[1],
    )[0];
    const perMonth = perWorker * r.int(3, 15);
    const quantity = sig2(perMonth * (period === 'WEEK' ? 12 / 52 : period === 'YEAR' ? 12 : 1));
    const s = regency.get(site);
    rows.push({
      n: i + 1,
      partnerId: partner.id,
      pattern,
      title,
      description: `${partner.name} membuka ${pattern === 'INTI_PLASMA' ? 'kemitraan inti-plasma' : 'kemitraan subkontrak'} untuk usaha mikro dan kecil penghasil ${product.toLowerCase()} (${k.product}). Kebutuhan sekitar ${quantity} ${unit} per ${{ WEEK: 'minggu', MONTH: 'bulan', YEAR: 'tahun' }[period]} per mitra.`,
      kbliCodes,
      regionCodes,
      site,
      lat: s ? +(s.lat + (r.next() - 0.5) * 0.05).toFixed(5) : null,
      lng: s ? +(s.lng + (r.next() - 0.5) * 0.05).toFixed(5) : null,
      quantity,
      unit,
      period,
      required,
      preferred,
      support,
      slots: r.int(1, 20),
    });
  }
  const col = (f) => rows.map(f);
  const list = (xs) => xs.join(',');
  await db.query(
    `INSERT INTO opportunity (id, partner_id, pattern, title, description, kbli_codes, region_codes, site_region_code, site_lat, site_lng,
      required_quantity, required_unit, required_period, required_certifications, preferred_certifications, support_offered, slots,
      status, published_at, closes_at)
    SELECT bench_seed.uuid('opportunity', x.n), x.partner_id, x.pattern, x.title, x.description, string_to_array(x.kbli, ','),
      coalesce(string_to_array(nullif(x.regions, ''), ','), '{}'), x.site, x.lat, x.lng, x.quantity, x.unit, x.period,
      coalesce(string_to_array(nullif(x.required, ''), ','), '{}'), coalesce(string_to_array(nullif(x.preferred, ''), ','), '{}'),
      string_to_array(x.support, ','), x.slots, 'OPEN', now(), now() + interval '90 days'
    FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[],
                $11::numeric[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::int[])
      AS x(n, partner_id, pattern, title, description, kbli, regions, site, lat, lng, quantity, unit, period, required, preferred, support, slots)`,
    [
      col((x) => x.n),
      col((x) => x.partnerId),
      col((x) => x.pattern),
      col((x) => x.title),
      col((x) => x.description),
      col((x) => list(x.kbliCodes)),
      col((x) => list(x.regionCodes)),
      col((x) => x.site),
      col((x) => x.lat),
      col((x) => x.lng),
      col((x) => x.quantity),
      col((x) => x.unit),
      col((x) => x.period),
      col((x) => list(x.required)),
      col((x) => list(x.preferred)),
      col((x) => list(x.support)),
      col((x) => x.slots),
    ],
  );
}

// ------------------------------------------------------------------------------------------ users
async function insertUsers(db, o, partners) {
  let argon2;
  try {
    argon2 = (await import('argon2')).default;
  } catch {
    console.warn('  argon2 is not installed: no login accounts created');
    return;
  }
  // Same parameters as libs/identity/src/password.ts.
  const hash = await argon2.hash(o.password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await db.query(
    `INSERT INTO app_user (email, password_hash, full_name, role) VALUES
      ('ministry@bench.jalin.id', $1, 'Petugas Benchmark', 'MINISTRY'), ('admin@bench.jalin.id', $1, 'Admin Benchmark', 'ADMIN')`,
    [hash],
  );
  await db.query(
    `INSERT INTO app_user (email, password_hash, full_name, role, organization_id)
    SELECT 'partner-' || lpad(x.i::text, 3, '0') || '@bench.jalin.id', $1, (o.pic->>'name'), 'PARTNER', o.id
    FROM unnest($2::uuid[]) WITH ORDINALITY x(id, i) JOIN organization o ON o.id = x.id`,
    [hash, partners.map((p) => p.id)],
  );
  await db.query(
    `INSERT INTO app_user (email, password_hash, full_name, role, organization_id)
    SELECT 'firm-' || lpad(substr(o.nib, 2)::bigint::text, 6, '0') || '@bench.jalin.id', $1, 'Pemilik ' || o.name, 'ENTERPRISE', o.id
    FROM organization o WHERE o.kind = 'enterprise' AND o.nib BETWEEN '1000000000001' AND '1' || lpad($2::text, 12, '0')`,
    [hash, Math.min(o.enterpriseUsers, o.enterprises)],
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
