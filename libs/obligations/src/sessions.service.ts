import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  conflict,
  DomainError,
  ErrorCode,
  invalid,
  isoMicros,
  notFound,
  type Page,
  sqlParams,
  staleVersion,
  timeCursor,
  toPage,
  zoneOfProvince,
} from '@jalin/core';
import { NotificationsService } from '@jalin/notifications';
import { dateIn } from './domain/calendar.js';
import { coachingActivityError, SESSION_TRANSITIONS, type SessionAction, type SessionStatus, sessionTransition } from './domain/session.js';
import type {
  CoachingSessionView,
  SessionAttendanceDto,
  SessionConfirmDto,
  SessionDisputeDto,
  SessionListQuery,
  SessionScheduleDto,
} from './dto/session.dto.js';
import { insertSessionWithObligation, recordTrackRecord } from './generation.js';
import { NOTICES } from './notices.js';
import { auditOrg, exec } from './sql.js';
import { partyScopeSql } from '@jalin/core';

const SESSION_COLUMNS = `s.id, s.agreement_id AS "agreementId", a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId",
  s.plan_item_id AS "planItemId", s.aspect, s.activity, s.topic, s.scheduled_at AS "scheduledAt", s.location, s.status, s.attendees,
  s.attendance_note AS "attendanceNote", s.attendance_recorded_at AS "attendanceRecordedAt", s.confirmed_at AS "confirmedAt",
  s.disputed_at AS "disputedAt", s.dispute_reason AS "disputeReason",
  (SELECT o.id FROM obligation o WHERE o.agreement_id = s.agreement_id AND o.session_id = s.id AND o.type = 'COACHING'
    ORDER BY o.created_at LIMIT 1) AS "obligationId",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.version`;

interface LockedSession {
  id: string;
  agreementId: string;
  partnerId: string;
  enterpriseId: string;
  topic: string;
  day: string;
  status: SessionStatus;
  started: boolean;
  version: number;
}

/**
 * Coaching sessions: the owning partner schedules them (each with a COACHING obligation due on its
 * day) and records attendance once they have begun; the small firm confirms — only then does a
 * session count as delivered, fulfilling its obligation and adding to the firm's track record — or
 * disputes with a reason, which the ministry sees and the partner is told of.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Owning partner, on an ACTIVE agreement (else 409); the session's day must fall within the agreement's dates. */
  async schedule(actor: Actor, agreementId: string, dto: SessionScheduleDto): Promise<CoachingSessionView> {
    const activityError = coachingActivityError(dto.aspect, dto.activity.trim());
    if (activityError) throw invalid([activityError]);
    if (!actor.organizationId) throw notFound('Agreement');
    return this.ds.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT a.id, a.status, a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId", a.terms_version AS "termsVersion",
                a.start_date::text AS "startDate", a.end_date::text AS "endDate", p.province_code AS "provinceCode"
           FROM agreement a JOIN organization p ON p.id = a.partner_id
          WHERE a.id = $1 AND a.partner_id = $2 FOR SHARE OF a`,
        [agreementId, actor.organizationId],
      );
      if (!a) throw notFound('Agreement');
      if (a.status !== 'ACTIVE') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Coaching sessions are scheduled on ACTIVE agreements; this one is ${a.status}`, { agreementStatus: a.status });
      }
      const timeZone = zoneOfProvince(a.provinceCode);
      const [{ day }] = await m.query(`SELECT ($1::timestamptz AT TIME ZONE $2)::date::text AS day`, [dto.scheduledAt, timeZone]);
      if (day < a.startDate || day > a.endDate) {
        throw invalid([{ field: 'scheduledAt', message: `must fall within the agreement, ${a.startDate} to ${a.endDate} (${timeZone}); it is on ${day}` }]);
      }
      const [plan] = await m.query(
        `SELECT id FROM coaching_plan_item WHERE agreement_id = $1 AND terms_version = $2 AND aspect = $3 AND activity = $4 ORDER BY position LIMIT 1`,
        [agreementId, a.termsVersion, dto.aspect, dto.activity.trim()],
      );
      const { sessionId } = await insertSessionWithObligation(
        m,
        { agreementId, partnerId: a.partnerId, enterpriseId: a.enterpriseId, timeZone },
        {
          planItemId: plan?.id ?? null,
          aspect: dto.aspect,
          activity: dto.activity.trim(),
          topic: dto.topic.trim(),
          scheduledAt: dto.scheduledAt,
          location: dto.location.trim(),
        },
      );
      const after = await this.view(m, sessionId);
      await this.audit.record(m, {
        action: 'coaching_session.schedule',
        entityType: 'coaching_session',
        entityId: sessionId,
        actor,
        organizationId: a.partnerId,
        after: auditable(after),
      });
      await this.notifications.notifyOrganization(m, a.enterpriseId, NOTICES.session('scheduled', { id: sessionId, agreementId, topic: after.topic, day }));
      return after;
    });
  }

  /** Owning partner: SCHEDULED → HELD with who attended, not before the session's start (409). */
  recordAttendance(actor: Actor, id: string, dto: SessionAttendanceDto): Promise<CoachingSessionView> {
    return this.move(actor, id, 'recordAttendance', dto, async (m, s) => {
      if (!s.started) throw conflict('Attendance is recorded once the session has begun; it is still ahead', { sessionStatus: s.status });
      return {
        set: `attendees = $4::jsonb, attendance_note = $5, attendance_recorded_at = now()`,
        params: [JSON.stringify(dto.attendees.map((x) => ({ name: x.name.trim() }))), dto.note?.trim() || null],
      };
    });
  }

  /** The small firm: HELD (or DISPUTED) → CONFIRMED; fulfils the COACHING obligation and counts in its track record. */
  confirm(actor: Actor, id: string, dto: SessionConfirmDto): Promise<CoachingSessionView> {
    return this.move(actor, id, 'confirm', dto, async (m, s) => {
      await m.query(
        `UPDATE obligation SET state = 'FULFILLED', fulfilled_at = now(), updated_at = now(), version = version + 1
          WHERE agreement_id = $1 AND session_id = $2 AND type = 'COACHING' AND state = 'OPEN'`,
        [s.agreementId, s.id],
      );
      await recordTrackRecord(m, s.enterpriseId, { sessionsConfirmed: 1 });
      return { set: `confirmed_at = now()`, params: [] };
    });
  }

  /** The small firm: HELD → DISPUTED with a reason. The obligation stays open (the coaching is not delivered). */
  dispute(actor: Actor, id: string, dto: SessionDisputeDto): Promise<CoachingSessionView> {
    return this.move(actor, id, 'dispute', dto, async () => ({ set: `disputed_at = now(), dispute_reason = $4`, params: [dto.reason.trim()] }));
  }

  /** Ordered by scheduled time; parties see their own, oversight all (province-limited officers: theirs). */
  async list(actor: Actor, q: SessionListQuery): Promise<Page<CoachingSessionView>> {
    const limit = q.limit ?? 20;
    const { values, p } = sqlParams();
    const where = [partyScopeSql(actor, p, 'a.partner_id', 'a.enterprise_id')];
    if (q.agreementId) where.push(`s.agreement_id = ${p(q.agreementId)}::uuid`);
    if (q.status) where.push(`s.status = ${p(q.status)}`);
    const cur = timeCursor(q.cursor);
    if (cur) where.push(`(s.scheduled_at, s.id) > (${p(cur.at)}::timestamptz, ${p(cur.id)}::uuid)`);
    const rows: (CoachingSessionView & { sortKey: string })[] = await this.ds.query(
      `SELECT ${SESSION_COLUMNS}, ${isoMicros('s.scheduled_at')} AS "sortKey"
         FROM coaching_session s JOIN agreement a ON a.id = s.agreement_id
        WHERE ${where.join(' AND ')} ORDER BY s.scheduled_at, s.id LIMIT ${p(limit + 1)}`,
      values,
    );
    return toPage(rows, limit, (r) => [r.sortKey, r.id], ({ sortKey: _s, ...r }) => r);
  }

  async findOne(actor: Actor, id: string): Promise<CoachingSessionView> {
    const { values, p } = sqlParams();
    const [row] = await this.ds.query(
      `SELECT s.id FROM coaching_session s JOIN agreement a ON a.id = s.agreement_id
        WHERE s.id = ${p(id)} AND ${partyScopeSql(actor, p, 'a.partner_id', 'a.enterprise_id')}`,
      values,
    );
    if (!row) throw notFound('Coaching session');
    return this.view(this.ds, id);
  }

  /**
   * A move by the side the lifecycle table names, on a session of its own agreement (else 404):
   * lock (the agreement shared first, as its termination takes it exclusively before cancelling
   * sessions and obligations — so the two never wait on each other in a cycle), check the version and
   * the move (409), apply `change` (its SET fragment may use $4…),
   * `UPDATE … WHERE id AND version`, audit and notify the other side — one transaction.
   */
  private move(
    actor: Actor,
    id: string,
    action: SessionAction,
    dto: { version?: number },
    change: (m: EntityManager, s: LockedSession) => Promise<{ set: string; params: unknown[] }>,
  ): Promise<CoachingSessionView> {
    const by = SESSION_TRANSITIONS[action].by;
    if (!actor.organizationId) return Promise.reject(notFound('Coaching session'));
    const side = by === 'enterprise' ? 'a.enterprise_id' : 'a.partner_id';
    return this.ds.transaction(async (m) => {
      const [row]: (Omit<LockedSession, 'day'> & { scheduledAt: Date; provinceCode: string })[] = await m.query(
        `SELECT s.id, s.agreement_id AS "agreementId", a.partner_id AS "partnerId", a.enterprise_id AS "enterpriseId", s.topic, s.status,
                s.scheduled_at AS "scheduledAt", s.scheduled_at <= now() AS started, s.version, p.province_code AS "provinceCode"
           FROM coaching_session s JOIN agreement a ON a.id = s.agreement_id JOIN organization p ON p.id = a.partner_id
          WHERE s.id = $1 AND ${side} = $2
          FOR UPDATE OF s FOR SHARE OF a`,
        [id, actor.organizationId],
      );
      const s: LockedSession | undefined = row && { ...row, day: dateIn(zoneOfProvince(row.provinceCode), row.scheduledAt) };
      if (!s) throw notFound('Coaching session');
      if (dto.version !== undefined && dto.version !== s.version) throw staleVersion(s.version);
      const to = sessionTransition(action, s.status);
      const before = await this.view(m, id);
      const { set, params } = await change(m, s);
      const { count } = await exec(
        m,
        `UPDATE coaching_session SET status = $3, ${set}, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2`,
        [s.id, s.version, to, ...params],
      );
      if (!count) throw staleVersion(s.version + 1);
      const after = await this.view(m, id);
      const event = action === 'recordAttendance' ? 'held' : action === 'confirm' ? 'confirmed' : 'disputed';
      await this.audit.record(m, {
        action: `coaching_session.${action === 'recordAttendance' ? 'attendance' : action}`,
        entityType: 'coaching_session',
        entityId: id,
        actor,
        organizationId: auditOrg(actor, s.partnerId),
        before: auditable(before),
        after: auditable(after),
      });
      const to_ = by === 'enterprise' ? s.partnerId : s.enterpriseId;
      await this.notifications.notifyOrganization(m, to_, NOTICES.session(event, { id, agreementId: s.agreementId, topic: s.topic, day: s.day, reason: after.disputeReason }));
      return after;
    });
  }

  private async view(m: EntityManager | DataSource, id: string): Promise<CoachingSessionView> {
    const [row]: CoachingSessionView[] = await m.query(
      `SELECT ${SESSION_COLUMNS} FROM coaching_session s JOIN agreement a ON a.id = s.agreement_id WHERE s.id = $1`,
      [id],
    );
    return row;
  }
}

const auditable = (s: CoachingSessionView) => {
  const { createdAt: _c, ...rest } = s;
  return rest;
};
