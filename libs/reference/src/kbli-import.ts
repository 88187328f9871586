import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { sectionOfDivision } from '@jalin/core';

export interface KbliImportResult {
  rows: number;
  byLevel: Record<number, number>;
}

export class KbliImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`KBLI import refused, nothing was written:\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`);
  }
}

/** Parses and checks a `code,level,title,description` CSV; throws KbliImportError listing every bad line. */
export function parseKbliCsv(text: string): { code: string; level: number; title: string; description: string }[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false }) as Record<string, string>[];
  const problems: string[] = [];
  const seen = new Set<string>();
  const rows = records.map((r, i) => {
    const line = i + 2;
    const code = r.code ?? '';
    const level = Number(r.level);
    if (!/^\d{2,5}$/.test(code)) problems.push(`line ${line}: code "${code}" is not 2–5 digits`);
    else if (level !== code.length) problems.push(`line ${line}: level ${r.level} does not match code ${code} (expected ${code.length})`);
    else if (!sectionOfDivision(code.slice(0, 2))) problems.push(`line ${line}: division ${code.slice(0, 2)} is not a KBLI 2020 division`);
    if (!r.title) problems.push(`line ${line}: title is empty`);
    if (seen.has(code)) problems.push(`line ${line}: code ${code} appears twice`);
    seen.add(code);
    return { code, level, title: r.title ?? '', description: r.description ?? '' };
  });
  if (!records.length) problems.push('the file has no rows');
  else if (!('code' in records[0] && 'level' in records[0] && 'title' in records[0])) problems.push('header must be code,level,title,description');
  // Every entry needs its division; an intermediate level may be missing from a published list
  // (the national licensing system's own file lacks a few): the parent is then the nearest ancestor.
  for (const r of rows) {
    if (r.level > 2 && !seen.has(r.code.slice(0, 2))) problems.push(`code ${r.code}: its division ${r.code.slice(0, 2)} is not in the file`);
  }
  if (problems.length) throw new KbliImportError(problems);
  return rows;
}

/** Loads (upserts) a full KBLI list in one transaction. */
export async function importKbli(ds: DataSource, path: string): Promise<KbliImportResult> {
  const rows = parseKbliCsv(await readFile(path, 'utf8'));
  const seen = new Set(rows.map((r) => r.code));
  await ds.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += 2000) {
      const b = rows.slice(i, i + 2000);
      await m.query(
        `INSERT INTO kbli (code, level, section, parent_code, title, description)
         SELECT c, l, s, p, t, d FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(c, l, s, p, t, d)
         ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, section = EXCLUDED.section,
           parent_code = EXCLUDED.parent_code, title = EXCLUDED.title, description = EXCLUDED.description`,
        [
          b.map((r) => r.code),
          b.map((r) => r.level),
          b.map((r) => sectionOfDivision(r.code.slice(0, 2))),
          b.map((r) => (r.level === 2 ? sectionOfDivision(r.code) : nearestAncestor(r.code, seen))),
          b.map((r) => r.title),
          b.map((r) => r.description),
        ],
      );
    }
  });
  const byLevel: Record<number, number> = {};
  for (const r of rows) byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
  return { rows: rows.length, byLevel };
}

function nearestAncestor(code: string, known: Set<string>): string {
  for (let n = code.length - 1; n > 2; n--) if (known.has(code.slice(0, n))) return code.slice(0, n);
  return code.slice(0, 2);
}
