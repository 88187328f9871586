import type { Locale } from './templates.js';

/** What a stored notification holds that its text can be rendered from. */
export interface StoredNotificationText {
  kind: string;
  /** Indonesian, always present (the product's first language). */
  title: string;
  body: string;
  /** English, when the writer supplied it (reminders and newer writers do). */
  titleEn?: string | null;
  bodyEn?: string | null;
  data?: Record<string, unknown> | null;
}

const q = (s: unknown) => `“${String(s ?? '')}”`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const withLabel = (text: string, label: string, v: unknown) => (str(v) ? `${text} ${label}: ${String(v)}` : text);

/**
 * English text for the kinds written before notifications carried their own English, built from the
 * kind and the data stored with it. Writers that pass `en` never reach this; a kind missing here
 * falls back to the Indonesian text.
 */
const ENGLISH: Record<string, (d: Record<string, unknown>) => { title: string; body: string }> = {
  APPLICATION_SUBMITTED: (d) => ({
    title: `New application for ${q(d.opportunityTitle)}`,
    body: `${str(d.enterpriseName) ?? 'A small firm'} applied for the partnership opportunity ${q(d.opportunityTitle)}.`,
  }),
  APPLICATION_WITHDRAWN: (d) => ({
    title: `Application withdrawn: ${q(d.opportunityTitle)}`,
    body: `${str(d.enterpriseName) ?? 'A small firm'} withdrew its application for ${q(d.opportunityTitle)}.`,
  }),
  INVITATION_SENT: (d) => ({
    title: `Partnership invitation from ${str(d.partnerName) ?? 'a partner'}`,
    body: `${str(d.partnerName) ?? 'A partner'} invites your business to apply for ${q(d.opportunityTitle)}. You may apply or decline.`,
  }),
  INVITATION_DECLINED: (d) => ({
    title: `Invitation declined: ${q(d.opportunityTitle)}`,
    body: `${str(d.enterpriseName) ?? 'The small firm'} declined your invitation for ${q(d.opportunityTitle)}.`,
  }),
  APPLICATION_SHORTLISTED: (d) => ({
    title: 'Your application is shortlisted',
    body: withLabel(`${str(d.partnerName) ?? 'The partner'} shortlisted your application for ${q(d.opportunityTitle)}.`, 'Note', d.note),
  }),
  APPLICATION_ACCEPTED: (d) => ({
    title: 'Your application is accepted',
    body: withLabel(`${str(d.partnerName) ?? 'The partner'} accepted your application for ${q(d.opportunityTitle)}. Next step: the partnership agreement.`, 'Note', d.note),
  }),
  APPLICATION_REJECTED: (d) => ({
    title: 'Your application was not taken further',
    body: withLabel(`${str(d.partnerName) ?? 'The partner'} did not take your application for ${q(d.opportunityTitle)} further.`, 'Note', d.note),
  }),
  AGREEMENT_SIGNATURE_REQUESTED: (d) => ({
    title: `Agreement ${String(d.number ?? '')} awaits your signature`,
    body: `The partnership agreement ${q(d.title)} was submitted for signature. Review its terms, then sign.`,
  }),
  AGREEMENT_SIGNED: (d) => ({
    title: `Agreement ${String(d.number ?? '')} was signed`,
    body: `The other party signed ${typeof d.termsVersion === 'number' && d.termsVersion > 1 ? `the amendment (version ${d.termsVersion}) of ` : ''}the agreement ${q(d.title)}.`,
  }),
  AGREEMENT_ACTIVATED: (d) => ({
    title: `Agreement ${String(d.number ?? '')} is in force`,
    body: `Both parties signed the agreement ${q(d.title)}; it is now ACTIVE and its partnership obligations are tracked.`,
  }),
  AMENDMENT_PROPOSED: (d) => ({
    title: `Amendment proposed to agreement ${String(d.number ?? '')}`,
    body: withLabel(`An amendment (version ${String(d.termsVersion ?? '')}) to the agreement ${q(d.title)} was proposed. It takes effect once both parties sign it.`, 'Reason', d.reason),
  }),
  AMENDMENT_IN_FORCE: (d) => ({
    title: `Amendment to agreement ${String(d.number ?? '')} is in force`,
    body: `Version ${String(d.termsVersion ?? '')} of the agreement ${q(d.title)} was signed by both parties and is now in force.`,
  }),
  AMENDMENT_WITHDRAWN: (d) => ({
    title: `Amendment to agreement ${String(d.number ?? '')} withdrawn`,
    body: withLabel(`The proposed amendment (version ${String(d.termsVersion ?? '')}) to the agreement ${q(d.title)} was withdrawn by the party that proposed it. The terms in force are unchanged.`, 'Reason', d.reason),
  }),
  AMENDMENT_DECLINED: (d) => ({
    title: `Amendment to agreement ${String(d.number ?? '')} declined`,
    body: withLabel(`The other party declined the proposed amendment (version ${String(d.termsVersion ?? '')}) to the agreement ${q(d.title)}. The terms in force are unchanged.`, 'Reason', d.reason),
  }),
  AGREEMENT_COMPLETED: (d) => ({
    title: `Agreement ${String(d.number ?? '')} completed`,
    body: `The partnership agreement ${q(d.title)} was declared completed.`,
  }),
  AGREEMENT_TERMINATED: (d) => ({
    title: `Agreement ${String(d.number ?? '')} terminated`,
    body: withLabel(`The partnership agreement ${q(d.title)} was terminated.`, 'Reason', d.reason),
  }),
  COMMITMENT_CONFIRMED: (d) => ({
    title: `Commitment confirmed: ${String(d.number ?? '')}`,
    body: `The other party confirmed that a commitment of the agreement ${q(d.title)} was fulfilled.`,
  }),
  COMMITMENT_DISPUTED: (d) => ({
    title: `Commitment disputed: ${String(d.number ?? '')}`,
    body: withLabel(`The other party disputed the fulfilment of a commitment of the agreement ${q(d.title)}${str(d.disputeKind) ? ` (${String(d.disputeKind)})` : ''}.`, 'Reason', d.reason),
  }),
  OBLIGATION_WAIVED: (d) => ({
    title: 'Obligation waived',
    body: withLabel('A ministry officer waived one of your partnership obligations.', 'Reason', d.reason),
  }),
  REPORT_ACCEPTED: () => ({
    title: 'Partnership progress report accepted',
    body: 'The ministry accepted your partnership progress report.',
  }),
  REPORT_REVISION_REQUESTED: (d) => ({
    title: 'Partnership progress report needs revision',
    body: `The ministry asks you to revise your partnership progress report${str(d.dueDate) ? ` by ${String(d.dueDate)}` : ''}.`,
  }),
  SESSION_SCHEDULED: () => ({ title: 'Coaching session scheduled', body: 'Your partner scheduled a coaching session.' }),
  SESSION_HELD: () => ({
    title: 'Please confirm a coaching session',
    body: 'Your partner recorded attendance for a coaching session. Confirm that it took place, or dispute it if it did not.',
  }),
  SESSION_CONFIRMED: () => ({ title: 'Coaching session confirmed', body: 'The small firm confirmed that the coaching session took place.' }),
  SESSION_DISPUTED: (d) => ({
    title: 'Coaching session disputed',
    body: withLabel('The small firm disputed a coaching session. The dispute is visible to the ministry.', 'Reason', d.reason),
  }),
};

/** Whether an English rendering exists for notifications of `kind` that were stored without English text. */
export const hasEnglishFallback = (kind: string) => kind in ENGLISH;

/**
 * The title and body a reader with `locale` sees: Indonesian as stored; English from the stored
 * English text, else rendered from the kind and data, else (an unknown kind) the Indonesian text.
 */
export function localizeNotification(locale: Locale, n: StoredNotificationText): { title: string; body: string } {
  if (locale !== 'en') return { title: n.title, body: n.body };
  if (n.titleEn) return { title: n.titleEn, body: n.bodyEn ?? '' };
  const render = ENGLISH[n.kind];
  return render ? render(n.data ?? {}) : { title: n.title, body: n.body };
}
