import { buildRelease, endOfDay, milestoneStatus, milestoneType, type OcdsAgreementRow, PARTY_SCALE, REDACTED, redactContacts, startOfDay } from './ocds.js';

describe('OCDS mapping', () => {
  it('obligations become milestones of the reporting, delivery and financing types', () => {
    expect(milestoneType('PROGRESS_REPORT', null)).toBe('reporting');
    expect(milestoneType('HONOUR_AGREEMENT', 'FINANCING')).toBe('financing');
    expect(milestoneType('HONOUR_AGREEMENT', 'PRODUCTION_WORK')).toBe('delivery');
    expect(milestoneType('HONOUR_AGREEMENT', 'RAW_MATERIAL_SUPPLY')).toBe('delivery');
    expect(milestoneType('HONOUR_AGREEMENT', 'LAND')).toBe('delivery');
    expect(milestoneType('COACHING', null)).toBe('delivery');
    expect(milestoneType('APPOINT_PIC', null)).toBe('reporting');
    expect(milestoneType('CASE_REMEDY', null)).toBe('reporting');
  });

  it('statuses: fulfilled met, overdue notMet, upcoming and due scheduled, waived and cancelled none', () => {
    expect(['FULFILLED', 'OVERDUE', 'UPCOMING', 'DUE', 'WAIVED', 'CANCELLED'].map(milestoneStatus)).toEqual(['met', 'notMet', 'scheduled', 'scheduled', undefined, undefined]);
  });

  it('scales by size class', () => {
    expect(PARTY_SCALE).toEqual({ MIKRO: 'micro', KECIL: 'small', MENENGAH: 'medium', BESAR: 'large' });
  });

  it('days become instants in the partner’s zone', () => {
    expect(startOfDay('2025-01-01', 'Asia/Makassar')).toBe('2025-01-01T00:00:00+08:00');
    expect(endOfDay('2025-04-10', 'Asia/Jayapura')).toBe('2025-04-10T23:59:59+09:00');
    expect(endOfDay('2025-04-10', 'Asia/Jakarta')).toBe('2025-04-10T23:59:59+07:00');
  });

  it('blanks e-mail addresses, phone numbers and NIK-like numbers in free text, and nothing else', () => {
    expect(redactContacts('hubungi budi.santoso@mitra.co.id segera')).toBe(`hubungi ${REDACTED} segera`);
    for (const phone of ['0812-3456-7890', '+62 812 1111 2222', '+6281234567890', '(021) 555 1234', '081234567890', '62 811 222 333']) {
      expect(redactContacts(`telp ${phone}.`)).toBe(`telp ${REDACTED}.`);
    }
    expect(redactContacts('NIK 3374010101900001 pemilik')).toBe(`NIK ${REDACTED} pemilik`);
    const kept = 'Laporan Triwulan I 2025 (2025-01-01 s.d. 2025-03-31): Rp150.000.000, 2.500 kg, 0,5 ha, NIB 1234567890123';
    expect(redactContacts(kept)).toBe(kept);
    expect(redactContacts(null)).toBeNull();
  });

  it('builds a release with both parties, the award and the contract', () => {
    const party = (id: string, scale: string) => ({ id, name: `Usaha ${id}`, nib: id.padStart(13, '1'), scale, kbliCodes: ['10794', '10794'], province: 'Jawa Tengah', regency: null });
    const a: OcdsAgreementRow = {
      id: 'a1', number: 'KMT/2025/000001', title: 'Kemitraan', status: 'COMPLETED', startDate: '2025-01-01', endDate: '2025-12-31',
      activatedAt: new Date('2025-01-02T00:00:00Z'), completedAt: new Date('2026-01-05T00:00:00Z'), terminatedAt: null,
      applicationId: 'app1', awardDate: null, timeZone: 'Asia/Jakarta', partner: party('9', 'BESAR'), enterprise: party('8', 'MIKRO'),
    };
    const r = buildRelease(a, [{ id: 'c1', type: 'FINANCING', description: 'Modal', quantity: null, unit: null, valueIdr: '10000000' }], [], [], new Date('2026-02-01T00:00:00Z')) as Record<string, any>;
    expect(r.ocid).toBe('ocds-jalin1-a1');
    expect(r.tag).toContain('contractTermination');
    expect(r.parties.map((p: any) => [p.roles, p.details.scale, p.details.classifications])).toEqual([
      [['buyer'], 'large', [{ scheme: 'KBLI-2020', id: '10794' }]],
      [['supplier'], 'micro', [{ scheme: 'KBLI-2020', id: '10794' }]],
    ]);
    expect(r.contracts[0]).toMatchObject({ id: 'a1', awardID: 'app1', status: 'terminated', finalStatus: 'complete', value: { amount: 10_000_000, currency: 'IDR' } });
    expect(r.contracts[0].implementation).toBeUndefined();
    expect(r.awards[0].date).toBeUndefined();
  });
});
