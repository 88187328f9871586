import { SUPPORT_TYPES, SUPPORT_TYPES_BY_PATTERN, supportTypeErrors } from './support-types.js';

describe('support types by pattern (PP 44/1997 Pasal 3 and 4)', () => {
  it('lists what an inti and a subcontracting partner provide', () => {
    expect(SUPPORT_TYPES_BY_PATTERN).toEqual({
      INTI_PLASMA: ['LAND', 'PRODUCTION_INPUTS', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING', 'OTHER_ASSISTANCE'],
      SUBCONTRACT: ['PRODUCTION_WORK', 'RAW_MATERIAL_SUPPLY', 'TECHNICAL_GUIDANCE', 'TECHNOLOGY', 'FINANCING'],
    });
    expect(SUPPORT_TYPES).toHaveLength(8);
  });

  it('names each type the pattern does not allow', () => {
    expect(supportTypeErrors('SUBCONTRACT', ['TECHNOLOGY', 'FINANCING'])).toEqual([]);
    const errors = supportTypeErrors('SUBCONTRACT', ['LAND', 'TECHNOLOGY', 'NOPE']);
    expect(errors.map((e) => e.field)).toEqual(['supportOffered', 'supportOffered']);
    expect(errors[0].message).toMatch(/^LAND is not a support type for SUBCONTRACT/);
    expect(errors[1].message).toMatch(/^NOPE /);
    expect(supportTypeErrors('INTI_PLASMA', ['PRODUCTION_WORK'])[0].message).toContain('PRODUCTION_WORK');
  });
});
