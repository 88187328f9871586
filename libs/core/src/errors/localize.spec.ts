import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsNumber, IsPositive,
  IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, validate, ValidateNested,
} from 'class-validator';
import { flattenValidationErrors } from '../http/validation.js';
import { localizeDetail, localizeMessage } from './localize.js';

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

/** The source scans (every message and detail the code writes) are in test/problem-language.spec.ts. */
describe('Indonesian field messages', () => {
  it('English stays as written', () => {
    expect(localizeMessage('reason must be a string', 'en')).toBe('reason must be a string');
    expect(localizeDetail('The request has 2 invalid fields: a, b', 'en')).toBe('The request has 2 invalid fields: a, b');
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
    expect(localizeDetail('The request has 2 invalid fields: nib, npwp', 'id')).toBe('Permintaan memuat 2 isian yang tidak valid: nib, npwp');
    expect(localizeDetail('The request has 1 invalid field: nib', 'id')).toBe('Permintaan memuat 1 isian yang tidak valid: nib');
  });

  it('leave a message without a translation in English rather than lose it', () => {
    expect(localizeMessage('a message nobody wrote yet', 'id')).toBe('a message nobody wrote yet');
  });
});
