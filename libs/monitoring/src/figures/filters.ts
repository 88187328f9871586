import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { type Actor, invalid, KBLI_SECTIONS, Role } from '@jalin/core';

export const PATTERNS = ['INTI_PLASMA', 'SUBCONTRACT'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** A calendar date `YYYY-MM-DD` that exists. */
const IsDay = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );

/** What each filter means; shown in the OpenAPI document and the README. */
export const FILTER_DEFINITIONS = {
  province:
    'Kemendagri province code (2 digits, e.g. 33). A partnership lies in the province of its small firm (the enterprise); every agreement, obligation and session of the partnership counts there.',
  kbli:
    'A KBLI 2020 section letter (A–U) or a code prefix of 2 to 5 digits (10 = division, 107 = group, 1079 = class, 10794 = sub-class). ' +
    'It matches the agreement’s KBLI code: the first of the small firm’s KBLI codes that lies under one of the opportunity’s codes, ' +
    'else the opportunity’s most specific code, else the small firm’s first code.',
  pattern: 'Partnership pattern: INTI_PLASMA or SUBCONTRACT.',
  from:
    'First day of the window (inclusive). It bounds each figure by its own date: agreements by their start date, obligations (and reports, overdue) by their due date, coaching sessions by their scheduled day (in the partner’s zone).',
  to: 'Last day of the window (inclusive); the same dates as `from`. Must not be before `from`.',
} as const;

/**
 * The filters every monitoring route takes (api.md: `province`, `kbli`, `pattern`, `from`, `to`).
 * Other monitoring features reuse this class and `monitoringScopeSql` so they mean the same thing.
 */
export class MonitoringFilterQuery {
  @ApiPropertyOptional({ example: '33', description: FILTER_DEFINITIONS.province })
  @IsOptional() @IsString() @Matches(/^\d{2}$/, { message: 'province must be a 2-digit Kemendagri province code, e.g. 33' })
  province?: string;

  @ApiPropertyOptional({ example: '107', description: FILTER_DEFINITIONS.kbli })
  @IsOptional() @IsString() @Matches(/^(?:[A-U]|\d{2,5})$/, { message: 'kbli must be a KBLI section letter (A–U) or a code prefix of 2 to 5 digits' })
  kbli?: string;

  @ApiPropertyOptional({ enum: PATTERNS, description: FILTER_DEFINITIONS.pattern })
  @IsOptional() @IsIn(PATTERNS, { message: `pattern must be one of ${PATTERNS.join(', ')}` })
  pattern?: Pattern;

  @ApiPropertyOptional({ format: 'date', example: '2025-01-01', description: FILTER_DEFINITIONS.from })
  @IsOptional() @IsDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-12-31', description: FILTER_DEFINITIONS.to })
  @IsOptional() @IsDay()
  to?: string;
}

/** Validated filters, as the SQL builders take them. */
export interface MonitoringFilter {
  province: string | null;
  kbli: string | null;
  pattern: Pattern | null;
  from: string | null;
  to: string | null;
}

/**
 * Checks what the decorators cannot (`from` ≤ `to`; the province exists, given the set of known
 * province codes) and returns the filter. Bad input is a 400 naming the field.
 */
export function toMonitoringFilter(q: MonitoringFilterQuery, knownProvinces?: ReadonlySet<string>): MonitoringFilter {
  const errors: { field: string; message: string }[] = [];
  if (q.from && q.to && q.to < q.from) errors.push({ field: 'to', message: 'to must not be before from' });
  if (q.province && knownProvinces && !knownProvinces.has(q.province)) {
    errors.push({ field: 'province', message: `province ${q.province} is not a Kemendagri province code` });
  }
  if (errors.length) throw invalid(errors);
  return { province: q.province ?? null, kbli: q.kbli ?? null, pattern: q.pattern ?? null, from: q.from ?? null, to: q.to ?? null };
}

/** True when the KBLI filter is finer than a division (3–5 digits), so only KBLI codes can answer it. */
export const kbliIsFine = (kbli: string | null) => !!kbli && /^\d{3,5}$/.test(kbli);

/** Column names of a row that carries a partnership's dimensions. */
export interface ScopeColumns {
  /** the small firm's province code */
  province: string;
  pattern: string;
  /** the agreement's KBLI code (needed for 3–5 digit prefixes) */
  kbliCode?: string;
  /** the agreement's KBLI division; defaults to `left(kbliCode, 2)` */
  division?: string;
}

/**
 * The WHERE conditions (to be AND-ed) that restrict rows to what `actor` may see and the filter
 * selects — except the dates, which each figure applies to its own date (`dateWithinSql`).
 * - MINISTRY limited to provinces: the small firm's province is one of them (in every list and every
 *   total); ADMIN and unlimited officers: everything; any other role: nothing.
 * - province, pattern: equality; kbli: a section letter selects its divisions, 2 digits a division,
 *   3–5 digits a prefix of the agreement's KBLI code (needs `cols.kbliCode`).
 */
export function monitoringScopeSql(actor: Actor, f: MonitoringFilter, p: (v: unknown) => string, cols: ScopeColumns): string[] {
  const out: string[] = [];
  if (actor.role === Role.MINISTRY) {
    if (actor.provinceCodes.length) out.push(`${cols.province} = ANY(${p(actor.provinceCodes)}::text[])`);
  } else if (actor.role !== Role.ADMIN) {
    out.push('FALSE');
  }
  if (f.province) out.push(`${cols.province} = ${p(f.province)}`);
  if (f.pattern) out.push(`${cols.pattern} = ${p(f.pattern)}`);
  if (f.kbli) {
    const division = cols.division ?? (cols.kbliCode ? `left(${cols.kbliCode}, 2)` : null);
    const section = KBLI_SECTIONS.find((s) => s.code === f.kbli);
    if (section) {
      if (!division) throw new Error('monitoringScopeSql: a KBLI filter needs a division or KBLI code column');
      out.push(`${division} BETWEEN ${p(String(section.from).padStart(2, '0'))} AND ${p(String(section.to).padStart(2, '0'))}`);
    } else if (f.kbli.length === 2 && division) {
      out.push(`${division} = ${p(f.kbli)}`);
    } else {
      if (!cols.kbliCode) throw new Error('monitoringScopeSql: a KBLI prefix of 3–5 digits needs the KBLI code column');
      // digits only (validated), so no LIKE wildcard can slip in
      out.push(`${cols.kbliCode} LIKE ${p(`${f.kbli}%`)}`);
    }
  }
  return out;
}

/** `col` within [from, to] (either bound optional); TRUE when neither is given. */
export function dateWithinSql(col: string, from: string | null, to: string | null, p: (v: unknown) => string): string {
  const parts: string[] = [];
  if (from) parts.push(`${col} >= ${p(from)}::date`);
  if (to) parts.push(`${col} <= ${p(to)}::date`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * The agreement's KBLI code as SQL, for agreement rows joined to their small firm (`e`) and
 * opportunity (`op`): the first of the firm's codes that lies under one of the opportunity's codes,
 * else the opportunity's most specific code (longest, then first listed), else the firm's first
 * code, else ''.
 */
export function agreementKbliSql(e = 'e', op = 'op'): string {
  return `coalesce(
    (SELECT u.c FROM unnest(${e}.kbli_codes) WITH ORDINALITY u(c, i)
      WHERE EXISTS (SELECT 1 FROM unnest(${op}.kbli_codes) oc WHERE starts_with(u.c, oc)) ORDER BY u.i LIMIT 1),
    (SELECT v.c FROM unnest(${op}.kbli_codes) WITH ORDINALITY v(c, j) ORDER BY length(v.c) DESC, v.j LIMIT 1),
    ${e}.kbli_codes[1], '')`;
}
