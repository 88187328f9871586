import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { JobName, withTimeout, zoneOfProvince } from '@jalin/core';
import type { Locale } from '@jalin/notifications';
import { addDays } from '@jalin/obligations';
import {
  chooseWindow,
  daysUntil,
  KIND_CONDITION,
  LATE_WINDOW_GRACE_DAYS,
  localClock,
  minutesOf,
  type PolicyWindow,
  QUIET_FROM_MINUTES,
  type ReminderAudience,
  type ReminderChannel,
  type ReminderKind,
  REMINDER_KINDS,
  REMINDER_PREFERENCE_KIND,
  reminderNotificationKind,
  type ReminderTargetType,
} from './policy.js';
import { type ReminderParams, renderReminder } from './templates.js';

/**
 * What a reminder delivery job carries: one ledger row's id (then also the job id), or a batch of
 * e-mail rows' ids (job id `batch-` + a hash of the sorted ids: the same batch always gets the same id).
 */
export interface ReminderJobData {
  reminderId?: string;
  reminderIds?: string[];
  /** The row's channel (it never changes), so the delivery knows its path before reading the row. */
  channel?: ReminderChannel;
}

export interface SweepOptions {
  /** Targets (obligations, sessions) per ledger batch. */
  targetBatchSize: number;
  /** Ledger rows per enqueue transaction. */
  enqueueBatchSize: number;
  /**
   * A PENDING row enqueued this long ago is enqueued again (its job may have been lost with Redis);
   * re-adding a job that still exists changes nothing, since the job id is the ledger id.
   */
  requeueAfterMs: number;
  /** The sweep's own timeout around each publish: BullMQ's `add` can hang while Redis is down. */
  publishTimeoutMs: number;
  /** E-mail rows per delivery job (1: one job per row, job id = ledger id). */
  emailsPerJob?: number;
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = { targetBatchSize: 2_000, enqueueBatchSize: 1_000, requeueAfterMs: 10 * 60_000, publishTimeoutMs: 3_000, emailsPerJob: 20 };

/** The delivery jobs for e-mail rows `ids`: batches of `per`, each with a deterministic job id. */
export function emailJobs(ids: string[], per: number): { name: JobName; data: ReminderJobData; opts: { jobId: string; removeOnComplete: true } }[] {
  const sorted = [...ids].sort();
  const out: { name: JobName; data: ReminderJobData; opts: { jobId: string; removeOnComplete: true } }[] = [];
  for (let i = 0; i < sorted.length; i += Math.max(1, per)) {
    const batch = sorted.slice(i, i + Math.max(1, per));
    // The ledger is the record: a finished job need not stay in Redis.
    out.push(
      batch.length === 1
        ? { name: JobName.REMINDER_DELIVERY, data: { reminderId: batch[0], channel: 'EMAIL' }, opts: { jobId: batch[0], removeOnComplete: true } }
        : { name: JobName.REMINDER_DELIVERY, data: { reminderIds: batch, channel: 'EMAIL' }, opts: { jobId: `batch-${createHash('sha1').update(batch.join(',')).digest('hex')}`, removeOnComplete: true } },
    );
  }
  return out;
}

export interface SweepResult {
  /** The instant the sweep took as now. */
  at: string;
  /** Pending rows whose target no longer needs them (fulfilled, waived, attendance recorded…) or whose e-mail was switched off. */
  cancelled: number;
  /** Pending rows a later window of the same target and recipient replaced. */
  superseded: number;
  /** Targets looked at. */
  targets: number;
  /** Ledger rows created (each once, whatever number of sweeps run side by side). */
  created: number;
  /** E-mail ledger rows handed to the queue. */
  enqueued: number;
  /** In-app ledger rows delivered by the sweep itself, set-based (a notification each, marked SENT, logged). */
  deliveredInApp: number;
  /** Rows left pending because the queue did not answer (the next sweep retries them). */
  enqueueFailed: number;
  lastError?: string;
}

interface Person {
  userId: string | null;
  address: string;
  name: string;
  locale: Locale;
  organizationId: string | null;
  zone: string;
  /** Reminder notification kinds (and REMINDER for all) whose e-mail the person switched off. */
  emailOff: string[];
}

interface Officer extends Omit<Person, 'zone'> {
  zone: string;
  provinceCodes: string[];
}

interface Target {
  type: ReminderTargetType;
  id: string;
  day: string;
  partnerId: string;
  enterpriseId: string | null;
  owedBy: 'PARTNER' | 'ENTERPRISE';
  partnerName: string;
  partnerProvince: string;
  enterpriseName: string | null;
  enterpriseProvince: string | null;
  picEmail: string | null;
  picName: string | null;
  title: string;
  obligationType: string | null;
  agreementId: string | null;
  sessionStatus: string | null;
  /** keyset cursor */
  sortKey: string;
}

interface LedgerRow {
  policyId: number;
  targetType: ReminderTargetType;
  targetId: string;
  kind: ReminderKind;
  windowDays: number;
  userId: string | null;
  recipient: string;
  organizationId: string | null;
  channel: ReminderChannel;
  locale: Locale;
  zone: string;
  sendAt: Date;
  params: ReminderParams;
}

type Party = 'partner' | 'enterprise' | 'ministry';

/** The ministry officer's zone: that of the provinces they are limited to when these lie in one zone; WIB otherwise. */
export function officerZone(provinceCodes: readonly string[]): string {
  const zones = new Set(provinceCodes.map((p) => zoneOfProvince(p)));
  return zones.size === 1 ? [...zones][0] : 'Asia/Jakarta';
}

/**
 * The ministry officers who hear of an overdue obligation of a partner in `province`: those limited
 * to provinces including it; when no officer is, every officer without a limit (they watch all).
 */
export function watchingOfficers<T extends { provinceCodes: string[] }>(officers: readonly T[], province: string): T[] {
  const limited = officers.filter((o) => o.provinceCodes.includes(province));
  return limited.length ? limited : officers.filter((o) => o.provinceCodes.length === 0);
}

/**
 * The reminder sweep (one run per scheduler tick; any number may run side by side):
 * 1. pending ledger rows whose target no longer needs them, or whose e-mail the recipient switched
 *    off, are CANCELLED (the obligations library stores no overdue state to refresh: an OPEN
 *    obligation's UPCOMING/DUE/OVERDUE status is derived when read, in its own zone, and the sweep
 *    applies the same calendar);
 * 2. for every open obligation and live coaching session near a window, the one window due now for
 *    each recipient (see `chooseWindow`) becomes ledger rows, one per channel, inserted with
 *    ON CONFLICT DO NOTHING on the unique key — each window fires once however often this runs;
 * 3. pending rows a later window replaced are CANCELLED, so a backlog never sends stale windows;
 * 4. pending rows not yet handed to the queue (or whose job may have been lost) are enqueued, one
 *    job per row with job id = ledger id, in batches claimed with FOR UPDATE SKIP LOCKED — and only
 *    in daytime of the recipient's zone.
 */
export class ReminderSweep {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: () => Queue,
    private readonly opts: SweepOptions = DEFAULT_SWEEP_OPTIONS,
  ) {}

  async run(now: Date = new Date()): Promise<SweepResult> {
    // On the real clock: rows this run enqueues are never taken again by its own final pass.
    const runStartedMs = Date.now();
    const result: SweepResult = { at: now.toISOString(), cancelled: 0, superseded: 0, targets: 0, created: 0, enqueued: 0, deliveredInApp: 0, enqueueFailed: 0 };
    result.cancelled = await this.cancelUnneeded();
    const policy = await this.loadPolicy();
    const officers = await this.loadOfficers();
    // Delivery starts while the ledger is still being written: each batch's new rows are handed on at once.
    let publishFailed = false;
    const handOn = async (created: { id: string; targetId: string }[]) => {
      if (!created.length) return;
      result.superseded += await this.cancelSuperseded([...new Set(created.map((c) => c.targetId))]);
      const enq = await this.enqueue(now, runStartedMs, created.map((c) => c.id), !publishFailed);
      result.enqueued += enq.enqueued;
      result.deliveredInApp += enq.deliveredInApp;
      if (enq.lastError) publishFailed = true;
    };
    for (const type of ['obligation', 'coaching_session'] as const) {
      const windows = policy.filter((w) => w.targetType === type);
      if (!windows.length) continue;
      const { targets, created } = await this.ledger(type, windows, officers, now, handOn);
      result.targets += targets;
      result.created += created;
    }
    result.superseded += await this.cancelSuperseded();
    // The safety net: whatever is still pending and due (older rows, rows whose publish failed, lost jobs).
    const enq = await this.enqueue(now, runStartedMs);
    result.enqueued += enq.enqueued;
    result.deliveredInApp += enq.deliveredInApp;
    result.enqueueFailed = enq.failed;
    if (enq.lastError) result.lastError = enq.lastError;
    return result;
  }

  private async loadPolicy(): Promise<PolicyWindow[]> {
    const rows: { id: number; targetType: ReminderTargetType; kind: ReminderKind; windowDays: number; audience: ReminderAudience; sendTime: string; channels: ReminderChannel[] }[] =
      await this.ds.query(
        `SELECT id, target_type AS "targetType", kind, window_days AS "windowDays", audience, send_time::text AS "sendTime", channels
           FROM reminder_policy WHERE enabled ORDER BY id`,
      );
    return rows
      .filter((r) => (REMINDER_KINDS as readonly string[]).includes(r.kind))
      .map((r) => ({ id: r.id, targetType: r.targetType, kind: r.kind, windowDays: r.windowDays, audience: r.audience, sendMinutes: minutesOf(r.sendTime), channels: r.channels }));
  }

  private async loadOfficers(): Promise<Officer[]> {
    const rows: (Omit<Officer, 'zone'>)[] = await this.ds.query(
      `SELECT u.id AS "userId", u.email AS address, u.full_name AS name, u.locale, NULL AS "organizationId", u.province_codes AS "provinceCodes",
              coalesce(array_agg(p.kind) FILTER (WHERE p.kind IS NOT NULL), '{}') AS "emailOff"
         FROM app_user u
         LEFT JOIN notification_preference p ON p.user_id = u.id AND NOT p.email_enabled AND p.kind LIKE 'REMINDER%'
        WHERE u.role = 'MINISTRY'
        GROUP BY u.id`,
    );
    return rows.map((r) => ({ ...r, zone: officerZone(r.provinceCodes) }));
  }

  private async members(orgIds: string[], zoneOf: Map<string, string>): Promise<Map<string, Person[]>> {
    const rows: Omit<Person, 'zone'>[] = orgIds.length
      ? await this.ds.query(
          `SELECT u.id AS "userId", u.email AS address, u.full_name AS name, u.locale, u.organization_id AS "organizationId",
                  coalesce(array_agg(p.kind) FILTER (WHERE p.kind IS NOT NULL), '{}') AS "emailOff"
             FROM app_user u
             LEFT JOIN notification_preference p ON p.user_id = u.id AND NOT p.email_enabled AND p.kind LIKE 'REMINDER%'
            WHERE u.organization_id = ANY($1::uuid[])
            GROUP BY u.id
            ORDER BY u.id`,
          [orgIds],
        )
      : [];
    const out = new Map<string, Person[]>();
    for (const r of rows) {
      const list = out.get(r.organizationId!) ?? [];
      list.push({ ...r, zone: zoneOf.get(r.organizationId!) ?? 'Asia/Jakarta' });
      out.set(r.organizationId!, list);
    }
    return out;
  }

  /** Step 2 for one kind of target, batch by batch (keyset on the target's time, then id). */
  private async ledger(
    type: ReminderTargetType,
    windows: PolicyWindow[],
    officers: Officer[],
    now: Date,
    handOn: (created: { id: string; targetId: string }[]) => Promise<void>,
  ): Promise<{ targets: number; created: number }> {
    const minWin = Math.min(...windows.map((w) => w.windowDays));
    const maxWin = Math.max(...windows.map((w) => w.windowDays));
    // Every Indonesian zone's today lies between WIB's and WIT's.
    const fromDay = addDays(localClock('Asia/Jakarta', now).date, -(maxWin + LATE_WINDOW_GRACE_DAYS) - 1);
    const toDay = addDays(localClock('Asia/Jayapura', now).date, -minWin + 1);
    let after: { key: string; id: string } | null = null;
    let targets = 0;
    let created = 0;
    for (;;) {
      const batch: Target[] = type === 'obligation' ? await this.obligations(fromDay, toDay, after) : await this.sessions(fromDay, toDay, after);
      if (!batch.length) break;
      targets += batch.length;
      const rows = await this.rowsFor(batch, windows, officers, now);
      const ids = await this.insert(rows);
      created += ids.length;
      await handOn(ids);
      const last: Target = batch[batch.length - 1];
      after = { key: last.sortKey, id: last.id };
      if (batch.length < this.opts.targetBatchSize) break;
    }
    return { targets, created };
  }

  private obligations(fromDay: string, toDay: string, after: { key: string; id: string } | null): Promise<Target[]> {
    return this.ds.query(
      `SELECT 'obligation' AS type, o.id, o.due_date::text AS day, o.partner_id AS "partnerId", o.enterprise_id AS "enterpriseId", o.owed_by AS "owedBy",
              p.name AS "partnerName", p.province_code AS "partnerProvince", e.name AS "enterpriseName", e.province_code AS "enterpriseProvince",
              p.pic->>'email' AS "picEmail", p.pic->>'name' AS "picName", o.title, o.type AS "obligationType", o.agreement_id AS "agreementId",
              NULL AS "sessionStatus", o.due_date::text AS "sortKey"
         FROM obligation o
         JOIN organization p ON p.id = o.partner_id
         LEFT JOIN organization e ON e.id = o.enterprise_id
        WHERE o.state = 'OPEN' AND o.due_date BETWEEN $1::date AND $2::date
          AND ($3::date IS NULL OR (o.due_date, o.id) > ($3::date, $4::uuid))
        ORDER BY o.due_date, o.id
        LIMIT $5`,
      [fromDay, toDay, after?.key ?? null, after?.id ?? null, this.opts.targetBatchSize],
    );
  }

  private async sessions(fromDay: string, toDay: string, after: { key: string; id: string } | null): Promise<Target[]> {
    const rows: (Target & { scheduledAt: Date })[] = await this.ds.query(
      `SELECT 'coaching_session' AS type, s.id, a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId", 'PARTNER' AS "owedBy",
              p.name AS "partnerName", p.province_code AS "partnerProvince", e.name AS "enterpriseName", e.province_code AS "enterpriseProvince",
              p.pic->>'email' AS "picEmail", p.pic->>'name' AS "picName", s.topic AS title, NULL AS "obligationType", s.agreement_id AS "agreementId",
              s.status AS "sessionStatus", s.scheduled_at AS "scheduledAt", to_char(s.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "sortKey"
         FROM coaching_session s
         JOIN agreement a ON a.id = s.agreement_id
         JOIN organization p ON p.id = a.partner_id
         JOIN organization e ON e.id = a.enterprise_id
        WHERE s.status IN ('SCHEDULED', 'HELD')
          AND s.scheduled_at >= $1::date - 1 AND s.scheduled_at < $2::date + 2
          AND ($3::timestamp IS NULL OR (s.scheduled_at, s.id) > (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid))
        ORDER BY s.scheduled_at, s.id
        LIMIT $5`,
      [fromDay, toDay, after?.key ?? null, after?.id ?? null, this.opts.targetBatchSize],
    );
    // A session's day is its date in the partner's zone (as its COACHING obligation's due date is).
    return rows.map((r) => ({ ...r, day: localClock(zoneOfProvince(r.partnerProvince), new Date(r.scheduledAt)).date }));
  }

  /** The ledger rows due now for a batch of targets: per recipient, the one window `chooseWindow` picks, one row per channel. */
  private async rowsFor(batch: Target[], windows: PolicyWindow[], officers: Officer[], now: Date): Promise<LedgerRow[]> {
    const zoneOf = new Map<string, string>();
    for (const t of batch) {
      zoneOf.set(t.partnerId, zoneOfProvince(t.partnerProvince));
      if (t.enterpriseId) zoneOf.set(t.enterpriseId, zoneOfProvince(t.enterpriseProvince));
    }
    const members = await this.members([...zoneOf.keys()], zoneOf);
    const rows: LedgerRow[] = [];
    for (const t of batch) {
      const live = windows.filter((w) => {
        const need = KIND_CONDITION[w.kind];
        return need.targetType === t.type && (!need.sessionStatus || need.sessionStatus === t.sessionStatus);
      });
      const byParty = new Map<Party, PolicyWindow[]>();
      for (const w of live) {
        const party = partyOf(w.audience, t);
        if (party) byParty.set(party, [...(byParty.get(party) ?? []), w]);
      }
      for (const [party, ws] of byParty) {
        for (const person of this.people(party, t, members, officers)) {
          const choice = chooseWindow(ws, t.day, person.zone, now);
          if (!choice) continue;
          const w = choice.window;
          const params: ReminderParams = {
            title: t.title,
            ...(t.obligationType ? { obligationType: t.obligationType } : {}),
            day: t.day,
            daysLeft: daysUntil(localClock(person.zone, now).date, t.day),
            partnerName: t.partnerName,
            enterpriseName: t.enterpriseName,
            agreementId: t.agreementId,
            recipientName: person.name,
            path: t.type === 'obligation' ? `/obligations/${t.id}` : `/coaching-sessions/${t.id}`,
          };
          for (const channel of w.channels) {
            if (channel === 'IN_APP' && !person.userId) continue;
            if (channel === 'EMAIL' && (person.emailOff.includes(REMINDER_PREFERENCE_KIND) || person.emailOff.includes(reminderNotificationKind(w.kind)))) continue;
            rows.push({
              policyId: w.id,
              targetType: t.type,
              targetId: t.id,
              kind: w.kind,
              windowDays: w.windowDays,
              userId: person.userId,
              recipient: channel === 'IN_APP' ? person.userId! : person.address,
              organizationId: person.organizationId,
              channel,
              locale: person.locale,
              zone: person.zone,
              sendAt: choice.sendAt,
              params,
            });
          }
        }
      }
    }
    return rows;
  }

  /** The people of a party for target `t`: an organisation's members (a partner's PIC too, by e-mail), or the watching officers. */
  private people(party: Party, t: Target, members: Map<string, Person[]>, officers: Officer[]): Person[] {
    if (party === 'ministry') return watchingOfficers(officers, t.partnerProvince);
    const orgId = party === 'partner' ? t.partnerId : t.enterpriseId!;
    const list = members.get(orgId) ?? [];
    if (party !== 'partner' || !t.picEmail) return list;
    const pic = t.picEmail.trim().toLowerCase();
    if (!pic || list.some((p) => p.address.toLowerCase() === pic)) return list;
    // The penanggung jawab kemitraan without an account: e-mail only, in Indonesian.
    return [...list, { userId: null, address: pic, name: t.picName ?? pic, locale: 'id', organizationId: orgId, zone: zoneOfProvince(t.partnerProvince), emailOff: [] }];
  }

  /** Inserts the rows (those already there are left alone); returns the ones created. */
  private async insert(rows: LedgerRow[]): Promise<{ id: string; targetId: string }[]> {
    const created: { id: string; targetId: string }[] = [];
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      const res: { id: string; targetId: string }[] = await this.ds.query(
        `INSERT INTO reminders (policy_id, target_type, target_id, kind, window_days, recipient_user_id, recipient, organization_id, channel, locale, time_zone, send_at, params)
         SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::text[], $5::int[], $6::uuid[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::jsonb[])
         ON CONFLICT ON CONSTRAINT reminders_once_key DO NOTHING
         RETURNING id, target_id AS "targetId"`,
        [
          chunk.map((r) => r.policyId),
          chunk.map((r) => r.targetType),
          chunk.map((r) => r.targetId),
          chunk.map((r) => r.kind),
          chunk.map((r) => r.windowDays),
          chunk.map((r) => r.userId),
          chunk.map((r) => r.recipient),
          chunk.map((r) => r.organizationId),
          chunk.map((r) => r.channel),
          chunk.map((r) => r.locale),
          chunk.map((r) => r.zone),
          chunk.map((r) => r.sendAt.toISOString()),
          chunk.map((r) => JSON.stringify(r.params)),
        ],
      );
      created.push(...res);
    }
    return created;
  }

  /** Step 1. A row being delivered right now is locked: the UPDATE waits for it and then finds it SENT. */
  private async cancelUnneeded(): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `UPDATE reminders r SET status = 'CANCELLED', updated_at = now(),
              last_error = CASE WHEN r.channel = 'EMAIL' AND EXISTS (
                SELECT 1 FROM notification_preference p WHERE p.user_id = r.recipient_user_id AND NOT p.email_enabled AND p.kind IN ($1, '${REMINDER_PREFERENCE_KIND}_' || r.kind))
                THEN 'e-mail switched off by the recipient' ELSE 'no longer needed: the target changed' END
        WHERE r.status = 'PENDING' AND (
          (r.target_type = 'obligation' AND NOT EXISTS (SELECT 1 FROM obligation o WHERE o.id = r.target_id AND o.state = 'OPEN'))
          OR (r.target_type = 'coaching_session' AND NOT EXISTS (
                SELECT 1 FROM coaching_session s WHERE s.id = r.target_id AND s.status = CASE WHEN r.kind = 'SESSION_CONFIRMATION' THEN 'HELD' ELSE 'SCHEDULED' END))
          OR (r.channel = 'EMAIL' AND r.recipient_user_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM notification_preference p WHERE p.user_id = r.recipient_user_id AND NOT p.email_enabled AND p.kind IN ($1, '${REMINDER_PREFERENCE_KIND}_' || r.kind))))
        RETURNING r.id`,
      [REMINDER_PREFERENCE_KIND],
    );
    return countOf(rows);
  }

  /** Step 3: a later window for the same target, recipient and channel replaces a pending earlier one (of `targetIds` only, when given). */
  private async cancelSuperseded(targetIds?: string[]): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `UPDATE reminders r SET status = 'CANCELLED', last_error = 'superseded by a later window', updated_at = now()
        WHERE r.status = 'PENDING' AND ($1::uuid[] IS NULL OR r.target_id = ANY($1::uuid[])) AND EXISTS (
          SELECT 1 FROM reminders n
           WHERE n.target_id = r.target_id AND n.channel = r.channel AND n.window_days > r.window_days
             AND n.recipient_user_id IS NOT DISTINCT FROM r.recipient_user_id AND n.recipient = r.recipient)
        RETURNING r.id`,
      [targetIds ?? null],
    );
    return countOf(rows);
  }

  /**
   * Step 4, batch by batch (of the rows `ids` only, when given; else of every pending row). Rows are
   * claimed with FOR UPDATE SKIP LOCKED, only in daytime of their zone. IN_APP rows are delivered right
   * here, set-based, in the claiming transaction (see `deliverInApp`); EMAIL rows become one job each,
   * job id = ledger id. A batch the queue does not take stays pending (attempted again next run); with
   * `publish` false only IN_APP rows are claimed.
   */
  private async enqueue(now: Date, runStartedMs: number, ids?: string[], publish = true): Promise<{ enqueued: number; deliveredInApp: number; failed: number; lastError?: string }> {
    let enqueued = 0;
    let deliveredInApp = 0;
    let failed = 0;
    let lastError: string | undefined;
    const done = () => ({ enqueued, deliveredInApp, failed, ...(lastError ? { lastError } : {}) });
    // On the real clock (not `now`, which tests move): rows enqueued by this very run are never taken again.
    const enqueuedBefore = new Date(Math.min(runStartedMs, Date.now() - this.opts.requeueAfterMs));
    for (let from = 0; ; ) {
      // Rows of a given id list are taken in slices; the full pending scan repeats until a short batch.
      const slice = ids ? ids.slice(from, from + this.opts.enqueueBatchSize) : null;
      if (slice && !slice.length) return done();
      from += this.opts.enqueueBatchSize;
      const outcome = await this.ds.transaction(async (m) => {
        const rows: ClaimedRow[] = await m.query(
          `SELECT r.id, r.channel, r.kind, r.window_days AS "windowDays", r.params FROM reminders r
            WHERE r.status = 'PENDING'
              AND ($5::uuid[] IS NULL OR r.id = ANY($5::uuid[]))
              AND ($6::boolean OR r.channel = 'IN_APP')
              AND (r.enqueued_at IS NULL OR r.enqueued_at < $2::timestamptz)
              AND ($1::timestamptz AT TIME ZONE r.time_zone)::time >= (r.send_at AT TIME ZONE r.time_zone)::time
              AND ($1::timestamptz AT TIME ZONE r.time_zone)::time < make_time($3::int / 60, $3::int % 60, 0)
            ORDER BY r.created_at, r.id
            LIMIT $4
            FOR UPDATE SKIP LOCKED`,
          [now.toISOString(), enqueuedBefore.toISOString(), QUIET_FROM_MINUTES, this.opts.enqueueBatchSize, slice, publish],
        );
        if (!rows.length) return { n: 0, inApp: 0, email: 0 };
        const inApp = await this.deliverInApp(m, rows.filter((r) => r.channel === 'IN_APP'));
        const email = rows.filter((r) => r.channel !== 'IN_APP');
        if (!email.length) return { n: rows.length, inApp, email: 0 };
        try {
          await withTimeout(
            this.queue().addBulk(emailJobs(email.map((r) => r.id), this.opts.emailsPerJob ?? 1)),
            this.opts.publishTimeoutMs,
            `enqueueing ${email.length} reminder(s)`,
          );
        } catch (err) {
          // The in-app deliveries above still commit; the e-mail rows stay pending for the next run.
          return { n: rows.length, inApp, email: 0, failed: email.length, error: (err as Error).message };
        }
        await m.query(`UPDATE reminders SET enqueued_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`, [email.map((r) => r.id)]);
        return { n: rows.length, inApp, email: email.length };
      });
      enqueued += outcome.email;
      deliveredInApp += outcome.inApp;
      if (outcome.error) {
        // The queue did not answer: the e-mail rows wait for the next run; the in-app ones need no queue and go on.
        failed += outcome.failed ?? 0;
        lastError = outcome.error;
        publish = false;
        if (!slice) continue;
      }
      if (!slice && outcome.n < this.opts.enqueueBatchSize) return done();
    }
  }

  /**
   * IN_APP rows claimed (locked, PENDING) by the caller's transaction, delivered in one statement:
   * a notification each (both languages; no e-mail of its own), the row marked SENT with it, and its
   * delivery-log row. It commits with the claim or not at all, so a kill sends nothing twice.
   */
  private async deliverInApp(m: EntityManager, rows: ClaimedRow[]): Promise<number> {
    if (!rows.length) return 0;
    const text = rows.map((r) => renderReminder(r.kind, r.params));
    const res: unknown[] = await m.query(
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS v(id, nkind, title, body, title_en, body_en, data)),
       r AS (
         SELECT x.id, x.recipient_user_id, x.target_type, x.target_id, v.nkind, v.title, v.body, v.title_en, v.body_en, v.data
           FROM reminders x JOIN v ON v.id = x.id WHERE x.status = 'PENDING' AND x.channel = 'IN_APP' AND x.recipient_user_id IS NOT NULL),
       n AS (
         INSERT INTO notification (user_id, kind, title, body, title_en, body_en, entity_type, entity_id, data)
         SELECT recipient_user_id, nkind, title, body, title_en, body_en, target_type, target_id, data FROM r
         RETURNING id, (data->>'reminderId')::uuid AS reminder_id),
       u AS (
         UPDATE reminders x SET status = 'SENT', attempts = x.attempts + 1, last_error = NULL, sent_at = now(), updated_at = now(), notification_id = n.id
           FROM n WHERE x.id = n.reminder_id
         RETURNING x.id, x.channel, x.recipient_user_id, x.recipient, x.kind, x.attempts, x.notification_id)
       INSERT INTO delivery (reminder_id, notification_id, channel, recipient_user_id, recipient, kind, status, attempts)
       SELECT u.id, u.notification_id, u.channel, u.recipient_user_id, u.recipient, 'REMINDER_' || u.kind, 'SENT', u.attempts FROM u
       ON CONFLICT (reminder_id) WHERE reminder_id IS NOT NULL DO UPDATE
         SET status = 'SENT', attempts = EXCLUDED.attempts, last_error = NULL, notification_id = EXCLUDED.notification_id, updated_at = now()
       RETURNING reminder_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => reminderNotificationKind(r.kind)),
        text.map((x) => x.id.title),
        text.map((x) => x.id.body),
        text.map((x) => x.en.title),
        text.map((x) => x.en.body),
        rows.map((r) => JSON.stringify({ reminderId: r.id, reminderKind: r.kind, window: r.windowDays, day: r.params.day, agreementId: r.params.agreementId, path: r.params.path })),
      ],
    );
    return res.length;
  }
}

interface ClaimedRow {
  id: string;
  channel: ReminderChannel;
  kind: ReminderKind;
  windowDays: number;
  params: ReminderParams;
}

/** TypeORM answers UPDATE … RETURNING with `[rows, count]`. */
function countOf(res: unknown): number {
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') return res[1];
  return Array.isArray(res) ? res.length : 0;
}

function partyOf(audience: ReminderAudience, t: Target): Party | null {
  switch (audience) {
    case 'PARTNER':
      return 'partner';
    case 'ENTERPRISE':
      return t.enterpriseId ? 'enterprise' : null;
    case 'MINISTRY':
      return 'ministry';
    case 'OWING_PARTY':
      return t.owedBy === 'ENTERPRISE' ? (t.enterpriseId ? 'enterprise' : null) : 'partner';
  }
}
