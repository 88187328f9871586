import type { NotificationInput } from '@jalin/notifications';

/** Stable codes of the in-app notifications this library writes. */
export enum AgreementNoticeKind {
  AGREEMENT_SIGNATURE_REQUESTED = 'AGREEMENT_SIGNATURE_REQUESTED',
  AGREEMENT_SIGNED = 'AGREEMENT_SIGNED',
  AGREEMENT_ACTIVATED = 'AGREEMENT_ACTIVATED',
  AMENDMENT_PROPOSED = 'AMENDMENT_PROPOSED',
  AMENDMENT_IN_FORCE = 'AMENDMENT_IN_FORCE',
  AMENDMENT_WITHDRAWN = 'AMENDMENT_WITHDRAWN',
  AMENDMENT_DECLINED = 'AMENDMENT_DECLINED',
  AGREEMENT_COMPLETED = 'AGREEMENT_COMPLETED',
  AGREEMENT_TERMINATED = 'AGREEMENT_TERMINATED',
  COMMITMENT_CONFIRMED = 'COMMITMENT_CONFIRMED',
  COMMITMENT_DISPUTED = 'COMMITMENT_DISPUTED',
}

export interface AgreementNoticeContext {
  agreementId: string;
  number: string;
  title: string;
  /** The organisation that acted. */
  actorName: string;
  status: string;
  termsVersion?: number;
  reason?: string | null;
  commitmentId?: string;
  commitmentDescription?: string;
  disputeKind?: string | null;
}

const q = (s: string) => `“${s}”`;
const withReason = (text: string, label: string, reason?: string | null) => (reason ? `${text} ${label}: ${reason}` : text);

/** What the other party reads, in Indonesian (the product's first language). */
const TEXT: Record<AgreementNoticeKind, (c: AgreementNoticeContext) => { title: string; body: string }> = {
  AGREEMENT_SIGNATURE_REQUESTED: (c) => ({
    title: `Perjanjian ${c.number} menunggu tanda tangan Anda`,
    body: `${c.actorName} mengajukan perjanjian kemitraan ${q(c.title)} untuk ditandatangani. Periksa ketentuannya lalu tanda tangani.`,
  }),
  AGREEMENT_SIGNED: (c) => ({
    title: `${c.actorName} menandatangani ${c.number}`,
    body: `${c.actorName} telah menandatangani ${c.termsVersion && c.termsVersion > 1 ? `perubahan (versi ${c.termsVersion}) ` : ''}perjanjian ${q(c.title)}.`,
  }),
  AGREEMENT_ACTIVATED: (c) => ({
    title: `Perjanjian ${c.number} berlaku`,
    body: `Kedua pihak telah menandatangani perjanjian ${q(c.title)}; perjanjian kini AKTIF dan kewajiban kemitraan mulai dipantau.`,
  }),
  AMENDMENT_PROPOSED: (c) => ({
    title: `Usulan perubahan perjanjian ${c.number}`,
    body: withReason(`${c.actorName} mengusulkan perubahan (versi ${c.termsVersion}) atas perjanjian ${q(c.title)}. Perubahan berlaku setelah kedua pihak menandatanganinya.`, 'Alasan', c.reason),
  }),
  AMENDMENT_IN_FORCE: (c) => ({
    title: `Perubahan perjanjian ${c.number} berlaku`,
    body: `Perubahan versi ${c.termsVersion} atas perjanjian ${q(c.title)} telah ditandatangani kedua pihak dan kini berlaku.`,
  }),
  AMENDMENT_WITHDRAWN: (c) => ({
    title: `Usulan perubahan perjanjian ${c.number} ditarik`,
    body: withReason(`${c.actorName} menarik usulan perubahan (versi ${c.termsVersion}) atas perjanjian ${q(c.title)}. Ketentuan yang berlaku tidak berubah.`, 'Alasan', c.reason),
  }),
  AMENDMENT_DECLINED: (c) => ({
    title: `Usulan perubahan perjanjian ${c.number} ditolak`,
    body: withReason(`${c.actorName} menolak usulan perubahan (versi ${c.termsVersion}) atas perjanjian ${q(c.title)}. Ketentuan yang berlaku tidak berubah.`, 'Alasan', c.reason),
  }),
  AGREEMENT_COMPLETED: (c) => ({
    title: `Perjanjian ${c.number} selesai`,
    body: `${c.actorName} menyatakan perjanjian kemitraan ${q(c.title)} selesai.`,
  }),
  AGREEMENT_TERMINATED: (c) => ({
    title: `Perjanjian ${c.number} diakhiri`,
    body: withReason(`${c.actorName} mengakhiri perjanjian kemitraan ${q(c.title)}.`, 'Alasan', c.reason),
  }),
  COMMITMENT_CONFIRMED: (c) => ({
    title: `Komitmen dikonfirmasi: ${c.number}`,
    body: `${c.actorName} mengonfirmasi bahwa komitmen ${q(c.commitmentDescription ?? '')} telah dipenuhi.`,
  }),
  COMMITMENT_DISPUTED: (c) => ({
    title: `Komitmen disanggah: ${c.number}`,
    body: withReason(`${c.actorName} menyanggah pemenuhan komitmen ${q(c.commitmentDescription ?? '')}${c.disputeKind ? ` (${c.disputeKind})` : ''}.`, 'Alasan', c.reason),
  }),
};

export function agreementNotice(kind: AgreementNoticeKind, c: AgreementNoticeContext): NotificationInput {
  const { title, body } = TEXT[kind](c);
  const onCommitment = kind === AgreementNoticeKind.COMMITMENT_CONFIRMED || kind === AgreementNoticeKind.COMMITMENT_DISPUTED;
  return {
    kind,
    title,
    body,
    entityType: onCommitment ? 'commitment' : 'agreement',
    entityId: onCommitment ? (c.commitmentId ?? c.agreementId) : c.agreementId,
    data: {
      agreementId: c.agreementId,
      number: c.number,
      title: c.title,
      status: c.status,
      ...(c.termsVersion !== undefined ? { termsVersion: c.termsVersion } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.commitmentId ? { commitmentId: c.commitmentId } : {}),
      ...(c.disputeKind ? { disputeKind: c.disputeKind } : {}),
    },
  };
}
