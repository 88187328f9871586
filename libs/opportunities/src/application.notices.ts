import type { NotificationInput } from '@jalin/notifications';
import type { ApplicationAction, Side } from './domain/application.lifecycle.js';

/** Stable codes of the in-app notifications this library writes. */
export enum ApplicationNoticeKind {
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  APPLICATION_WITHDRAWN = 'APPLICATION_WITHDRAWN',
  INVITATION_SENT = 'INVITATION_SENT',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
  APPLICATION_SHORTLISTED = 'APPLICATION_SHORTLISTED',
  APPLICATION_ACCEPTED = 'APPLICATION_ACCEPTED',
  APPLICATION_REJECTED = 'APPLICATION_REJECTED',
}

export type ApplicationEvent = ApplicationAction | 'invite';

export interface NoticeContext {
  applicationId: string;
  opportunityId: string;
  opportunityTitle: string;
  enterpriseId: string;
  enterpriseName: string;
  partnerId: string;
  partnerName: string;
  status: string;
  note?: string | null;
  viaInvitation?: boolean;
}

const q = (s: string) => `“${s}”`;
const withNote = (text: string, note?: string | null) => (note ? `${text} Catatan: ${note}` : text);

/** Per event: who is told (the other side) and what they read — in Indonesian, the product's first language. */
const NOTICES: Record<ApplicationEvent, { kind: ApplicationNoticeKind; to: Side; text: (c: NoticeContext) => { title: string; body: string } }> = {
  apply: {
    kind: ApplicationNoticeKind.APPLICATION_SUBMITTED,
    to: 'partner',
    text: (c) => ({
      title: `Lamaran baru untuk ${q(c.opportunityTitle)}`,
      body: c.viaInvitation
        ? `${c.enterpriseName} menerima undangan Anda dan mengajukan lamaran untuk peluang ${q(c.opportunityTitle)}.`
        : `${c.enterpriseName} mengajukan lamaran untuk peluang kemitraan ${q(c.opportunityTitle)}.`,
    }),
  },
  withdraw: {
    kind: ApplicationNoticeKind.APPLICATION_WITHDRAWN,
    to: 'partner',
    text: (c) => ({
      title: `Lamaran ditarik: ${q(c.opportunityTitle)}`,
      body: `${c.enterpriseName} menarik lamarannya untuk peluang ${q(c.opportunityTitle)}.`,
    }),
  },
  invite: {
    kind: ApplicationNoticeKind.INVITATION_SENT,
    to: 'enterprise',
    text: (c) => ({
      title: `Undangan kemitraan dari ${c.partnerName}`,
      body: `${c.partnerName} mengundang usaha Anda untuk melamar peluang ${q(c.opportunityTitle)}. Anda dapat melamar atau menolak undangan ini.`,
    }),
  },
  decline: {
    kind: ApplicationNoticeKind.INVITATION_DECLINED,
    to: 'partner',
    text: (c) => ({
      title: `Undangan ditolak: ${q(c.opportunityTitle)}`,
      body: `${c.enterpriseName} menolak undangan Anda untuk peluang ${q(c.opportunityTitle)}.`,
    }),
  },
  shortlist: {
    kind: ApplicationNoticeKind.APPLICATION_SHORTLISTED,
    to: 'enterprise',
    text: (c) => ({
      title: `Lamaran Anda masuk daftar pendek`,
      body: withNote(`${c.partnerName} memasukkan lamaran Anda untuk ${q(c.opportunityTitle)} ke daftar pendek.`, c.note),
    }),
  },
  accept: {
    kind: ApplicationNoticeKind.APPLICATION_ACCEPTED,
    to: 'enterprise',
    text: (c) => ({
      title: `Lamaran Anda diterima`,
      body: withNote(`${c.partnerName} menerima lamaran Anda untuk ${q(c.opportunityTitle)}. Langkah berikutnya: perjanjian kemitraan.`, c.note),
    }),
  },
  reject: {
    kind: ApplicationNoticeKind.APPLICATION_REJECTED,
    to: 'enterprise',
    text: (c) => ({
      title: `Lamaran Anda tidak dilanjutkan`,
      body: withNote(`${c.partnerName} tidak melanjutkan lamaran Anda untuk ${q(c.opportunityTitle)}.`, c.note),
    }),
  },
};

/** The organisation to notify and the notification, for `event` on an application. */
export function applicationNotice(event: ApplicationEvent, c: NoticeContext): { organizationId: string; notification: NotificationInput } {
  const n = NOTICES[event];
  const { title, body } = n.text(c);
  return {
    organizationId: n.to === 'partner' ? c.partnerId : c.enterpriseId,
    notification: {
      kind: n.kind,
      title,
      body,
      entityType: 'application',
      entityId: c.applicationId,
      data: {
        applicationId: c.applicationId,
        opportunityId: c.opportunityId,
        opportunityTitle: c.opportunityTitle,
        enterpriseId: c.enterpriseId,
        enterpriseName: c.enterpriseName,
        partnerId: c.partnerId,
        partnerName: c.partnerName,
        status: c.status,
        ...(c.note ? { note: c.note } : {}),
      },
    },
  };
}
