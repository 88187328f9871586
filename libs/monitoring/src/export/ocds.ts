/**
 * The Open Contracting Data Standard 1.1 view of a kemitraan agreement: one release per agreement,
 * validated in the tests against the OCDS 1.1.5 release-package and release schemas.
 *
 * How a partnership maps onto a contracting process (choices the standard leaves to the publisher):
 * - ocid `ocds-jalin1-<agreement id>`. `ocds-jalin1` has the form of a registered prefix (ocds- and
 *   six characters) but is Jalin's own until the ministry registers one with the Open Contracting
 *   Partnership — then only OCID_PREFIX changes.
 * - The partner (usaha menengah/besar) is the `buyer`: it concludes the agreement and takes the small
 *   firm's work or produce. The small firm (usaha mikro/kecil) is the `supplier`. Each party's
 *   `details.scale` comes from its size class (MIKRO micro, KECIL small, MENENGAH medium, BESAR large).
 * - Identifiers: the NIB (Nomor Induk Berusaha, issued through OSS). org-id.guide lists no register
 *   for it (its Indonesian lists, ID-KHH, ID-KDN, ID-KLN, ID-PRO, are other registers), so the scheme
 *   is the local `X-ID-NIB` ("X-" marks a scheme not registered there); party ids are
 *   `X-ID-NIB-<nib>`, as OCDS advises ({scheme}-{id}).
 * - The partner's acceptance of the small firm's application is the `award` (id = application id);
 *   the agreement is the `contract`. There is no `tender` section: an opportunity is an open call
 *   for partners, not a procurement. `initiationType` is "tender", the only value the 1.1 schema
 *   allows (the field is deprecated in 1.2).
 * - contract.status: ACTIVE active; COMPLETED and TERMINATED terminated, with finalStatus complete /
 *   incomplete. Only concluded agreements (signed by both: ACTIVE, COMPLETED, TERMINATED) are
 *   published; drafts and agreements awaiting signatures are not contracts yet.
 * - contract.value: the sum of the in-force commitments' values (integer rupiah, IDR), when any
 *   commitment carries one. contract.items: the commitments.
 * - Obligations are `implementation.milestones`: PROGRESS_REPORT → reporting; HONOUR_AGREEMENT →
 *   financing for a FINANCING commitment, delivery for the others (land, inputs, production work,
 *   raw material, guidance, technology); COACHING → delivery (a service provided); APPOINT_PIC →
 *   reporting (naming the responsible person to the government); CASE_REMEDY → reporting (the remedy
 *   report owed to the ministry on a monitoring case); PUBLISH_OPPORTUNITIES → engagement.
 *   `code` keeps the obligation type. Status: FULFILLED met (dateMet), OVERDUE notMet, UPCOMING and
 *   DUE scheduled; WAIVED and CANCELLED carry no status (none of the closed milestoneStatus codes is
 *   true of them) and say so in the description.
 * - Amendments signed by both parties are `contracts[].amendments` (id, date in force, rationale).
 * - No personal data of individuals: no PIC, contact e-mail or phone, street address, NPWP (an
 *   individual's NPWP is the NIK), user, signatory or attendee. Free text written by the parties
 *   (titles, commitment descriptions, amendment reasons) passes `redactContacts`, which blanks
 *   e-mail addresses, phone numbers and 16-digit NIK-like numbers in it.
 */

export const OCID_PREFIX = 'ocds-jalin1';
export const NIB_SCHEME = 'X-ID-NIB';
export const KBLI_SCHEME = 'KBLI-2020';
/** The agreement number (KMT/<year>/<sequence>), a national system's id: `{ISO 3166-1}-{system}` as OCDS suggests. */
export const CONTRACT_NUMBER_SCHEME = 'ID-JALIN-KMT';
export const PUBLISHER_NAME = 'Jalin — platform kemitraan usaha mikro, kecil, menengah dan besar';
/** Agreement statuses that are concluded contracts and so published. */
export const OCDS_AGREEMENT_STATUSES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

const ZONE_OFFSET: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };
const offsetOf = (zone: string | null | undefined) => ZONE_OFFSET[zone ?? ''] ?? '+07:00';

/** The first and last instant of a calendar day in an Indonesian zone, as OCDS date-times. */
export const startOfDay = (d: string, zone: string) => `${d}T00:00:00${offsetOf(zone)}`;
export const endOfDay = (d: string, zone: string) => `${d}T23:59:59${offsetOf(zone)}`;

const iso = (d: Date | string | null | undefined) => (d === null || d === undefined ? undefined : new Date(d).toISOString());

export const PARTY_SCALE: Record<string, 'micro' | 'small' | 'medium' | 'large'> = { MIKRO: 'micro', KECIL: 'small', MENENGAH: 'medium', BESAR: 'large' };

export const CONTRACT_STATUS: Record<string, 'active' | 'terminated'> = { ACTIVE: 'active', COMPLETED: 'terminated', TERMINATED: 'terminated' };
const FINAL_STATUS: Record<string, 'complete' | 'incomplete'> = { COMPLETED: 'complete', TERMINATED: 'incomplete' };

export type MilestoneType = 'reporting' | 'delivery' | 'financing' | 'engagement';
export type MilestoneStatus = 'scheduled' | 'met' | 'notMet';

/** The milestone type of an obligation (and, for HONOUR_AGREEMENT, of its commitment). */
export function milestoneType(obligationType: string, commitmentType: string | null): MilestoneType {
  switch (obligationType) {
    case 'PROGRESS_REPORT':
    case 'APPOINT_PIC':
    case 'CASE_REMEDY':
      return 'reporting';
    case 'HONOUR_AGREEMENT':
      return commitmentType === 'FINANCING' ? 'financing' : 'delivery';
    case 'PUBLISH_OPPORTUNITIES':
      return 'engagement';
    default:
      return 'delivery';
  }
}

/** The milestone status of an obligation's derived status; none for WAIVED and CANCELLED. */
export function milestoneStatus(status: string): MilestoneStatus | undefined {
  switch (status) {
    case 'FULFILLED':
      return 'met';
    case 'OVERDUE':
      return 'notMet';
    case 'UPCOMING':
    case 'DUE':
      return 'scheduled';
    default:
      return undefined;
  }
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Indonesian phone numbers: +62 / 62 / 0 then 8+ more digits, with spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+\s?62|\b62|\(?\b0)[\d\s().-]{7,}\d/g;
const LONG_NUMBER = /\b\d{16}\b/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
export const REDACTED = '[disamarkan]';

/** Free text with e-mail addresses, phone numbers and 16-digit (NIK-like) numbers blanked. */
export function redactContacts(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text
    .replace(EMAIL, REDACTED)
    .replace(LONG_NUMBER, REDACTED)
    .replace(PHONE, (m) => ((m.match(/\d/g)?.length ?? 0) >= 9 && !ISO_DATE.test(m) ? REDACTED : m));
}

// ---- input rows (what the export queries return) ----

export interface OcdsPartyRow {
  id: string;
  name: string;
  nib: string;
  scale: string;
  kbliCodes: string[];
  province: string | null;
  regency: string | null;
}

export interface OcdsAgreementRow {
  id: string;
  number: string;
  title: string;
  status: string;
  startDate: string;
  endDate: string;
  activatedAt: Date | null;
  completedAt: Date | null;
  terminatedAt: Date | null;
  applicationId: string;
  awardDate: Date | null;
  timeZone: string;
  partner: OcdsPartyRow;
  enterprise: OcdsPartyRow;
}

export interface OcdsCommitmentRow {
  id: string;
  type: string;
  description: string;
  quantity: string | number | null;
  unit: string | null;
  valueIdr: string | number | null;
}

export interface OcdsAmendmentRow {
  termsVersion: number;
  reason: string | null;
  inForceAt: Date | null;
}

export interface OcdsObligationRow {
  id: string;
  type: string;
  title: string;
  legalBasis: string;
  dueDate: string;
  status: string;
  fulfilledAt: Date | null;
  waivedAt: Date | null;
  cancelledAt: Date | null;
  updatedAt: Date;
  timeZone: string;
  commitmentType: string | null;
  commitmentValueIdr: string | number | null;
}

// ---- output ----

type Json = Record<string, unknown>;

/** Drops undefined (and empty-array) members so the JSON carries only what is known. */
function compact<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete o[k];
  }
  return o;
}

const idr = (amount: string | number | null | undefined) =>
  amount === null || amount === undefined ? undefined : { amount: Number(amount), currency: 'IDR' };

export const ocid = (agreementId: string) => `${OCID_PREFIX}-${agreementId}`;
export const partyId = (nib: string) => `${NIB_SCHEME}-${nib.trim()}`;

function party(p: OcdsPartyRow, role: 'buyer' | 'supplier'): Json {
  const nib = p.nib.trim();
  return compact({
    id: partyId(nib),
    name: p.name,
    identifier: { scheme: NIB_SCHEME, id: nib, legalName: p.name },
    address: compact({ locality: p.regency ?? undefined, region: p.province ?? undefined, countryName: 'Indonesia', country: 'ID' }),
    roles: [role],
    details: compact({
      scale: PARTY_SCALE[p.scale],
      classifications: [...new Set(p.kbliCodes)].map((code) => ({ scheme: KBLI_SCHEME, id: code })),
    }),
  });
}

function milestone(o: OcdsObligationRow): Json {
  const status = milestoneStatus(o.status);
  const note =
    o.status === 'WAIVED'
      ? `Dibebaskan oleh kementerian (WAIVED)${o.waivedAt ? ` pada ${iso(o.waivedAt)}` : ''}.`
      : o.status === 'CANCELLED'
        ? `${o.type === 'CASE_REMEDY' ? 'Dibatalkan karena kasus pengawasan ditutup tanpa pemulihan' : 'Dibatalkan karena perjanjian berakhir atau diubah'} (CANCELLED)${o.cancelledAt ? ` pada ${iso(o.cancelledAt)}` : ''}.`
        : null;
  return compact({
    id: o.id,
    title: redactContacts(o.title) ?? undefined,
    type: milestoneType(o.type, o.commitmentType),
    code: o.type,
    description: note ? `${o.legalBasis}. ${note}` : o.legalBasis,
    dueDate: endOfDay(o.dueDate, o.timeZone),
    dateMet: status === 'met' ? iso(o.fulfilledAt) : undefined,
    dateModified: iso(o.updatedAt),
    status,
    value: o.type === 'HONOUR_AGREEMENT' ? idr(o.commitmentValueIdr) : undefined,
  });
}

/** The release of one agreement, as of `asOf` (the export's snapshot time). */
export function buildRelease(
  a: OcdsAgreementRow,
  commitments: OcdsCommitmentRow[],
  amendments: OcdsAmendmentRow[],
  obligations: OcdsObligationRow[],
  asOf: Date,
): Json {
  const buyer = party(a.partner, 'buyer');
  const supplier = party(a.enterprise, 'supplier');
  const valued = commitments.filter((c) => c.valueIdr !== null && c.valueIdr !== undefined);
  const total = valued.reduce((s, c) => s + Number(c.valueIdr), 0);
  const period = { startDate: startOfDay(a.startDate, a.timeZone), endDate: endOfDay(a.endDate, a.timeZone) };
  const ended = a.status === 'COMPLETED' || a.status === 'TERMINATED';
  const stamp = asOf.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return {
    ocid: ocid(a.id),
    id: `${a.id}-${stamp}`,
    date: asOf.toISOString(),
    tag: ended ? ['award', 'contract', 'implementation', 'contractTermination'] : ['award', 'contract', 'implementation'],
    initiationType: 'tender',
    language: 'id',
    parties: [buyer, supplier],
    buyer: { id: buyer.id, name: buyer.name },
    awards: [
      compact({
        id: a.applicationId,
        status: 'active',
        date: iso(a.awardDate),
        suppliers: [{ id: supplier.id, name: supplier.name }],
        contractPeriod: period,
      }),
    ],
    contracts: [
      compact({
        id: a.id,
        identifiers: [{ id: a.number, scheme: CONTRACT_NUMBER_SCHEME }],
        awardID: a.applicationId,
        title: redactContacts(a.title) ?? undefined,
        status: CONTRACT_STATUS[a.status],
        finalStatus: FINAL_STATUS[a.status],
        finalStatusDate: ended ? iso(a.completedAt ?? a.terminatedAt) : undefined,
        dateSigned: iso(a.activatedAt),
        value: valued.length ? { amount: total, currency: 'IDR' } : undefined,
        items: commitments.map((c) =>
          compact({
            id: c.id,
            description: `${c.type}: ${redactContacts(c.description) ?? ''}`,
            quantity: c.quantity === null || c.quantity === undefined ? undefined : Number(c.quantity),
            unit: c.unit ? { name: c.unit } : undefined,
          }),
        ),
        period,
        implementation: obligations.length ? { milestones: obligations.map(milestone) } : undefined,
        amendments: amendments.map((m) =>
          compact({
            id: `${a.id}-v${m.termsVersion}`,
            date: iso(m.inForceAt),
            rationale: redactContacts(m.reason) ?? undefined,
            description: `Perubahan perjanjian: ketentuan versi ${m.termsVersion} berlaku setelah ditandatangani kedua pihak.`,
          }),
        ),
      }),
    ],
  };
}

/** The package's opening (everything up to the releases array) and its closing. */
export function packageHead(uri: string, publishedDate: Date): string {
  const head = JSON.stringify({ uri, version: '1.1', publishedDate: publishedDate.toISOString(), publisher: { name: PUBLISHER_NAME } });
  return `${head.slice(0, -1)},"releases":[`;
}
export const PACKAGE_TAIL = ']}\n';
