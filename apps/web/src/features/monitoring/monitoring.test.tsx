import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../../test/utils';
import { i18n } from '../../i18n';
import CasePage from '../../roles/ministry/CasePage';
import type { CaseDetail, Summary } from './api';
import { filterSearch, readFilter } from './filters';
import { SummaryTiles } from './SummaryTiles';

const summary = (over: Partial<Summary> = {}): Summary => ({
  asOf: '2026-11-30T01:00:00.000Z',
  filters: { province: null, kbli: null, pattern: null, from: null, to: null, limitedToProvinces: null },
  agreements: {
    total: 2000,
    byStatus: { DRAFT: 10, AWAITING_SIGNATURES: 4, ACTIVE: 1246, COMPLETED: 600, TERMINATED: 140 },
    byPattern: { INTI_PLASMA: 700, SUBCONTRACT: 1300 },
  },
  smallFirmsReached: 1403,
  obligations: {
    total: 21363,
    byStatus: { UPCOMING: 9000, DUE: 300, OVERDUE: 2512, FULFILLED: 9000, WAIVED: 400, CANCELLED: 151 },
  },
  reports: { due: 8000, onTime: 6500, late: 1000, overdue: 500 },
  onTimeReportRate: 0.8125,
  overdueCount: 2512,
  coachingSessionsDelivered: 1485,
  ...over,
});

describe('monitoring filters in the URL', () => {
  it('keeps what the API accepts and drops the rest', () => {
    const f = readFilter(new URLSearchParams('province=33&kbli=c&pattern=SUBCONTRACT&from=2026-01-01&to=2026-13-01'));
    expect(f).toEqual({ province: '33', kbli: 'C', pattern: 'SUBCONTRACT', from: '2026-01-01', to: '' });
    expect(readFilter(new URLSearchParams('province=Jawa&kbli=123456&pattern=FRANCHISE'))).toEqual({
      province: '',
      kbli: '',
      pattern: '',
      from: '',
      to: '',
    });
    expect(filterSearch(f)).toBe('?province=33&kbli=C&pattern=SUBCONTRACT&from=2026-01-01');
    expect(readFilter(new URLSearchParams(filterSearch(f).slice(1)))).toEqual(f);
  });
});

describe('SummaryTiles', () => {
  it('shows the headline figures with Indonesian number formats, and English ones after the switch', async () => {
    renderPage(<SummaryTiles summary={summary()} />);
    expect(screen.getByTestId('tile-agreements-value').textContent).toBe('2.000');
    expect(screen.getByTestId('tile-firms-value').textContent).toBe('1.403');
    expect(screen.getByTestId('tile-onTime-value').textContent).toBe('81,3%');
    expect(screen.getByTestId('tile-overdue-value').textContent).toBe('2.512');
    expect(screen.getByText('6.500 dari 8.000 laporan')).toBeTruthy();
    await i18n.changeLanguage('en');
    await waitFor(() => expect(screen.getByTestId('tile-onTime-value').textContent).toBe('81.3%'));
    expect(screen.getByTestId('tile-agreements-value').textContent).toBe('2,000');
  });

  it('says so when no report has been due, instead of a rate', () => {
    renderPage(
      <SummaryTiles summary={summary({ onTimeReportRate: null, reports: { due: 0, onTime: 0, late: 0, overdue: 0 } })} />,
    );
    expect(screen.getByTestId('tile-onTime-value').textContent).toBe('—');
    expect(screen.getByText('belum ada laporan jatuh tempo')).toBeTruthy();
  });
});

const draft = (over: Partial<CaseDetail> = {}): CaseDetail => ({
  id: '11111111-1111-4111-8111-111111111111',
  number: 'MC/2026/000001',
  status: 'DRAFT',
  subjectType: 'PARTNER',
  partnerId: '22222222-2222-4222-8222-222222222222',
  partnerName: 'PT Snack Nusantara',
  agreementId: null,
  agreementNumber: null,
  enterpriseId: null,
  enterpriseName: null,
  findingId: null,
  findingRuleCode: null,
  reason: 'Pemeriksaan rutin',
  periodFrom: '2026-09-01',
  periodTo: '2026-11-30',
  conclusion: null,
  remedyReportedAt: null,
  openedAt: null,
  completedAt: null,
  completionNote: null,
  cancelledAt: null,
  cancelReason: null,
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
  version: 1,
  allowedActions: ['open', 'cancel'],
  messages: [],
  ...over,
});

describe('CasePage', () => {
  it('offers only the moves the transition table allows, and opens the case with the version it read', async () => {
    let current = draft();
    const bodies: unknown[] = [];
    const { calls } = mockFetch((req, url) => {
      if (req.method === 'GET' && url.pathname === `/api/v1/monitoring/cases/${current.id}`) return json(current);
      if (req.method === 'POST' && url.pathname === `/api/v1/monitoring/cases/${current.id}/open`) {
        return req.json().then((b: unknown) => {
          bodies.push(b);
          current = draft({ status: 'ACTIVE', version: 2, allowedActions: ['address', 'decline', 'cancel', 'message'] });
          return json(current);
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderPage(
      <Routes>
        <Route path="/ministry/cases/:id" element={<CasePage />} />
      </Routes>,
      { route: `/ministry/cases/${current.id}` },
    );
    await screen.findByRole('heading', { name: 'MC/2026/000001 — PT Snack Nusantara' });
    expect(screen.getByRole('button', { name: 'Buka kasus ke mitra' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Batalkan kasus' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Catat kesimpulan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kirim pesan' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Buka kasus ke mitra' }));
    await screen.findByRole('button', { name: 'Catat kesimpulan' });
    expect(screen.getByRole('button', { name: 'Kirim pesan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Buka kasus ke mitra' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url).pathname)).toEqual([
      `/api/v1/monitoring/cases/${current.id}/open`,
    ]);
    expect(bodies).toEqual([{ version: 1 }]);
  });
});
