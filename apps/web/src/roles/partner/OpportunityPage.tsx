import { useState } from 'react';
import { Alert, Anchor, Box, Button, Group, Paper, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useEnterprise } from '../../api/orgs';
import type { Application, MatchItem, Opportunity } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { FormProblem } from '../../components/FormProblem';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { QueryView } from '../../components/QueryState';
import { RegionName } from '../../components/RegionPicker';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { enumLabel, StatusBadge } from '../../components/StatusBadge';
import { APPLICATION_STATUSES, type ApplicationStatus, applicationsKey, fetchApplications, transition, type Transition } from '../../features/applications/api';
import { opportunityKey, useOpportunity } from '../../features/opportunities/api';
import { OpportunityDetails } from '../../features/opportunities/OpportunityDetails';
import { useT } from '../../i18n';
import { useForm } from '../../lib/form';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormat } from '../../lib/useFormat';

const TABS = ['details', 'matches', 'applications'] as const;

/** The partner's opportunity: publish/close/edit, ranked small firms (invite), and applications. */
export default function PartnerOpportunityPage() {
  const { id = '' } = useParams();
  const q = useOpportunity(id);
  return <QueryView query={q}>{(o) => <View o={o} />}</QueryView>;
}

function View({ o }: { o: Opportunity }) {
  const { t } = useT();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'details';
  const [busy, setBusy] = useState(false);
  const move = async (m: 'publish' | 'close') => {
    setBusy(true);
    try {
      const path = { params: { path: { id: o.id } }, body: { version: o.version } };
      const saved = await unwrap(m === 'publish' ? api.POST('/api/v1/opportunities/{id}/publish', path) : api.POST('/api/v1/opportunities/{id}/close', path));
      qc.setQueryData(opportunityKey(o.id), saved);
      void qc.invalidateQueries({ queryKey: ['opportunities'] });
      notifySuccess(m === 'publish' ? t('opportunity.published') : t('opportunity.closed'));
    } catch (err) {
      notifyError(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title={o.title}
        back={{ to: '/opportunities', label: t('nav.myOpportunities') }}
        actions={
          <>
            {o.status === 'DRAFT' && (
              <>
                <Button component={Link} to={`/opportunities/${o.id}/edit`} variant="default">
                  {t('common.edit')}
                </Button>
                <Button loading={busy} onClick={() => void move('publish')}>
                  {t('opportunity.publish')}
                </Button>
              </>
            )}
            {o.status === 'OPEN' && (
              <Button variant="default" color="red" loading={busy} onClick={() => void move('close')}>
                {t('opportunity.close')}
              </Button>
            )}
          </>
        }
      />
      {o.status === 'DRAFT' && (
        <Alert color="blue" mb="md">
          {t('opportunity.publishHint')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('opportunity.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="matches">{t('opportunity.tabMatches')}</Tabs.Tab>
          <Tabs.Tab value="applications">{t('opportunity.tabApplications')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <OpportunityDetails o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="matches" pt="md">
          <Matches o={o} />
        </Tabs.Panel>
        <Tabs.Panel value="applications" pt="md">
          <Applications opportunityId={o.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Matches({ o }: { o: Opportunity }) {
  const { t, lang } = useT();
  const [inviting, setInviting] = useState<MatchItem | null>(null);
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('matches.hint')}
      </Text>
      <PagedList<MatchItem>
        queryKey={['matches', o.id, lang]}
        fetchPage={(cursor) =>
          unwrap(api.GET('/api/v1/opportunities/{id}/matches', { params: { path: { id: o.id }, query: { limit: 10, cursor }, header: { 'accept-language': lang } } }))
        }
        itemKey={(m) => m.enterprise.id}
        empty={t('matches.empty')}
        gap="md"
        renderItem={(m) => (
          <Paper withBorder p="md" radius="md" component="article" aria-label={m.enterprise.name}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={700}>{m.enterprise.name}</Text>
                  <Text size="sm" c="dimmed">
                    <RegionName code={m.enterprise.regionCode} /> · {enumLabel(t, 'scale', m.enterprise.scale)} · KBLI {m.enterprise.kbliCodes.join(', ')}
                  </Text>
                </Stack>
              </Group>
              <ScoreBreakdown score={m.score} breakdown={m.breakdown} reasons={m.reasons} compact />
              {o.status === 'OPEN' && (
                <Group>
                  <Button variant="light" onClick={() => setInviting(m)}>
                    {t('matches.invite')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        )}
      />
      <FormModal opened={!!inviting} onClose={() => setInviting(null)} title={t('matches.inviteTitle', { name: inviting?.enterprise.name ?? '' })}>
        {inviting && <InviteForm opportunityId={o.id} enterpriseId={inviting.enterprise.id} onDone={() => setInviting(null)} />}
      </FormModal>
    </>
  );
}

function InviteForm({ opportunityId, enterpriseId, onDone }: { opportunityId: string; enterpriseId: string; onDone: () => void }) {
  const { t } = useT();
  const qc = useQueryClient();
  const form = useForm({ message: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    form.clear();
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/opportunities/{id}/invitations', { params: { path: { id: opportunityId } }, body: { enterpriseId, message: form.values.message.trim() || undefined } }));
      notifySuccess(t('matches.invited'));
      void qc.invalidateQueries({ queryKey: applicationsKey });
      onDone();
    } catch (err) {
      form.fail(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label={t('matches.message')} autosize minRows={3} value={form.values.message} onChange={(e) => form.set('message', e.currentTarget.value)} error={form.errors.message} />
        <FormProblem problem={form.problem} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('matches.sendInvite')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

/** Applications to one opportunity (or all the partner's), with shortlist / accept / reject. */
export function Applications({ opportunityId }: { opportunityId?: string }) {
  const { t } = useT();
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  return (
    <Stack gap="sm">
      <Select
        label={t('common.status')}
        clearable
        placeholder={t('common.all')}
        data={APPLICATION_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'applicationStatus', s) }))}
        value={status}
        onChange={(v) => setStatus(v as ApplicationStatus | null)}
        maw={360}
      />
      <PagedList
        queryKey={[...applicationsKey, 'partner', opportunityId ?? 'all', status]}
        fetchPage={(cursor) => fetchApplications({ cursor, opportunityId, status: status ?? undefined })}
        itemKey={(a) => a.id}
        empty={t('applications.emptyPartner')}
        renderItem={(a) => <PartnerApplication a={a} showOpportunity={!opportunityId} />}
      />
    </Stack>
  );
}

function PartnerApplication({ a, showOpportunity }: { a: Application; showOpportunity: boolean }) {
  const { t } = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const firm = useEnterprise(a.enterpriseId);
  const opp = useOpportunity(showOpportunity ? a.opportunityId : null);
  const [deciding, setDeciding] = useState<Transition | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (m: Transition) => {
    setBusy(true);
    try {
      await transition(a, m, note.trim() || undefined);
      notifySuccess(t('applications.decided'));
      setDeciding(null);
      setNote('');
      await qc.invalidateQueries({ queryKey: applicationsKey });
      void qc.invalidateQueries({ queryKey: opportunityKey(a.opportunityId) });
    } catch (err) {
      notifyError(err, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={700}>{firm.data?.name ?? t('common.loading')}</Text>
            {firm.data && (
              <Text size="sm" c="dimmed">
                <RegionName code={firm.data.regionCode} /> · {enumLabel(t, 'scale', firm.data.scale)}
              </Text>
            )}
          </Stack>
          <StatusBadge group="applicationStatus" value={a.status} />
        </Group>
        {showOpportunity && opp.data && (
          <Anchor component={Link} className="touch-link" to={`/opportunities/${a.opportunityId}?tab=applications`} size="sm">
            {opp.data.title}
          </Anchor>
        )}
        {a.message && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.message}</Text>}
        {a.offeredCapacity && (
          <Text size="sm">
            {t('applications.offers')}: {f.number(a.offeredCapacity.quantity)} {a.offeredCapacity.unit} / {enumLabel(t, 'period', a.offeredCapacity.period)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {a.invited ? t('applications.invitedOn', { date: f.date(a.createdAt) }) : t('applications.sentOn', { date: f.date(a.submittedAt ?? a.createdAt) })}
        </Text>
        <Group gap="xs">
          {a.status === 'SUBMITTED' && (
            <Button size="compact-md" variant="light" loading={busy && deciding === null} onClick={() => void decide('shortlist')}>
              {t('applications.shortlist')}
            </Button>
          )}
          {(a.status === 'SUBMITTED' || a.status === 'SHORTLISTED') && (
            <>
              <Button size="compact-md" onClick={() => setDeciding('accept')}>
                {t('applications.accept')}
              </Button>
              <Button size="compact-md" variant="subtle" color="red" onClick={() => setDeciding('reject')}>
                {t('applications.reject')}
              </Button>
            </>
          )}
          {a.status === 'ACCEPTED' && (
            <Button size="compact-md" component={Link} to={`/agreements/new?applicationId=${a.id}`}>
              {t('applications.createAgreement')}
            </Button>
          )}
        </Group>
      </Stack>
      <FormModal opened={!!deciding} onClose={() => setDeciding(null)} title={deciding === 'accept' ? t('applications.accept') : t('applications.reject')}>
        <Stack gap="sm">
          <Textarea label={t('applications.note')} description={t('applications.noteHint')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FormProblem problem={null} />
          <Group>
            <Button color={deciding === 'reject' ? 'red' : undefined} loading={busy} onClick={() => deciding && void decide(deciding)}>
              {deciding === 'accept' ? t('applications.accept') : t('applications.reject')}
            </Button>
          </Group>
        </Stack>
      </FormModal>
    </Paper>
  );
}
