import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@jalin/core';
import { OBLIGATION_TYPES, type ObligationType } from '@jalin/obligations';
import { MonitoringFilterQuery, PATTERNS } from './filters.js';

/** Every figure's definition, shown in the OpenAPI document and restated in the README. */
export const DEFINITIONS = {
  asOf: 'The instant the figures show: the snapshot the worker takes every 5 minutes (statuses derived at that instant, in each obligation’s own zone).',
  agreements: 'Agreements whose start date lies in the window, by status and by pattern.',
  smallFirmsReached: 'Distinct small firms (enterprises) with at least one ACTIVE or COMPLETED agreement whose start date lies in the window.',
  obligations:
    'Obligations of agreements whose due date lies in the window, by status at asOf: an open one is UPCOMING (due more than 7 days ahead), DUE (within 7 days, the due day included) or OVERDUE (due day passed); else FULFILLED, WAIVED or CANCELLED. Every type counts, CASE_REMEDY (a monitoring case’s remedy report) included when the case is on an agreement; a remedy owed on a case about the partner as a whole has no agreement and is not counted.',
  reports:
    'PROGRESS_REPORT obligations due in the window that are due by asOf: onTime = fulfilled on or before the due date (the fulfilment’s day in the obligation’s zone); late = fulfilled after it; overdue = still open after it. due = onTime + late + overdue (waived and cancelled ones, and open ones not yet past their due date, are left out).',
  onTimeReportRate: 'reports.onTime ÷ reports.due; null when no report is due.',
  overdue: 'Obligations (of every type) due in the window and still open after their due date at asOf (= obligations.byStatus.OVERDUE).',
  coachingSessionsDelivered: 'Coaching sessions confirmed by the small firm whose scheduled day (in the partner’s zone) lies in the window.',
} as const;

export class AgreementsByStatus {
  @ApiProperty() DRAFT: number;
  @ApiProperty() AWAITING_SIGNATURES: number;
  @ApiProperty() ACTIVE: number;
  @ApiProperty() COMPLETED: number;
  @ApiProperty() TERMINATED: number;
}

export class AgreementsByPattern {
  @ApiProperty() INTI_PLASMA: number;
  @ApiProperty() SUBCONTRACT: number;
}

export class AgreementFigures {
  @ApiProperty() total: number;
  @ApiProperty({ type: AgreementsByStatus }) byStatus: AgreementsByStatus;
  @ApiProperty({ type: AgreementsByPattern }) byPattern: AgreementsByPattern;
}

export class ObligationsByStatus {
  @ApiProperty() UPCOMING: number;
  @ApiProperty() DUE: number;
  @ApiProperty() OVERDUE: number;
  @ApiProperty() FULFILLED: number;
  @ApiProperty() WAIVED: number;
  @ApiProperty() CANCELLED: number;
}

export class ObligationFigures {
  @ApiProperty() total: number;
  @ApiProperty({ type: ObligationsByStatus }) byStatus: ObligationsByStatus;
}

export class ReportFigures {
  @ApiProperty({ description: 'onTime + late + overdue' }) due: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty() overdue: number;
}

export class AppliedFilters {
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ApiProperty({ type: String, nullable: true }) kbli: string | null;
  @ApiProperty({ type: String, nullable: true, enum: PATTERNS }) pattern: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'The caller’s province limit (an officer limited to provinces); null = all provinces' })
  limitedToProvinces: string[] | null;
}

/** The figures of the summary, also each breakdown group's. */
export class Figures {
  @ApiProperty({ type: AgreementFigures, description: DEFINITIONS.agreements }) agreements: AgreementFigures;
  @ApiProperty({ description: DEFINITIONS.smallFirmsReached }) smallFirmsReached: number;
  @ApiProperty({ type: ObligationFigures, description: DEFINITIONS.obligations }) obligations: ObligationFigures;
  @ApiProperty({ type: ReportFigures, description: DEFINITIONS.reports }) reports: ReportFigures;
  @ApiProperty({ type: Number, nullable: true, example: 0.8125, description: DEFINITIONS.onTimeReportRate }) onTimeReportRate: number | null;
  @ApiProperty({ description: DEFINITIONS.overdue }) overdueCount: number;
  @ApiProperty({ description: DEFINITIONS.coachingSessionsDelivered }) coachingSessionsDelivered: number;
}

export class SummaryView extends Figures {
  @ApiProperty({ type: String, format: 'date-time', description: DEFINITIONS.asOf }) asOf: string;
  @ApiProperty({ type: AppliedFilters }) filters: AppliedFilters;
}

export const BREAKDOWN_BY = ['province', 'kbli', 'pattern'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];

export class BreakdownQuery extends MonitoringFilterQuery {
  @ApiProperty({ enum: BREAKDOWN_BY, description: 'province: the small firm’s province; kbli: the agreement’s KBLI division (2 digits); pattern' })
  @IsIn(BREAKDOWN_BY, { message: `by must be one of ${BREAKDOWN_BY.join(', ')}` })
  by: BreakdownBy;
}

export class BreakdownGroup extends Figures {
  @ApiProperty({ example: '33', description: 'Province code, KBLI division or pattern' }) key: string;
  @ApiProperty({ example: 'JAWA TENGAH', description: 'Province name, KBLI division title, or pattern name' }) label: string;
}

export class BreakdownView {
  @ApiProperty({ type: String, format: 'date-time', description: DEFINITIONS.asOf }) asOf: string;
  @ApiProperty({ enum: BREAKDOWN_BY }) by: string;
  @ApiProperty({ type: AppliedFilters }) filters: AppliedFilters;
  @ApiProperty({ type: [BreakdownGroup], description: 'Groups with any figure, by key. A small firm reached in two groups counts in each.' }) items: BreakdownGroup[];
}

export const PARTNER_SORTS = ['overdue', 'onTimeRate', 'activeAgreements', 'agreements', 'picAppointed', 'name'] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

export class PartnersQuery extends IntersectionType(MonitoringFilterQuery, PageQuery) {
  @ApiPropertyOptional({ enum: PARTNER_SORTS, default: 'overdue', description: 'Sort field; ties break on partner id. onTimeRate null sorts last either way.' })
  @IsOptional() @IsIn(PARTNER_SORTS, { message: `sort must be one of ${PARTNER_SORTS.join(', ')}` })
  sort?: PartnerSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default desc, except asc for name' })
  @IsOptional() @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';
}

export class PartnerFigures {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '35', description: 'The partner’s own province' }) provinceCode: string;
  @ApiProperty({ description: 'Agreements (any status) whose start date lies in the window' }) agreements: number;
  @ApiProperty({ description: 'ACTIVE agreements whose start date lies in the window' }) activeAgreements: number;
  @ApiProperty({ type: ReportFigures, description: DEFINITIONS.reports }) reports: ReportFigures;
  @ApiProperty({ type: Number, nullable: true, description: DEFINITIONS.onTimeReportRate }) onTimeRate: number | null;
  @ApiProperty({ description: DEFINITIONS.overdue }) overdueCount: number;
  @ApiProperty({ description: 'The partner has a penanggung jawab kemitraan (PIC) on its profile at asOf' }) picAppointed: boolean;
}

export class PartnersView {
  @ApiProperty({ type: String, format: 'date-time', description: DEFINITIONS.asOf }) asOf: string;
  @ApiProperty({ type: [PartnerFigures] }) items: PartnerFigures[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OverdueQuery extends IntersectionType(MonitoringFilterQuery, PageQuery) {
  @ApiPropertyOptional({ enum: OBLIGATION_TYPES, description: 'Only obligations of this type' })
  @IsOptional() @IsIn(OBLIGATION_TYPES, { message: `type must be one of ${OBLIGATION_TYPES.join(', ')}` })
  type?: ObligationType;
}

export class Ref {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AgreementRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KMT/2025/000123' }) number: string;
  @ApiProperty() title: string;
}

export class ProvinceRef {
  @ApiProperty({ example: '33' }) code: string;
  @ApiProperty({ example: 'JAWA TENGAH' }) name: string;
}

export class OverdueItem {
  @ApiProperty({ format: 'uuid' }) obligationId: string;
  @ApiProperty({ enum: OBLIGATION_TYPES }) type: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'PP 44/1997 Pasal 14 huruf b' }) legalBasis: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ description: 'Days past the due date at asOf, in the obligation’s zone' }) daysOverdue: number;
  @ApiProperty({ type: AgreementRef }) agreement: AgreementRef;
  @ApiProperty({ type: Ref }) partner: Ref;
  @ApiProperty({ type: Ref }) enterprise: Ref;
  @ApiProperty({ type: ProvinceRef, description: 'The small firm’s province' }) province: ProvinceRef;
}

export class OverdueView {
  @ApiProperty({ type: String, format: 'date-time', description: DEFINITIONS.asOf }) asOf: string;
  @ApiProperty({ type: [OverdueItem] }) items: OverdueItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TrendPoint {
  @ApiProperty({ example: '2025-04', description: 'Month of the due date' }) month: string;
  @ApiProperty({ type: ReportFigures, description: DEFINITIONS.reports }) reports: ReportFigures;
  @ApiProperty({ type: Number, nullable: true, description: DEFINITIONS.onTimeReportRate }) onTimeReportRate: number | null;
  @ApiProperty({ description: 'Obligations (every type) due that month and overdue at asOf' }) overdueCount: number;
}

export class TrendView {
  @ApiProperty({ type: String, format: 'date-time', description: DEFINITIONS.asOf }) asOf: string;
  @ApiProperty({ type: AppliedFilters }) filters: AppliedFilters;
  @ApiProperty({ type: [TrendPoint], description: 'Every month from the first to the last with a report due (or from `from` to `to` when given), gaps filled with zeros' })
  items: TrendPoint[];
}
