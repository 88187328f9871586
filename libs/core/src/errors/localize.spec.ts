import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsNumber, IsPositive,
  IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, validate, ValidateNested,
} from 'class-validator';
import { flattenValidationErrors } from '../http/validation.js';
import { localizeMessage, localizeValidationDetail } from './localize.js';

/** Every non-test source file of the libraries, with its text. */
const sources = (): [string, string][] =>
  (readdirSync('libs', { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => [f, readFileSync(join('libs', f), 'utf8')]);
/** Messages about environment variables never reach an HTTP client. */
const CONFIG = /^[A-Z][A-Z0-9_]{2,} /;

class Inner {
  @IsString() name: string;
}
class Everything {
  @IsString() s: unknown = 5;
  @MinLength(3) short = 'ab';
  @MaxLength(2) long = 'abc';
  @IsIn(['A', 'B']) pick = 'C';
  @IsInt() int = 1.5;
  @Min(1) low = 0;
  @Max(9) high = 10;
  @Matches(/^\d+$/) digits = 'x';
  @IsUUID() id = 'x';
  @IsArray() list: unknown = 'x';
  @ArrayMaxSize(1) many = [1, 2];
  @ArrayMinSize(2) few = [1];
  @ArrayUnique() twice = [1, 1];
  @IsBoolean() flag: unknown = 'yes';
  @IsNumber() num: unknown = 'x';
  @IsPositive() pos = -1;
  @IsEmail() mail = 'x';
  @IsISO8601() when = 'x';
  @IsUrl() url = 'x';
  @IsLatitude() lat: unknown = 99;
  @IsLongitude() lng: unknown = 999;
  @IsString({ each: true }) words: unknown = [1];
  @MaxLength(2, { each: true }) items = ['abc'];
  @ValidateNested() @Type(() => Inner) inner: unknown = { name: 1 };
  @ValidateNested() notObject: unknown = 'x';
}

describe('Indonesian field messages', () => {
  it('English stays as written', () => {
    expect(localizeMessage('reason must be a string', 'en')).toBe('reason must be a string');
    expect(localizeValidationDetail('The request has 2 invalid fields: a, b', 'en')).toBe('The request has 2 invalid fields: a, b');
  });

  it('translate every message literal the libraries write, keeping the variable parts', () => {
    const missing: string[] = [];
    for (const [file, text] of sources()) {
      for (const m of text.matchAll(/message: '((?:[^'\\]|\\.)*)'/g)) {
        const msg = m[1]!.replace(/\$property/g, 'startDate');
        if (!msg || CONFIG.test(msg) || file.includes('config/')) continue;
        if (localizeMessage(msg, 'id') === msg) missing.push(`${file}: ${msg}`);
      }
      for (const m of text.matchAll(/message: `([^`]*)`/g)) {
        let n = 0;
        const tokens: string[] = [];
        // a number for each variable part; a conditional one takes its first quoted alternative
        const sample = m[1]!.replace(/\$\{[^}]*\}/g, (expr) => {
          const tok = /\? '([^']+)'/.exec(expr)?.[1] ?? `70${++n}`;
          tokens.push(tok);
          return tok;
        }).replace(/\$property/g, 'startDate');
        const out = localizeMessage(sample, 'id');
        if (out === sample || tokens.some((tok) => !out.includes(tok))) missing.push(`${file}: ${sample} → ${out}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translate class-validator’s own messages for every decorator the DTOs use, with `each` and nesting', async () => {
    const errors = flattenValidationErrors(await validate(plainToInstance(Everything, new Everything()), { forbidUnknownValues: true }));
    expect(errors.length).toBeGreaterThanOrEqual(25);
    const untranslated = errors.filter((e) => localizeMessage(e.message, 'id') === e.message);
    expect(untranslated).toEqual([]);
    // the field path survives translation
    for (const e of errors) expect(localizeMessage(e.message, 'id')).toContain(e.field.split('.').at(-1)!);
  });

  it('translate the 400 summary line', () => {
    expect(localizeValidationDetail('The request has 2 invalid fields: nib, npwp', 'id')).toBe('Permintaan memuat 2 isian yang tidak valid: nib, npwp');
    expect(localizeValidationDetail('The request has 1 invalid field: nib', 'id')).toBe('Permintaan memuat 1 isian yang tidak valid: nib');
  });

  it('leave a message without a translation in English rather than lose it', () => {
    expect(localizeMessage('a message nobody wrote yet', 'id')).toBe('a message nobody wrote yet');
  });
});
