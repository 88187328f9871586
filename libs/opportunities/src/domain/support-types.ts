import type { FieldError } from '@jalin/core';

/** Partnership patterns modelled so far (domain.md, "Partnership patterns"). */
export const PATTERNS = ['INTI_PLASMA', 'SUBCONTRACT'] as const;
export type Pattern = (typeof PATTERNS)[number];

/**
 * What a partner may offer under each pattern — PP 44/1997 Pasal 3 (inti-plasma) and Pasal 4
 * (subkontrak). The one source of truth: opportunities validate `supportOffered` against it,
 * matching weighs it against a firm's needs, agreements check commitment types with it.
 */
export const SUPPORT_TYPES_BY_PATTERN = {
  INTI_PLASMA: ['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING', 'OTHER_ASSISTANCE'],
  SUBCONTRACT: ['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING'],
} as const satisfies Record<Pattern, readonly string[]>;

export type SupportType = (typeof SUPPORT_TYPES_BY_PATTERN)[Pattern][number];

/** Every support type of any pattern (for request validation before the pattern is known). */
export const SUPPORT_TYPES: readonly SupportType[] = [...new Set(Object.values(SUPPORT_TYPES_BY_PATTERN).flat())];

export function isSupportTypeOf(pattern: Pattern, type: string): type is SupportType {
  return (SUPPORT_TYPES_BY_PATTERN[pattern] as readonly string[]).includes(type);
}

/** One field error per offered type the pattern does not allow, naming it and what is allowed. */
export function supportTypeErrors(pattern: Pattern, offered: readonly string[], field = 'supportOffered'): FieldError[] {
  const allowed = SUPPORT_TYPES_BY_PATTERN[pattern];
  return offered
    .filter((t) => !isSupportTypeOf(pattern, t))
    .map((t) => ({ field, message: `${t} is not a support type for ${pattern} (allowed: ${allowed.join(', ')})` }));
}
