import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../../test/utils';
import type { Agreement, TermsVersion } from '../../api/types';
import { PendingAmendment, TermsHistory } from './AgreementPage';

const AGREEMENT_ID = '33333333-3333-4333-8333-333333333333';

const amendment = (over: Partial<TermsVersion> = {}): TermsVersion =>
  ({
    agreementId: AGREEMENT_ID,
    termsVersion: 2,
    status: 'AWAITING_SIGNATURES',
    title: 'Perjanjian subkontrak (perubahan I)',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    reportingPeriod: 'SEMESTER',
    paymentTermDays: 14,
    commitments: [
      { commitmentId: 'c1', type: 'PRODUCTION_WORK', description: 'Pesanan keripik 3 ton per bulan', quantity: 3000, unit: 'kg', valueIdr: 75_000_000, dueDate: null, schedule: null },
    ],
    coaching: [],
    reason: 'Volume pesanan naik',
    proposedBy: '22222222-2222-4222-8222-222222222222',
    proposedByParty: 'partner',
    signatures: [],
    createdAt: '2026-11-30T01:00:00.000Z',
    inForceAt: null,
    closedAt: null,
    closedBy: null,
    closedByParty: null,
    closeReason: null,
    ...over,
  }) as TermsVersion;

const agreement = { id: AGREEMENT_ID, version: 7, partner: { name: 'PT Snack Nusantara' }, enterprise: { name: 'UD Keripik Sari' } } as unknown as Agreement;

describe('PendingAmendment', () => {
  it('lets the small firm read the partner’s amendment and decline it with a reason, sending the version it read', async () => {
    const bodies: { path: string; body: unknown }[] = [];
    mockFetch((req, url) => {
      if (req.method !== 'POST') return undefined;
      return req.json().then((body: unknown) => {
        bodies.push({ path: url.pathname, body });
        return json({});
      });
    });
    const user = userEvent.setup();
    renderPage(<PendingAmendment a={agreement} amendment={amendment()} party="enterprise" />);
    expect(screen.getByText('Adendum v2 diusulkan oleh PT Snack Nusantara')).toBeTruthy();
    expect(screen.getByText('Alasan: Volume pesanan naik')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tarik usulan adendum' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tolak adendum' }));
    await user.type(screen.getByRole('textbox', { name: /Alasan/ }), 'Harga lama masih berlaku');
    await user.click(screen.getAllByRole('button', { name: 'Tolak adendum' }).at(-1)!);
    await screen.findByText('Adendum ditolak.');
    expect(bodies).toEqual([
      { path: `/api/v1/agreements/${AGREEMENT_ID}/amendments/2/decline`, body: { version: 7, reason: 'Harga lama masih berlaku' } },
    ]);
  });

  it('offers the proposing partner a withdrawal, and a signature only until it has signed', async () => {
    mockFetch(() => undefined);
    const { unmount } = renderPage(<PendingAmendment a={agreement} amendment={amendment()} party="partner" />);
    expect(screen.getByRole('button', { name: 'Tarik usulan adendum' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tolak adendum' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Baca dan tanda tangani adendum' })).toBeTruthy();
    unmount();
    const signed = amendment({ signatures: [{ party: 'partner' } as TermsVersion['signatures'][number]] });
    renderPage(<PendingAmendment a={agreement} amendment={signed} party="partner" />);
    expect(screen.getByText('Anda sudah menandatangani adendum ini. Menunggu pihak lain.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lihat ketentuan adendum' })).toBeTruthy();
  });
});

describe('TermsHistory', () => {
  it('tells each version’s story: proposed by whom and why, in force since, declined by whom and why, signed by whom', () => {
    mockFetch(() => undefined);
    const sig = (party: 'partner' | 'enterprise', termsVersion: number, signedAt: string) =>
      ({ party, termsVersion, organizationId: 'o', userId: 'u', signedAt }) as TermsVersion['signatures'][number];
    const versions = [
      amendment({ termsVersion: 1, status: 'SUPERSEDED', title: 'Perjanjian awal', reason: null, proposedBy: null, proposedByParty: null, inForceAt: '2026-01-05T03:00:00.000Z', signatures: [sig('partner', 1, '2026-01-04T03:00:00.000Z'), sig('enterprise', 1, '2026-01-05T03:00:00.000Z')] }),
      amendment({ termsVersion: 2, status: 'IN_FORCE', title: 'Perubahan I', reason: 'Volume pesanan naik', inForceAt: '2026-06-02T03:00:00.000Z' }),
      amendment({ termsVersion: 3, status: 'DECLINED', title: 'Perubahan II', reason: 'Harga naik', closedAt: '2026-09-01T03:00:00.000Z', closedBy: 'e', closedByParty: 'enterprise', closeReason: 'Harga lama masih berlaku' }),
    ];
    renderPage(<TermsHistory a={{ ...agreement, versions } as unknown as Agreement} />);
    expect(screen.getByText('Riwayat ketentuan')).toBeTruthy();
    const v1 = screen.getByTestId('terms-v1');
    expect(v1.textContent).toContain('Digantikan');
    expect(v1.textContent).toContain('Ditandatangani: PT Snack Nusantara');
    expect(v1.textContent).toContain('UD Keripik Sari');
    expect(v1.textContent).not.toContain('Diusulkan');
    const v2 = screen.getByTestId('terms-v2');
    expect(v2.textContent).toContain('Berlaku');
    expect(v2.textContent).toMatch(/Diusulkan oleh PT Snack Nusantara, .* — Volume pesanan naik/);
    expect(v2.textContent).toContain('Berlaku sejak');
    const v3 = screen.getByTestId('terms-v3');
    expect(v3.textContent).toContain('Ditolak');
    expect(v3.textContent).toMatch(/Ditolak oleh UD Keripik Sari, .* — Harga lama masih berlaku/);
  });
});
