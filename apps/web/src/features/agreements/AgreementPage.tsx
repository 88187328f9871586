import { useState } from 'react';
import { Alert, Badge, Box, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Agreement, Commitment, TermsVersion } from '../../api/types';
import { useMe } from '../../auth/AuthProvider';
import { FormModal } from '../../components/FormModal';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { QueryView } from '../../components/QueryState';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';
import { ObligationCard } from '../obligations/ObligationCard';
import { ScheduleSessionForm } from '../sessions/ScheduleSessionForm';
import { SessionCard } from '../sessions/SessionCard';
import { agreementKey, agreementsKey, fetchObligations, fetchReports, fetchSessions, obligationsKey, partyOf, reportsKey, sessionsKey, useAgreement } from './api';
import { TermsView } from './TermsView';

const TABS = ['terms', 'commitments', 'sessions', 'obligations', 'reports'] as const;
type Tab = (typeof TABS)[number];

/**
 * One agreement, for either party and for ministry officers: terms, signatures, commitments (the small
 * firm confirms or disputes each), coaching sessions, obligations and progress reports.
 */
export default function AgreementPage() {
  const { id = '' } = useParams();
  const q = useAgreement(id);
  return <QueryView query={q}>{(a) => <AgreementView a={a} />}</QueryView>;
}

function AgreementView({ a }: { a: Agreement }) {
  const { t } = useT();
  const f = useFormat();
  const me = useMe();
  const party = partyOf(a, me.organization?.id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'terms';
  const active = a.status === 'ACTIVE' || a.status === 'COMPLETED' || a.status === 'TERMINATED';

  return (
    <>
      <PageHeader title={a.title} subtitle={`${a.number} · ${a.partner.name} — ${a.enterprise.name}`} back={{ to: '/agreements', label: t('nav.agreements') }} />
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge group="agreementStatus" value={a.status} />
          <Badge variant="outline">{enumLabel(t, 'pattern', a.pattern)}</Badge>
          {a.pendingAmendmentVersion && <Badge color="yellow">{t('agreement.amendmentPending', { version: a.pendingAmendmentVersion })}</Badge>}
        </Group>
        <Actions a={a} party={party} />
        {a.status === 'ACTIVE' && a.pendingAmendment && <PendingAmendment a={a} amendment={a.pendingAmendment} party={party} />}
        <Signatures a={a} />
        <Tabs value={tab} onChange={(v) => setParams(v && v !== 'terms' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="terms">{t('agreement.tabTerms')}</Tabs.Tab>
            {active && <Tabs.Tab value="commitments">{t('agreement.tabCommitments')}</Tabs.Tab>}
            {active && <Tabs.Tab value="sessions">{t('agreement.tabSessions')}</Tabs.Tab>}
            {active && <Tabs.Tab value="obligations">{t('agreement.tabObligations')}</Tabs.Tab>}
            {active && <Tabs.Tab value="reports">{t('agreement.tabReports')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="terms" pt="md">
            <TermsView terms={a.terms} />
            {a.versions.length > 1 && (
              <Text size="sm" c="dimmed" mt="sm">
                {t('agreement.versions', { count: a.versions.length, current: a.termsVersion })}
              </Text>
            )}
            {a.versions.length > 1 && <TermsHistory a={a} />}
          </Tabs.Panel>
          <Tabs.Panel value="commitments" pt="md">
            <Stack gap="sm">
              {a.commitments.map((c) => (
                <CommitmentCard key={c.id} c={c} party={a.status === 'ACTIVE' ? party : null} />
              ))}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="sessions" pt="md">
            <SessionsTab a={a} party={party} />
          </Tabs.Panel>
          <Tabs.Panel value="obligations" pt="md">
            <PagedList
              queryKey={[...obligationsKey, 'agreement', a.id]}
              fetchPage={(cursor) => fetchObligations({ cursor, agreementId: a.id })}
              itemKey={(o) => o.id}
              empty={t('obligation.empty')}
              renderItem={(o) => <ObligationCard o={o} showAgreement={false} canAct={party !== null && o.owedBy === (party === 'partner' ? 'PARTNER' : 'ENTERPRISE')} />}
            />
          </Tabs.Panel>
          <Tabs.Panel value="reports" pt="md">
            <Stack gap="sm">
              {party === 'partner' && a.status === 'ACTIVE' && (
                <Group>
                  <Button component={Link} to={`/agreements/${a.id}/report`}>
                    {t('report.fill')}
                  </Button>
                </Group>
              )}
              <PagedList
                queryKey={[...reportsKey, 'agreement', a.id]}
                fetchPage={(cursor) => fetchReports({ cursor, agreementId: a.id })}
                itemKey={(r) => r.id}
                empty={t('report.empty')}
                renderItem={(r) => (
                  <Paper withBorder p="md">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>
                        {f.date(r.periodStart)} – {f.date(r.periodEnd)}
                      </Text>
                      <StatusBadge group="reportStatus" value={r.status} />
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.summary}
                    </Text>
                    {r.reviewNote && (
                      <Text size="sm" c="orange">
                        {t('report.reviewNote')}: {r.reviewNote}
                      </Text>
                    )}
                  </Paper>
                )}
              />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

/**
 * Every terms version, oldest first: who proposed an amendment and why, when it came into force, who
 * withdrew or declined one and why, and who signed each.
 */
export function TermsHistory({ a }: { a: Agreement }) {
  const { t } = useT();
  const f = useFormat();
  const name = (party: string | null) => (party === 'partner' ? a.partner.name : party === 'enterprise' ? a.enterprise.name : '—');
  return (
    <Stack gap="xs" mt="md">
      <Text fw={700}>{t('agreement.history')}</Text>
      {a.versions.map((v) => (
        <Paper withBorder p="sm" key={v.termsVersion} data-testid={`terms-v${v.termsVersion}`}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>v{v.termsVersion}</Text>
            <StatusBadge group="termsStatus" value={v.status} />
            <Text size="sm" truncate>
              {v.title}
            </Text>
          </Group>
          {v.termsVersion > 1 && (
            <Text size="sm">
              {t('agreement.historyProposed', { party: name(v.proposedByParty), date: f.dateTime(v.createdAt) })}
              {v.reason ? ` — ${v.reason}` : ''}
            </Text>
          )}
          {v.inForceAt && <Text size="sm">{t('agreement.historyInForce', { date: f.dateTime(v.inForceAt) })}</Text>}
          {v.closedAt && (
            <Text size="sm" c="dimmed">
              {t(v.status === 'DECLINED' ? 'agreement.historyDeclined' : 'agreement.historyWithdrawn', { party: name(v.closedByParty), date: f.dateTime(v.closedAt) })}
              {v.closeReason ? ` — ${v.closeReason}` : ''}
            </Text>
          )}
          {v.signatures.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('agreement.historySigned', { names: v.signatures.map((s) => `${name(s.party)} (${f.dateTime(s.signedAt)})`).join(', ') })}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function Signatures({ a }: { a: Agreement }) {
  const { t } = useT();
  const f = useFormat();
  if (a.status === 'DRAFT') return null;
  const of = (p: 'partner' | 'enterprise') => a.signatures.find((s) => s.party === p && s.termsVersion === a.termsVersion);
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {(['partner', 'enterprise'] as const).map((p) => {
          const s = of(p);
          return (
            <Text size="sm" key={p}>
              <Text span fw={600}>
                {p === 'partner' ? a.partner.name : a.enterprise.name}:
              </Text>{' '}
              {s ? t('agreement.signedAt', { date: f.dateTime(s.signedAt) }) : t('agreement.notSigned')}
            </Text>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

/**
 * One request on an agreement with a busy flag: on success a notice and the agreement (and lists)
 * refetched, true; on failure the problem as a notice — or, given a form, under its fields — false.
 */
function useAgreementAction(agreementId: string) {
  const { t } = useT();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: agreementKey(agreementId) }), qc.invalidateQueries({ queryKey: agreementsKey })]);
  const run = async (fn: () => Promise<unknown>, ok: string, form?: { clear(): void; fail(err: unknown, t: TFunction): void }) => {
    form?.clear();
    setBusy(true);
    try {
      await fn();
      notifySuccess(ok);
      await refresh();
      return true;
    } catch (err) {
      if (form) form.fail(err, t);
      else notifyError(err, t);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function Actions({ a, party }: { a: Agreement; party: 'partner' | 'enterprise' | null }) {
  const { t } = useT();
  const qc = useQueryClient();
  const { busy, run } = useAgreementAction(a.id);
  const [signing, setSigning] = useState(false);
  const [read, setRead] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const signedByMe = a.signatures.some((s) => s.party === party && s.termsVersion === a.termsVersion);

  if (!party) return null;
  return (
    <>
      {a.status === 'DRAFT' && party === 'partner' && (
        <Alert color="blue" title={t('agreement.draftTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('agreement.draftHint')}</Text>
            <Group>
              <Button loading={busy} onClick={() => void run(() => unwrap(api.POST('/api/v1/agreements/{id}/submit', { params: { path: { id: a.id } }, body: { version: a.version } })), t('agreement.submitted'))}>
                {t('agreement.submit')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {a.status === 'DRAFT' && party === 'enterprise' && <Alert color="gray">{t('agreement.draftFirm')}</Alert>}
      {a.status === 'AWAITING_SIGNATURES' && !signedByMe && (
        <Alert color="yellow" title={t('agreement.signTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('agreement.signHint')}</Text>
            <Group>
              <Button onClick={() => setSigning(true)}>{t('agreement.sign')}</Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {a.status === 'AWAITING_SIGNATURES' && signedByMe && <Alert color="teal">{t('agreement.waitingOther')}</Alert>}
      {a.status === 'ACTIVE' && party === 'partner' && (
        <Group gap="xs">
          <Button component={Link} to={`/agreements/${a.id}/report`} variant="light">
            {t('report.fill')}
          </Button>
          <Button variant="light" onClick={() => setScheduling(true)}>
            {t('session.schedule')}
          </Button>
        </Group>
      )}
      <FormModal opened={signing} onClose={() => setSigning(false)} title={t('agreement.sign')}>
        <Stack gap="md">
          <TermsView terms={a.terms} />
          <Checkbox checked={read} onChange={(e) => setRead(e.currentTarget.checked)} label={t('agreement.readTerms')} />
          <Group>
            <Button
              disabled={!read}
              loading={busy}
              onClick={async () => {
                const ok = await run(() => unwrap(api.POST('/api/v1/agreements/{id}/sign', { params: { path: { id: a.id } }, body: { version: a.version } })), t('agreement.signed'));
                if (ok) setSigning(false);
              }}
            >
              {t('agreement.signNow')}
            </Button>
          </Group>
        </Stack>
      </FormModal>
      <FormModal opened={scheduling} onClose={() => setScheduling(false)} title={t('session.schedule')}>
        <ScheduleSessionForm
          agreementId={a.id}
          onDone={() => {
            setScheduling(false);
            notifySuccess(t('session.scheduled'));
            void qc.invalidateQueries({ queryKey: sessionsKey });
            void qc.invalidateQueries({ queryKey: obligationsKey });
          }}
        />
      </FormModal>
    </>
  );
}

/**
 * An amendment awaiting signatures: both parties read its terms and reason; each signs it (in force
 * once both have); the party that proposed it may withdraw it, the other party may decline it.
 */
export function PendingAmendment({ a, amendment, party }: { a: Agreement; amendment: TermsVersion; party: 'partner' | 'enterprise' | null }) {
  const { t } = useT();
  const { busy, run } = useAgreementAction(a.id);
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState(false);
  const [closing, setClosing] = useState(false);
  const form = useForm({ reason: '' });
  const proposer = amendment.proposedByParty === 'partner' ? a.partner.name : a.enterprise.name;
  const signedByMe = amendment.signatures.some((s) => s.party === party);
  const how = party && amendment.proposedByParty === party ? 'withdraw' : 'decline';
  const sign = async () => {
    if (await run(() => unwrap(api.POST('/api/v1/agreements/{id}/sign', { params: { path: { id: a.id } }, body: { version: a.version } })), t('amendment.signed'))) setReading(false);
  };
  const close = async (e: React.FormEvent) => {
    e.preventDefault();
    const path = { id: a.id, termsVersion: amendment.termsVersion };
    const body = { version: a.version, reason: form.values.reason.trim() };
    const done = await run(
      () =>
        unwrap(
          how === 'withdraw'
            ? api.POST('/api/v1/agreements/{id}/amendments/{termsVersion}/withdraw', { params: { path }, body })
            : api.POST('/api/v1/agreements/{id}/amendments/{termsVersion}/decline', { params: { path }, body }),
        ),
      t(how === 'withdraw' ? 'amendment.withdrawn' : 'amendment.declined'),
      form,
    );
    if (done) setClosing(false);
  };
  return (
    <Alert color="yellow" title={t('amendment.title', { version: amendment.termsVersion, party: proposer })}>
      <Stack gap="xs">
        {amendment.reason && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('amendment.reason')}: {amendment.reason}
          </Text>
        )}
        <Text size="sm">{signedByMe ? t('amendment.waitingOther') : t('amendment.hint')}</Text>
        <Group gap="xs">
          <Button variant={party && !signedByMe ? 'filled' : 'light'} onClick={() => setReading(true)}>
            {party && !signedByMe ? t('amendment.readAndSign') : t('amendment.read')}
          </Button>
          {party && (
            <Button variant="subtle" color="red" onClick={() => setClosing(true)}>
              {t(how === 'withdraw' ? 'amendment.withdraw' : 'amendment.decline')}
            </Button>
          )}
        </Group>
      </Stack>
      <FormModal opened={reading} onClose={() => setReading(false)} title={t('amendment.title', { version: amendment.termsVersion, party: proposer })}>
        <Stack gap="md">
          <TermsView terms={amendment} />
          {party && !signedByMe && (
            <>
              <Checkbox checked={read} onChange={(e) => setRead(e.currentTarget.checked)} label={t('amendment.readTerms')} />
              <Group>
                <Button disabled={!read} loading={busy} onClick={() => void sign()}>
                  {t('agreement.signNow')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </FormModal>
      <FormModal opened={closing} onClose={() => setClosing(false)} title={t(how === 'withdraw' ? 'amendment.withdraw' : 'amendment.decline')}>
        <Box component="form" onSubmit={close} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t(how === 'withdraw' ? 'amendment.withdrawHint' : 'amendment.declineHint')}</Text>
            <Textarea label={t('amendment.closeReason')} required autosize minRows={3} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
            <FormProblem problem={form.problem} />
            <Group>
              <Button type="submit" color="red" loading={busy}>
                {t(how === 'withdraw' ? 'amendment.withdraw' : 'amendment.decline')}
              </Button>
            </Group>
          </Stack>
        </Box>
      </FormModal>
    </Alert>
  );
}

function SessionsTab({ a, party }: { a: Agreement; party: 'partner' | 'enterprise' | null }) {
  const { t } = useT();
  return (
    <PagedList
      queryKey={[...sessionsKey, 'agreement', a.id]}
      fetchPage={(cursor) => fetchSessions({ cursor, agreementId: a.id })}
      itemKey={(s) => s.id}
      empty={t('session.empty')}
      renderItem={(s) => <SessionCard s={s} party={a.status === 'ACTIVE' ? party : null} />}
    />
  );
}

const DISPUTE_KINDS = ['LATE_PAYMENT', 'PRICE', 'NOT_SUPPLIED', 'NOT_DELIVERED', 'OTHER'] as const;

/** A commitment and its state; the small firm confirms delivery or disputes it (KPPU's named abuses). */
function CommitmentCard({ c, party }: { c: Commitment; party: 'partner' | 'enterprise' | null }) {
  const { t } = useT();
  const f = useFormat();
  const { busy, run } = useAgreementAction(c.agreementId);
  const [disputing, setDisputing] = useState(false);
  const form = useForm({ kind: 'OTHER' as (typeof DISPUTE_KINDS)[number], reason: '' });
  const confirm = () => run(() => unwrap(api.POST('/api/v1/commitments/{id}/confirm', { params: { path: { id: c.id } }, body: { version: c.version } })), t('commitment.confirmed'));
  const dispute = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = { version: c.version, kind: form.values.kind, reason: form.values.reason.trim() };
    if (await run(() => unwrap(api.POST('/api/v1/commitments/{id}/dispute', { params: { path: { id: c.id } }, body })), t('commitment.disputed'), form)) setDisputing(false);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{enumLabel(t, 'support', c.type)}</Text>
          <StatusBadge group="commitmentStatus" value={c.status} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Text>
        <Text size="sm" c="dimmed">
          {[c.quantity !== null ? `${f.number(c.quantity)} ${c.unit ?? ''}`.trim() : null, c.valueIdr !== null ? f.money(c.valueIdr) : null, c.dueDate ? t('obligation.due', { date: f.date(c.dueDate) }) : null, c.schedule]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {c.status === 'DISPUTED' && (
          <Text size="sm" c="red">
            {enumLabel(t, 'disputeKind', c.disputeKind)}: {c.disputeReason}
          </Text>
        )}
        {party === 'enterprise' && c.status !== 'CONFIRMED' && (
          <Group gap="xs">
            <Button size="compact-md" loading={busy} onClick={() => void confirm()}>
              {t('commitment.confirm')}
            </Button>
            {c.status !== 'DISPUTED' && (
              <Button size="compact-md" variant="subtle" color="red" onClick={() => setDisputing(true)}>
                {t('commitment.dispute')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <FormModal opened={disputing} onClose={() => setDisputing(false)} title={t('commitment.dispute')}>
        <Box component="form" onSubmit={dispute} noValidate>
          <Stack gap="sm">
            <Select
              label={t('commitment.disputeKind')}
              data={DISPUTE_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'disputeKind', k) }))}
              value={form.values.kind}
              onChange={(v) => v && form.set('kind', v as (typeof DISPUTE_KINDS)[number])}
              allowDeselect={false}
              error={form.errors.kind}
            />
            <Textarea label={t('commitment.disputeReason')} required autosize minRows={3} value={form.values.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={form.errors.reason} />
            <FormProblem problem={form.problem} />
            <Group>
              <Button type="submit" color="red" loading={busy}>
                {t('commitment.dispute')}
              </Button>
            </Group>
          </Stack>
        </Box>
      </FormModal>
    </Paper>
  );
}
