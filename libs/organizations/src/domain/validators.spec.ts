import { validate } from 'class-validator';
import { IsKbliCode, IsNib, IsNpwp, IsRegionCode } from './validators.js';

class Dto {
  @IsNib() nib: unknown;
  @IsNpwp() npwp: unknown;
  @IsKbliCode({ each: true }) kbliCodes: unknown;
  @IsRegionCode({ levels: ['regency', 'district', 'village'] }) regionCode: unknown;
  @IsRegionCode({ message: 'bad region' }) anyRegion: unknown;
}

const make = (over: Partial<Dto>): Dto =>
  Object.assign(new Dto(), {
    nib: '1234567890123',
    npwp: '01.312.166.0-091.000',
    kbliCodes: ['10', '10792'],
    regionCode: '32.73.01',
    anyRegion: '32',
    ...over,
  });

async function errors(over: Partial<Dto>): Promise<Record<string, Record<string, string>>> {
  const result = await validate(make(over));
  return Object.fromEntries(result.map((e) => [e.property, e.constraints ?? {}]));
}

describe('validators', () => {
  it('accepts a valid object', async () => {
    expect(await errors({})).toEqual({});
  });

  it('rejects a bad NIB with a clear message', async () => {
    expect(await errors({ nib: '123' })).toEqual({ nib: { isNib: 'nib must be a NIB of exactly 13 digits' } });
    expect(await errors({ nib: 1234567890123 })).toHaveProperty('nib.isNib');
  });

  it('rejects a bad NPWP and says why', async () => {
    const e = await errors({ npwp: '01.312.166.1-091.000' });
    expect(e.npwp?.isNpwp).toMatch(/^npwp must be a valid NPWP .*check digit/);
    expect(await errors({ npwp: null })).toHaveProperty('npwp.isNpwp');
  });

  it('checks each KBLI code', async () => {
    const e = await errors({ kbliCodes: ['10', '1'] });
    expect(e.kbliCodes?.isKbliCode).toMatch(/KBLI 2020 code of 2 to 5 digits/);
  });

  it('restricts region levels when asked, and honours a custom message', async () => {
    expect(await errors({ regionCode: '32' })).toHaveProperty('regionCode.isRegionCode');
    expect(await errors({ regionCode: '32.73.01.1001' })).toEqual({});
    expect(await errors({ anyRegion: '32.7' })).toEqual({ anyRegion: { isRegionCode: 'bad region' } });
  });
});
