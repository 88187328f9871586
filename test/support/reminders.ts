import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/** Polls `probe` until it returns something truthy. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const tag = () => randomBytes(4).toString('hex');
let nibSeq = 0;
const nib = () => `9${String(Date.now() % 1e8).padStart(8, '0')}${String(nibSeq++ % 10_000).padStart(4, '0')}`;

export interface SqlOrg {
  id: string;
  name: string;
  members: { id: string; email: string; locale: 'id' | 'en' }[];
}

/**
 * An organisation written straight into the table (no API: fault tests need many, fast), in the
 * regency `regionCode`, with members (password unusable) and, for a partner, an optional PIC.
 */
export async function sqlOrg(
  ds: DataSource,
  kind: 'partner' | 'enterprise',
  regionCode: string,
  members: ('id' | 'en')[] = ['id'],
  pic: { name: string; email: string } | null = null,
): Promise<SqlOrg> {
  const name = `${kind === 'partner' ? 'PT Inti' : 'UD Plasma'} ${tag()}`;
  const [org]: { id: string }[] = await ds.query(
    `INSERT INTO organization (kind, name, nib, region_code, province_code, region_path, scale, scale_regime, scale_basis, pic)
     VALUES ($1, $2, $3, $4, substr($4, 1, 2), ARRAY[substr($4, 1, 2), $4], $5, 'pp-7-2021', 'ANNUAL_SALES', $6) RETURNING id`,
    [kind, name, nib(), regionCode, kind === 'partner' ? 'BESAR' : 'KECIL', pic ? JSON.stringify({ ...pic, position: 'Manajer Kemitraan', phone: '+62 811 1' }) : null],
  );
  const out: SqlOrg = { id: org.id, name, members: [] };
  for (const locale of members) {
    const email = `${kind}-${tag()}@test.jalin.id`;
    const [u]: { id: string }[] = await ds.query(
      `INSERT INTO app_user (email, password_hash, full_name, role, organization_id, locale) VALUES ($1, 'x', $2, $3, $4, $5) RETURNING id`,
      [email, `Anggota ${locale}`, kind === 'partner' ? 'PARTNER' : 'ENTERPRISE', org.id, locale],
    );
    out.members.push({ id: u.id, email, locale });
  }
  return out;
}

/** A ministry officer (password unusable), limited to `provinceCodes` (none = all). */
export async function sqlOfficer(ds: DataSource, provinceCodes: string[] = [], locale: 'id' | 'en' = 'id'): Promise<{ id: string; email: string }> {
  const email = `officer-${tag()}@test.jalin.id`;
  const [u]: { id: string }[] = await ds.query(
    `INSERT INTO app_user (email, password_hash, full_name, role, province_codes, locale) VALUES ($1, 'x', 'Petugas', 'MINISTRY', $2, $3) RETURNING id`,
    [email, provinceCodes, locale],
  );
  return { id: u.id, email };
}

/** An OPEN Pasal 14 obligation of `partnerId` due on `dueDate` (a date in the partner's zone). */
export async function sqlObligation(ds: DataSource, partnerId: string, dueDate: string, opts: { enterpriseId?: string; timeZone?: string; title?: string } = {}): Promise<string> {
  const [o]: { id: string }[] = await ds.query(
    `INSERT INTO obligation (partner_id, enterprise_id, owed_by, type, title, legal_basis, due_date, time_zone)
     VALUES ($1, $2, 'PARTNER', 'PROGRESS_REPORT', $3, 'PP 44/1997 Pasal 14 huruf b', $4, $5) RETURNING id`,
    [partnerId, opts.enterpriseId ?? null, opts.title ?? `Laporan perkembangan kemitraan ${tag()}`, dueDate, opts.timeZone ?? 'Asia/Jakarta'],
  );
  return o.id;
}

export interface LedgerRow {
  target_id: string;
  kind: string;
  window_days: number;
  recipient_user_id: string | null;
  recipient: string;
  channel: string;
  status: string;
  attempts: number;
  send_at: Date;
}

export const ledger = (ds: DataSource, where = 'TRUE', params: unknown[] = []): Promise<LedgerRow[]> =>
  ds.query(
    `SELECT target_id, kind, window_days, recipient_user_id, recipient, channel, status, attempts, send_at FROM reminders WHERE ${where}
      ORDER BY target_id, kind, window_days, recipient, channel`,
    params,
  );

/** A key per ledger row: what the unique key says. */
export const keyOf = (r: Pick<LedgerRow, 'target_id' | 'kind' | 'window_days' | 'recipient' | 'channel'>) => `${r.target_id}|${r.kind}|${r.window_days}|${r.recipient}|${r.channel}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A private redis-server (no persistence) on `port`, for outage tests; the shared one on 6379 is never touched. */
export class PrivateRedis {
  private proc?: ChildProcess;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await until(`redis-server on ${this.port}`, async () => {
      const r = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await r.connect();
        return (await r.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        r.disconnect();
      }
    }, 10_000, 50);
  }

  /** Kills it (SIGKILL): every key is lost, as on a crash of a Redis without persistence. */
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    p.kill('SIGKILL');
    await exited;
  }
}
