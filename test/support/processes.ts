/**
 * The built programs as child processes, and private Redis servers a test may stop and start
 * (never the shared one on 6379). `npm test` builds dist before jest runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ports the OS has just handed out (and released), one per `n`. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

export interface Program {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/apps/<app>/src/main.js` with `env` on top of this process's environment (minus jest's NODE_OPTIONS). */
export function startBuilt(app: 'api' | 'worker', env: Record<string, string>): Program {
  const proc = spawn('node', [`dist/apps/${app}/src/main.js`], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', SEED_DEMO_ON_EMPTY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Polls `url` until it answers (any status); returns that response. */
export async function reachable(url: string, ms = 30_000, init?: RequestInit): Promise<Response> {
  return until(`${url} to answer`, () => fetch(url, init), ms, 150);
}

export interface PrivateRedis {
  port: number;
  url: string;
  proc: ChildProcess;
  /** Stops this server (SIGKILL by default: an abrupt outage). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  client(): Redis;
}

/**
 * A redis-server of the test's own on `port` (a free one when omitted), without persistence. With
 * `cluster`, a one-node Redis Cluster owning every slot: multi-key commands and scripts are checked
 * for CROSSSLOT exactly as on a real cluster.
 */
export async function startRedis(opts: { port?: number; cluster?: boolean } = {}): Promise<PrivateRedis> {
  const port = opts.port ?? (await freePorts(1))[0];
  const dir = mkdtempSync(join(tmpdir(), 'jalin-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir];
  if (opts.cluster) args.push('--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'));
  const proc = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const clients: Redis[] = [];
  const client = () => {
    const c = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  const admin = client();
  await until(`redis-server on ${port}`, async () => {
    if (admin.status !== 'ready') await admin.connect();
    return (await admin.ping()) === 'PONG';
  }, 10_000, 50);
  if (opts.cluster) {
    await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    await until('the one-node cluster to be ok', async () => /cluster_state:ok/.test(String(await admin.call('CLUSTER', 'INFO'))), 10_000, 100);
  }
  admin.disconnect();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    proc,
    client,
    async stop(signal: NodeJS.Signals = 'SIGKILL') {
      for (const c of clients.splice(0)) if (c.status !== 'end') c.disconnect();
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
