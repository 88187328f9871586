#!/usr/bin/env node
// Baseline: GET /health (no database, no auth) for 10 s at 10 connections.
//   node bench/health.mjs [--url http://127.0.0.1:3000] [--duration 10] [--connections 10]
import { parseFlags, printResult, runLoad } from './lib.mjs';

const f = parseFlags();
const url = f.url ?? 'http://127.0.0.1:3000';
const duration = Number(f.duration ?? 10);
const connections = Number(f.connections ?? 10);

const probe = await fetch(new URL('/health', url)).catch((err) => {
  console.error(`no API at ${url}: ${err.cause?.message ?? err.message}`);
  process.exit(1);
});
if (!probe.ok) {
  console.error(`GET ${url}/health answered ${probe.status}`);
  process.exit(1);
}

console.log(`GET ${url}/health — ${connections} connections, ${duration} s (after a 2 s warm-up)`);
const r = await runLoad({ url, paths: ['/health'], connections, duration, warmup: 2 });
printResult('GET /health', r);
if (r.errors || r.non2xx) process.exitCode = 1;
