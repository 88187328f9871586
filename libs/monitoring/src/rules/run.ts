import type { DataSource, EntityManager } from 'typeorm';
import { conflict, loadEnv } from '@jalin/core';
import { RISK_RULES } from './catalog.js';
import type { RiskRule, RuleContext } from './rule.js';

/** Fixed key of the advisory lock one run of the rules holds, so two runs never interleave. */
export const RISK_RULES_LOCK_KEY = 7_140_611_4;

/** Statement timeout of a run the worker makes (daily, off-peak). */
export const SCHEDULED_RUN_STATEMENT_TIMEOUT_MS = 600_000;
/** Statement timeout of a run an officer asks for (inline, in the API process). */
export const ON_DEMAND_RUN_STATEMENT_TIMEOUT_MS = 60_000;

export type RunTrigger = 'SCHEDULE' | 'MANUAL';

export interface RuleRunCounts {
  code: string;
  /** New OPEN findings (first seen, or back after being resolved). */
  opened: number;
  /** OPEN findings seen again (their details refreshed). */
  kept: number;
  /** OPEN findings this run no longer found: now RESOLVED. */
  resolved: number;
}

export interface RiskRulesRun {
  id: string;
  trigger: RunTrigger;
  startedAt: Date;
  finishedAt: Date;
  rules: RuleRunCounts[];
}

export interface RunOptions {
  trigger: RunTrigger;
  /** The officer who asked (MANUAL); null for the worker. */
  triggeredBy: string | null;
  statementTimeoutMs: number;
  /** When another run holds the lock: `skip` returns null (the worker), `conflict` throws 409 (the API). */
  whenBusy: 'skip' | 'conflict';
  /** Defaults to the catalog and the configured size regime; tests may pass others. */
  rules?: readonly RiskRule[];
  context?: RuleContext;
}

/**
 * One run of every rule, inside the caller's transaction `m` (so a failure leaves nothing behind):
 * for each rule, its query's subjects are upserted as OPEN findings — the partial unique index
 * (rule, subject) WHERE OPEN makes a re-run update the open finding instead of adding one — and
 * every OPEN finding of the rule this run did not see is marked RESOLVED. A subject that comes back
 * after being resolved gets a new finding (the resolved one stays, as history). OPEN findings of a
 * rule no longer in the catalog are resolved too. Runs are serialised by an advisory lock.
 */
export async function runRiskRulesIn(m: EntityManager, opts: RunOptions): Promise<RiskRulesRun | null> {
  await m.query(`SELECT set_config('statement_timeout', $1, true)`, [String(opts.statementTimeoutMs)]);
  const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RISK_RULES_LOCK_KEY]);
  if (!locked) {
    if (opts.whenBusy === 'skip') return null;
    throw conflict('The risk rules are being run already; their findings will be up to date in a moment');
  }
  const rules = opts.rules ?? RISK_RULES;
  const ctx: RuleContext = opts.context ?? { sizeRegime: loadEnv().SIZE_REGIME };
  const [run]: { id: string; started_at: Date }[] = await m.query(
    `INSERT INTO finding_run (trigger, triggered_by) VALUES ($1, $2) RETURNING id, started_at`,
    [opts.trigger, opts.triggeredBy],
  );
  const counts: RuleRunCounts[] = [];
  for (const rule of rules) {
    const [up]: { opened: string; kept: string }[] = await m.query(
      `WITH hits AS (
         SELECT DISTINCT ON (h.subject_type, h.subject_id) h.subject_type, h.subject_id, h.partner_id, h.enterprise_id, h.agreement_id, h.details
           FROM (${rule.sql(ctx)}) h
          ORDER BY h.subject_type, h.subject_id
       ), up AS (
         INSERT INTO finding AS f (rule_code, severity, subject_type, subject_id, partner_id, enterprise_id, agreement_id, details, first_run_id, last_run_id)
         SELECT $1, $2, h.subject_type, h.subject_id, h.partner_id, h.enterprise_id, h.agreement_id, coalesce(h.details, '{}'::jsonb), $3, $3 FROM hits h
         ON CONFLICT (rule_code, subject_type, subject_id) WHERE status = 'OPEN'
         DO UPDATE SET severity = EXCLUDED.severity, partner_id = EXCLUDED.partner_id, enterprise_id = EXCLUDED.enterprise_id,
                       agreement_id = EXCLUDED.agreement_id, details = EXCLUDED.details, last_seen_at = now(), last_run_id = EXCLUDED.last_run_id,
                       updated_at = now(),
                       version = f.version + CASE WHEN f.details IS DISTINCT FROM EXCLUDED.details OR f.severity <> EXCLUDED.severity THEN 1 ELSE 0 END
         RETURNING (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted) AS opened, count(*) FILTER (WHERE NOT inserted) AS kept FROM up`,
      [rule.code, rule.severity, run.id],
    );
    const resolved = await resolveUnseen(m, run.id, `rule_code = $2`, [rule.code]);
    counts.push({ code: rule.code, opened: Number(up.opened), kept: Number(up.kept), resolved });
  }
  await resolveUnseen(m, run.id, `rule_code <> ALL($2::text[])`, [rules.map((r) => r.code)]);
  const [done]: { finished_at: Date }[] = await m.query(
    `UPDATE finding_run SET finished_at = clock_timestamp(), results = $2 WHERE id = $1 RETURNING finished_at`,
    [run.id, JSON.stringify(counts)],
  );
  return { id: run.id, trigger: opts.trigger, startedAt: run.started_at, finishedAt: done.finished_at, rules: counts };
}

async function resolveUnseen(m: EntityManager, runId: string, which: string, params: unknown[]): Promise<number> {
  const [{ n }]: { n: string }[] = await m.query(
    `WITH r AS (
       UPDATE finding SET status = 'RESOLVED', resolved_at = now(), resolved_run_id = $1, updated_at = now(), version = version + 1
        WHERE status = 'OPEN' AND ${which} AND last_run_id IS DISTINCT FROM $1
       RETURNING 1
     ) SELECT count(*) AS n FROM r`,
    [runId, ...params],
  );
  return Number(n);
}

/**
 * The worker's daily run: every rule, in one transaction of its own. Returns null when another run
 * (e.g. one an officer asked for) holds the lock — its findings are as fresh.
 */
export function runRiskRules(ds: DataSource, opts: Partial<Pick<RunOptions, 'statementTimeoutMs' | 'rules' | 'context'>> = {}): Promise<RiskRulesRun | null> {
  return ds.transaction((m) =>
    runRiskRulesIn(m, {
      trigger: 'SCHEDULE',
      triggeredBy: null,
      statementTimeoutMs: opts.statementTimeoutMs ?? SCHEDULED_RUN_STATEMENT_TIMEOUT_MS,
      whenBusy: 'skip',
      rules: opts.rules,
      context: opts.context,
    }),
  );
}

/** When the worker runs the rules: daily at 02:00 WIB (the job scheduler's cron pattern and zone). */
export const RISK_RULES_SCHEDULE = Object.freeze({ id: 'run-risk-rules', pattern: '0 2 * * *', tz: 'Asia/Jakarta' });
