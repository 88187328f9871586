/**
 * Problems in Indonesian: every detail sentence the API writes — lifecycle refusals built from
 * tables, conflicts, not-founds — and every field message has an Indonesian form
 * (libs/core/src/errors/details.id.ts, messages.id.ts), keeping its variable parts. Unit level: no
 * database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../libs/core/src/errors/domain-error.js';
import { localizeDetail, localizeMessage } from '../libs/core/src/errors/localize.js';
import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS, agreementTransition } from '../libs/agreements/src/domain/agreement.lifecycle.js';
import { COMMITMENT_STATUSES, COMMITMENT_TRANSITIONS, commitmentTransition } from '../libs/agreements/src/domain/commitment.lifecycle.js';
import { OBLIGATION_STATES, OBLIGATION_TRANSITIONS, obligationTransition } from '../libs/obligations/src/domain/obligation.js';
import { REPORT_STATUSES, REPORT_TRANSITIONS, reportTransition } from '../libs/obligations/src/domain/report.js';
import { SESSION_STATUSES, SESSION_TRANSITIONS, sessionTransition } from '../libs/obligations/src/domain/session.js';
import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, applicationTransition } from '../libs/opportunities/src/domain/application.lifecycle.js';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_TRANSITIONS, opportunityTransition } from '../libs/opportunities/src/domain/opportunity.lifecycle.js';
import { CASE_STATUSES, CASE_TRANSITIONS, caseTransition } from '../libs/monitoring/src/cases/case.lifecycle.js';

/** English that must not survive translation (codes, field names and paths are kept; these words are not). */
const ENGLISH = /(^|[\s(;:,])(cannot|can|must|only|was|were|has|have|the|already|not|is|are|be|been|an|of|for|with|when|while|before|after|or|and)(?=[\s.,;:)]|$)/i;
const english = (s: string) => ENGLISH.exec(s.replace(/`[^`]*`|POST [^\s)]+|GET [^\s)]+|\b[A-Z][A-Z0-9_]+\b/g, ''))?.[2];

function refusals(): string[] {
  const out = new Set<string>();
  const grid = <A extends string, S extends string>(actions: readonly A[], statuses: readonly S[], move: (a: A, s: S) => unknown) => {
    for (const a of actions) {
      for (const s of statuses) {
        try {
          move(a, s);
        } catch (err) {
          if (err instanceof DomainError) out.add(err.message);
          else throw err;
        }
      }
    }
  };
  const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
  grid(keys(AGREEMENT_TRANSITIONS), AGREEMENT_STATUSES, agreementTransition);
  grid(keys(COMMITMENT_TRANSITIONS), COMMITMENT_STATUSES, commitmentTransition);
  grid(keys(OBLIGATION_TRANSITIONS), OBLIGATION_STATES, obligationTransition);
  grid(keys(REPORT_TRANSITIONS), REPORT_STATUSES, reportTransition);
  grid(keys(SESSION_TRANSITIONS), SESSION_STATUSES, sessionTransition);
  grid(keys(APPLICATION_TRANSITIONS), APPLICATION_STATUSES, applicationTransition);
  grid(keys(OPPORTUNITY_TRANSITIONS), OPPORTUNITY_STATUSES, opportunityTransition);
  grid(keys(CASE_TRANSITIONS), CASE_STATUSES, caseTransition);
  return [...out];
}

/** Messages about environment variables never reach an HTTP client. */
const CONFIG = /^[A-Z][A-Z0-9_]{2,} /;

const sources = (): [string, string][] =>
  ['libs', join('apps', 'api', 'src')].flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.id.ts'))
      .map((f) => [join(root, f), readFileSync(join(root, f), 'utf8')] as [string, string]),
  );

/**
 * A sample of a template literal: each `${…}` becomes a number that the translation must keep; a
 * conditional one takes its first quoted alternative (words, which the translation may change).
 */
function sample(template: string): { text: string; tokens: string[] } {
  let n = 0;
  const tokens: string[] = [];
  const text = template.replace(/\$\{[^}]*\}/g, (expr) => {
    const alternative = /\? '([^']+)'/.exec(expr)?.[1];
    if (alternative !== undefined) return alternative;
    const tok = `70${++n}`;
    tokens.push(tok);
    return tok;
  });
  return { text, tokens };
}

/** The lifecycle modules compose their refusals from tables; the grid above checks them with real inputs. */
const LIFECYCLES = /\/domain\/[\w.]*lifecycle\.ts$|case\.lifecycle\.ts$/;

describe('problems in Indonesian', () => {
  it('English callers get the detail as written', () => {
    expect(localizeDetail('Agreement was not found', 'en')).toBe('Agreement was not found');
  });

  it('every lifecycle refusal, for every action from every status', () => {
    const messages = refusals();
    expect(messages.length).toBeGreaterThan(40);
    const bad = messages.map((m) => [m, localizeDetail(m, 'id')]).filter(([m, id]) => id === m || english(id!));
    expect(bad).toEqual([]);
  });

  it('every conflict, refusal and not-found the code writes, keeping its variable parts', () => {
    const bad: string[] = [];
    let checked = 0;
    const check = (file: string, text: string, tokens: string[] = []) => {
      checked++;
      const id = localizeDetail(text, 'id');
      if (id === text || tokens.some((tok) => !id.includes(tok)) || english(id)) bad.push(`${file}: ${text} → ${id}`);
    };
    // the first argument: a quoted literal (possibly continued with + '…'), or a template literal
    const call = /(?:\bconflict|\bunauthenticated|\bforbidden|new DomainError)\(\s*(?:ErrorCode\.\w+,\s*)?(?:('(?:[^'\\]|\\.)*'(?:\s*\+\s*'(?:[^'\\]|\\.)*')*)|`([^`]*)`)/g;
    for (const [file, text] of sources()) {
      if (LIFECYCLES.test(file)) continue;
      for (const m of text.matchAll(call)) {
        if (m[1] !== undefined) check(file, [...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((p) => p[1]).join(''));
        else {
          const s = sample(m[2]!);
          check(file, s.text, s.tokens);
        }
      }
      for (const m of text.matchAll(/(?:\bnotFound|\bIdParam|\bIntParam)\(\s*(?:'([^']+)'|`([^`]*)`)/g)) {
        if (m[1] !== undefined) check(file, `${m[1]} was not found`);
        else {
          const s = sample(m[2]!);
          check(file, `${s.text} was not found`, s.tokens);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('every field message the libraries write (configuration messages aside), keeping its variable parts', () => {
    const missing: string[] = [];
    let checked = 0;
    const check = (file: string, text: string, tokens: string[] = []) => {
      checked++;
      const id = localizeMessage(text, 'id');
      if (id === text || tokens.some((tok) => !id.includes(tok))) missing.push(`${file}: ${text} → ${id}`);
    };
    for (const [file, text] of sources()) {
      if (!file.startsWith('libs') || file.includes('config/')) continue;
      for (const m of text.matchAll(/message: '((?:[^'\\]|\\.)*)'/g)) {
        const msg = m[1]!.replace(/\$property/g, 'startDate');
        if (msg && !CONFIG.test(msg)) check(file, msg);
      }
      for (const m of text.matchAll(/message: `([^`]*)`/g)) {
        const s = sample(m[1]!.replace(/\$property/g, 'startDate'));
        check(file, s.text, s.tokens);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('the summary of a 400 and the generic ones', () => {
    expect(localizeDetail('The request has 2 invalid fields: nib, npwp', 'id')).toBe('Permintaan memuat 2 isian yang tidak valid: nib, npwp');
    for (const d of ['The request is invalid', 'An unexpected error occurred', 'No route matches GET /api/v1/nope']) {
      expect(english(localizeDetail(d, 'id')) ?? null).toBeNull();
    }
  });
});
