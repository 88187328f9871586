/**
 * The web console end to end, as people use it: Debian's Chromium (playwright-core) against the REAL
 * built API and worker processes (dist/apps/*), each with its own database cloned from the migrated
 * template, its own Redis prefix and an in-process SMTP sink; the API serves the built console
 * (dist/web, built here when missing or older than its sources).
 *
 * The journey: a small firm registers on a 360 px phone → a partner (set up through the API with its
 * PIC) publishes an opportunity → the firm sees it recommended and applies → the partner accepts and
 * drafts an agreement → both sign → the partner schedules a coaching session and records attendance →
 * the firm confirms it → a ministry officer finds the partnership in the dashboard figures and the
 * partner in the compliance table. Then the officer's and the administrator's own work: a monitoring
 * case with its dialogue, a CSV download, a staff account, the audit chain. Every step asserts text a
 * person sees; screenshots of the key pages land in test-artifacts/web/ (gitignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { artifactsDir, ensureWebConsoleBuilt, launchChromium } from './support/browser.js';
import { ADMIN, createTestDb, type TestDb } from './support/app.js';
import { nib, partnerProfile, PASSWORD } from './support/factory.js';
import { freePorts, type Program, reachable, startBuilt, until } from './support/processes.js';
import { startSmtpSink, type SmtpSink } from './support/smtp.js';

const ROOT = process.cwd();
const KBLI_CSV = join(ROOT, '..', 'shared', 'data', 'kbli-2020.csv');
const STEP_MS = 20_000;
const uniq = Date.now().toString(36);

const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

let db: TestDb;
let smtp: SmtpSink;
let api: Program;
let worker: Program;
let base = '';
let browser: Browser;
let firmCtx: BrowserContext;
let partnerCtx: BrowserContext;
let officerCtx: BrowserContext;
let firm: Page;
let partner: Page;
let officer: Page;
const shots = artifactsDir();

const FIRM = {
  fullName: 'Siti Aminah',
  email: `siti-${uniq}@umk.test.jalin.id`,
  password: 'keripik-enak-2026',
  name: `UD Keripik Sari Rasa ${uniq}`,
};
const PARTNER = { email: `mitra-${uniq}@test.jalin.id`, name: `PT Snack Nusantara ${uniq}` };
const OFFICER = { email: `petugas-${uniq}@kemenperin.test.jalin.id`, password: 'petugas-pantau-2026' };
const OPPORTUNITY = `Pasokan keripik singkong ${uniq}`;
let officerToken = '';

/** A form control's label as people read it: exactly this text, with the required-field asterisk or without. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`);

const pad = (n: number) => String(n).padStart(2, '0');
/** Wall time in WIB as `YYYY-MM-DDTHH:mm` (a datetime-local value), `offsetMs` from now. */
function wib(offsetMs = 0): string {
  const d = new Date(Date.now() + offsetMs + 7 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** The page fits a phone: nothing wider than the viewport (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Evaluated in the page (a string: this file is type-checked without the DOM library).
  const { scroll, width } = await page.evaluate<{ scroll: number; width: number }>(
    '({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })',
  );
  expect(scroll).toBeLessThanOrEqual(width);
}

/** Waits until `locator` is visible (a person sees it); fails with what the page showed instead. */
async function sees(locator: Locator, ms = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: ms });
  } catch (err) {
    const page = locator.page();
    await shot(page, `failed-${Date.now()}`).catch(() => undefined);
    const text = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(0, 2000);
    throw new Error(`${String(err)}\n--- the page (${page.url()}) showed:\n${text}`);
  }
}

/** A Mantine Select (combobox): open it, type to narrow, pick the option. */
async function choose(scope: Page | Locator, name: string | RegExp, option: string | RegExp, search?: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: typeof name === 'string' ? label(name) : name }).first();
  await input.click();
  if (search !== undefined) await input.fill(search);
  const page = 'page' in scope ? scope.page() : scope;
  const opt = page.getByRole('option', { name: option }).first();
  await sees(opt);
  await opt.click();
}

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(label('Email')).fill(email);
  await page.getByLabel(label('Kata sandi')).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: STEP_MS });
}

async function json<T>(res: Response): Promise<T> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${res.url}: ${body}`);
  return JSON.parse(body) as T;
}

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ensureWebConsoleBuilt(ROOT);
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js')))
    throw new Error('dist/apps/api is missing: run `npm run build` (npm test does)');
  db = await createTestDb();
  smtp = await startSmtpSink();
  const [port, workerPort] = await freePorts(2);
  base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    WORKER_HEALTH_PORT: String(workerPort),
    DATABASE_URL: db.url,
    REDIS_PREFIX: db.redisPrefix,
    SMTP_URL: smtp.url,
    JWT_SECRET: 'web-e2e-secret-web-e2e-secret-web-e2e-0001',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_LIMIT_PER_IP: '1000',
    LOGIN_LIMIT_PER_EMAIL: '50',
    OUTBOX_RELAY_INTERVAL_MS: '500',
    LOG_LEVEL: 'warn',
  };
  // Reference data a person picks from: the full KBLI 2020 list (typing "keripik" offers 10794).
  const kbli = spawnSync(process.execPath, ['dist/apps/api/src/cli.js', 'import-kbli', KBLI_CSV], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  if (kbli.status !== 0) throw new Error(`KBLI import failed: ${kbli.stderr}`);
  api = startBuilt('api', env);
  worker = startBuilt('worker', env);
  await until('the API to be ready', async () => (await fetch(`${base}/health/ready`)).ok, 60_000, 200).catch((err: unknown) => {
    throw new Error(`${String(err)}\nAPI stderr:\n${api.stderr()}`);
  });
  await reachable(`http://127.0.0.1:${workerPort}/health/ready`, 60_000);
  const home = await fetch(`${base}/`);
  const html = await home.text();
  if (!home.ok || !html.includes('id="root"'))
    throw new Error(`the API does not serve the web console at / (status ${home.status})`);

  // Set-up through the API (not the point of the journey): the partner with its PIC, an officer.
  await json(
    await post('/api/v1/auth/register', {
      email: PARTNER.email,
      password: PASSWORD,
      fullName: 'Dewi Lestari',
      organization: partnerProfile({ name: PARTNER.name }),
    }),
  );
  const admin = await json<{ accessToken: string }>(await post('/api/v1/auth/login', ADMIN));
  await json(
    await post(
      '/api/v1/admin/users',
      { email: OFFICER.email, password: OFFICER.password, fullName: 'Petugas Pemantau', role: 'MINISTRY' },
      admin.accessToken,
    ),
  );
  officerToken = (
    await json<{ accessToken: string }>(await post('/api/v1/auth/login', { email: OFFICER.email, password: OFFICER.password }))
  ).accessToken;

  browser = await launchChromium();
  const common = { locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true };
  firmCtx = await browser.newContext({ ...common, ...PHONE });
  partnerCtx = await browser.newContext({ ...common, ...DESKTOP });
  officerCtx = await browser.newContext({ ...common, ...DESKTOP });
  for (const c of [firmCtx, partnerCtx, officerCtx]) c.setDefaultTimeout(STEP_MS);
  firm = await firmCtx.newPage();
  partner = await partnerCtx.newPage();
  officer = await officerCtx.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all([api?.stop(), worker?.stop()]);
  await smtp?.close();
  await db?.drop();
}, 60_000);

describe('the web console, end to end in Chromium', () => {
  it('a small firm registers on a 360 px phone and sees its size class', async () => {
    const p = firm;
    await p.goto(`${base}/login`);
    await sees(p.getByRole('heading', { name: 'Jalin' }));
    await shot(p, '01-login-360');
    await p.getByRole('link', { name: 'Daftarkan usaha Anda' }).click();
    await sees(p.getByRole('heading', { name: 'Daftar ke Jalin' }));
    await p.getByLabel(label('Nama lengkap')).fill(FIRM.fullName);
    await p.getByLabel(label('Email')).fill(FIRM.email);
    await p.getByLabel(label('Kata sandi')).fill(FIRM.password);
    await p.getByLabel(label('Nama usaha')).fill(FIRM.name);
    await p.getByLabel(label('NIB')).fill(nib());
    await choose(p, 'Provinsi', /^Jawa Tengah$/, 'Jawa Tengah');
    await choose(p, 'Kabupaten/kota', /Kudus/, 'Kudus');
    await choose(p, /KBLI 2020/, /^10794/, 'keripik');
    await p.getByLabel(label('Modal usaha / kekayaan bersih')).fill('300000000');
    await p.getByLabel(label('Hasil penjualan tahunan')).fill('3000000000');
    await p.getByLabel(label('Permodalan')).check();
    await p.getByLabel(label('Pemasaran')).check();
    await expectNoSidewaysScroll(p);
    await shot(p, '02-register-form-360');
    await p.getByRole('button', { name: 'Daftar', exact: true }).click();
    await sees(p.getByRole('heading', { name: 'Pendaftaran berhasil' }));
    await sees(p.getByText(FIRM.name));
    await sees(p.getByText('Kecil', { exact: true }));
    await shot(p, '03-registered-360');
    await p.getByRole('button', { name: 'Lanjut ke Jalin' }).click();
    await p.waitForURL('**/recommendations');
    await expectNoSidewaysScroll(p);
  }, 60_000);

  it('the partner publishes an opportunity', async () => {
    const p = partner;
    await login(p, PARTNER.email, PASSWORD);
    await p.goto(`${base}/opportunities/new`);
    await sees(p.getByRole('heading', { name: 'Peluang baru' }));
    await p.getByLabel(label('Subkontrak')).check();
    await p.getByLabel(label('Judul')).fill(OPPORTUNITY);
    await p
      .getByLabel(label('Deskripsi'))
      .fill('Kami membutuhkan pemasok keripik singkong kemasan 250 g untuk jaringan toko kami.');
    await choose(p, 'KBLI yang dicari', /^10794/, 'keripik');
    await p.getByLabel(label('Kesempatan mengerjakan sebagian produksi')).check();
    await p.getByLabel(/^Batas lamaran/).fill(wib(30 * 24 * 3600_000));
    await p.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await sees(p.getByRole('heading', { name: OPPORTUNITY }));
    await p.getByRole('button', { name: 'Terbitkan' }).click();
    await sees(p.getByText('Peluang diterbitkan.'));
    await sees(p.getByText('Dibuka', { exact: true }));
    await shot(p, '04-partner-opportunity-published');
  }, 60_000);

  it('the firm sees it recommended and applies', async () => {
    const p = firm;
    await p.goto(`${base}/recommendations`);
    await sees(p.getByRole('link', { name: OPPORTUNITY }));
    await sees(p.getByText('/ 100'));
    await sees(p.getByText('Dukungan yang ditawarkan menjawab kebutuhannya: pemasaran'));
    await expectNoSidewaysScroll(p);
    await shot(p, '05-recommendations-360');
    await p.getByRole('link', { name: OPPORTUNITY }).first().click();
    await sees(p.getByRole('heading', { name: OPPORTUNITY }));
    await p
      .getByLabel(label('Pesan untuk mitra'))
      .fill('Kami sanggup memasok 500 kg keripik singkong per bulan, bersertifikat PIRT.');
    await p.getByLabel(label('Jumlah')).fill('500');
    await p.getByLabel(label('Satuan')).fill('kg');
    await p.getByRole('button', { name: 'Kirim lamaran' }).click();
    await sees(p.getByText('Lamaran terkirim.'));
    // After sending, the console shows the firm its applications with the new one's status.
    await sees(p.getByText('Lamaran dan undangan Anda beserta statusnya.'));
    await sees(p.getByRole('link', { name: OPPORTUNITY }).or(p.getByText(OPPORTUNITY)).first());
    await sees(p.getByText('Terkirim').first());
    await expectNoSidewaysScroll(p);
    await shot(p, '06-applied-360');
  }, 60_000);

  it('the partner accepts the application and drafts an agreement', async () => {
    const p = partner;
    await p.goto(`${base}/applications`);
    await sees(p.getByText(FIRM.name));
    await p.getByRole('button', { name: 'Terima', exact: true }).first().click();
    await p.getByRole('dialog').getByRole('button', { name: 'Terima', exact: true }).click();
    await sees(p.getByText('Keputusan disimpan.'));
    await p
      .getByRole('link', { name: 'Buat perjanjian' })
      .or(p.getByRole('button', { name: 'Buat perjanjian' }))
      .first()
      .click();
    await sees(p.getByRole('heading', { name: 'Perjanjian baru' }));
    // The partnership already runs for a week (a start date may lie in the past).
    await p.getByLabel(label('Tanggal mulai')).fill(wib(-7 * 24 * 3600_000).slice(0, 10));
    await choose(p, 'Jenis dukungan', 'Kesempatan mengerjakan sebagian produksi');
    await p.getByLabel(label('Uraian')).first().fill('Pesanan keripik singkong 500 kg per bulan dengan harga Rp25.000 per kg.');
    await p.getByLabel(label('Uraian')).nth(1).fill('Pelatihan higiene pangan dan pengemasan.');
    await shot(p, '07-agreement-builder');
    await p.getByRole('button', { name: 'Simpan draf perjanjian' }).click();
    await sees(p.getByText('Draf perjanjian dibuat.'));
    await p.getByRole('button', { name: 'Ajukan untuk ditandatangani' }).click();
    await sees(p.getByText('Perjanjian diajukan untuk ditandatangani.'));
  }, 60_000);

  it('both parties sign, and the agreement is in force', async () => {
    const p = partner;
    await p.getByRole('button', { name: 'Tanda tangani', exact: true }).click();
    await p.getByLabel(label('Saya telah membaca dan menyetujui ketentuan perjanjian ini')).check();
    await p.getByRole('button', { name: 'Tanda tangani sekarang' }).click();
    await sees(p.getByText('Anda sudah menandatangani. Menunggu pihak lain.'));

    const f = firm;
    await f.goto(`${base}/agreements`);
    await f
      .getByRole('link', { name: new RegExp(OPPORTUNITY) })
      .first()
      .click();
    await sees(f.getByText('Menunggu tanda tangan Anda'));
    await f.getByRole('button', { name: 'Tanda tangani', exact: true }).click();
    await f.getByLabel(label('Saya telah membaca dan menyetujui ketentuan perjanjian ini')).check();
    await f.getByRole('button', { name: 'Tanda tangani sekarang' }).click();
    await sees(f.getByText('Perjanjian ditandatangani.'));
    await sees(f.getByText('Berlaku', { exact: true }));
    await expectNoSidewaysScroll(f);
    await shot(f, '08-agreement-active-360');
  }, 60_000);

  it('the partner schedules a coaching session and records attendance; the firm confirms it', async () => {
    const p = partner;
    await p.reload();
    await sees(p.getByText('Berlaku', { exact: true }));
    await p.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel(label('Topik')).fill('Higiene pangan dan pengemasan');
    // Held this morning: attendance is recorded once a session has begun.
    await dialog.getByLabel(/^Waktu/).fill(wib(-2 * 3600_000));
    await dialog.getByLabel(label('Tempat')).fill('Balai desa Kudus');
    await dialog.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    await sees(p.getByText('Sesi dijadwalkan.'));
    await p.getByRole('tab', { name: 'Sesi pembinaan' }).click();
    await p.getByRole('button', { name: 'Catat kehadiran' }).click();
    await p.getByRole('dialog').getByLabel(label('Nama')).first().fill(FIRM.fullName);
    await p.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await sees(p.getByText('Kehadiran dicatat.'));

    const f = firm;
    await f.reload();
    await f.getByRole('tab', { name: 'Sesi pembinaan' }).click();
    await sees(f.getByText('Higiene pangan dan pengemasan'));
    await f.getByRole('button', { name: 'Konfirmasi terlaksana' }).click();
    await sees(f.getByText('Sesi dikonfirmasi.'));
    await sees(f.getByText('Dikonfirmasi UMK'));
    await expectNoSidewaysScroll(f);
    await shot(f, '09-session-confirmed-360');
  }, 60_000);

  it('a ministry officer finds the partnership in the dashboard and the partner in the compliance table', async () => {
    // The figures are a snapshot the worker takes; ask the worker for a fresh one and await it.
    const asked = Date.now();
    const u = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const queue = new Queue('maintenance', {
      connection: { host: u.hostname, port: Number(u.port || 6379) },
      prefix: db.redisPrefix,
    });
    try {
      await queue.add('refresh-monitoring-figures', {}, { jobId: `web-e2e-refresh-${asked}` });
    } finally {
      await queue.close();
    }
    await until(
      'a monitoring snapshot taken after the session was confirmed',
      async () => {
        const s = await json<{ asOf: string }>(
          await fetch(`${base}/api/v1/monitoring/summary`, { headers: { Authorization: `Bearer ${officerToken}` } }),
        );
        return Date.parse(s.asOf) >= asked - 1000;
      },
      30_000,
      250,
    );

    const p = officer;
    await login(p, OFFICER.email, OFFICER.password);
    await p.waitForURL('**/ministry/dashboard');
    await sees(p.getByRole('heading', { name: 'Dasbor pemantauan kemitraan' }));
    const tile = (id: string) => p.getByTestId(`tile-${id}-value`);
    await sees(tile('agreements'));
    expect(await tile('agreements').innerText()).toBe('1');
    expect(await tile('firms').innerText()).toBe('1');
    expect(await tile('sessions').innerText()).toBe('1');
    await sees(p.getByTestId('tile-agreements').getByText('1 berlaku'));
    await sees(p.getByText(/^Data per /));
    await sees(p.getByTestId('chart-province').getByText('Jawa Tengah').first());
    await shot(p, '10-ministry-dashboard');

    await p.getByRole('link', { name: 'Kepatuhan mitra' }).click();
    await sees(p.getByRole('heading', { name: 'Kepatuhan mitra' }));
    const row = p.getByTestId('compliance-table').getByRole('row', { name: new RegExp(PARTNER.name) });
    await sees(row);
    await sees(row.getByText('Ada', { exact: true }));
    await shot(p, '11-ministry-compliance');

    // The same figures under the filters in the URL: the partner's own province (Jawa Timur) has none
    // of this partnership, which lies in its small firm's province.
    await p.goto(`${base}/ministry/dashboard?province=35`);
    await sees(p.getByText('Tidak ada data untuk saringan ini.'));
    expect(await tile('agreements').innerText()).toBe('0');
  }, 90_000);

  it('the officer opens a monitoring case on the partner, writes with an attachment, concludes and completes it', async () => {
    const p = officer;
    await p.goto(`${base}/ministry/partners`);
    await p
      .getByTestId('compliance-table')
      .getByRole('row', { name: new RegExp(PARTNER.name) })
      .getByRole('link', { name: 'Buka kasus' })
      .click();
    await sees(p.getByRole('heading', { name: 'Kasus baru' }));
    await p
      .getByLabel(label('Alasan pemeriksaan'))
      .fill('Pemeriksaan rutin atas pelaksanaan pembinaan dan pembayaran kepada UMK.');
    await p.getByRole('button', { name: 'Buat draf kasus' }).click();
    await sees(p.getByText(/Kasus MC\/.* dibuat sebagai draf\./));
    await sees(p.getByText('Draf', { exact: true }));
    await p.getByRole('button', { name: 'Buka kasus ke mitra' }).click();
    await sees(p.getByText('Kasus dibuka; mitra diberi tahu.'));
    await sees(p.getByText('Aktif', { exact: true }));
    await p.getByLabel(label('Pesan')).fill('Mohon lampirkan daftar hadir pelatihan higiene pangan.');
    // A real PNG (1×1), as an officer would attach a photo of a document.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const [chooser] = await Promise.all([
      p.waitForEvent('filechooser'),
      p.getByRole('button', { name: label('Lampiran') }).click(),
    ]);
    await chooser.setFiles({ name: 'surat-permintaan.png', mimeType: 'image/png', buffer: png });
    await p.getByRole('button', { name: 'Kirim pesan' }).click();
    await sees(p.getByText('Pesan terkirim.'));
    await sees(p.getByText('Mohon lampirkan daftar hadir pelatihan higiene pangan.'));
    await sees(p.getByRole('button', { name: /surat-permintaan\.png/ }));
    await p.getByRole('button', { name: 'Catat kesimpulan' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel(label('Tidak ada pelanggaran')).check();
    await dialog.getByLabel(label('Pertimbangan petugas')).fill('Daftar hadir dan bukti pembayaran sesuai perjanjian.');
    await dialog.getByRole('button', { name: 'Simpan kesimpulan' }).click();
    await sees(p.getByText('Kesimpulan dicatat; para pihak diberi tahu.'));
    await sees(p.getByText('Tidak ditemukan pelanggaran'));
    await p.getByRole('button', { name: 'Selesaikan kasus' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Selesaikan kasus' }).click();
    await sees(p.getByText('Kasus diselesaikan.'));
    await sees(p.getByText('Selesai', { exact: true }));
    await shot(p, '12-ministry-case');
    // The partner sees the case about it (the parties' side of the API).
    const partnerLogin = await json<{ accessToken: string }>(
      await post('/api/v1/auth/login', { email: PARTNER.email, password: PASSWORD }),
    );
    const cases = await json<{ items: { status: string; messages?: unknown }[] }>(
      await fetch(`${base}/api/v1/cases`, { headers: { Authorization: `Bearer ${partnerLogin.accessToken}` } }),
    );
    expect(cases.items.map((c) => c.status)).toEqual(['COMPLETED']);
  }, 60_000);

  it('the officer downloads the agreements as CSV under the current filters', async () => {
    const p = officer;
    await p.goto(`${base}/ministry/dashboard?province=33`);
    await sees(p.getByTestId('tile-agreements-value'));
    await p.getByRole('button', { name: 'Unduh data' }).click();
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('menuitem', { name: 'CSV — perjanjian' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^jalin-agreements-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^agreement_id,agreement_number,title/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(OPPORTUNITY);
    await sees(p.getByText(/Berkas jalin-agreements-.*\.csv diunduh\./));
  }, 60_000);

  it('the officer reviews the partner’s progress report and asks for a revision', async () => {
    // Set-up through the API: the partner files the report of the agreement's first period.
    const token = (
      await json<{ accessToken: string }>(await post('/api/v1/auth/login', { email: PARTNER.email, password: PASSWORD }))
    ).accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const [agreement] = (
      await json<{ items: { id: string; number: string }[] }>(await fetch(`${base}/api/v1/agreements`, { headers: auth }))
    ).items;
    const obligations = await json<{ items: { periodStart: string; periodEnd: string }[] }>(
      await fetch(`${base}/api/v1/obligations?agreementId=${agreement.id}&type=PROGRESS_REPORT`, { headers: auth }),
    );
    const period = obligations.items[0];
    await json(
      await post(
        `/api/v1/agreements/${agreement.id}/reports`,
        {
          periodStart: period.periodStart,
          periodEnd: period.periodEnd,
          summary: 'Pasokan keripik berjalan; satu pelatihan higiene pangan terlaksana.',
          volumes: [{ product: 'Keripik singkong 250 g', quantity: 500, unit: 'kg', valueIdr: 12_500_000 }],
          coachingDelivered: [{ aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', sessions: 1 }],
          paymentsOnTime: true,
          issues: '',
        },
        token,
      ),
    );

    const p = officer;
    await p.getByRole('link', { name: 'Tinjauan laporan' }).click();
    await sees(p.getByRole('heading', { name: 'Tinjauan laporan' }));
    await sees(p.getByText(new RegExp(`${agreement.number} · ${PARTNER.name}`)));
    await p.getByTestId('report').getByRole('link').first().click();
    await sees(p.getByText('Pasokan keripik berjalan; satu pelatihan higiene pangan terlaksana.'));
    await sees(p.getByText('Rp12.500.000'));
    await p.getByLabel(label('Minta revisi')).check();
    await p.getByRole('button', { name: 'Simpan tinjauan' }).click();
    await sees(p.getByText('Tuliskan apa yang harus direvisi'));
    await p.getByLabel(label('Catatan')).fill('Lampirkan rincian nilai pembayaran per pengiriman.');
    await p.getByRole('button', { name: 'Simpan tinjauan' }).click();
    await sees(p.getByText('Revisi diminta; kewajiban laporan dibuka kembali.'));
    await sees(p.getByText('Perlu revisi', { exact: true }));
    await shot(p, '13-ministry-report-review');
  }, 60_000);

  it('an administrator creates an officer account and verifies the audit chain', async () => {
    const ctx = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...PHONE });
    try {
      const p = await ctx.newPage();
      await login(p, ADMIN.email, ADMIN.password);
      await p.goto(`${base}/platform/staff`);
      const email = `petugas-jateng-${uniq}@kemenperin.test.jalin.id`;
      await p.getByLabel(label('Nama lengkap')).fill('Petugas Jawa Tengah');
      await p.getByLabel(label('Email')).fill(email);
      await p.getByLabel(label('Kata sandi')).fill('petugas-jateng-2026');
      await choose(p, 'Provinsi yang diawasi', /^Jawa Tengah$/, 'Jawa Tengah');
      await p.getByRole('button', { name: 'Buat akun' }).click();
      await sees(p.getByText(new RegExp(`Akun ${email.replace(/[.]/g, '\\.')}`)));
      await expectNoSidewaysScroll(p);
      await p.goto(`${base}/platform/audit`);
      await sees(p.getByRole('heading', { name: 'Jejak audit' }));
      await p.getByRole('button', { name: 'Periksa sekarang' }).click();
      await sees(p.getByText('Rantai audit utuh'));
      await sees(p.getByText(/\d+ catatan diperiksa\./));
      await expectNoSidewaysScroll(p);
      await shot(p, '14-admin-audit-360');
      // The new officer signs in (another browser context) and, limited to Jawa Tengah, sees the partnership there.
      const own = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...DESKTOP });
      try {
        const o = await own.newPage();
        await login(o, email, 'petugas-jateng-2026');
        await sees(o.getByText('Anda mengawasi provinsi Jawa Tengah.'));
        expect(await o.getByTestId('tile-agreements-value').innerText()).toBe('1');
      } finally {
        await own.close();
      }
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
