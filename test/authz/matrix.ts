/**
 * The authorization matrix: every route × every kind of caller → the status expected.
 * One table for the whole API; each issue adds its routes here. The suite fails if a registered
 * route is missing from this table, or declares no access policy.
 */
import { agreementBody } from '../support/agreements.js';
import type { MonitoringFixtures } from '../support/monitoring-cases.js';

/** Amended terms (same shape as the create body, without applicationId). */
export const amendmentBody = () => {
  const { applicationId: _drop, ...rest } = agreementBody('00000000-0000-4000-8000-000000000000') as Record<string, unknown>;
  return rest;
};
export const reportBody = (periodStart: string, periodEnd: string) => ({
  periodStart,
  periodEnd,
  summary: 'Kemitraan berjalan baik',
  volumes: [{ product: 'keripik', quantity: 100, unit: 'kg', valueIdr: 5_000_000 }],
  coachingDelivered: [],
  paymentsOnTime: true,
  issues: '',
});
export const sessionBody = () => ({
  aspect: 'HUMAN_RESOURCES', activity: 'TRAINING', topic: 'Keamanan pangan', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), location: 'Balai desa',
});

export type Caller = 'anonymous' | 'enterpriseA' | 'enterpriseB' | 'partnerA' | 'partnerB' | 'ministry' | 'admin';
export const CALLERS: Caller[] = ['anonymous', 'enterpriseA', 'enterpriseB', 'partnerA', 'partnerB', 'ministry', 'admin'];

export interface MatrixContext {
  enterpriseA: string;
  enterpriseB: string;
  partnerA: string;
  partnerB: string;
  /** partnerA's opportunities: OPEN (enterpriseA has applied), DRAFT, and single-use ones for state-changing rows. */
  openOpportunity: string;
  draftOpportunity: string;
  publishableOpportunity: string;
  closableOpportunity: string;
  invitingOpportunity: string;
  /** enterpriseA's SUBMITTED application to openOpportunity; others for the decision rows. */
  application: string;
  toAccept: string;
  toReject: string;
  toWithdraw: string;
  /** partnerA's invitation of enterpriseB. */
  invitation: string;
  /** A notification addressed to partnerA's organisation. */
  partnerANotification: string;
  /** Agreements between partnerA and enterpriseA, one per state-changing row where needed. */
  acceptedApplication: string;
  draftAgreement: string;
  submittableAgreement: string;
  signableAgreement: string;
  activeAgreement: string;
  amendableAgreement: string;
  terminableAgreement: string;
  /** Agreements with an amendment (version 2) partnerA proposed, awaiting signatures. */
  withdrawableAmendment: string;
  declinableAmendment: string;
  /** the first reporting period's end of activeAgreement, and its PROGRESS_REPORT obligation */
  periodStart: string;
  periodEnd: string;
  reportObligation: string;
  waivableObligation: string;
  evidence: string;
  report: string;
  confirmableCommitment: string;
  disputableCommitment: string;
  session: string;
  attendableSession: string;
  confirmableSession: string;
  disputableSession: string;
  /** Monitoring: a finding and cases on activeAgreement in the states the rows need (support/monitoring-cases.ts). */
  monitoring: MonitoringFixtures;
  unique(): string;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern as registered (matches the route list). */
  route: string;
  /** The concrete URL to call. */
  url: (c: MatrixContext) => string;
  body?: (c: MatrixContext) => unknown;
  expect: Record<Caller, number>;
}

const all = (status: number): Record<Caller, number> => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number): Record<Caller, number> => ({ ...all(status), anonymous: 401 });
const only = (allowed: Partial<Record<Caller, number>>, otherwise = 403): Record<Caller, number> => ({
  ...signedIn(otherwise),
  ...allowed,
});

export const MATRIX: MatrixRow[] = [
  // health and tooling
  { method: 'GET', route: '/health', url: () => '/health', expect: all(200) },
  { method: 'GET', route: '/health/ready', url: () => '/health/ready', expect: all(200) },
  // auth
  { method: 'POST', route: '/api/v1/auth/register', url: () => '/api/v1/auth/register', body: () => ({}), expect: all(400) },
  { method: 'POST', route: '/api/v1/auth/login', url: () => '/api/v1/auth/login', body: () => ({}), expect: all(400) },
  {
    method: 'POST', route: '/api/v1/auth/refresh', url: () => '/api/v1/auth/refresh',
    body: () => ({ refreshToken: '00000000-0000-4000-8000-000000000000.nope' }), expect: all(401),
  },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expect: signedIn(200) },
  {
    method: 'POST', route: '/api/v1/admin/users', url: () => '/api/v1/admin/users',
    body: (c) => ({ email: `staff-${c.unique()}@test.jalin.id`, password: 'long-enough-password', fullName: 'Staf', role: 'MINISTRY' }),
    expect: only({ admin: 201 }),
  },
  // the queue dashboard's browser session (bull-board itself is mounted by main.ts only; see worker-ops-dashboard)
  { method: 'POST', route: '/api/v1/admin/queues/session', url: () => '/api/v1/admin/queues/session', body: () => ({}), expect: only({ admin: 200 }) },
  // organisations
  { method: 'GET', route: '/api/v1/enterprises', url: () => '/api/v1/enterprises', expect: only({ partnerA: 200, partnerB: 200, ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/enterprises/:id', url: (c) => `/api/v1/enterprises/${c.enterpriseA}`, expect: signedIn(200) },
  {
    method: 'PATCH', route: '/api/v1/enterprises/:id', url: (c) => `/api/v1/enterprises/${c.enterpriseA}`, body: () => ({ workforce: 14 }),
    expect: only({ enterpriseA: 200, enterpriseB: 404 }),
  },
  { method: 'GET', route: '/api/v1/partners', url: () => '/api/v1/partners', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/partners/:id', url: (c) => `/api/v1/partners/${c.partnerA}`, expect: signedIn(200) },
  {
    method: 'PATCH', route: '/api/v1/partners/:id', url: (c) => `/api/v1/partners/${c.partnerA}`, body: () => ({ workforce: 401 }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  // reference data
  { method: 'GET', route: '/api/v1/reference/regions', url: () => '/api/v1/reference/regions', expect: all(200) },
  { method: 'GET', route: '/api/v1/reference/kbli', url: () => '/api/v1/reference/kbli?q=keripik', expect: all(200) },
  // opportunities
  {
    method: 'POST', route: '/api/v1/opportunities', url: () => '/api/v1/opportunities',
    body: () => ({ pattern: 'SUBCONTRACT', title: 'Peluang matriks', kbliCodes: ['10794'], slots: 1 }),
    expect: only({ partnerA: 201, partnerB: 201 }),
  },
  { method: 'GET', route: '/api/v1/opportunities', url: () => '/api/v1/opportunities', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/opportunities/:id', url: (c) => `/api/v1/opportunities/${c.openOpportunity}`, expect: signedIn(200) },
  // a draft is its partner's alone
  { method: 'GET', route: '/api/v1/opportunities/:id', url: (c) => `/api/v1/opportunities/${c.draftOpportunity}`, expect: { ...signedIn(404), partnerA: 200 } },
  {
    method: 'PATCH', route: '/api/v1/opportunities/:id', url: (c) => `/api/v1/opportunities/${c.draftOpportunity}`, body: () => ({ title: 'Judul baru' }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/opportunities/:id/publish', url: (c) => `/api/v1/opportunities/${c.publishableOpportunity}/publish`, body: () => ({}),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/opportunities/:id/close', url: (c) => `/api/v1/opportunities/${c.closableOpportunity}/close`, body: () => ({}),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    // enterpriseA already applied (409); enterpriseB applies now
    method: 'POST', route: '/api/v1/opportunities/:id/applications', url: (c) => `/api/v1/opportunities/${c.openOpportunity}/applications`,
    body: () => ({ message: 'Kami siap.' }), expect: only({ enterpriseA: 409, enterpriseB: 201 }),
  },
  {
    // enterpriseB cannot see partnerA's draft at all
    method: 'POST', route: '/api/v1/opportunities/:id/applications', url: (c) => `/api/v1/opportunities/${c.draftOpportunity}/applications`,
    body: () => ({}), expect: only({ enterpriseA: 404, enterpriseB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/opportunities/:id/invitations', url: (c) => `/api/v1/opportunities/${c.invitingOpportunity}/invitations`,
    body: (c) => ({ enterpriseId: c.enterpriseA, message: 'Silakan melamar.' }), expect: only({ partnerA: 201, partnerB: 404 }),
  },
  // applications
  { method: 'GET', route: '/api/v1/applications', url: () => '/api/v1/applications', expect: signedIn(200) },
  {
    method: 'GET', route: '/api/v1/applications/:id', url: (c) => `/api/v1/applications/${c.application}`,
    expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 },
  },
  {
    method: 'POST', route: '/api/v1/applications/:id/shortlist', url: (c) => `/api/v1/applications/${c.application}/shortlist`, body: () => ({}),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/applications/:id/accept', url: (c) => `/api/v1/applications/${c.toAccept}/accept`, body: () => ({ note: 'Selamat bergabung.' }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/applications/:id/reject', url: (c) => `/api/v1/applications/${c.toReject}/reject`, body: () => ({}),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/applications/:id/withdraw', url: (c) => `/api/v1/applications/${c.toWithdraw}/withdraw`, body: () => ({}),
    expect: only({ enterpriseA: 200, enterpriseB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/applications/:id/decline', url: (c) => `/api/v1/applications/${c.invitation}/decline`, body: () => ({}),
    expect: only({ enterpriseA: 404, enterpriseB: 200 }),
  },
  // notifications
  { method: 'GET', route: '/api/v1/notifications', url: () => '/api/v1/notifications', expect: signedIn(200) },
  {
    method: 'POST', route: '/api/v1/notifications/:id/read', url: (c) => `/api/v1/notifications/${c.partnerANotification}/read`,
    expect: { ...signedIn(404), partnerA: 200 },
  },
  // matching: the owning partner and the ministry; another partner's opportunity is 404
  {
    method: 'GET', route: '/api/v1/opportunities/:id/matches', url: (c) => `/api/v1/opportunities/${c.openOpportunity}/matches`,
    expect: only({ partnerA: 200, partnerB: 404, ministry: 200 }),
  },
  {
    method: 'GET', route: '/api/v1/opportunities/:id/matches', url: (c) => `/api/v1/opportunities/${c.draftOpportunity}/matches`,
    expect: only({ partnerA: 200, partnerB: 404, ministry: 200 }),
  },
  // recommendations: the firm's members and the ministry; another firm's is 404
  {
    method: 'GET', route: '/api/v1/enterprises/:id/recommendations', url: (c) => `/api/v1/enterprises/${c.enterpriseA}/recommendations`,
    expect: only({ enterpriseA: 200, enterpriseB: 404, ministry: 200 }),
  },
  // audit: the ministry and admin read everything; the parties read their own entity's trail
  {
    method: 'GET', route: '/api/v1/audit', url: (c) => `/api/v1/audit?entityType=organization&entityId=${c.enterpriseA}`,
    expect: { ...signedIn(404), enterpriseA: 200, ministry: 200, admin: 200 },
  },
  { method: 'GET', route: '/api/v1/audit/verify', url: () => '/api/v1/audit/verify', expect: only({ admin: 200 }) },
  // agreements: the two parties and the ministry see one; others 404
  {
    method: 'POST', route: '/api/v1/agreements', url: () => '/api/v1/agreements',
    body: (c) => agreementBody(c.acceptedApplication), expect: only({ partnerA: 201, partnerB: 404 }),
  },
  { method: 'GET', route: '/api/v1/agreements', url: () => '/api/v1/agreements', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/agreements/:id', url: (c) => `/api/v1/agreements/${c.activeAgreement}`, expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 } },
  {
    method: 'PATCH', route: '/api/v1/agreements/:id', url: (c) => `/api/v1/agreements/${c.draftAgreement}`, body: () => ({ title: 'Perjanjian kemitraan (revisi)' }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  { method: 'POST', route: '/api/v1/agreements/:id/submit', url: (c) => `/api/v1/agreements/${c.submittableAgreement}/submit`, body: () => ({}), expect: only({ partnerA: 200, partnerB: 404 }) },
  {
    method: 'POST', route: '/api/v1/agreements/:id/sign', url: (c) => `/api/v1/agreements/${c.signableAgreement}/sign`, body: () => ({}),
    expect: only({ enterpriseA: 201, enterpriseB: 404, partnerA: 201, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/agreements/:id/amendments', url: (c) => `/api/v1/agreements/${c.amendableAgreement}/amendments`,
    body: () => ({ ...amendmentBody(), reason: 'Tambah pelatihan' }),
    // one pending amendment at a time: the partner's proposal after the firm's is a conflict
    expect: only({ enterpriseA: 201, enterpriseB: 404, partnerA: 409, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/agreements/:id/amendments/:termsVersion/withdraw', url: (c) => `/api/v1/agreements/${c.withdrawableAmendment}/amendments/2/withdraw`,
    body: () => ({ reason: 'Volume tetap' }),
    // the small firm did not propose it (it declines instead); the partner that did withdraws it
    expect: only({ enterpriseA: 409, enterpriseB: 404, partnerA: 200, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/agreements/:id/amendments/:termsVersion/decline', url: (c) => `/api/v1/agreements/${c.declinableAmendment}/amendments/2/decline`,
    body: () => ({ reason: 'Kapasitas belum cukup' }),
    // the small firm declines the partner's proposal; after that nothing awaits signatures
    expect: only({ enterpriseA: 200, enterpriseB: 404, partnerA: 409, partnerB: 404 }),
  },
  // the agreement runs until its end date: completing it now is a conflict, but the route lets the partner try
  { method: 'POST', route: '/api/v1/agreements/:id/complete', url: (c) => `/api/v1/agreements/${c.activeAgreement}/complete`, body: () => ({}), expect: only({ partnerA: 409, partnerB: 404 }) },
  {
    method: 'POST', route: '/api/v1/agreements/:id/terminate', url: (c) => `/api/v1/agreements/${c.terminableAgreement}/terminate`, body: () => ({ reason: 'Usaha berhenti' }),
    expect: only({ enterpriseA: 200, enterpriseB: 404, partnerA: 409, partnerB: 404 }),
  },
  { method: 'POST', route: '/api/v1/commitments/:id/confirm', url: (c) => `/api/v1/commitments/${c.confirmableCommitment}/confirm`, body: () => ({}), expect: only({ enterpriseA: 200, enterpriseB: 404 }) },
  {
    method: 'POST', route: '/api/v1/commitments/:id/dispute', url: (c) => `/api/v1/commitments/${c.disputableCommitment}/dispute`, body: () => ({ reason: 'Pembayaran terlambat', kind: 'LATE_PAYMENT' }),
    expect: only({ enterpriseA: 200, enterpriseB: 404 }),
  },
  // obligations: only the owing party submits evidence; only the ministry waives
  { method: 'GET', route: '/api/v1/obligations', url: () => '/api/v1/obligations', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/obligations/:id', url: (c) => `/api/v1/obligations/${c.reportObligation}`, expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 } },
  {
    method: 'POST', route: '/api/v1/obligations/:id/evidence', url: (c) => `/api/v1/obligations/${c.reportObligation}/evidence`, body: () => ({ note: 'Notulen rapat', url: 'https://example.id/notulen.pdf' }),
    expect: only({ enterpriseA: 404, enterpriseB: 404, partnerA: 201, partnerB: 404 }),
  },
  { method: 'POST', route: '/api/v1/obligations/:id/waive', url: (c) => `/api/v1/obligations/${c.waivableObligation}/waive`, body: () => ({ reason: 'Force majeure banjir' }), expect: only({ ministry: 200 }) },
  { method: 'GET', route: '/api/v1/evidence/:id/download', url: (c) => `/api/v1/evidence/${c.evidence}/download`, expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 } },
  // reports: the partner files, the ministry reviews
  { method: 'GET', route: '/api/v1/agreements/:id/reports/draft', url: (c) => `/api/v1/agreements/${c.activeAgreement}/reports/draft?periodEnd=${c.periodEnd}`, expect: only({ partnerA: 200, partnerB: 404 }) },
  {
    method: 'POST', route: '/api/v1/agreements/:id/reports', url: (c) => `/api/v1/agreements/${c.amendableAgreement}/reports`, body: (c) => reportBody(c.periodStart, c.periodEnd),
    expect: only({ partnerA: 201, partnerB: 404 }),
  },
  { method: 'GET', route: '/api/v1/reports', url: () => '/api/v1/reports', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/reports/:id', url: (c) => `/api/v1/reports/${c.report}`, expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 } },
  { method: 'POST', route: '/api/v1/reports/:id/review', url: (c) => `/api/v1/reports/${c.report}/review`, body: () => ({ decision: 'ACCEPTED', note: 'Lengkap' }), expect: only({ ministry: 200 }) },
  // coaching sessions: the partner schedules and records attendance, the small firm confirms or disputes
  {
    method: 'POST', route: '/api/v1/agreements/:id/sessions', url: (c) => `/api/v1/agreements/${c.activeAgreement}/sessions`, body: () => sessionBody(),
    expect: only({ partnerA: 201, partnerB: 404 }),
  },
  { method: 'GET', route: '/api/v1/sessions', url: () => '/api/v1/sessions', expect: signedIn(200) },
  { method: 'GET', route: '/api/v1/sessions/:id', url: (c) => `/api/v1/sessions/${c.session}`, expect: { ...signedIn(404), enterpriseA: 200, partnerA: 200, ministry: 200, admin: 200 } },
  {
    method: 'POST', route: '/api/v1/sessions/:id/attendance', url: (c) => `/api/v1/sessions/${c.attendableSession}/attendance`, body: () => ({ attendees: [{ name: 'Siti' }], note: 'Hadir' }),
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  { method: 'POST', route: '/api/v1/sessions/:id/confirm', url: (c) => `/api/v1/sessions/${c.confirmableSession}/confirm`, body: () => ({}), expect: only({ enterpriseA: 200, enterpriseB: 404 }) },
  {
    method: 'POST', route: '/api/v1/sessions/:id/dispute', url: (c) => `/api/v1/sessions/${c.disputableSession}/dispute`, body: () => ({ reason: 'Pelatihan tidak pernah ada' }),
    expect: only({ enterpriseA: 200, enterpriseB: 404 }),
  },
  // notification preferences: every signed-in caller has their own
  { method: 'GET', route: '/api/v1/notifications/preferences', url: () => '/api/v1/notifications/preferences', expect: signedIn(200) },
  {
    method: 'PUT', route: '/api/v1/notifications/preferences', url: () => '/api/v1/notifications/preferences',
    body: () => ({ items: [{ kind: 'APPLICATION_SUBMITTED', email: true }] }), expect: signedIn(200),
  },
  // monitoring figures: MINISTRY and ADMIN only
  { method: 'GET', route: '/api/v1/monitoring/summary', url: () => '/api/v1/monitoring/summary', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/breakdown', url: () => '/api/v1/monitoring/breakdown?by=province', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/partners', url: () => '/api/v1/monitoring/partners', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/overdue', url: () => '/api/v1/monitoring/overdue', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/trend', url: () => '/api/v1/monitoring/trend', expect: only({ ministry: 200, admin: 200 }) },
  // monitoring exports: MINISTRY and ADMIN only
  { method: 'GET', route: '/api/v1/monitoring/export', url: () => '/api/v1/monitoring/export?format=csv&dataset=agreements', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/export', url: () => '/api/v1/monitoring/export?format=ocds', expect: only({ ministry: 200, admin: 200 }) },
  // monitoring risk rules and cases: MINISTRY and ADMIN only (firms and partners 403). A transition row runs for the
  // ministry first; the admin then finds the case moved already: 409 (authorised, illegal move), never 403.
  { method: 'GET', route: '/api/v1/monitoring/rules', url: () => '/api/v1/monitoring/rules', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/findings', url: () => '/api/v1/monitoring/findings', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/findings/:id', url: (c) => `/api/v1/monitoring/findings/${c.monitoring.finding}`, expect: only({ ministry: 200, admin: 200 }) },
  { method: 'POST', route: '/api/v1/monitoring/findings/run', url: () => '/api/v1/monitoring/findings/run', body: () => ({}), expect: only({ ministry: 200, admin: 200 }) },
  {
    method: 'POST', route: '/api/v1/monitoring/cases', url: () => '/api/v1/monitoring/cases',
    body: (c) => ({ agreementId: c.activeAgreement, reason: 'Pemeriksaan matriks', periodFrom: '2026-01-01', periodTo: '2026-03-31' }), expect: only({ ministry: 201, admin: 201 }),
  },
  { method: 'GET', route: '/api/v1/monitoring/cases', url: () => '/api/v1/monitoring/cases', expect: only({ ministry: 200, admin: 200 }) },
  { method: 'GET', route: '/api/v1/monitoring/cases/:id', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.active}`, expect: only({ ministry: 200, admin: 200 }) },
  { method: 'POST', route: '/api/v1/monitoring/cases/:id/open', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.draft}/open`, body: () => ({}), expect: only({ ministry: 200, admin: 409 }) },
  {
    method: 'POST', route: '/api/v1/monitoring/cases/:id/conclusion', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.toConclude}/conclusion`,
    body: () => ({ violation: false, note: 'Tidak terbukti' }), expect: only({ ministry: 200, admin: 409 }),
  },
  { method: 'POST', route: '/api/v1/monitoring/cases/:id/complete', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.declined}/complete`, body: () => ({}), expect: only({ ministry: 200, admin: 409 }) },
  {
    method: 'POST', route: '/api/v1/monitoring/cases/:id/cancel', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.toCancel}/cancel`, body: () => ({ reason: 'Ganda' }),
    expect: only({ ministry: 200, admin: 409 }),
  },
  {
    method: 'POST', route: '/api/v1/monitoring/cases/:id/messages', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.active}/messages`, body: () => ({ text: 'Mohon tanggapan' }),
    expect: only({ ministry: 201, admin: 201 }),
  },
  {
    method: 'GET', route: '/api/v1/monitoring/cases/:id/attachments/:attachmentId', url: (c) => `/api/v1/monitoring/cases/${c.monitoring.active}/attachments/${c.monitoring.attachment}`,
    expect: only({ ministry: 200, admin: 200 }),
  },
  // the parties' side of cases: the partner its own, the small firm the conclusion; officers use /monitoring (403 here)
  { method: 'GET', route: '/api/v1/cases', url: () => '/api/v1/cases', expect: only({ enterpriseA: 200, enterpriseB: 200, partnerA: 200, partnerB: 200 }) },
  { method: 'GET', route: '/api/v1/cases/:id', url: (c) => `/api/v1/cases/${c.monitoring.addressed}`, expect: only({ enterpriseA: 200, enterpriseB: 404, partnerA: 200, partnerB: 404 }) },
  {
    method: 'POST', route: '/api/v1/cases/:id/messages', url: (c) => `/api/v1/cases/${c.monitoring.active}/messages`, body: () => ({ text: 'Tanggapan kami' }),
    expect: only({ partnerA: 201, partnerB: 404 }),
  },
  {
    method: 'POST', route: '/api/v1/cases/:id/remedy-report', url: (c) => `/api/v1/cases/${c.monitoring.addressed}/remedy-report`, body: () => ({ summary: 'Sudah dilunasi' }),
    expect: only({ partnerA: 201, partnerB: 404 }),
  },
  {
    method: 'GET', route: '/api/v1/cases/:id/attachments/:attachmentId', url: (c) => `/api/v1/cases/${c.monitoring.active}/attachments/${c.monitoring.attachment}`,
    expect: only({ partnerA: 200, partnerB: 404 }),
  },
  // logout last: it revokes the caller's refresh-token family (access tokens stay valid until expiry)
  { method: 'POST', route: '/api/v1/auth/logout', url: () => '/api/v1/auth/logout', body: () => ({}), expect: signedIn(204) },
];
