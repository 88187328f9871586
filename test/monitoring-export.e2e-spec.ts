import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resetEnvCache } from '../libs/core/src/index.js';
import { agreements } from './support/agreements.js';
import { activeAgreement, amendAgreement, type CommitmentSpec, type SqlAgreement, todayIn } from './support/agreements-sql.js';
import { createTestDb, startTestApp, type TestApp } from './support/app.js';
import { bearer, factory, type Session } from './support/factory.js';

/** The OCDS 1.1.5 schemas and code lists, read where the shared data lives (never copied into the repository). */
const OCDS_DIR = resolve(process.cwd(), '../shared/data/ocds-1.1.5');
const readJson = (name: string) => JSON.parse(readFileSync(resolve(OCDS_DIR, name), 'utf8')) as { id: string; [k: string]: unknown };
const codes = (list: string): Set<string> =>
  new Set((parse(readFileSync(resolve(OCDS_DIR, 'codelists', `${list}.csv`)), { columns: true }) as { Code: string }[]).map((r) => r.Code));

/** ajv-draft-04 is CommonJS: its module.exports is the class, which also carries itself as `default` (what TypeScript types). */
const Ajv = AjvDraft04.default;

function ocdsValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uri', (s: string) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(s) && !!new URL(s);
    } catch {
      return false;
    }
  });
  const release = readJson('release-schema.json');
  const pkg = readJson('release-package-schema.json');
  ajv.addSchema(release, release.id);
  ajv.addSchema(pkg, pkg.id);
  const validate = ajv.getSchema(pkg.id);
  if (!validate) throw new Error('release package schema not registered');
  return validate;
}

const AGREEMENT_HEADER = [
  'agreement_id', 'agreement_number', 'title', 'pattern', 'status', 'terms_version', 'start_date', 'end_date', 'reporting_period', 'payment_term_days',
  'activated_at', 'completed_at', 'terminated_at', 'partner_id', 'partner_name', 'partner_nib', 'partner_scale', 'partner_province_code', 'partner_province',
  'partner_pic_appointed', 'enterprise_id', 'enterprise_name', 'enterprise_nib', 'enterprise_scale', 'enterprise_province_code', 'enterprise_province',
  'kbli_code', 'opportunity_kbli_codes', 'obligations_total', 'obligations_due', 'obligations_fulfilled', 'obligations_overdue', 'obligations_waived',
  'obligations_cancelled', 'reports_due', 'reports_on_time', 'on_time_report_rate', 'coaching_sessions_planned', 'coaching_sessions_confirmed',
  'coaching_sessions_disputed', 'commitments', 'commitments_confirmed', 'commitments_disputed', 'commitments_value_idr', 'amendments',
];
const OBLIGATION_HEADER = [
  'obligation_id', 'agreement_id', 'agreement_number', 'pattern', 'partner_id', 'partner_name', 'partner_nib', 'enterprise_id', 'enterprise_name',
  'enterprise_nib', 'type', 'title', 'legal_basis', 'owed_by', 'due_date', 'period_start', 'period_end', 'status', 'fulfilled_at', 'waived_at',
  'cancelled_at', 'days_late', 'time_zone', 'commitment_type', 'commitment_value_idr', 'coaching_session_status',
];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

type CsvRow = Record<string, string>;

describe('monitoring export: CSV and OCDS', () => {
  let t: TestApp;
  let f: ReturnType<typeof factory>;
  let partner: Session;
  let firm: Session;
  let partnerBali: Session;
  let firmNtb: Session;
  let officer: Session;
  let officerJateng: Session;
  let officerJatim: Session;
  let admin: Session;
  let a: SqlAgreement;
  let b: SqlAgreement;
  let draftId: string;
  let today: string;
  const rationale = 'Jadwal pembiayaan dimajukan; hubungi budi.santoso@mitra.co.id atau 0812-3456-7890';

  const commitmentsA: CommitmentSpec[] = [
    { type: 'PRODUCTION_WORK', description: 'Pesanan keripik singkong 2 ton per bulan', quantity: 2000, unit: 'kg', valueIdr: 50_000_000, dueDate: '2025-09-30' },
    { type: 'FINANCING', description: 'Pinjaman modal kerja tanpa bunga', valueIdr: 10_000_000, dueDate: '2025-06-30' },
    { type: 'TECHNICAL_GUIDANCE', description: 'Pendampingan standar mutu produksi' },
  ];

  const exportOf = (s: Session | null, query: string) => {
    const req = t.http().get(`/api/v1/monitoring/export${query ? `?${query}` : ''}`);
    return s ? req.set(bearer(s)) : req;
  };
  const csv = async (s: Session, query: string): Promise<{ header: string[]; rows: CsvRow[]; text: string }> => {
    const res = await exportOf(s, query);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const records = parse(res.text, { relax_column_count: false }) as string[][];
    const [header, ...body] = records;
    return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), text: res.text };
  };
  const ocds = async (s: Session, query = '') => {
    const res = await exportOf(s, `format=ocds${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return { pkg: JSON.parse(res.text) as { releases: Record<string, any>[]; [k: string]: unknown }, text: res.text };
  };
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);
  const obligationId = async (agreementId: string, type: string, dueDate: string): Promise<string> =>
    (await q(`SELECT id FROM obligation WHERE agreement_id = $1 AND type = $2 AND due_date = $3`, [agreementId, type, dueDate]))[0].id;
  const fulfil = async (agreementId: string, type: string, dueDate: string, at: string) =>
    q(`UPDATE obligation SET state = 'FULFILLED', fulfilled_at = $2 WHERE id = $1`, [await obligationId(agreementId, type, dueDate), at]);

  beforeAll(async () => {
    t = await startTestApp();
    f = factory(t);
    [partner, firm, partnerBali, firmNtb, officer, officerJateng, officerJatim, admin] = await Promise.all([
      f.partner(),
      f.enterprise(),
      f.partner({ regionCode: '51.71' }),
      f.enterprise({ regionCode: '52.71' }),
      f.ministry(),
      f.ministry(['33']),
      f.ministry(['35']),
      f.admin(),
    ]);
    today = await todayIn(t, 'Asia/Jakarta');

    // A: Jawa Timur partner, Jawa Tengah small firm; 2025, quarterly; amended once; states set by hand.
    a = await activeAgreement(t, partner, firm, {
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      commitments: commitmentsA,
      coaching: [
        { aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', description: 'Pelatihan keamanan pangan', sessions: [{ scheduledAt: '2025-03-15T09:00:00+07:00', location: 'BLK Kudus' }] },
      ],
    });
    await amendAgreement(t, a.id, { startDate: '2025-01-01', endDate: '2025-12-31', commitments: commitmentsA });
    await q(`UPDATE agreement_terms SET reason = $2 WHERE agreement_id = $1 AND terms_version = 2`, [a.id, rationale]);
    await q(`UPDATE commitment SET status = 'CONFIRMED', confirmed_at = now() WHERE agreement_id = $1 AND terms_version = 2 AND type = 'FINANCING'`, [a.id]);
    await q(
      `UPDATE commitment SET status = 'DISPUTED', disputed_at = now(), dispute_kind = 'NOT_DELIVERED', dispute_reason = 'Pesanan dibatalkan sepihak'
        WHERE agreement_id = $1 AND terms_version = 2 AND type = 'PRODUCTION_WORK'`,
      [a.id],
    );
    await q(
      `UPDATE coaching_session SET status = 'CONFIRMED', confirmed_at = '2025-03-16T09:00:00+07:00', attendees = '[{"name":"Siti Rahmawati"}]' WHERE agreement_id = $1`,
      [a.id],
    );
    await fulfil(a.id, 'COACHING', '2025-03-15', '2025-03-16T09:00:00+07:00'); // a day late
    await fulfil(a.id, 'PROGRESS_REPORT', '2025-04-10', '2025-04-05T10:00:00+07:00'); // on time
    await fulfil(a.id, 'HONOUR_AGREEMENT', '2025-06-30', '2025-06-30T15:00:00+07:00'); // financing, on the day
    await fulfil(a.id, 'PROGRESS_REPORT', '2025-07-10', '2025-07-20T10:00:00+07:00'); // ten days late
    await q(`UPDATE obligation SET state = 'WAIVED', waived_at = '2025-10-12T10:00:00+07:00', waive_reason = 'Banjir' WHERE id = $1`, [
      await obligationId(a.id, 'PROGRESS_REPORT', '2025-10-10'),
    ]);
    // left open, so overdue: the 2026-01-10 report and the production-work commitment due 2025-09-30

    // B: Bali partner, NTB small firm; text that a spreadsheet would run as a formula.
    b = await activeAgreement(t, partnerBali, firmNtb, {
      pattern: 'INTI_PLASMA',
      startDate: '2025-02-01',
      endDate: '2025-07-31',
      title: '=HYPERLINK("http://evil.example","klik")',
      commitments: [{ type: 'FINANCING', description: 'Pinjaman modal kerja', valueIdr: 5_000_000, dueDate: '2025-05-01' }],
    });
    await q(`UPDATE organization SET name = '@SUM(1+1)*cmd' WHERE id = $1`, [firmNtb.organization!.id]);

    // C: a draft between A's parties — a CSV row, but not a contract yet, so not in the OCDS package.
    draftId = (await agreements(t).draft({ partner, enterprise: firm })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('CSV of agreements', () => {
    it('has exactly the documented columns, and agreement A’s figures equal those computed by hand', async () => {
      const res = await exportOf(admin, 'format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="jalin-agreements-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(Number.isNaN(Date.parse(res.headers['x-as-of']))).toBe(false);
      expect(res.text.split('\r\n')[0]).toBe(AGREEMENT_HEADER.join(','));

      const { header, rows } = await csv(admin, '');
      expect(header).toEqual(AGREEMENT_HEADER);
      expect(rows.map((r) => r.agreement_id).sort()).toEqual([a.id, b.id, draftId].sort());
      const [db] = await q(
        `SELECT a.activated_at, p.name AS pn, p.nib AS pnib, e.name AS en, e.nib AS enib FROM agreement a
           JOIN organization p ON p.id = a.partner_id JOIN organization e ON e.id = a.enterprise_id WHERE a.id = $1`,
        [a.id],
      );
      expect(rows.find((r) => r.agreement_id === a.id)).toEqual({
        agreement_id: a.id,
        agreement_number: a.number,
        title: 'Kemitraan pasokan keripik singkong',
        pattern: 'SUBCONTRACT',
        status: 'ACTIVE',
        terms_version: '2',
        start_date: '2025-01-01',
        end_date: '2025-12-31',
        reporting_period: 'QUARTERLY',
        payment_term_days: '30',
        activated_at: new Date(db.activated_at).toISOString(),
        completed_at: '',
        terminated_at: '',
        partner_id: partner.organization!.id,
        partner_name: db.pn,
        partner_nib: db.pnib,
        partner_scale: 'BESAR', // annual sales Rp80 miliar > Rp50 miliar
        partner_province_code: '35',
        partner_province: 'Jawa Timur',
        partner_pic_appointed: 'true',
        enterprise_id: firm.organization!.id,
        enterprise_name: db.en,
        enterprise_nib: db.enib,
        enterprise_scale: 'KECIL', // annual sales Rp3 miliar: > Rp2 miliar – Rp15 miliar
        enterprise_province_code: '33',
        enterprise_province: 'Jawa Tengah',
        kbli_code: '10794',
        opportunity_kbli_codes: '10794',
        obligations_total: '7', // 4 reports, 2 dated commitments, 1 coaching session
        obligations_due: '7', // all due dates have passed
        obligations_fulfilled: '4', // coaching, report 1, financing, report 2
        obligations_overdue: '2', // report 4, production work
        obligations_waived: '1', // report 3
        obligations_cancelled: '0',
        reports_due: '3', // reports 1, 2, 4 (3 waived)
        reports_on_time: '1', // report 1
        on_time_report_rate: '0.3333',
        coaching_sessions_planned: '1',
        coaching_sessions_confirmed: '1',
        coaching_sessions_disputed: '0',
        commitments: '3',
        commitments_confirmed: '1',
        commitments_disputed: '1',
        commitments_value_idr: '60000000',
        amendments: '1',
      });
      expect(rows.find((r) => r.agreement_id === draftId)).toMatchObject({ status: 'DRAFT', obligations_total: '0', on_time_report_rate: '', amendments: '0' });
    });

    it('neutralises spreadsheet formulas and still parses as RFC 4180', async () => {
      const { rows, text } = await csv(admin, 'dataset=agreements');
      const rowB = rows.find((r) => r.agreement_id === b.id)!;
      expect(rowB.title).toBe(`'=HYPERLINK("http://evil.example","klik")`);
      expect(rowB.enterprise_name).toBe(`'@SUM(1+1)*cmd`);
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
      for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
      const { rows: obligations } = await csv(admin, 'dataset=obligations');
      expect(obligations.filter((r) => r.agreement_id === b.id).every((r) => r.enterprise_name === `'@SUM(1+1)*cmd`)).toBe(true);
    });

    it('applies the filters: pattern, province, kbli and the window (agreements by start date)', async () => {
      const ids = async (query: string) => (await csv(admin, query)).rows.map((r) => r.agreement_id).sort();
      expect(await ids('pattern=INTI_PLASMA')).toEqual([b.id]);
      expect(await ids('province=52')).toEqual([b.id]);
      expect(await ids('province=51')).toEqual([]); // the partner's province does not place a partnership
      expect(await ids('kbli=47')).toEqual([]);
      expect(await ids('kbli=C')).toEqual([a.id, b.id, draftId].sort());
      expect(await ids('kbli=1079&pattern=SUBCONTRACT')).toEqual([a.id, draftId].sort());
      expect(await ids('from=2025-01-01&to=2025-01-31')).toEqual([a.id]);
      // figures count obligations due in the window: Q2 2025 holds report 1 (on time) and the financing commitment
      const [rowA] = (await csv(admin, 'from=2025-01-01&to=2025-06-30&pattern=SUBCONTRACT')).rows.filter((r) => r.agreement_id === a.id);
      expect(rowA).toMatchObject({ obligations_total: '3', obligations_fulfilled: '3', reports_due: '1', reports_on_time: '1', on_time_report_rate: '1.0000', coaching_sessions_planned: '1' });
    });
  });

  describe('CSV of obligations', () => {
    it('one row per obligation, by due date, with the derived status and days late', async () => {
      const { header, rows, text } = await csv(admin, 'format=csv&dataset=obligations');
      expect(header).toEqual(OBLIGATION_HEADER);
      expect(text.endsWith('\r\n')).toBe(true);
      const ofA = rows.filter((r) => r.agreement_id === a.id);
      expect(ofA.map((r) => [r.type, r.due_date, r.status, r.fulfilled_at, r.days_late, r.commitment_type, r.commitment_value_idr, r.coaching_session_status])).toEqual([
        ['COACHING', '2025-03-15', 'FULFILLED', '2025-03-16T02:00:00.000Z', '1', '', '', 'CONFIRMED'],
        ['PROGRESS_REPORT', '2025-04-10', 'FULFILLED', '2025-04-05T03:00:00.000Z', '0', '', '', ''],
        ['HONOUR_AGREEMENT', '2025-06-30', 'FULFILLED', '2025-06-30T08:00:00.000Z', '0', 'FINANCING', '10000000', ''],
        ['PROGRESS_REPORT', '2025-07-10', 'FULFILLED', '2025-07-20T03:00:00.000Z', '10', '', '', ''],
        ['HONOUR_AGREEMENT', '2025-09-30', 'OVERDUE', '', String(daysBetween('2025-09-30', today)), 'PRODUCTION_WORK', '50000000', ''],
        ['PROGRESS_REPORT', '2025-10-10', 'WAIVED', '', '', '', '', ''],
        ['PROGRESS_REPORT', '2026-01-10', 'OVERDUE', '', String(daysBetween('2026-01-10', today)), '', '', ''],
      ]);
      expect(ofA[1]).toMatchObject({
        agreement_number: a.number,
        pattern: 'SUBCONTRACT',
        partner_id: partner.organization!.id,
        enterprise_id: firm.organization!.id,
        legal_basis: 'PP 44/1997 Pasal 14 huruf b',
        owed_by: 'PARTNER',
        period_start: '2025-01-01',
        period_end: '2025-03-31',
        time_zone: 'Asia/Jakarta',
      });
      expect(ofA[5].waived_at).toBe('2025-10-12T03:00:00.000Z');
      // the window bounds obligations by due date
      const inQ3 = (await csv(admin, 'dataset=obligations&from=2025-07-01&to=2025-09-30')).rows;
      expect(inQ3.filter((r) => r.agreement_id === a.id).map((r) => r.due_date)).toEqual(['2025-07-10', '2025-09-30']);
      expect(inQ3.filter((r) => r.agreement_id === b.id).map((r) => r.due_date)).toEqual(['2025-07-10', '2025-08-10']); // B's Q2 and July reports
      expect(inQ3.every((r) => r.due_date >= '2025-07-01' && r.due_date <= '2025-09-30')).toBe(true);
    });
  });

  describe('province-limited officers', () => {
    it('export only partnerships whose small firm lies in their provinces, in every format', async () => {
      expect((await csv(officerJateng, '')).rows.map((r) => r.agreement_id).sort()).toEqual([a.id, draftId].sort());
      expect((await csv(officer, '')).rows.map((r) => r.agreement_id).sort()).toEqual([a.id, b.id, draftId].sort());
      // a partner in Jawa Timur does not bring its Jawa Tengah partnerships into a Jawa Timur officer's export
      expect((await csv(officerJatim, '')).rows).toEqual([]);
      expect((await csv(officerJatim, '')).header).toEqual(AGREEMENT_HEADER);
      // a province filter cannot widen the limit
      expect((await csv(officerJateng, 'province=52')).rows).toEqual([]);
      const obligations = (await csv(officerJateng, 'dataset=obligations')).rows;
      expect(obligations.length).toBeGreaterThan(0);
      expect(obligations.every((r) => r.agreement_id === a.id)).toBe(true);
      const { pkg } = await ocds(officerJateng);
      expect(pkg.releases.map((r) => r.ocid)).toEqual([`ocds-jalin1-${a.id}`]);
    });
  });

  describe('OCDS release package', () => {
    it('validates against the OCDS 1.1.5 release-package and release schemas', async () => {
      const res = await exportOf(admin, 'format=ocds');
      expect(res.status).toBe(200);
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="jalin-ocds-\d{4}-\d{2}-\d{2}\.json"$/);
      const { pkg } = await ocds(admin);
      const validate = ocdsValidator();
      const valid = validate(pkg);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(pkg.version).toBe('1.1');
      // concluded agreements only: the draft is not a contract yet
      expect(pkg.releases.map((r) => r.ocid).sort()).toEqual([`ocds-jalin1-${a.id}`, `ocds-jalin1-${b.id}`].sort());
      // a broken package fails, so the validation can fail
      expect(validate({ ...pkg, releases: [{ ...pkg.releases[0], tag: [] }] })).toBe(false);
      expect(validate({ ...pkg, releases: [{ ...pkg.releases[0], contracts: [{ ...pkg.releases[0].contracts[0], status: 'ACTIVE' }] }] })).toBe(false);
    });

    it('maps parties, the contract, milestones and amendments as documented, with code-list values', async () => {
      const { pkg } = await ocds(admin);
      const [milestoneTypes, milestoneStatuses, partyScales, partyRoles, contractStatuses, releaseTags] = [
        codes('milestoneType'), codes('milestoneStatus'), codes('partyScale'), codes('partyRole'), codes('contractStatus'), codes('releaseTag'),
      ];
      for (const r of pkg.releases) {
        for (const tag of r.tag) expect(releaseTags.has(tag)).toBe(true);
        for (const p of r.parties) {
          expect(partyScales.has(p.details.scale)).toBe(true);
          for (const role of p.roles) expect(partyRoles.has(role)).toBe(true);
        }
        for (const c of r.contracts) {
          expect(contractStatuses.has(c.status)).toBe(true);
          for (const m of c.implementation?.milestones ?? []) {
            expect(milestoneTypes.has(m.type)).toBe(true);
            if (m.status !== undefined) expect(milestoneStatuses.has(m.status)).toBe(true);
          }
        }
      }

      const rel = pkg.releases.find((r) => r.ocid === `ocds-jalin1-${a.id}`)!;
      const [db] = await q(`SELECT p.nib AS pnib, e.nib AS enib, ap.id AS app FROM agreement a JOIN organization p ON p.id = a.partner_id
        JOIN organization e ON e.id = a.enterprise_id JOIN application ap ON ap.id = a.application_id WHERE a.id = $1`, [a.id]);
      expect(rel.initiationType).toBe('tender');
      expect(rel.tender).toBeUndefined();
      expect(rel.parties.map((p: any) => [p.id, p.identifier.scheme, p.identifier.id, p.roles, p.details.scale, p.address.region])).toEqual([
        [`X-ID-NIB-${db.pnib}`, 'X-ID-NIB', db.pnib, ['buyer'], 'large', 'Jawa Timur'],
        [`X-ID-NIB-${db.enib}`, 'X-ID-NIB', db.enib, ['supplier'], 'small', 'Jawa Tengah'],
      ]);
      expect(rel.buyer.id).toBe(`X-ID-NIB-${db.pnib}`);
      expect(rel.awards).toEqual([expect.objectContaining({ id: db.app, suppliers: [{ id: `X-ID-NIB-${db.enib}`, name: rel.parties[1].name }] })]);
      const contract = rel.contracts[0];
      expect(contract).toMatchObject({
        id: a.id,
        awardID: db.app,
        status: 'active',
        value: { amount: 60_000_000, currency: 'IDR' },
        period: { startDate: '2025-01-01T00:00:00+07:00', endDate: '2025-12-31T23:59:59+07:00' },
      });
      expect(contract.items).toHaveLength(3);
      const ms = contract.implementation.milestones as Record<string, any>[];
      expect(ms.map((m) => [m.code, m.type, m.dueDate, m.status ?? null, m.dateMet ?? null])).toEqual([
        ['COACHING', 'delivery', '2025-03-15T23:59:59+07:00', 'met', '2025-03-16T02:00:00.000Z'],
        ['PROGRESS_REPORT', 'reporting', '2025-04-10T23:59:59+07:00', 'met', '2025-04-05T03:00:00.000Z'],
        ['HONOUR_AGREEMENT', 'financing', '2025-06-30T23:59:59+07:00', 'met', '2025-06-30T08:00:00.000Z'],
        ['PROGRESS_REPORT', 'reporting', '2025-07-10T23:59:59+07:00', 'met', '2025-07-20T03:00:00.000Z'],
        ['HONOUR_AGREEMENT', 'delivery', '2025-09-30T23:59:59+07:00', 'notMet', null],
        ['PROGRESS_REPORT', 'reporting', '2025-10-10T23:59:59+07:00', null, null],
        ['PROGRESS_REPORT', 'reporting', '2026-01-10T23:59:59+07:00', 'notMet', null],
      ]);
      expect(ms[2].value).toEqual({ amount: 10_000_000, currency: 'IDR' });
      expect(ms[5].description).toContain('WAIVED');
      expect(contract.amendments).toEqual([
        expect.objectContaining({ id: `${a.id}-v2`, rationale: 'Jadwal pembiayaan dimajukan; hubungi [disamarkan] atau [disamarkan]' }),
      ]);
      const relB = pkg.releases.find((r) => r.ocid === `ocds-jalin1-${b.id}`)!;
      expect(relB.parties.map((p: any) => p.address.region)).toEqual(['Bali', 'Nusa Tenggara Barat']);
      expect(relB.contracts[0].implementation.milestones.find((m: any) => m.code === 'HONOUR_AGREEMENT').type).toBe('financing');
      expect(relB.contracts[0].period.startDate).toBe('2025-02-01T00:00:00+08:00');
    });

    it('carries no personal data of individuals', async () => {
      const { text } = await ocds(admin);
      const [org] = await q(`SELECT p.npwp AS pn, e.npwp AS en FROM organization p, organization e WHERE p.id = $1 AND e.id = $2`, [
        partner.organization!.id,
        firm.organization!.id,
      ]);
      for (const personal of [
        'Dewi Lestari', 'dewi@example.co.id', '+62 811 222 333', 'Manajer Kemitraan', // the partner's PIC
        'kontak@example.id', '+62 812 1111 2222', 'Jl. Raya Kudus', 'Jl. Industri', // contacts and street addresses
        'Test User', 'Siti Rahmawati', 'budi.santoso', '0812-3456-7890', // users, attendees, people named in free text
        org.pn, org.en, partner.email, firm.email, officer.email,
      ]) {
        expect(text).not.toContain(personal);
      }
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/); // no e-mail address at all
      expect(text).not.toMatch(/(?<![\w-])(?:\+62|08)\d{1,2}[\s-]?\d{3,4}[\s-]?\d{3,4}/); // no phone number
    });
  });

  describe('access and input', () => {
    it('is for MINISTRY and ADMIN only: firms and partners 403, anonymous 401', async () => {
      for (const s of [partner, firm, partnerBali]) {
        for (const query of ['format=csv', 'format=ocds', 'format=csv&dataset=obligations']) {
          const res = await exportOf(s, query);
          expect(res.status).toBe(403);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
      expect((await exportOf(null, 'format=csv')).status).toBe(401);
      expect((await exportOf(admin, 'format=ocds')).status).toBe(200);
    });

    it('bad input is a 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['format=xml', 'format'],
        ['format=CSV', 'format'],
        ['dataset=people', 'dataset'],
        ['format=ocds&dataset=obligations', 'dataset'],
        ['province=3', 'province'],
        ['province=99', 'province'],
        ['kbli=1', 'kbli'],
        ['kbli=10%25', 'kbli'],
        ['pattern=FRANCHISE', 'pattern'],
        ['from=2025-02-30', 'from'],
        ['to=yesterday', 'to'],
        ['from=2025-06-01&to=2025-05-31', 'to'],
        ['limit=5', 'limit'],
      ];
      for (const [query, field] of cases) {
        const res = await exportOf(officer, query);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('read connection', () => {
    it('reads through DATABASE_READ_URL: pointed at another (empty) database, the export sees none of the agreements', async () => {
      const replica = await createTestDb();
      let other: TestApp | undefined;
      try {
        other = await startTestApp({ DATABASE_READ_URL: replica.url }, t.db);
        const res = await other.http().get('/api/v1/monitoring/export?format=csv').set(bearer(admin));
        expect(res.status).toBe(200);
        expect(res.text).toBe(`${AGREEMENT_HEADER.join(',')}\r\n`);
        // while the primary holds them
        expect((await other.http().get('/api/v1/agreements?limit=100').set(bearer(admin))).body.items.length).toBeGreaterThanOrEqual(3);
      } finally {
        await other?.app.close();
        delete process.env.DATABASE_READ_URL;
        resetEnvCache();
        await replica.drop();
      }
    });
  });

  describe('streaming', () => {
    it('a few thousand obligations are written as a chunked stream, in several chunks, all rows present', async () => {
      const d = await activeAgreement(t, partnerBali, firmNtb, { startDate: '2025-03-01', endDate: '2025-04-30' });
      const n = 3000;
      await q(
        `INSERT INTO obligation (agreement_id, partner_id, enterprise_id, type, title, legal_basis, due_date, time_zone)
         SELECT $1, $2, $3, 'HONOUR_AGREEMENT', 'Pengiriman bahan baku ke-' || i, 'PP 44/1997 Pasal 14 huruf d', DATE '2025-03-01' + (i % 60), 'Asia/Makassar'
           FROM generate_series(1, $4::int) i`,
        [d.id, partnerBali.organization!.id, firmNtb.organization!.id, n],
      );
      const res = await exportOf(officer, 'dataset=obligations&province=52')
        .buffer(true)
        .parse((stream, done) => {
          const parts: Buffer[] = [];
          let chunks = 0;
          stream.on('data', (c: Buffer) => {
            chunks++;
            parts.push(c);
          });
          stream.on('end', () => done(null, { chunks, text: Buffer.concat(parts).toString('utf8') }));
          stream.on('error', done);
        });
      expect(res.status).toBe(200);
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.headers['content-length']).toBeUndefined();
      const { chunks, text } = res.body as { chunks: number; text: string };
      expect(chunks).toBeGreaterThan(3);
      const rows = parse(text, { columns: true }) as CsvRow[];
      const ofD = rows.filter((r) => r.agreement_id === d.id && r.title.startsWith('Pengiriman bahan baku'));
      expect(ofD).toHaveLength(n);
      expect(new Set(ofD.map((r) => r.obligation_id)).size).toBe(n);
      // keyset order across batches: by agreement, due date, id — never repeated, never skipped
      const keys = rows.map((r) => `${r.agreement_id}|${r.due_date}|${r.obligation_id}`);
      expect(keys).toEqual([...keys].sort());
    });
  });
});
