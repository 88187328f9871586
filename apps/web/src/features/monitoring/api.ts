/**
 * The ministry's monitoring API (libs/monitoring): figures read from the worker's snapshot (`asOf`),
 * risk rules and findings, monitoring cases with their dialogue, report review, staff accounts and the
 * audit trail. Types come from the generated OpenAPI schema, so a contract change breaks the build.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';
import type { AuditRecord, Page, ProgressReport } from '../../api/types';

export type { AuditRecord };
import type { MonitoringFilter } from './filters';

type S = components['schemas'];

export type Summary = S['SummaryView'];
export type Figures = S['BreakdownGroup'];
export type Breakdown = S['BreakdownView'];
export type PartnerFigures = S['PartnerFigures'];
export type PartnersPage = S['PartnersView'];
export type OverdueItem = S['OverdueItem'];
export type OverduePage = S['OverdueView'];
export type Trend = S['TrendView'];
export type Rule = S['RuleListItemView'];
export type RuleList = S['RuleListView'];
export type Finding = S['FindingView'];
export type FindingPage = S['FindingPageView'];
export type FindingRun = S['FindingRunView'];
export type Case = S['CaseView'];
export type CaseDetail = S['CaseDetailView'];
export type CaseMessage = S['CaseMessageView'];
export type CaseAttachment = S['CaseAttachmentView'];
export type CreateCaseBody = S['CreateCaseDto'];
export type ConcludeCaseBody = S['ConcludeCaseDto'];
export type CreateStaffBody = S['CreateStaffUserDto'];

export type PartnerSort = NonNullable<NonNullable<operations['FiguresController_partners']['parameters']['query']>['sort']>;
export type FindingQuery = NonNullable<operations['FindingsController_list']['parameters']['query']>;
export type RuleCode = NonNullable<FindingQuery['rule']>;
export type Severity = NonNullable<FindingQuery['severity']>;
export type CaseStatus = NonNullable<NonNullable<operations['MonitoringCasesController_list']['parameters']['query']>['status']>;
export type ViolationType = NonNullable<ConcludeCaseBody['violationType']>;
export type CaseAction = 'open' | 'address' | 'decline' | 'complete' | 'cancel' | 'message' | 'reportRemedy';

export const SEVERITIES: readonly Severity[] = ['HIGH', 'MEDIUM', 'LOW'];
export const CASE_STATUSES: readonly CaseStatus[] = ['DRAFT', 'ACTIVE', 'ADDRESSED', 'DECLINED', 'COMPLETED', 'CANCELLED'];
export const VIOLATION_TYPES: readonly ViolationType[] = [
  'LATE_PAYMENT',
  'UNFAIR_PRICE',
  'INPUTS_NOT_SUPPLIED',
  'PRODUCE_REFUSED',
  'ONE_SIDED_CHANGE',
  'COACHING_NOT_DELIVERED',
  'OWNERSHIP_OR_CONTROL',
  'AGREEMENT_TERMS',
  'REPORTING',
  'NO_PIC',
  'NO_OPPORTUNITY_INFORMATION',
  'OTHER',
];
export const PARTNER_SORTS: readonly PartnerSort[] = [
  'overdue',
  'onTimeRate',
  'activeAgreements',
  'agreements',
  'picAppointed',
  'name',
];

/** The filters as the API takes them (empty values left out). */
export function filterQuery(f: MonitoringFilter) {
  return {
    province: f.province || undefined,
    kbli: f.kbli || undefined,
    pattern: f.pattern || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  };
}

export const monitoringKey = ['monitoring'] as const;

/** Figures change only when the worker takes a new snapshot (every 5 minutes). */
const FIGURES_STALE = 60_000;

/** The summary's query, shared by the dashboard and the early start in ./prefetch.ts (same key, same cache entry). */
export const summaryQuery = (f: MonitoringFilter) =>
  queryOptions({
    queryKey: [...monitoringKey, 'summary', f],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/summary', { params: { query: filterQuery(f) } })),
    staleTime: FIGURES_STALE,
  });

export function useSummary(f: MonitoringFilter) {
  return useQuery({ ...summaryQuery(f), placeholderData: keepPreviousData });
}

export function useBreakdown(f: MonitoringFilter, by: 'province' | 'kbli' | 'pattern') {
  return useQuery({
    queryKey: [...monitoringKey, 'breakdown', by, f],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/breakdown', { params: { query: { ...filterQuery(f), by } } })),
    staleTime: FIGURES_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useTrend(f: MonitoringFilter) {
  return useQuery({
    queryKey: [...monitoringKey, 'trend', f],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/trend', { params: { query: filterQuery(f) } })),
    staleTime: FIGURES_STALE,
    placeholderData: keepPreviousData,
  });
}

export function fetchPartnerFigures(
  f: MonitoringFilter,
  q: { sort: PartnerSort; order: 'asc' | 'desc'; cursor?: string; limit?: number },
): Promise<PartnersPage> {
  return unwrap(
    api.GET('/api/v1/monitoring/partners', {
      params: { query: { ...filterQuery(f), sort: q.sort, order: q.order, cursor: q.cursor, limit: q.limit ?? 20 } },
    }),
  );
}

export function fetchOverdue(
  f: MonitoringFilter,
  q: { cursor?: string; limit?: number; type?: OverdueItem['type'] },
): Promise<OverduePage> {
  return unwrap(
    api.GET('/api/v1/monitoring/overdue', {
      params: { query: { ...filterQuery(f), cursor: q.cursor, limit: q.limit ?? 20, type: q.type as never } },
    }),
  );
}

// ---- risk rules and findings ----

export function useRules() {
  return useQuery({
    queryKey: [...monitoringKey, 'rules'],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/rules')),
    staleTime: 60_000,
  });
}

export function fetchFindings(q: FindingQuery): Promise<FindingPage> {
  return unwrap(api.GET('/api/v1/monitoring/findings', { params: { query: { limit: 20, ...q } } }));
}

export function useFinding(id: string | null | undefined) {
  return useQuery({
    queryKey: [...monitoringKey, 'finding', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/findings/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useRunRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/monitoring/findings/run', { headers: { 'Idempotency-Key': crypto.randomUUID() } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: monitoringKey }),
  });
}

// ---- monitoring cases ----

export const casesKey = [...monitoringKey, 'cases'] as const;
export const caseKey = (id: string) => [...casesKey, 'one', id] as const;

export function fetchCases(q: {
  cursor?: string;
  status?: CaseStatus;
  partnerId?: string;
  agreementId?: string;
  findingId?: string;
}): Promise<Page<Case>> {
  return unwrap(api.GET('/api/v1/monitoring/cases', { params: { query: { limit: 20, ...q } } }));
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/cases/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) =>
      unwrap(api.POST('/api/v1/monitoring/cases', { body, headers: { 'Idempotency-Key': crypto.randomUUID() } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKey }),
  });
}

type Transition =
  | { action: 'open'; version: number }
  | { action: 'conclude'; body: ConcludeCaseBody }
  | { action: 'complete'; version: number; note?: string }
  | { action: 'cancel'; version: number; reason: string };

/** One move of the case lifecycle (open, conclusion, complete, cancel); the answer is the case as it is now. */
export function useCaseTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: Transition): Promise<CaseDetail> => {
      const path = { params: { path: { id } }, headers: { 'Idempotency-Key': crypto.randomUUID() } };
      switch (t.action) {
        case 'open':
          return unwrap(api.POST('/api/v1/monitoring/cases/{id}/open', { ...path, body: { version: t.version } }));
        case 'conclude':
          return unwrap(api.POST('/api/v1/monitoring/cases/{id}/conclusion', { ...path, body: t.body }));
        case 'complete':
          return unwrap(
            api.POST('/api/v1/monitoring/cases/{id}/complete', {
              ...path,
              body: { version: t.version, note: t.note || undefined },
            }),
          );
        case 'cancel':
          return unwrap(
            api.POST('/api/v1/monitoring/cases/{id}/cancel', { ...path, body: { version: t.version, reason: t.reason } }),
          );
      }
    },
    onSuccess: (c) => {
      qc.setQueryData(caseKey(id), c);
      void qc.invalidateQueries({ queryKey: casesKey });
    },
  });
}

/** A message in the case's dialogue: JSON when there is no file, multipart (text + up to five files) otherwise. */
export function usePostCaseMessage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ text, files }: { text: string; files: File[] }): Promise<CaseMessage> => {
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      if (!files.length) {
        return unwrap(api.POST('/api/v1/monitoring/cases/{id}/messages', { params: { path: { id } }, headers, body: { text } }));
      }
      const form = new FormData();
      if (text) form.append('text', text);
      for (const f of files) form.append('file', f, f.name);
      return unwrap(
        api.POST('/api/v1/monitoring/cases/{id}/messages', {
          params: { path: { id } },
          headers,
          body: form as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKey(id) }),
  });
}

// ---- progress reports (review) ----

export const reportsKey = ['reports'] as const;
export type ReportStatus = ProgressReport['status'];
export const REPORT_STATUSES: readonly ReportStatus[] = [
  'SUBMITTED',
  'RESUBMITTED',
  'REVISION_REQUESTED',
  'ACCEPTED',
] as ReportStatus[];

export function fetchReports(q: { cursor?: string; status?: ReportStatus; agreementId?: string }): Promise<Page<ProgressReport>> {
  return unwrap(api.GET('/api/v1/reports', { params: { query: { limit: 20, ...q } as never } }));
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [...reportsKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useReviewReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'ACCEPTED' | 'REVISION_REQUESTED'; note?: string; version?: number }) =>
      unwrap(api.POST('/api/v1/reports/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

// ---- staff accounts and the audit trail (ADMIN) ----

export function useCreateStaff() {
  return useMutation({
    mutationFn: (body: CreateStaffBody) =>
      unwrap(
        api.POST('/api/v1/admin/users', { body, headers: { 'Idempotency-Key': crypto.randomUUID() } }),
      ),
  });
}

export function fetchAudit(q: { cursor?: string; entityType?: string; entityId?: string }): Promise<Page<AuditRecord>> {
  return unwrap(api.GET('/api/v1/audit', { params: { query: { limit: 20, ...q } as never } }));
}

/** Sets the HttpOnly cookie bull-board accepts (ADMIN), then the dashboard opens at /admin/queues. */
export function useQueueDashboard() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/queues/session')),
    onSuccess: (r) => {
      window.open(r.url || '/admin/queues', '_blank', 'noopener');
    },
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
}
