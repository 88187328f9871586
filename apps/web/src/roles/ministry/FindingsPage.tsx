import { useMemo } from 'react';
import { Accordion, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import {
  fetchFindings,
  type Finding,
  type FindingQuery,
  monitoringKey,
  type RuleCode,
  SEVERITIES,
  type Severity,
  useRules,
  useRunRules,
} from '../../features/monitoring/api';
import { AsOf } from '../../features/monitoring/AsOf';
import { useProvinceOptions } from '../../features/monitoring/FilterBar';
import { Pager, useKeysetPages } from '../../features/monitoring/paging';
import { useT } from '../../i18n';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

export const SEVERITY_COLOR: Record<string, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'yellow' };

/** Details a rule saw, as short readable lines (days overdue, due date, disputed commitments…). */
function detailLines(d: Record<string, unknown>, t: ReturnType<typeof useT>['t'], f: ReturnType<typeof useFormat>): string[] {
  const out: string[] = [];
  if (typeof d.daysOverdue === 'number') out.push(t('monitoring.findings.daysOverdue', { count: d.daysOverdue }));
  if (typeof d.dueDate === 'string') out.push(t('monitoring.findings.dueDate', { date: f.date(d.dueDate) }));
  if (typeof d.activeAgreements === 'number') out.push(t('monitoring.findings.activeAgreements', { count: d.activeAgreements }));
  if (Array.isArray(d.commitments)) out.push(t('monitoring.findings.commitments', { count: d.commitments.length }));
  if (typeof d.amendments === 'number') out.push(t('monitoring.findings.amendments', { count: d.amendments }));
  return out;
}

function FindingCard({ finding }: { finding: Finding }) {
  const { t, lang } = useT();
  const f = useFormat();
  const lines = detailLines(finding.details, t, f);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="finding">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={700}>{lang === 'en' ? finding.rule.title.en : finding.rule.title.id}</Text>
          <Badge color={SEVERITY_COLOR[finding.severity] ?? 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {t(`monitoring.severity.${finding.severity as Severity}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {finding.partnerName}
          {finding.enterpriseName ? ` → ${finding.enterpriseName}` : ''}
          {finding.agreementNumber ? ` · ${finding.agreementNumber}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {t('monitoring.legalBasis')}: <strong>{finding.rule.legalBasis}</strong>
        </Text>
        {lines.length > 0 && <Text size="sm">{lines.join(' · ')}</Text>}
        <Text size="xs" c="dimmed">
          {t('monitoring.findings.seen', { first: f.date(finding.firstSeenAt), last: f.date(finding.lastSeenAt) })}
          {finding.resolvedAt ? ` · ${t('monitoring.findings.resolvedAt', { date: f.date(finding.resolvedAt) })}` : ''}
        </Text>
        <Group gap="xs">
          {finding.agreementId && (
            <Anchor component={Link} to={`/agreements/${finding.agreementId}`} size="sm" className="touch-link">
              {t('monitoring.overdue.openAgreement')}
            </Anchor>
          )}
          {finding.status === 'OPEN' && (
            <Anchor component={Link} to={`/ministry/cases/new?findingId=${finding.id}`} size="sm" className="touch-link">
              {t('monitoring.cases.openCase')}
            </Anchor>
          )}
          <Anchor component={Link} to={`/ministry/cases?findingId=${finding.id}`} size="sm" className="touch-link">
            {t('monitoring.findings.cases')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Risk findings with their legal basis (GET /monitoring/findings), filtered by rule, severity,
 * province and status; the rule catalogue with open counts; "run the rules now" (POST /findings/run).
 */
export default function FindingsPage() {
  const { t, lang } = useT();
  const [params, setParams] = useSearchParams();
  const rules = useRules();
  const run = useRunRules();
  const provinces = useProvinceOptions();
  const rule = (params.get('rule') || undefined) as RuleCode | undefined;
  const severity = SEVERITIES.includes(params.get('severity') as Severity) ? (params.get('severity') as Severity) : undefined;
  const province = /^\d{2}$/.test(params.get('province') ?? '') ? params.get('province')! : undefined;
  const statusParam = params.get('status');
  const status: NonNullable<FindingQuery['status']> = statusParam === 'RESOLVED' || statusParam === 'ALL' ? statusParam : 'OPEN';
  const query: FindingQuery = { rule, severity, province, status };
  const pager = useKeysetPages([...monitoringKey, 'findings', query], (cursor) => fetchFindings({ ...query, cursor }));
  const set = (key: string, v: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (v) p.set(key, v);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const ruleOptions = useMemo(
    () =>
      (rules.data?.items ?? []).map((r) => ({
        value: r.code,
        label: `${lang === 'en' ? r.title.en : r.title.id} (${r.openFindings})`,
      })),
    [rules.data, lang],
  );
  const q = pager.query;

  const runNow = () =>
    run.mutate(undefined, {
      onSuccess: (r) => {
        const open = r.rules.reduce((s, x) => s + x.open, 0);
        const opened = r.rules.reduce((s, x) => s + (x.opened ?? 0), 0);
        notifySuccess(t('monitoring.findings.ran', { open, opened }));
      },
      onError: (err) => notifyError(err, t),
    });

  return (
    <>
      <PageHeader
        title={t('monitoring.findings.title')}
        subtitle={
          <AsOf
            asOf={(q.data?.asOf as string | null | undefined) ?? (rules.data?.asOf as string | null | undefined)}
            kind="rules"
          />
        }
        actions={
          <Button onClick={runNow} loading={run.isPending}>
            {t('monitoring.findings.runNow')}
          </Button>
        }
      />
      <Paper withBorder p="sm" radius="md" mb="md" component="section" aria-label={t('monitoring.filters.title')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('monitoring.findings.rule')}
            placeholder={t('monitoring.filters.all')}
            data={ruleOptions}
            value={rule ?? null}
            onChange={(v) => set('rule', v)}
            clearable
            searchable
          />
          <Select
            label={t('monitoring.findings.severity')}
            placeholder={t('monitoring.filters.all')}
            data={SEVERITIES.map((s) => ({ value: s, label: t(`monitoring.severity.${s}`) }))}
            value={severity ?? null}
            onChange={(v) => set('severity', v)}
            clearable
          />
          <Select
            label={t('monitoring.filters.province')}
            placeholder={t('monitoring.filters.all')}
            data={provinces}
            value={province ?? null}
            onChange={(v) => set('province', v)}
            clearable
            searchable
          />
          <Select
            label={t('monitoring.findings.status')}
            data={(['OPEN', 'RESOLVED', 'ALL'] as const).map((s) => ({
              value: s,
              label: t(`monitoring.findings.statuses.${s}`),
            }))}
            value={status}
            onChange={(v) => set('status', v === 'OPEN' ? null : v)}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Paper>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty>{t('monitoring.findings.none')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {q.data.items.map((x) => (
            <li key={x.id}>
              <FindingCard finding={x} />
            </li>
          ))}
        </Stack>
      )}
      <Pager pager={pager} label={t('monitoring.findings.title')} />
      <Accordion mt="lg" variant="separated">
        <Accordion.Item value="rules">
          <Accordion.Control>{t('monitoring.findings.catalogue')}</Accordion.Control>
          <Accordion.Panel>
            {rules.isPending ? (
              <Loading />
            ) : rules.isError ? (
              <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
            ) : (
              <Stack gap="sm">
                {rules.data.items.map((r) => (
                  <div key={r.code}>
                    <Group gap="xs">
                      <Text fw={600}>{lang === 'en' ? r.title.en : r.title.id}</Text>
                      <Badge color={SEVERITY_COLOR[r.severity] ?? 'gray'} variant="light">
                        {t(`monitoring.severity.${r.severity as Severity}`)}
                      </Badge>
                      <Badge variant="outline">{t('monitoring.findings.openCount', { count: r.openFindings })}</Badge>
                    </Group>
                    <Text size="sm">
                      {t('monitoring.legalBasis')}: {r.legalBasis}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.description}
                    </Text>
                  </div>
                ))}
              </Stack>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </>
  );
}
