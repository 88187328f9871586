import type { TestApp } from './app.js';
import { bearer, type Session } from './factory.js';
import { png } from './obligations.js';

/** Monitoring fixtures for the authorization matrix: a finding, and cases in the states its rows need. */
export interface MonitoringFixtures {
  finding: string;
  draft: string;
  toConclude: string;
  toCancel: string;
  declined: string;
  active: string;
  addressed: string;
  attachment: string;
}

/** Cases on `agreementId` (partner and small firm from it), driven through the API by `officer`. */
export async function monitoringFixtures(t: TestApp, officer: Session, agreementId: string): Promise<MonitoringFixtures> {
  const call = async (path: string, body: object, status: number) => {
    const res = await t.http().post(`/api/v1/monitoring/cases${path}`).set(bearer(officer)).send(body);
    if (res.status !== status) throw new Error(`monitoring fixture ${path} failed ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const [a] = await t.ds.query(`SELECT partner_id, enterprise_id FROM agreement WHERE id = $1`, [agreementId]);
  const [f] = await t.ds.query(
    `INSERT INTO finding (rule_code, severity, subject_type, subject_id, partner_id, enterprise_id, agreement_id, details)
     VALUES ('SESSIONS_DISPUTED', 'MEDIUM', 'AGREEMENT', $1, $2, $3, $1, '{}') RETURNING id`,
    [agreementId, a.partner_id, a.enterprise_id],
  );
  const today = new Date().toISOString().slice(0, 10);
  const draft = async () => (await call('', { agreementId, reason: 'Pemeriksaan matriks', periodFrom: today, periodTo: today }, 201)).id;
  const active = async () => {
    const id = await draft();
    await call(`/${id}/open`, {}, 200);
    return id;
  };
  const [d, toConclude, toCancel, declined, act, addressed] = [await draft(), await active(), await active(), await active(), await active(), await active()];
  await call(`/${declined}/conclusion`, { violation: false, note: 'Tidak terbukti' }, 200);
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await call(`/${addressed}/conclusion`, { violation: true, violationType: 'LATE_PAYMENT', requiredRemedy: 'Lunasi', remedyDueDate: due, note: 'Terbukti' }, 200);
  const msg = await t.http().post(`/api/v1/monitoring/cases/${act}/messages`).set(bearer(officer)).field('text', 'Contoh').attach('file', png(300), { filename: 'contoh.png' });
  if (msg.status !== 201) throw new Error(`monitoring fixture message failed ${msg.status}: ${JSON.stringify(msg.body)}`);
  return { finding: f.id, draft: d, toConclude, toCancel, declined, active: act, addressed, attachment: msg.body.attachments[0].id };
}
