import type { NotificationInput } from '@jalin/notifications';

/** Stable codes of the in-app notifications this library writes. */
export enum ObligationNoticeKind {
  OBLIGATION_WAIVED = 'OBLIGATION_WAIVED',
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  REPORT_REVISION_REQUESTED = 'REPORT_REVISION_REQUESTED',
  SESSION_SCHEDULED = 'SESSION_SCHEDULED',
  SESSION_HELD = 'SESSION_HELD',
  SESSION_CONFIRMED = 'SESSION_CONFIRMED',
  SESSION_DISPUTED = 'SESSION_DISPUTED',
}

const q = (s: string) => `“${s}”`;

/** What people read — in Indonesian, the product's first language. */
export const NOTICES = {
  obligationWaived: (o: { id: string; title: string; reason: string }): NotificationInput => ({
    kind: ObligationNoticeKind.OBLIGATION_WAIVED,
    title: `Kewajiban dibebaskan: ${q(o.title)}`,
    body: `Petugas kementerian membebaskan kewajiban ${q(o.title)}. Alasan: ${o.reason}`,
    entityType: 'obligation',
    entityId: o.id,
    data: { reason: o.reason },
  }),
  reportReviewed: (r: { id: string; agreementId: string; periodStart: string; periodEnd: string; decision: string; note: string | null; dueDate: string | null }): NotificationInput =>
    r.decision === 'ACCEPTED'
      ? {
          kind: ObligationNoticeKind.REPORT_ACCEPTED,
          title: `Laporan kemitraan periode ${r.periodStart} s.d. ${r.periodEnd} diterima`,
          body: `Kementerian menerima laporan perkembangan kemitraan Anda.${r.note ? ` Catatan: ${r.note}` : ''}`,
          entityType: 'progress_report',
          entityId: r.id,
          data: { agreementId: r.agreementId, decision: r.decision },
        }
      : {
          kind: ObligationNoticeKind.REPORT_REVISION_REQUESTED,
          title: `Laporan kemitraan periode ${r.periodStart} s.d. ${r.periodEnd} perlu diperbaiki`,
          body: `Kementerian meminta perbaikan laporan perkembangan kemitraan Anda, paling lambat ${r.dueDate}. Catatan: ${r.note ?? ''}`,
          entityType: 'progress_report',
          entityId: r.id,
          data: { agreementId: r.agreementId, decision: r.decision, dueDate: r.dueDate },
        },
  session: (
    event: 'scheduled' | 'held' | 'confirmed' | 'disputed',
    s: { id: string; agreementId: string; topic: string; day: string; reason?: string | null },
  ): NotificationInput => {
    const base = { entityType: 'coaching_session', entityId: s.id, data: { agreementId: s.agreementId, reason: s.reason ?? undefined } };
    switch (event) {
      case 'scheduled':
        return { ...base, kind: ObligationNoticeKind.SESSION_SCHEDULED, title: `Sesi pembinaan dijadwalkan: ${q(s.topic)}`, body: `Mitra menjadwalkan sesi pembinaan ${q(s.topic)} pada ${s.day}.` };
      case 'held':
        return {
          ...base,
          kind: ObligationNoticeKind.SESSION_HELD,
          title: `Mohon konfirmasi sesi pembinaan ${q(s.topic)}`,
          body: `Mitra mencatat kehadiran sesi pembinaan ${q(s.topic)} (${s.day}). Konfirmasikan bahwa sesi ini terlaksana, atau ajukan keberatan bila tidak.`,
        };
      case 'confirmed':
        return { ...base, kind: ObligationNoticeKind.SESSION_CONFIRMED, title: `Sesi pembinaan dikonfirmasi: ${q(s.topic)}`, body: `Usaha kecil mitra mengonfirmasi sesi pembinaan ${q(s.topic)} (${s.day}) telah terlaksana.` };
      case 'disputed':
        return {
          ...base,
          kind: ObligationNoticeKind.SESSION_DISPUTED,
          title: `Sesi pembinaan disanggah: ${q(s.topic)}`,
          body: `Usaha kecil mitra menyanggah sesi pembinaan ${q(s.topic)} (${s.day}). Alasan: ${s.reason ?? ''}. Sanggahan ini terlihat oleh kementerian.`,
        };
    }
  },
};
