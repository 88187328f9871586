import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import { type Actor, DomainError, flattenValidationErrors, invalid, type Role } from '@jalin/core';

/** The same checks the API's ValidationPipe makes on a request body. */
export async function validDto<T extends object>(cls: new () => T, plain: object, label: string): Promise<T> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  if (errors.length) {
    const fields = flattenValidationErrors(errors);
    throw invalid(fields, `Demo data for ${label} is invalid: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
  }
  return dto;
}

/** The caller a request by this user would carry (as the auth guard builds it). */
export async function actorByEmail(ds: DataSource, email: string): Promise<Actor | null> {
  const [u]: { id: string; email: string; role: Role; organization_id: string | null; province_codes: string[]; locale: 'id' | 'en' }[] = await ds.query(
    `SELECT id, email, role, organization_id, province_codes, locale FROM app_user WHERE lower(email) = lower($1)`,
    [email],
  );
  return u ? { userId: u.id, email: u.email, role: u.role, organizationId: u.organization_id, provinceCodes: u.province_codes, locale: u.locale } : null;
}

/** An error as one line, with a domain error's field messages. */
export function describe(err: unknown): string {
  if (err instanceof DomainError) {
    const fields = err.extra.errors?.map((f) => `${f.field}: ${f.message}`).join('; ');
    return fields ? `${err.message} (${fields})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
