import type { NotificationInput } from '@jalin/notifications';

/** Stable codes of the in-app notifications monitoring cases write. */
export enum CaseNoticeKind {
  CASE_OPENED = 'MONITORING_CASE_OPENED',
  CASE_MESSAGE = 'MONITORING_CASE_MESSAGE',
  CASE_CONCLUDED = 'MONITORING_CASE_CONCLUDED',
  CASE_COMPLETED = 'MONITORING_CASE_COMPLETED',
  CASE_CANCELLED = 'MONITORING_CASE_CANCELLED',
  /** To the officer who created the case. */
  CASE_REPLY = 'MONITORING_CASE_REPLY',
  CASE_REMEDY_REPORTED = 'MONITORING_CASE_REMEDY_REPORTED',
}

export interface CaseNoticeContext {
  caseId: string;
  number: string;
  agreementNumber?: string | null;
  violation?: boolean;
  requiredRemedy?: string | null;
  remedyDueDate?: string | null;
  reason?: string | null;
}

const on = (c: CaseNoticeContext) => (c.agreementNumber ? ` atas perjanjian ${c.agreementNumber}` : '');

/** What people read, in Indonesian (the product's first language). */
const TEXT: Record<CaseNoticeKind, (c: CaseNoticeContext) => { title: string; body: string }> = {
  [CaseNoticeKind.CASE_OPENED]: (c) => ({
    title: `Kasus pemantauan ${c.number} dibuka`,
    body: `Kementerian membuka kasus pemantauan kemitraan${on(c)}. Alasan: ${c.reason ?? ''} Tanggapi melalui dialog kasus.`,
  }),
  [CaseNoticeKind.CASE_MESSAGE]: (c) => ({
    title: `Pesan baru pada kasus pemantauan ${c.number}`,
    body: `Petugas kementerian mengirim pesan pada kasus pemantauan${on(c)}.`,
  }),
  [CaseNoticeKind.CASE_CONCLUDED]: (c) => ({
    title: `Kesimpulan kasus pemantauan ${c.number}`,
    body: c.violation
      ? `Kementerian menyimpulkan terdapat pelanggaran${on(c)}. Perbaikan yang diminta: ${c.requiredRemedy ?? ''} Batas waktu: ${c.remedyDueDate ?? ''}.`
      : `Kementerian menyimpulkan tidak terdapat pelanggaran${on(c)}.`,
  }),
  [CaseNoticeKind.CASE_COMPLETED]: (c) => ({
    title: `Kasus pemantauan ${c.number} selesai`,
    body: `Kementerian menutup kasus pemantauan${on(c)}.`,
  }),
  [CaseNoticeKind.CASE_CANCELLED]: (c) => ({
    title: `Kasus pemantauan ${c.number} dibatalkan`,
    body: `Kementerian membatalkan kasus pemantauan${on(c)}. Alasan: ${c.reason ?? ''}`,
  }),
  [CaseNoticeKind.CASE_REPLY]: (c) => ({
    title: `Tanggapan mitra pada kasus ${c.number}`,
    body: `Mitra usaha mengirim pesan pada kasus pemantauan${on(c)}.`,
  }),
  [CaseNoticeKind.CASE_REMEDY_REPORTED]: (c) => ({
    title: `Laporan perbaikan pada kasus ${c.number}`,
    body: `Mitra usaha menyampaikan laporan perbaikan pada kasus pemantauan${on(c)}; kasus dapat ditutup setelah diperiksa.`,
  }),
};

const onEn = (c: CaseNoticeContext) => (c.agreementNumber ? ` on agreement ${c.agreementNumber}` : '');

/** The same in English, for readers whose locale is `en`. */
const TEXT_EN: Record<CaseNoticeKind, (c: CaseNoticeContext) => { title: string; body: string }> = {
  [CaseNoticeKind.CASE_OPENED]: (c) => ({
    title: `Monitoring case ${c.number} opened`,
    body: `The ministry opened a monitoring case${onEn(c)}. Reason: ${c.reason ?? ''} Answer in the case dialogue.`,
  }),
  [CaseNoticeKind.CASE_MESSAGE]: (c) => ({ title: `New message on monitoring case ${c.number}`, body: `A ministry officer wrote on the monitoring case${onEn(c)}.` }),
  [CaseNoticeKind.CASE_CONCLUDED]: (c) => ({
    title: `Conclusion of monitoring case ${c.number}`,
    body: c.violation
      ? `The ministry found a violation${onEn(c)}. Required remedy: ${c.requiredRemedy ?? ''} Due: ${c.remedyDueDate ?? ''}.`
      : `The ministry found no violation${onEn(c)}.`,
  }),
  [CaseNoticeKind.CASE_COMPLETED]: (c) => ({ title: `Monitoring case ${c.number} completed`, body: `The ministry closed the monitoring case${onEn(c)}.` }),
  [CaseNoticeKind.CASE_CANCELLED]: (c) => ({ title: `Monitoring case ${c.number} cancelled`, body: `The ministry cancelled the monitoring case${onEn(c)}. Reason: ${c.reason ?? ''}` }),
  [CaseNoticeKind.CASE_REPLY]: (c) => ({ title: `Partner replied on case ${c.number}`, body: `The partner wrote on the monitoring case${onEn(c)}.` }),
  [CaseNoticeKind.CASE_REMEDY_REPORTED]: (c) => ({
    title: `Remedy report on case ${c.number}`,
    body: `The partner filed a remedy report on the monitoring case${onEn(c)}; the case can be closed once it is checked.`,
  }),
};

export function caseNotice(kind: CaseNoticeKind, c: CaseNoticeContext): NotificationInput {
  const { title, body } = TEXT[kind](c);
  return {
    kind,
    title,
    body,
    en: TEXT_EN[kind](c),
    entityType: 'monitoring_case',
    entityId: c.caseId,
    data: {
      caseId: c.caseId,
      number: c.number,
      ...(c.agreementNumber ? { agreementNumber: c.agreementNumber } : {}),
      ...(c.violation !== undefined ? { violation: c.violation } : {}),
      ...(c.remedyDueDate ? { remedyDueDate: c.remedyDueDate } : {}),
    },
  };
}
