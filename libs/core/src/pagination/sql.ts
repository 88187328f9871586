import { invalid } from '../errors/domain-error.js';
import { decodeCursor } from './cursor.js';

/** A timestamp at full (microsecond) precision, so a keyset cursor compares exactly what was sorted. */
export const isoMicros = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a `[timestamp, id]` cursor; anything else is a 400 (never reaches SQL). */
export function timeCursor(cursor: string | undefined): { at: string; id: string } | null {
  const key = decodeCursor(cursor, 2);
  if (!key) return null;
  const [at, id] = key;
  if (typeof at !== 'string' || !CURSOR_TS.test(at) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalid([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
  }
  return { at, id };
}

/** Positional parameters for hand-written SQL: `p(value)` returns `$n`. */
export function sqlParams() {
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  return { values, p };
}

/** Words of a full-text query as a prefix tsquery (`keripik:* & singkong:*`), accents stripped; null when none. */
export function prefixTsQuery(q: string | undefined): string | null {
  const words = (q ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
