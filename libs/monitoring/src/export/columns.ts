import type { CsvCell, CsvColumn } from './csv.js';

/**
 * The CSV files' columns, in order. Each row comes from SQL with these names as its keys (counts as
 * numbers, sums of rupiah as exact digit strings); `description` is what the README and the OpenAPI
 * description say about the column.
 */
type Row = Record<string, unknown>;

const col = (name: string, description: string, value?: (r: Row) => CsvCell): CsvColumn<Row> => ({
  name,
  description,
  value: value ?? ((r) => r[name] as CsvCell),
});

/** A count from SQL (`count(*)` is bigint, which the driver gives as a string). */
const count = (name: string, description: string) => col(name, description, (r) => (r[name] === null || r[name] === undefined ? null : Number(r[name])));

export const AGREEMENT_COLUMNS: readonly CsvColumn<Row>[] = [
  col('agreement_id', 'Agreement id (UUID)'),
  col('agreement_number', 'Agreement number (KMT/<year>/<sequence>)'),
  col('title', 'Agreement title (in-force terms)'),
  col('pattern', 'INTI_PLASMA or SUBCONTRACT'),
  col('status', 'DRAFT, AWAITING_SIGNATURES, ACTIVE, COMPLETED or TERMINATED'),
  count('terms_version', 'In-force terms version (1 = never amended)'),
  col('start_date', 'Start date (YYYY-MM-DD)'),
  col('end_date', 'End date (YYYY-MM-DD)'),
  col('reporting_period', 'QUARTERLY, SEMESTER or YEARLY'),
  count('payment_term_days', 'Agreed payment term in days (empty when none)'),
  col('activated_at', 'When both parties had signed (ISO 8601, UTC)'),
  col('completed_at', 'When completed (ISO 8601, UTC)'),
  col('terminated_at', 'When terminated (ISO 8601, UTC)'),
  col('partner_id', 'Partner (usaha menengah/besar) id'),
  col('partner_name', 'Partner name'),
  col('partner_nib', 'Partner NIB (13 digits)'),
  col('partner_scale', 'Partner size class: MENENGAH or BESAR'),
  col('partner_province_code', 'Partner province (Kemendagri code)'),
  col('partner_province', 'Partner province name'),
  col('partner_pic_appointed', 'Whether the partner has appointed a penanggung jawab kemitraan (true/false; the person is not exported)'),
  col('enterprise_id', 'Small firm (usaha mikro/kecil) id'),
  col('enterprise_name', 'Small firm name'),
  col('enterprise_nib', 'Small firm NIB (13 digits)'),
  col('enterprise_scale', 'Small firm size class: MIKRO or KECIL'),
  col('enterprise_province_code', 'Small firm province (Kemendagri code)'),
  col('enterprise_province', 'Small firm province name'),
  col('kbli_code', 'The agreement’s KBLI 2020 code, as the figures read it: the first of the small firm’s codes under one of the opportunity’s codes, else the opportunity’s most specific code'),
  col('opportunity_kbli_codes', 'KBLI 2020 codes of the agreement’s opportunity, space-separated'),
  count('obligations_total', 'Obligations of the agreement due in the window (all when no from/to), cancelled ones excluded'),
  count('obligations_due', 'Of those, obligations whose due date has come (on or before today in the obligation’s zone)'),
  count('obligations_fulfilled', 'Obligations FULFILLED'),
  count('obligations_overdue', 'Obligations still open after their due date (OVERDUE)'),
  count('obligations_waived', 'Obligations WAIVED by the ministry'),
  count('obligations_cancelled', 'Obligations CANCELLED (agreement ended or amended); not in obligations_total'),
  count('reports_due', 'Progress reports due: PROGRESS_REPORT obligations whose due date has come, waived and cancelled ones excluded'),
  count('reports_on_time', 'Of those, reports submitted (obligation fulfilled) on or before the due date, in the obligation’s zone'),
  col('on_time_report_rate', 'reports_on_time ÷ reports_due, 4 decimals (empty when no report is due yet)'),
  count('coaching_sessions_planned', 'Coaching sessions scheduled in the window, cancelled ones excluded'),
  count('coaching_sessions_confirmed', 'Of those, sessions the small firm confirmed took place (delivered)'),
  count('coaching_sessions_disputed', 'Of those, sessions the small firm disputed'),
  count('commitments', 'Commitments of the in-force terms'),
  count('commitments_confirmed', 'Commitments the small firm confirmed'),
  count('commitments_disputed', 'Commitments the small firm disputed'),
  col('commitments_value_idr', 'Sum of the commitments’ values, integer rupiah (empty when none carries a value)'),
  count('amendments', 'Amendments signed by both parties (terms versions after the first that came into force)'),
];

export const OBLIGATION_COLUMNS: readonly CsvColumn<Row>[] = [
  col('obligation_id', 'Obligation id (UUID)'),
  col('agreement_id', 'Agreement id'),
  col('agreement_number', 'Agreement number'),
  col('pattern', 'INTI_PLASMA or SUBCONTRACT'),
  col('partner_id', 'Partner id (the party that owes the obligation)'),
  col('partner_name', 'Partner name'),
  col('partner_nib', 'Partner NIB'),
  col('enterprise_id', 'Small firm id'),
  col('enterprise_name', 'Small firm name'),
  col('enterprise_nib', 'Small firm NIB'),
  col('type', 'PROGRESS_REPORT, APPOINT_PIC, HONOUR_AGREEMENT, COACHING, PUBLISH_OPPORTUNITIES or CASE_REMEDY (the remedy report owed on a monitoring case concluded with a violation)'),
  col('title', 'Title'),
  col('legal_basis', 'Legal basis, e.g. PP 44/1997 Pasal 14 huruf b'),
  col('owed_by', 'PARTNER or ENTERPRISE'),
  col('due_date', 'Due date (YYYY-MM-DD, a day in time_zone)'),
  col('period_start', 'Reporting period start (PROGRESS_REPORT)'),
  col('period_end', 'Reporting period end (PROGRESS_REPORT)'),
  col('status', 'UPCOMING, DUE (within 7 days), OVERDUE, FULFILLED, WAIVED or CANCELLED — derived at export time'),
  col('fulfilled_at', 'When fulfilled (ISO 8601, UTC)'),
  col('waived_at', 'When waived (ISO 8601, UTC)'),
  col('cancelled_at', 'When cancelled (ISO 8601, UTC)'),
  count('days_late', 'FULFILLED: days between the due date and the day it was fulfilled (0 when on time); open: days past the due date (0 before it); empty when waived or cancelled'),
  col('time_zone', 'The partner’s zone the dates are days in (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)'),
  col('commitment_type', 'HONOUR_AGREEMENT: the commitment’s type (PRODUCTION_WORK, FINANCING…)'),
  col('commitment_value_idr', 'HONOUR_AGREEMENT: the commitment’s value, integer rupiah'),
  col('coaching_session_status', 'COACHING: the session’s status (SCHEDULED, HELD, CONFIRMED, DISPUTED, CANCELLED)'),
];
