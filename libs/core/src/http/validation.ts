import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { type FieldError, invalid } from '../errors/domain-error.js';

/** Flattens class-validator's tree into `{ field: "organization.pic.email", message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message: message.replace(/^property (\S+) should not exist$/, 'unknown field $1 is not allowed') });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** Validate once, at the edge: unknown fields rejected, payloads transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return invalid(fields, `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${[...new Set(fields.map((f) => f.field))].join(', ')}`);
    },
  });
}
