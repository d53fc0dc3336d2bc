import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEILONGJIANG_DIVISIONS } from '../divisions/index.ts';
import { chinaDateOf } from '../time/chinaTime.ts';
import {
  maskResidentId,
  type ResidentIdValidation,
  residentIdCheckChar,
  upgradeResidentId,
  validateResidentId,
} from './residentId.ts';

const today = '2026-03-15';
const codesOf = (result: ResidentIdValidation) =>
  result.ok ? [] : result.reasons.map((reason) => reason.code);
const withCheck = (body: string) => body + residentIdCheckChar(body);

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts a Harbin number born 1990-01-01 and reads it', () => {
    expect(validateResidentId('230102199001011230', { today })).toEqual({
      ok: true,
      value: '230102199001011230',
      region: '230102',
      birthDate: '1990-01-01',
      sex: 'male',
    });
    const female = validateResidentId('230102199001011249', { today });
    expect(female.ok && female.sex).toBe('female');
  });

  it('accepts the standard example with a lower-case x and normalises it', () => {
    const result = validateResidentId(' 11010519491231002x ', { today });
    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it('refuses a wrong length, and names bad characters too', () => {
    expect(codesOf(validateResidentId('23010219900101123', { today }))).toEqual(['id.length']);
    expect(codesOf(validateResidentId('', { today }))).toEqual(['id.length']);
    expect(codesOf(validateResidentId('2301021990010112', { today }))).toEqual(['id.length']);
    expect(codesOf(validateResidentId('23010219900101-23', { today }))).toEqual([
      'id.length',
      'id.characters',
    ]);
  });

  it('refuses characters other than digits and a final X', () => {
    expect(codesOf(validateResidentId('2301021990010112X0', { today }))).toEqual(['id.characters']);
    expect(codesOf(validateResidentId('23010219900101123Y', { today }))).toEqual(['id.characters']);
  });

  it('refuses a region that is not a division, and accepts retired ones', () => {
    expect(codesOf(validateResidentId(withCheck('23019919900101123'), { today }))).toEqual(['id.region']);
    expect(codesOf(validateResidentId(withCheck('00000019900101123'), { today }))).toEqual(['id.region']);
    for (const retired of ['230107', '230181', '230182', '230704', '232723']) {
      expect(validateResidentId(withCheck(`${retired}19900101123`), { today }).ok, retired).toBe(true);
    }
  });

  it('refuses impossible, pre-1900 and future birth dates', () => {
    const bornOn = (date: string) => withCheck(`230102${date.replaceAll('-', '')}123`);
    for (const date of ['1990-02-30', '1990-13-01', '2023-02-29', '1899-12-31', '2026-03-16']) {
      expect(codesOf(validateResidentId(bornOn(date), { today })), date).toEqual(['id.birth_date']);
    }
    for (const date of ['2024-02-29', '1900-01-01', today]) {
      expect(validateResidentId(bornOn(date), { today }).ok, date).toBe(true);
    }
    expect(codesOf(validateResidentId('440524188001010014', { today }))).toEqual(['id.birth_date']);
  });

  it('measures "future" against today in China Standard Time by default', () => {
    const tomorrow = chinaDateOf(new Date(Date.now() + 86_400_000)).replaceAll('-', '');
    expect(codesOf(validateResidentId(withCheck(`230102${tomorrow}123`)))).toEqual(['id.birth_date']);
  });

  it('refuses a wrong check digit', () => {
    expect(codesOf(validateResidentId('230102199001011231', { today }))).toEqual(['id.check_digit']);
  });

  it('reports every problem at once', () => {
    expect(codesOf(validateResidentId('230199199002301231', { today }))).toEqual([
      'id.region',
      'id.birth_date',
      'id.check_digit',
    ]);
    expect(codesOf(validateResidentId('2301A9199002301231', { today }))).toEqual([
      'id.characters',
      'id.birth_date',
    ]);
  });
});

describe('15-digit resident ID numbers', () => {
  it('upgrade to 18 digits with the century and a check digit', () => {
    expect(upgradeResidentId('230102900101123')).toBe('230102199001011230');
    expect(() => upgradeResidentId('23010290010112')).toThrow(RangeError);
  });

  it('validate through the upgrade', () => {
    const result = validateResidentId('230102900101124', { today });
    expect(result).toMatchObject({
      ok: true,
      value: '230102199001011249',
      birthDate: '1990-01-01',
      sex: 'female',
    });
    expect(codesOf(validateResidentId('230199900230123', { today }))).toEqual(['id.region', 'id.birth_date']);
    expect(codesOf(validateResidentId('23010290010112X', { today }))).toEqual(['id.characters']);
  });
});

describe('masking resident ID numbers', () => {
  it('hides the birth date', () => {
    expect(maskResidentId('230102199001011234')).toBe('230102********1234');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId('230102900101123')).toBe('230102******123');
  });

  it('hides everything that is not shaped like an ID number', () => {
    expect(maskResidentId('2301021990')).toBe('**********');
  });
});

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const counties = HEILONGJIANG_DIVISIONS.filter((division) => division.level === 'county').map((d) => d.code);

const validResidentId = fc
  .record({
    region: fc.constantFrom(...counties),
    day: fc.integer({ min: 0, max: (Date.parse(`${today}T00:00:00Z`) - FIRST_DAY) / DAY_MS }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, sequence }) => {
    const birth = new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
    return withCheck(`${region}${birth}${String(sequence).padStart(3, '0')}`);
  });

describe('resident ID number properties', () => {
  it('accepts every well-built number', () => {
    fc.assert(fc.property(validResidentId, (id) => validateResidentId(id, { today }).ok));
  });

  it('refuses every single-character substitution', () => {
    fc.assert(
      fc.property(validResidentId, (id) => {
        for (let i = 0; i < id.length; i++) {
          const allowed = i === 17 ? '0123456789X' : '0123456789';
          for (const replacement of allowed.replace(id.charAt(i), '')) {
            const altered = id.slice(0, i) + replacement + id.slice(i + 1);
            expect(validateResidentId(altered, { today }).ok, altered).toBe(false);
          }
        }
      }),
    );
  });
});
