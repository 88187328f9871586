import { SIZE_REGIMES } from '@jalin/organizations';
import type { RiskRule } from './rule.js';
import { KECIL_RANK, scaleNameSql, scaleRankSql } from './scale-sql.js';

/** Days an open progress report may be past its due date before it is a finding. */
export const REPORT_OVERDUE_DAYS = 30;
/** Window in which an agreement with a coaching plan must have at least one confirmed session. */
export const COACHING_WINDOW_DAYS = 90;
/** Window, and how many amendments in force within it are "more than twice". */
export const AMENDMENT_WINDOW_DAYS = 90;
export const AMENDMENTS_ALLOWED_IN_WINDOW = 2;
/** A partner with active agreements publishes at least one opportunity within this many months. */
export const PUBLISH_WINDOW_MONTHS = 12;
/** Once its small partner outgrows KECIL, the partner has this long to take on a new small partner. */
export const NEW_SMALL_PARTNER_WITHIN_DAYS = 365;

/** The commitment disputes (agreements library, `commitment.dispute_kind`) each dispute rule covers. */
const disputeRule = (kinds: readonly string[], extra = ''): string => `
  SELECT 'AGREEMENT' AS subject_type, a.id AS subject_id, a.partner_id, a.enterprise_id, a.id AS agreement_id,
         jsonb_build_object(
           'agreementNumber', a.number,
           'pattern', a.pattern,
           ${extra}
           'commitments', jsonb_agg(jsonb_build_object(
             'commitmentId', c.id, 'type', c.type, 'description', c.description, 'valueIdr', c.value_idr,
             'disputeKind', c.dispute_kind, 'disputedAt', c.disputed_at, 'reason', c.dispute_reason) ORDER BY c.position, c.id)
         ) AS details
    FROM commitment c
    JOIN agreement a ON a.id = c.agreement_id AND c.terms_version = a.terms_version
   WHERE c.status = 'DISPUTED' AND c.dispute_kind IN (${kinds.map((k) => `'${k}'`).join(', ')})
   GROUP BY a.id`;

/** Partners that run at least one ACTIVE agreement, with how many. */
const ACTIVE_PARTNERS = `SELECT partner_id, count(*)::int AS active_agreements FROM agreement WHERE status = 'ACTIVE' GROUP BY partner_id`;

/**
 * The risk rules, in the order officers read them. Each query is set-based (one statement over the
 * whole platform); a subject appears at most once per rule. A finding stays OPEN while its rule
 * keeps returning the subject and is RESOLVED by the first run that no longer does.
 */
export const RISK_RULES: readonly RiskRule[] = Object.freeze([
  {
    code: 'PROGRESS_REPORT_OVERDUE_30D',
    title: { id: 'Laporan perkembangan kemitraan terlambat lebih dari 30 hari', en: 'Progress report overdue by more than 30 days' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf b',
    severity: 'HIGH',
    subjectType: 'OBLIGATION',
    description:
      `An OPEN PROGRESS_REPORT obligation whose due date lies more than ${REPORT_OVERDUE_DAYS} days before today (a calendar day in the obligation's zone). ` +
      'Resolves once the report is filed (the obligation is fulfilled), waived or cancelled.',
    sql: () => `
      SELECT 'OBLIGATION' AS subject_type, o.id AS subject_id, o.partner_id, o.enterprise_id, o.agreement_id,
             jsonb_build_object(
               'obligationId', o.id, 'title', o.title, 'agreementNumber', a.number,
               'periodStart', o.period_start, 'periodEnd', o.period_end, 'dueDate', o.due_date, 'timeZone', o.time_zone,
               'daysOverdue', (now() AT TIME ZONE o.time_zone)::date - o.due_date) AS details
        FROM obligation o
        LEFT JOIN agreement a ON a.id = o.agreement_id
       WHERE o.type = 'PROGRESS_REPORT' AND o.state = 'OPEN'
         AND o.due_date < (now() AT TIME ZONE 'Asia/Jayapura')::date - ${REPORT_OVERDUE_DAYS}
         AND o.due_date < (now() AT TIME ZONE o.time_zone)::date - ${REPORT_OVERDUE_DAYS}`,
  },
  {
    code: 'PARTNER_WITHOUT_PIC',
    title: { id: 'Mitra usaha tanpa penanggung jawab kemitraan', en: 'Partner with active agreements but no person in charge (PIC)' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf c',
    severity: 'MEDIUM',
    subjectType: 'PARTNER',
    description:
      'A partner organisation running at least one ACTIVE agreement whose profile names no penanggung jawab kemitraan (pic missing or without a name). ' +
      'Resolves once a PIC is appointed, or when the partner no longer runs an ACTIVE agreement.',
    sql: () => `
      SELECT 'PARTNER' AS subject_type, p.id AS subject_id, p.id AS partner_id, NULL::uuid AS enterprise_id, NULL::uuid AS agreement_id,
             jsonb_build_object('partnerName', p.name, 'activeAgreements', ap.active_agreements) AS details
        FROM (${ACTIVE_PARTNERS}) ap
        JOIN organization p ON p.id = ap.partner_id
       WHERE p.pic IS NULL OR p.pic = 'null'::jsonb OR coalesce(btrim(p.pic->>'name'), '') = ''`,
  },
  {
    code: 'COACHING_NOT_CONFIRMED_90D',
    title: { id: 'Pembinaan direncanakan tetapi tidak ada sesi terkonfirmasi dalam 90 hari', en: 'Coaching planned but no session confirmed in 90 days' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf e',
    severity: 'MEDIUM',
    subjectType: 'AGREEMENT',
    description:
      `An ACTIVE agreement, active for at least ${COACHING_WINDOW_DAYS} days, that plans coaching (a coaching-plan item in the terms in force, or a session scheduled and not cancelled) ` +
      `but has no coaching session CONFIRMED by the small firm in the last ${COACHING_WINDOW_DAYS} days. Resolves once a session is confirmed, or the agreement ends.`,
    sql: () => `
      SELECT 'AGREEMENT' AS subject_type, a.id AS subject_id, a.partner_id, a.enterprise_id, a.id AS agreement_id,
             jsonb_build_object(
               'agreementNumber', a.number, 'activatedAt', a.activated_at,
               'plannedItems', (SELECT count(*) FROM coaching_plan_item i WHERE i.agreement_id = a.id AND i.terms_version = a.terms_version),
               'sessionsScheduled', (SELECT count(*) FROM coaching_session s WHERE s.agreement_id = a.id AND s.status <> 'CANCELLED'),
               'lastConfirmedAt', (SELECT max(s.confirmed_at) FROM coaching_session s WHERE s.agreement_id = a.id AND s.status = 'CONFIRMED'),
               'windowDays', ${COACHING_WINDOW_DAYS}) AS details
        FROM agreement a
       WHERE a.status = 'ACTIVE' AND a.activated_at <= now() - interval '${COACHING_WINDOW_DAYS} days'
         AND (EXISTS (SELECT 1 FROM coaching_plan_item i WHERE i.agreement_id = a.id AND i.terms_version = a.terms_version)
              OR EXISTS (SELECT 1 FROM coaching_session s WHERE s.agreement_id = a.id AND s.status <> 'CANCELLED'))
         AND NOT EXISTS (SELECT 1 FROM coaching_session s
                          WHERE s.agreement_id = a.id AND s.status = 'CONFIRMED' AND s.confirmed_at >= now() - interval '${COACHING_WINDOW_DAYS} days')`,
  },
  {
    code: 'SESSIONS_DISPUTED',
    title: { id: 'Sesi pembinaan disanggah usaha kecil', en: 'Coaching sessions disputed by the small firm' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf e',
    severity: 'MEDIUM',
    subjectType: 'AGREEMENT',
    description:
      'An agreement with at least one coaching session the small firm DISPUTED (it says the coaching did not take place as recorded). ' +
      'Resolves once the firm confirms every disputed session (withdrawing its dispute).',
    sql: () => `
      SELECT 'AGREEMENT' AS subject_type, a.id AS subject_id, a.partner_id, a.enterprise_id, a.id AS agreement_id,
             jsonb_build_object(
               'agreementNumber', a.number,
               'sessions', jsonb_agg(jsonb_build_object(
                 'sessionId', s.id, 'aspect', s.aspect, 'topic', s.topic, 'scheduledAt', s.scheduled_at,
                 'disputedAt', s.disputed_at, 'reason', s.dispute_reason) ORDER BY s.scheduled_at, s.id)) AS details
        FROM coaching_session s
        JOIN agreement a ON a.id = s.agreement_id
       WHERE s.status = 'DISPUTED'
       GROUP BY a.id`,
  },
  {
    code: 'COMMITMENT_LATE_PAYMENT',
    title: { id: 'Pembayaran melewati jangka waktu yang disepakati (disanggah)', en: 'Payment later than the agreed payment term (disputed)' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf d',
    severity: 'HIGH',
    subjectType: 'AGREEMENT',
    description:
      'An agreement with a commitment of the terms in force that the small firm DISPUTED as LATE_PAYMENT: paid later than the agreement’s paymentTermDays ' +
      '(shown in details). Resolves once the firm confirms the commitment (dispute resolved).',
    sql: () => disputeRule(['LATE_PAYMENT'], `'paymentTermDays', a.payment_term_days,`),
  },
  {
    code: 'COMMITMENT_RAW_MATERIAL_PRICE',
    title: { id: 'Harga bahan baku tidak wajar (disanggah)', en: 'Raw material or inputs over-priced (disputed)' },
    legalBasis: 'PP 44/1997 Pasal 4 (bahan baku dalam jumlah dan harga yang wajar) dan Pasal 14 huruf d',
    severity: 'HIGH',
    subjectType: 'AGREEMENT',
    description:
      'An agreement with a commitment of the terms in force that the small firm DISPUTED as PRICE (raw material or inputs at a price above the agreed or a fair one). ' +
      'Resolves once the firm confirms the commitment.',
    sql: () => disputeRule(['PRICE']),
  },
  {
    code: 'COMMITMENT_INPUTS_NOT_SUPPLIED',
    title: { id: 'Sarana produksi atau bahan baku tidak dipasok (disanggah)', en: 'Production inputs or raw material not supplied (disputed)' },
    legalBasis: 'PP 44/1997 Pasal 3 dan Pasal 4 (sarana produksi, pasokan bahan baku) dan Pasal 14 huruf d',
    severity: 'HIGH',
    subjectType: 'AGREEMENT',
    description:
      'An agreement with a commitment of the terms in force that the small firm DISPUTED as NOT_SUPPLIED (inputs, raw material or other support promised but not supplied). ' +
      'Resolves once the firm confirms the commitment.',
    sql: () => disputeRule(['NOT_SUPPLIED']),
  },
  {
    code: 'COMMITMENT_DISPUTED_OTHER',
    title: { id: 'Komitmen lain disanggah usaha kecil', en: 'Other commitment disputed by the small firm' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf d',
    severity: 'MEDIUM',
    subjectType: 'AGREEMENT',
    description:
      'An agreement with a commitment of the terms in force that the small firm DISPUTED as NOT_DELIVERED or OTHER (e.g. work or land promised but not given). ' +
      'Resolves once the firm confirms the commitment.',
    sql: () => disputeRule(['NOT_DELIVERED', 'OTHER']),
  },
  {
    code: 'AGREEMENT_AMENDED_OFTEN',
    title: { id: 'Perjanjian diubah lebih dari dua kali dalam 90 hari', en: 'Agreement amended more than twice in 90 days' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf d',
    severity: 'MEDIUM',
    subjectType: 'AGREEMENT',
    description:
      `An agreement with more than ${AMENDMENTS_ALLOWED_IN_WINDOW} amendments (terms versions after the first) that entered into force in the last ${AMENDMENT_WINDOW_DAYS} days — ` +
      'frequent changes are how one-sided changes to the terms (an abuse KPPU names) show. Resolves once the count within the window drops to two or fewer.',
    sql: () => `
      SELECT 'AGREEMENT' AS subject_type, a.id AS subject_id, a.partner_id, a.enterprise_id, a.id AS agreement_id,
             jsonb_build_object(
               'agreementNumber', a.number, 'windowDays', ${AMENDMENT_WINDOW_DAYS}, 'amendmentsInWindow', count(*),
               'amendments', jsonb_agg(jsonb_build_object(
                 'termsVersion', t.terms_version, 'inForceAt', t.in_force_at, 'reason', t.reason,
                 'proposedBy', CASE WHEN t.proposed_by = a.partner_id THEN 'PARTNER' WHEN t.proposed_by = a.enterprise_id THEN 'ENTERPRISE' END)
                 ORDER BY t.terms_version)) AS details
        FROM agreement_terms t
        JOIN agreement a ON a.id = t.agreement_id
       WHERE t.terms_version > 1 AND t.in_force_at >= now() - interval '${AMENDMENT_WINDOW_DAYS} days'
       GROUP BY a.id
      HAVING count(*) > ${AMENDMENTS_ALLOWED_IN_WINDOW}`,
  },
  {
    code: 'SMALL_PARTNER_OUTGREW_CLASS',
    title: { id: 'Mitra usaha kecil kini di atas kelas Usaha Kecil', en: 'Small partner now classifies above KECIL' },
    legalBasis:
      'Peraturan BKPM No. 1/2022 Pasal 22 ayat (2) huruf a, sebagaimana diubah Peraturan BKPM No. 3/2025 (mitra UMK baru paling lambat 1 tahun); kriteria kelas: PP 7/2021 Pasal 35',
    severity: 'LOW',
    subjectType: 'AGREEMENT',
    description:
      'An ACTIVE agreement whose small firm, reclassified from its stated net assets and annual sales under the size regime in force (SIZE_REGIME), ' +
      `now classes above KECIL (or is stored so). The partner must take on a new small partner within ${NEW_SMALL_PARTNER_WITHIN_DAYS} days, counted from the finding's firstSeenAt ` +
      '(details.newSmallPartnerDueWithinDays). Resolves once the firm classes MIKRO or KECIL again, or the agreement ends.',
    sql: (ctx) => {
      const rank = scaleRankSql(ctx.sizeRegime, 'e.net_assets_idr', 'e.annual_sales_idr');
      return `
      SELECT 'AGREEMENT' AS subject_type, a.id AS subject_id, a.partner_id, a.enterprise_id, a.id AS agreement_id,
             jsonb_build_object(
               'agreementNumber', a.number, 'enterpriseName', e.name,
               'scale', coalesce(${scaleNameSql(rank)}, e.scale), 'storedScale', e.scale, 'regime', '${ctx.sizeRegime}',
               'regimeLegalBasis', ${sqlString(SIZE_REGIMES[ctx.sizeRegime].legalBasis)},
               'netAssetsIdr', e.net_assets_idr, 'annualSalesIdr', e.annual_sales_idr,
               'newSmallPartnerDueWithinDays', ${NEW_SMALL_PARTNER_WITHIN_DAYS}) AS details
        FROM agreement a
        JOIN organization e ON e.id = a.enterprise_id
       WHERE a.status = 'ACTIVE' AND (e.scale IN ('MENENGAH', 'BESAR') OR coalesce(${rank}, 0) > ${KECIL_RANK})`;
    },
  },
  {
    code: 'NO_OPPORTUNITY_PUBLISHED_12M',
    title: { id: 'Tidak ada peluang kemitraan dipublikasikan dalam 12 bulan', en: 'No partnership opportunity published in 12 months' },
    legalBasis: 'PP 44/1997 Pasal 14 huruf a',
    severity: 'LOW',
    subjectType: 'PARTNER',
    description:
      `A partner running at least one ACTIVE agreement that has published no opportunity (published_at) in the last ${PUBLISH_WINDOW_MONTHS} months. ` +
      'Resolves once it publishes one, or no longer runs an ACTIVE agreement.',
    sql: () => `
      SELECT 'PARTNER' AS subject_type, p.id AS subject_id, p.id AS partner_id, NULL::uuid AS enterprise_id, NULL::uuid AS agreement_id,
             jsonb_build_object('partnerName', p.name, 'activeAgreements', ap.active_agreements, 'windowMonths', ${PUBLISH_WINDOW_MONTHS},
               'lastPublishedAt', (SELECT max(o.published_at) FROM opportunity o WHERE o.partner_id = p.id)) AS details
        FROM (${ACTIVE_PARTNERS}) ap
        JOIN organization p ON p.id = ap.partner_id
       WHERE NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id AND o.published_at >= now() - interval '${PUBLISH_WINDOW_MONTHS} months')`,
  },
] satisfies RiskRule[]);

/** A string literal for SQL (code-defined text only, never input). */
function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export const RULE_CODES = RISK_RULES.map((r) => r.code);
export const ruleByCode = (code: string): RiskRule | undefined => RISK_RULES.find((r) => r.code === code);
