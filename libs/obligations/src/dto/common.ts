import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, Matches, Min, ValidateIf } from 'class-validator';

/** Optional, but when sent it must be a value: `null` is refused. */
export const NotNullIfSent = () => ValidateIf((_o, v) => v !== undefined);

/** A calendar date `YYYY-MM-DD` that exists (2028-02-29 yes, 2027-02-29 no). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
  );

/** An instant with its zone, e.g. 2026-03-02T09:00:00+08:00. */
export const TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A body that may carry the `version` the caller read; a stale one is 409. */
export class VersionedBody {
  @ApiPropertyOptional({ description: 'The version you read; a stale one gets 409' }) @NotNullIfSent() @IsInt() @Min(1) version?: number;
}
