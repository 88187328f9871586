import type { SizeRegimeCode } from '@jalin/organizations';

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a finding is about: one row per (rule, subject) while it stays OPEN. */
export const SUBJECT_TYPES = ['PARTNER', 'AGREEMENT', 'OBLIGATION'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const FINDING_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** What a rule's query may depend on besides the data: fixed for one run. */
export interface RuleContext {
  /** The size regime in force (`SIZE_REGIME`), for rules that reclassify firms. */
  sizeRegime: SizeRegimeCode;
}

/**
 * A risk rule: a set-based query over the whole platform that names each subject that looks wrong,
 * why the law cares (its legal basis) and how much (severity).
 *
 * `sql` returns one row per subject, with exactly these columns:
 * `subject_type` (text, one of SUBJECT_TYPES), `subject_id` (uuid), `partner_id` (uuid, the large or
 * medium firm whose duty it is), `enterprise_id` (uuid or NULL, the small firm concerned),
 * `agreement_id` (uuid or NULL) and `details` (jsonb: the evidence an officer reads). The query is
 * a constant string except for values taken from `RuleContext`, which are code-defined (never input).
 */
export interface RiskRule {
  code: string;
  /** Indonesian first (the product's language), English beside it. */
  title: { id: string; en: string };
  /** The article the duty comes from, e.g. "PP 44/1997 Pasal 14 huruf b". */
  legalBasis: string;
  severity: Severity;
  subjectType: SubjectType;
  /** Precisely what the query finds, and when the finding resolves (English). */
  description: string;
  sql(ctx: RuleContext): string;
}
