// Shared helpers for the autocannon benchmarks in bench/.
//
//   import { login, runLoad, printResult, parseFlags } from './lib.mjs';
//   const token = await login('http://127.0.0.1:3000', 'ministry@bench.jalin.id', 'jalin-bench-2026');
//   const r = await runLoad({ url: 'http://127.0.0.1:3000', paths: ['/api/v1/opportunities/…/matches', …], token });
//   printResult('matches, broad', r);
//
// Latency percentiles are computed from every response time autocannon reports (its own summary has
// p50/p97.5/p99 but no p95). Requests rotate through `paths`, one after the other across all
// connections, so each URL gets an even share.
import autocannon from 'autocannon';

/** `--url x --duration 10` → { url: 'x', duration: '10' }; bare `--flag` → true. */
export function parseFlags(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = true;
  }
  return out;
}

/** Signs in through the API; returns the access token. */
export async function login(url, email, password) {
  const res = await fetch(new URL('/api/v1/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.accessToken)
    throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.accessToken;
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/**
 * Runs autocannon against `url` + each of `paths` (rotating), with an optional bearer token.
 * Options: connections (10), duration in seconds (10), amount (requests; overrides duration),
 * warmup seconds (0: a separate unrecorded run first), method ('GET'), body, headers, timeout (s).
 * Returns { requests, seconds, rps, p50, p95, p99, max, mean, errors, timeouts, non2xx, statuses }.
 */
export async function runLoad({
  url,
  paths = ['/'],
  token,
  connections = 10,
  duration = 10,
  amount,
  warmup = 0,
  method = 'GET',
  body,
  headers = {},
  timeout = 30,
}) {
  if (!paths.length) throw new Error('runLoad: no paths');
  const allHeaders = { accept: 'application/json', ...headers };
  if (token) allHeaders.authorization = `Bearer ${token}`;
  if (body !== undefined && !allHeaders['content-type']) allHeaders['content-type'] = 'application/json';
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);

  const once = (opts, record) =>
    new Promise((resolve, reject) => {
      let next = 0;
      const times = [];
      const statuses = {};
      const inst = autocannon(
        {
          url,
          connections,
          timeout,
          ...opts,
          requests: [
            {
              method,
              headers: allHeaders,
              ...(payload !== undefined ? { body: payload } : {}),
              setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve({ result, times, statuses })),
      );
      if (record) {
        inst.on('response', (_client, status, _bytes, responseTime) => {
          times.push(responseTime);
          statuses[status] = (statuses[status] ?? 0) + 1;
        });
      }
    });

  if (warmup > 0) await once({ duration: warmup }, false);
  const { result, times, statuses } = await once(amount ? { amount } : { duration }, true);
  times.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    requests: times.length,
    seconds,
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.length ? times[times.length - 1] : NaN,
    mean: times.length ? times.reduce((s, x) => s + x, 0) / times.length : NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

/** One line per run: p50/p95/p99 in ms, requests per second, and anything that was not a 2xx. */
export function printResult(title, r) {
  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');
  const bad = Object.entries(r.statuses).filter(([s]) => !s.startsWith('2'));
  const problems = [
    r.errors ? `${r.errors} errors` : '',
    r.timeouts ? `${r.timeouts} timeouts` : '',
    bad.length ? `non-2xx ${bad.map(([s, n]) => `${s}×${n}`).join(' ')}` : '',
  ].filter(Boolean);
  console.log(
    `${title.padEnd(32)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ` +
      `${r.rps.toFixed(1).padStart(8)} req/s  (${r.requests} requests in ${r.seconds.toFixed(1)} s${problems.length ? `; ${problems.join(', ')}` : ''})`,
  );
}
