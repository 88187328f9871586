/**
 * class-validator decorators over the identifier rules in identifiers.ts.
 * They validate the value as sent; pair them with a `@Transform` using
 * normalizeNib / normalizeNpwp when the digits-only form is to be stored.
 * Each supports `{ each: true }` for arrays (e.g. `kbliCodes`).
 */
import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  isKbliCodeFormat,
  isValidNib,
  regionLevel,
  validateNpwp,
  type RegionLevel,
} from './identifiers.js';

@ValidatorConstraint({ name: 'isNib', async: false })
export class IsNibConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidNib(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a NIB of exactly 13 digits`;
  }
}

@ValidatorConstraint({ name: 'isNpwp', async: false })
export class IsNpwpConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && validateNpwp(value).valid;
  }
  defaultMessage(args: ValidationArguments): string {
    const result = typeof args.value === 'string' ? validateNpwp(args.value) : undefined;
    const why = result && !result.valid ? result.reason : 'NPWP must be a string';
    return `${args.property} must be a valid NPWP (15 or 16 digits): ${why}`;
  }
}

@ValidatorConstraint({ name: 'isKbliCode', async: false })
export class IsKbliCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isKbliCodeFormat(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a KBLI 2020 code of 2 to 5 digits`;
  }
}

@ValidatorConstraint({ name: 'isRegionCode', async: false })
export class IsRegionCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const levels = args.constraints[0] as readonly RegionLevel[] | undefined;
    const level = typeof value === 'string' ? regionLevel(value) : null;
    return level !== null && (!levels || levels.includes(level));
  }
  defaultMessage(args: ValidationArguments): string {
    const levels = args.constraints[0] as readonly RegionLevel[] | undefined;
    const which = levels ? ` at level ${levels.join(', ')}` : '';
    return `${args.property} must be a Kemendagri region code${which} (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN)`;
  }
}

type ConstraintClass = new () => ValidatorConstraintInterface;

function register(
  validator: ConstraintClass,
  name: string,
  options?: ValidationOptions,
  constraints: unknown[] = [],
): PropertyDecorator {
  return (object, propertyName) => {
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: String(propertyName),
      options,
      constraints,
      validator,
    });
  };
}

/** NIB: exactly 13 digits (surrounding/inner whitespace tolerated). */
export function IsNib(options?: ValidationOptions): PropertyDecorator {
  return register(IsNibConstraint, 'isNib', options);
}

/** NPWP: legacy 15 digits with its check digit, `0` + legacy, or a NIK; punctuation allowed. */
export function IsNpwp(options?: ValidationOptions): PropertyDecorator {
  return register(IsNpwpConstraint, 'isNpwp', options);
}

/** KBLI code format only (2–5 digits); existence is checked against reference data elsewhere. */
export function IsKbliCode(options?: ValidationOptions): PropertyDecorator {
  return register(IsKbliCodeConstraint, 'isKbliCode', options);
}

/**
 * Region code format only; existence is checked against reference data elsewhere.
 * `levels` restricts which levels are accepted (the API takes regency, district
 * or village codes for an organisation: `IsRegionCode({ levels: ['regency', 'district', 'village'] })`).
 */
export function IsRegionCode(
  options?: ValidationOptions & { levels?: readonly RegionLevel[] },
): PropertyDecorator {
  const { levels, ...validationOptions } = options ?? {};
  return register(IsRegionCodeConstraint, 'isRegionCode', validationOptions, [levels]);
}
