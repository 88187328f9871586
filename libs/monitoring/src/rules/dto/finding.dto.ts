import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { RULE_CODES } from '../catalog.js';
import { FINDING_STATUSES, SEVERITIES, SUBJECT_TYPES } from '../rule.js';

const PATTERNS = ['INTI_PLASMA', 'SUBCONTRACT'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FindingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RULE_CODES, description: 'Only this rule’s findings' })
  @IsOptional() @IsIn(RULE_CODES) rule?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional() @IsIn(SEVERITIES) severity?: (typeof SEVERITIES)[number];

  @ApiPropertyOptional({ enum: [...FINDING_STATUSES, 'ALL'], default: 'OPEN', description: 'OPEN (default), RESOLVED, or ALL' })
  @IsOptional() @IsIn([...FINDING_STATUSES, 'ALL']) status?: (typeof FINDING_STATUSES)[number] | 'ALL';

  @ApiPropertyOptional({ example: '33', description: 'Kemendagri province code: findings whose partner or small firm lies there' })
  @IsOptional() @Matches(/^\d{2}$/, { message: 'province must be a 2-digit Kemendagri province code' }) province?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Findings about this partner (large or medium firm)' })
  @IsOptional() @IsUUID(undefined, { message: 'partnerId must be a UUID' }) partnerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Same as partnerId (the issue names this filter “partner”)' })
  @IsOptional() @IsUUID(undefined, { message: 'partner must be a UUID' }) partner?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Findings about this agreement (or one of its obligations)' })
  @IsOptional() @IsUUID(undefined, { message: 'agreementId must be a UUID' }) agreementId?: string;

  @ApiPropertyOptional({ example: '107', description: 'KBLI prefix (2–5 digits): the partner’s or the small firm’s KBLI codes lie under it' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'kbli must be a KBLI code prefix of 2–5 digits' }) kbli?: string;

  @ApiPropertyOptional({ enum: PATTERNS, description: 'The agreement’s pattern (partner-level findings have none and are left out)' })
  @IsOptional() @IsIn(PATTERNS) pattern?: (typeof PATTERNS)[number];

  @ApiPropertyOptional({ format: 'date', description: 'Findings open at some time on or after this day (WIB): resolved on/after it, or still open' })
  @IsOptional() @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'from must be a date that exists' }) from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Findings first seen on or before this day (WIB)' })
  @IsOptional() @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'to must be a date that exists' }) to?: string;
}

export class RuleTitleView {
  @ApiProperty({ example: 'Laporan perkembangan kemitraan terlambat lebih dari 30 hari' }) id: string;
  @ApiProperty({ example: 'Progress report overdue by more than 30 days' }) en: string;
}

export class RuleView {
  @ApiProperty({ example: 'PROGRESS_REPORT_OVERDUE_30D' }) code: string;
  @ApiProperty({ type: RuleTitleView }) title: RuleTitleView;
  @ApiProperty({ example: 'PP 44/1997 Pasal 14 huruf b', description: 'The article the duty comes from' }) legalBasis: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ enum: SUBJECT_TYPES, description: 'What each finding of this rule is about' }) subjectType: string;
  @ApiProperty({ description: 'Precisely what the rule’s query finds and when a finding resolves' }) description: string;
}

export class RuleListItemView extends RuleView {
  @ApiProperty({ description: 'OPEN findings of this rule the caller may see' }) openFindings: number;
}

export class RuleListView {
  @ApiProperty({ type: [RuleListItemView] }) items: RuleListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the rules fit one page' }) nextCursor: null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last completed run of the rules finished (null: never run)' }) asOf: Date | null;
}

export class FindingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PROGRESS_REPORT_OVERDUE_30D' }) ruleCode: string;
  @ApiProperty({ type: RuleView, description: 'The rule, with its title and legal basis' }) rule: RuleView;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ enum: FINDING_STATUSES }) status: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: string;
  @ApiProperty({ format: 'uuid', description: 'The partner, agreement or obligation the finding is about' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() partnerName: string;
  @ApiProperty({ type: String, nullable: true, description: 'The partner’s province (Kemendagri code)' }) provinceCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) enterpriseId: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The small firm’s province' }) enterpriseProvinceCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agreementId: string | null;
  @ApiProperty({ type: String, nullable: true }) agreementNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) pattern: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the rule saw, refreshed at every run (e.g. daysOverdue, the disputed commitments)' })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) firstSeenAt: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'The last run that still found it' }) lastSeenAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The run that no longer found it' }) resolvedAt: Date | null;
  @ApiProperty({ description: 'Bumped whenever a run changes its details or severity' }) version: number;
}

export class FindingPageView {
  @ApiProperty({ type: [FindingView] }) items: FindingView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last completed run of the rules finished (null: never run)' }) asOf: Date | null;
}

export class RuleRunCountsView {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'OPEN findings of this rule the caller may see, after the run' }) open: number;
  @ApiPropertyOptional({ description: 'New findings (nationwide; only for callers not limited to provinces)' }) opened?: number;
  @ApiPropertyOptional({ description: 'Findings seen again (nationwide; only for callers not limited to provinces)' }) kept?: number;
  @ApiPropertyOptional({ description: 'Findings resolved by this run (nationwide; only for callers not limited to provinces)' }) resolved?: number;
}

export class FindingRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['SCHEDULE', 'MANUAL'] }) trigger: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) finishedAt: Date;
  @ApiProperty({ type: [RuleRunCountsView] }) rules: RuleRunCountsView[];
}
