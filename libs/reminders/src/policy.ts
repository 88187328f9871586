import { addDays, type IsoDate } from '@jalin/obligations';

/*
 * The reminder policy as data (table `reminder_policy`) and the pure rules the sweep applies to it:
 * when a window's send time is, which window is the one to send now, and when it is night.
 */

export const REMINDER_KINDS = [
  'OBLIGATION_DUE',
  'OBLIGATION_OVERDUE',
  'OBLIGATION_ESCALATION',
  'SESSION_UPCOMING',
  'SESSION_ATTENDANCE',
  'SESSION_CONFIRMATION',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderTargetType = 'obligation' | 'coaching_session';
export type ReminderAudience = 'OWING_PARTY' | 'PARTNER' | 'ENTERPRISE' | 'MINISTRY';
export type ReminderChannel = 'IN_APP' | 'EMAIL';
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ['IN_APP', 'EMAIL'];

/** The notification-preference kind that turns every reminder e-mail off; `REMINDER_<KIND>` turns one kind off. */
export const REMINDER_PREFERENCE_KIND = 'REMINDER';
export const reminderNotificationKind = (kind: ReminderKind) => `REMINDER_${kind}`;

/**
 * What each kind needs of its target for a reminder to go out (checked when the ledger row is made,
 * and again by every sweep for rows still pending): an obligation still OPEN; a session still
 * SCHEDULED (before it, or after it while its attendance is not recorded); a session HELD but not
 * yet confirmed by the small firm.
 */
export const KIND_CONDITION: Record<ReminderKind, { targetType: ReminderTargetType; sessionStatus?: 'SCHEDULED' | 'HELD' }> = {
  OBLIGATION_DUE: { targetType: 'obligation' },
  OBLIGATION_OVERDUE: { targetType: 'obligation' },
  OBLIGATION_ESCALATION: { targetType: 'obligation' },
  SESSION_UPCOMING: { targetType: 'coaching_session', sessionStatus: 'SCHEDULED' },
  SESSION_ATTENDANCE: { targetType: 'coaching_session', sessionStatus: 'SCHEDULED' },
  SESSION_CONFIRMATION: { targetType: 'coaching_session', sessionStatus: 'HELD' },
};

/** One row of `reminder_policy`. */
export interface PolicyWindow {
  id: number;
  targetType: ReminderTargetType;
  kind: ReminderKind;
  /** Days from the target's day (an obligation's due date, a session's date): −14 … +30. */
  windowDays: number;
  audience: ReminderAudience;
  /** Local time of day it goes out, minutes after midnight (08:00 → 480). */
  sendMinutes: number;
  channels: ReminderChannel[];
}

/** Nothing goes out from this local time until the next day's send time: reminders never arrive at night. */
export const QUIET_FROM_MINUTES = 21 * 60;

/**
 * A window that is not the last of its recipient stays sendable until the next one takes over. A
 * window before the due day is only worth sending up to the end of the due day; the last window after
 * it for this many days after its own day. Past that, a reminder that never went out (the worker was
 * down for weeks, an obligation created long overdue) is not sent at all.
 */
export const LATE_WINDOW_GRACE_DAYS = 14;

/** "HH:MM[:SS]" → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + (m || 0);
}

const offsets = new Map<string, number>();
/**
 * The zone's offset from UTC in minutes. Indonesian zones (WIB +7, WITA +8, WIT +9) have no daylight
 * saving, so one offset per zone holds for every instant.
 */
export function zoneOffsetMinutes(zone: string): number {
  let off = offsets.get(zone);
  if (off === undefined) {
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
    const p = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at);
    const get = (t: string) => Number(p.find((x) => x.type === t)?.value);
    off = (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at.getTime()) / 60_000;
    offsets.set(zone, off);
  }
  return off;
}

/** The local calendar date and minutes after midnight of instant `at` in `zone`. */
export function localClock(zone: string, at: Date): { date: IsoDate; minutes: number } {
  const local = new Date(at.getTime() + zoneOffsetMinutes(zone) * 60_000);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The instant of local time `minutes` on local date `day` in `zone`. */
export function instantOf(day: IsoDate, minutes: number, zone: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (minutes - zoneOffsetMinutes(zone)) * 60_000);
}

/** When `w` goes out for a target whose day is `targetDay`, to a recipient in `zone`. */
export const sendAtOf = (w: PolicyWindow, targetDay: IsoDate, zone: string) => instantOf(addDays(targetDay, w.windowDays), w.sendMinutes, zone);

export interface WindowChoice {
  window: PolicyWindow;
  sendAt: Date;
}

/**
 * The one window to send now to a recipient in `zone`, among `windows` (the policy rows for this
 * recipient's audience whose condition the target meets), or null:
 * - only windows whose send time has passed count, and of those only the most recent: older ones
 *   that were missed are never sent (a target created on its due day gets its D0 reminder that day,
 *   not D−14 and D−3 as well);
 * - a window before the due day is stale once the due day is over; the last window stays sendable
 *   for LATE_WINDOW_GRACE_DAYS after its day;
 * - at night (before the window's send time of day, or from QUIET_FROM_MINUTES) nothing goes out:
 *   the next daytime sweep decides again.
 */
export function chooseWindow(windows: readonly PolicyWindow[], targetDay: IsoDate, zone: string, now: Date): WindowChoice | null {
  let best: WindowChoice | null = null;
  for (const w of windows) {
    const sendAt = sendAtOf(w, targetDay, zone);
    if (sendAt.getTime() > now.getTime()) continue;
    if (!best || w.windowDays > best.window.windowDays) best = { window: w, sendAt };
  }
  if (!best) return null;
  const local = localClock(zone, now);
  const w = best.window;
  const lastDay = w.windowDays <= 0 ? targetDay : addDays(targetDay, w.windowDays + LATE_WINDOW_GRACE_DAYS);
  if (local.date > lastDay) return null;
  if (local.minutes < w.sendMinutes || local.minutes >= QUIET_FROM_MINUTES) return null;
  return best;
}

/** Days from `today` to `day` (positive: still ahead; negative: past). */
export function daysUntil(today: IsoDate, day: IsoDate): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
