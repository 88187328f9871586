import { chooseWindow, instantOf, localClock, type PolicyWindow, zoneOffsetMinutes } from './policy.js';
import { officerZone, watchingOfficers } from './reminder-sweep.js';
import { formatDay, renderReminder, renderReminderEmail } from './templates.js';

const w = (windowDays: number, over: Partial<PolicyWindow> = {}): PolicyWindow => ({
  id: windowDays + 100,
  targetType: 'obligation',
  kind: windowDays <= 0 ? 'OBLIGATION_DUE' : 'OBLIGATION_OVERDUE',
  windowDays,
  audience: 'PARTNER',
  sendMinutes: 8 * 60,
  channels: ['IN_APP', 'EMAIL'],
  ...over,
});
const PARTNER = [w(-14), w(-3), w(0), w(1), w(7)];
const at = (iso: string) => new Date(iso);

describe('zones and clocks', () => {
  it('knows the three Indonesian offsets and reads local dates and times', () => {
    expect(zoneOffsetMinutes('Asia/Jakarta')).toBe(420);
    expect(zoneOffsetMinutes('Asia/Makassar')).toBe(480);
    expect(zoneOffsetMinutes('Asia/Jayapura')).toBe(540);
    expect(localClock('Asia/Jayapura', at('2031-03-09T23:30:00Z'))).toEqual({ date: '2031-03-10', minutes: 8 * 60 + 30 });
    expect(instantOf('2031-03-10', 480, 'Asia/Makassar').toISOString()).toBe('2031-03-10T00:00:00.000Z');
    expect(instantOf('2031-03-10', 480, 'Asia/Jakarta').toISOString()).toBe('2031-03-10T01:00:00.000Z');
    expect(instantOf('2031-03-10', 480, 'Asia/Jayapura').toISOString()).toBe('2031-03-09T23:00:00.000Z');
  });
});

describe('chooseWindow', () => {
  const due = '2031-03-20';
  it('nothing before the first window; D−14 from 08:00 local on its day', () => {
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-06T00:59:00Z'))).toBeNull(); // 07:59 WIB
    const c = chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-06T01:00:00Z'));
    expect(c?.window.windowDays).toBe(-14);
    expect(c?.sendAt.toISOString()).toBe('2031-03-06T01:00:00.000Z');
  });

  it('08:00 is local: at 07:30 WITA a WIT recipient is due, a WITA and a WIB one are not', () => {
    const now = at('2031-03-16T23:30:00Z'); // 07:30 WITA on 17 March (D−3), 08:30 WIT, 06:30 WIB
    expect(chooseWindow(PARTNER, due, 'Asia/Jayapura', now)?.window.windowDays).toBe(-3);
    expect(chooseWindow(PARTNER, due, 'Asia/Makassar', now)).toBeNull();
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', now)).toBeNull();
  });

  it('only the latest passed window: a target first seen on its due day gets D0, not D−14 and D−3', () => {
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-20T03:00:00Z'))?.window.windowDays).toBe(0);
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-24T03:00:00Z'))?.window.windowDays).toBe(1);
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-27T03:00:00Z'))?.window.windowDays).toBe(7);
  });

  it('never at night; a missed pre-due window is not sent after the due day; the last window lapses after its grace', () => {
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-17T14:30:00Z'))).toBeNull(); // 21:30 WIB
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-03-17T13:59:00Z'))?.window.windowDays).toBe(-3); // 20:59
    const before = [w(-7, { kind: 'SESSION_UPCOMING' }), w(-1, { kind: 'SESSION_UPCOMING' })];
    expect(chooseWindow(before, due, 'Asia/Jakarta', at('2031-03-20T10:00:00Z'))?.window.windowDays).toBe(-1);
    expect(chooseWindow(before, due, 'Asia/Jakarta', at('2031-03-21T03:00:00Z'))).toBeNull();
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-04-10T03:00:00Z'))?.window.windowDays).toBe(7); // D+21
    expect(chooseWindow(PARTNER, due, 'Asia/Jakarta', at('2031-04-11T03:00:00Z'))).toBeNull(); // D+22
  });
});

describe('ministry officers', () => {
  const officers = [
    { id: 'all', provinceCodes: [] as string[] },
    { id: 'jatim', provinceCodes: ['35'] },
    { id: 'sulsel+jatim', provinceCodes: ['73', '35'] },
  ];
  it('the officers limited to the province; when none is, those without a limit', () => {
    expect(watchingOfficers(officers, '35').map((o) => o.id)).toEqual(['jatim', 'sulsel+jatim']);
    expect(watchingOfficers(officers, '73').map((o) => o.id)).toEqual(['sulsel+jatim']);
    expect(watchingOfficers(officers, '91').map((o) => o.id)).toEqual(['all']);
  });
  it('an officer gets WIB unless all their provinces share another zone', () => {
    expect(officerZone([])).toBe('Asia/Jakarta');
    expect(officerZone(['73', '71'])).toBe('Asia/Makassar');
    expect(officerZone(['91'])).toBe('Asia/Jayapura');
    expect(officerZone(['73', '91'])).toBe('Asia/Jakarta');
  });
});

describe('templates', () => {
  const p = { title: 'Laporan perkembangan kemitraan Triwulan I 2031', obligationType: 'PROGRESS_REPORT', day: '2031-04-10', daysLeft: 3, partnerName: 'PT Inti', enterpriseName: 'UD Plasma', agreementId: null, recipientName: 'Dewi', path: '/obligations/x' };
  it('Indonesian and English, relative days and dates', () => {
    const t = renderReminder('OBLIGATION_DUE', p);
    expect(t.id.title).toBe('Pengingat: kewajiban jatuh tempo dalam 3 hari — Laporan perkembangan kemitraan Triwulan I 2031');
    expect(t.en.title).toBe('Reminder: partnership progress report due in 3 days');
    expect(t.en.body).toContain('due on 10 April 2031');
    expect(renderReminder('OBLIGATION_DUE', { ...p, daysLeft: 0 }).id.title).toContain('jatuh tempo hari ini');
    expect(renderReminder('OBLIGATION_OVERDUE', { ...p, daysLeft: -7 }).en.title).toBe('Overdue by 7 days: partnership progress report');
    expect(formatDay('id', '2031-08-17')).toBe('17 Agustus 2031');
  });
  it('e-mail: text and HTML with the link, escaped', () => {
    const m = renderReminderEmail('en', 'Dewi <x>', { title: 'T & U', body: 'B' }, 'https://jalin.test/obligations/1');
    expect(m.subject).toBe('[Jalin] T & U');
    expect(m.text).toContain('Open in Jalin: https://jalin.test/obligations/1');
    expect(m.html).toContain('href="https://jalin.test/obligations/1"');
    expect(m.html).toContain('Hello Dewi &lt;x&gt;,');
  });
});
