import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type IndonesianZone } from '@jalin/core';

export interface RegionDto {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
  parentCode: string | null;
  provinceCode: string;
  timeZone: IndonesianZone;
}

export interface KbliDto {
  code: string;
  level: number;
  section: string;
  parentCode: string | null;
  title: string;
  description: string;
}

const REGION_COLS = `code, name, level, parent_code AS "parentCode", province_code AS "provinceCode", time_zone AS "timeZone"`;
const KBLI_COLS = `code, level, section, parent_code AS "parentCode", title, description`;

@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Children of `parent` (provinces when none), ordered by code. */
  async regions(parent?: string): Promise<RegionDto[]> {
    return parent
      ? this.ds.query(`SELECT ${REGION_COLS} FROM region WHERE parent_code = $1 ORDER BY code`, [parent])
      : this.ds.query(`SELECT ${REGION_COLS} FROM region WHERE level = 'province' ORDER BY code`);
  }

  async searchRegions(q: string, limit: number): Promise<RegionDto[]> {
    return this.ds.query(
      `SELECT ${REGION_COLS} FROM region WHERE lower(name) LIKE '%' || lower($1) || '%'
       ORDER BY similarity(lower(name), lower($1)) DESC, code LIMIT $2`,
      [q, limit],
    );
  }

  async region(code: string, m: EntityManager = this.ds.manager): Promise<RegionDto | null> {
    const [row] = await m.query(`SELECT ${REGION_COLS} FROM region WHERE code = $1`, [code]);
    return row ?? null;
  }

  /** The region and its ancestors, province first. */
  async regionPath(code: string, m: EntityManager = this.ds.manager): Promise<RegionDto[]> {
    const parts = code.split('.');
    const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
    const rows: RegionDto[] = await m.query(`SELECT ${REGION_COLS} FROM region WHERE code = ANY($1) ORDER BY length(code)`, [codes]);
    return rows;
  }

  /**
   * Which of `codes` the platform does not know. A code is known when it is in the KBLI table, or —
   * before a full import reached its division — when it is well-formed and its division is known.
   */
  async unknownKbliCodes(codes: string[], m: EntityManager = this.ds.manager): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await m.query(
      `SELECT c.code FROM unnest($1::text[]) AS c(code)
       WHERE NOT EXISTS (SELECT 1 FROM kbli k WHERE k.code = c.code)
         AND NOT (
           EXISTS (SELECT 1 FROM kbli d WHERE d.code = left(c.code, 2) AND d.level = 2)
           AND NOT EXISTS (SELECT 1 FROM kbli x WHERE x.level > 2 AND x.code LIKE left(c.code, 2) || '%')
         )`,
      [codes],
    );
    return rows.map((r) => r.code);
  }

  async kbli(code: string): Promise<KbliDto | null> {
    const [row] = await this.ds.query(`SELECT ${KBLI_COLS} FROM kbli WHERE code = $1`, [code]);
    return row ?? null;
  }

  /**
   * KBLI lookup: by code prefix, and/or words in title and description. Words match as prefixes
   * and any word may match ("keripik singkong" finds 10794 on "keripik"); entries that match more
   * words, and in the title, rank first; a trigram match on the title catches typos.
   */
  async searchKbli(opts: { q?: string; prefix?: string; level?: number; limit: number }): Promise<KbliDto[]> {
    const words = (opts.q ?? '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 2)
      .slice(0, 8);
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (opts.prefix) where.push(`code LIKE ${p(opts.prefix.replace(/[%_]/g, ''))} || '%'`);
    if (opts.level) where.push(`level = ${p(opts.level)}`);
    let rank = '';
    if (words.length) {
      const tsq = p(words.map((w) => `${w}:*`).join(' | '));
      const phrase = p(words.join(' '));
      where.push(`(search @@ to_tsquery('simple', ${tsq}) OR lower(title) % ${phrase})`);
      rank = `ts_rank_cd(search, to_tsquery('simple', ${tsq}), 1) + 2 * similarity(lower(title), ${phrase})`;
    }
    const sql = `SELECT ${KBLI_COLS} FROM kbli ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY ${words.length ? `${rank} DESC, level DESC, ` : ''}code LIMIT ${p(opts.limit)}`;
    return this.ds.query(sql, params);
  }
}
