import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, decodeCursor, encodeCursor, loadEnv, notFound, type Page, Role } from '@jalin/core';
import { MatchCache } from './match-cache.js';
import { type Cursor, jakartaToday, loadOpportunities, type OppRow, pairScoresSql, rankFirms, type ScoredRow, toBreakdown } from './firm-ranking.js';
import { explain, type Locale } from './reasons.js';
import { type Breakdown, kbliPrefixes, type Pattern, type Period, regionPath } from './scoring.js';

export interface MatchItem {
  enterprise: { id: string; name: string; regionCode: string; scale: string; kbliCodes: string[] };
  score: number;
  breakdown: Breakdown;
  reasons: string[];
}
export interface RecommendationItem {
  opportunity: {
    id: string;
    title: string;
    pattern: Pattern;
    partnerId: string;
    partnerName: string;
    kbliCodes: string[];
    siteRegionCode: string;
    slots: number;
    closesAt: Date | null;
  };
  score: number;
  breakdown: Breakdown;
  reasons: string[];
}

interface FirmRow {
  id: string;
  name: string;
  region_code: string;
  scale: string;
  kbli_codes: string[];
  capacities: { product: string; quantity: number; unit: string; period: Period }[];
  certifications: { type: string; number: string; validUntil: string | null }[];
  needs: string[];
  agreements_completed: number;
  agreements_terminated: number;
  sessions_confirmed: number;
}

const FIRM_COLS = `f.id, f.name, f.region_code, f.scale, f.kbli_codes, f.capacities, f.certifications, f.needs,
  f.agreements_completed, f.agreements_terminated, f.sessions_confirmed`;

@Injectable()
export class MatchingService {
  private readonly cache: MatchCache;
  /** Read once, so each application instance keeps the settings it started with. */
  private readonly smallSet = loadEnv().MATCH_SMALL_SET;
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.cache = new MatchCache(ds);
  }

  /**
   * Small firms ranked for one opportunity: the exact top of the documented score, ties broken by id.
   * Served from the opportunity's match cache when it is current (match-cache.ts), otherwise ranked
   * live by the tier walk (firm-ranking.ts); both give the same rows.
   */
  async matches(actor: Actor, opportunityId: string, q: { limit?: number; cursor?: string }, locale: Locale): Promise<Page<MatchItem>> {
    const op = await this.loadOpportunity(opportunityId);
    if (!op || (actor.role === Role.PARTNER && op.partner_id !== actor.organizationId)) throw notFound('Opportunity');
    const limit = q.limit ?? 20;
    const cur = decodeCursor(q.cursor, 2) as Cursor | null;
    const today = jakartaToday();
    const sitePath = regionPath(op.site_region_code);
    const need = limit + 1;
    const best =
      (await this.cache.read(op, { cur, need, today })) ?? (await rankFirms(this.ds, op, { cur, need, today, smallSet: this.smallSet }));
    const more = best.length > limit;
    const page = best.slice(0, limit);
    const firms = await this.loadFirms(page.map((r) => r.id));
    const names = await this.names(op.kbli_codes, page.flatMap((r) => firms.get(r.id)!.kbli_codes), sitePath);
    const items = page.map((r): MatchItem => {
      const f = firms.get(r.id)!;
      const breakdown = toBreakdown(r);
      return {
        enterprise: { id: f.id, name: f.name, regionCode: f.region_code, scale: f.scale, kbliCodes: f.kbli_codes },
        score: r.scoreNum,
        breakdown,
        reasons: explain(this.reasonInput(f, op, breakdown, today, names), locale),
      };
    });
    return { items, nextCursor: more ? encodeCursor([page[page.length - 1].scoreNum, page[page.length - 1].id]) : null };
  }

  /** OPEN opportunities ranked for one small firm (its members, or the ministry). */
  async recommendations(actor: Actor, enterpriseId: string, q: { limit?: number; cursor?: string }, locale: Locale): Promise<Page<RecommendationItem>> {
    const mayRead = actor.role === Role.MINISTRY || actor.role === Role.ADMIN || actor.organizationId === enterpriseId;
    const firm = mayRead ? (await this.loadFirms([enterpriseId])).get(enterpriseId) : undefined;
    if (!firm) throw notFound('Enterprise');
    const limit = q.limit ?? 20;
    const cur = decodeCursor(q.cursor, 2) as [number, string] | null;
    const today = jakartaToday();
    // OPEN opportunities sharing a division with the firm (the partial GIN index), scored set-based.
    const pairs = pairScoresSql({
      firms: 'f.id = $1',
      opportunities: `op.status = 'OPEN' AND (op.closes_at IS NULL OR op.closes_at > now())
        AND op.kbli_divisions && (SELECT e.kbli_divisions FROM organization e WHERE e.id = $1)`,
      today: '$2::date',
    });
    const after = cur ? `WHERE x.score < $3::numeric OR (x.score = $3::numeric AND x.opportunity_id > $4::uuid)` : '';
    const rows: (ScoredRow & { opportunity_id: string })[] = await this.ds.query(
      `SELECT x.* FROM (${pairs}) x ${after} ORDER BY x.score DESC, x.opportunity_id ASC LIMIT ${limit + 1}`,
      cur ? [enterpriseId, today, cur[0], cur[1]] : [enterpriseId, today],
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const opps = await this.loadOpportunities(page.map((r) => r.opportunity_id));
    const names = await this.names(
      [...opps.values()].flatMap((o) => o.kbli_codes),
      firm.kbli_codes,
      [...new Set([...opps.values()].flatMap((o) => regionPath(o.site_region_code)))],
    );
    const items = page.map((r): RecommendationItem => {
      const op = opps.get(r.opportunity_id)!;
      const breakdown = toBreakdown(r);
      return {
        opportunity: {
          id: op.id, title: op.title, pattern: op.pattern, partnerId: op.partner_id, partnerName: op.partner_name,
          kbliCodes: op.kbli_codes, siteRegionCode: op.site_region_code, slots: op.slots, closesAt: op.closes_at,
        },
        score: Number(r.score),
        breakdown,
        reasons: explain(this.reasonInput(firm, op, breakdown, today, names), locale),
      };
    });
    const last = page[page.length - 1];
    return { items, nextCursor: more ? encodeCursor([Number(last.score), last.opportunity_id]) : null };
  }

  private async loadOpportunity(id: string): Promise<OppRow | null> {
    return (await this.loadOpportunities([id])).get(id) ?? null;
  }

  private loadOpportunities(ids: string[]): Promise<Map<string, OppRow>> {
    return loadOpportunities(this.ds, ids);
  }

  private async loadFirms(ids: string[]): Promise<Map<string, FirmRow>> {
    if (!ids.length) return new Map();
    const rows: FirmRow[] = await this.ds.query(`SELECT ${FIRM_COLS} FROM organization f WHERE f.id = ANY($1::uuid[]) AND f.kind = 'enterprise'`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async names(oppCodes: string[], firmCodes: string[], regionCodes: string[]) {
    const codes = [...new Set([...kbliPrefixes(oppCodes), ...kbliPrefixes(firmCodes)])];
    const [k, r] = await Promise.all([
      this.ds.query(`SELECT code, title FROM kbli WHERE code = ANY($1)`, [codes]) as Promise<{ code: string; title: string }[]>,
      this.ds.query(`SELECT code, name FROM region WHERE code = ANY($1)`, [regionCodes]) as Promise<{ code: string; name: string }[]>,
    ]);
    return { kbliTitles: new Map(k.map((x) => [x.code, x.title])), regionNames: new Map(r.map((x) => [x.code, x.name])) };
  }

  private reasonInput(f: FirmRow, op: OppRow, breakdown: Breakdown, today: string, names: { kbliTitles: Map<string, string>; regionNames: Map<string, string> }) {
    return {
      firm: {
        kbliCodes: f.kbli_codes,
        regionCode: f.region_code,
        capacities: f.capacities,
        certifications: f.certifications,
        needs: f.needs,
        agreementsCompleted: f.agreements_completed,
        agreementsTerminated: f.agreements_terminated,
        sessionsConfirmed: f.sessions_confirmed,
      },
      opportunity: {
        kbliCodes: op.kbli_codes,
        siteRegionCode: op.site_region_code,
        required: op.required_quantity && op.required_unit && op.required_period
          ? { quantity: Number(op.required_quantity), unit: op.required_unit, period: op.required_period }
          : null,
        preferred: op.preferred_certifications,
        pattern: op.pattern,
        support: op.support_offered,
      },
      breakdown,
      today,
      ...names,
    };
  }
}
