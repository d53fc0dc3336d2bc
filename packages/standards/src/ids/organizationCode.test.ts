import { describe, expect, it } from 'vitest';
import {
  type OrganizationCodeValidation,
  organizationCodeCheckChar,
  validateOrganizationCode,
} from './organizationCode.ts';

const codesOf = (result: OrganizationCodeValidation) =>
  result.ok ? [] : result.reasons.map((reason) => reason.code);

// GB 11714's mod-11 check misses some substitutions (weight × difference ≡ 0 mod 11 when letters differ
// by 11), so this code is covered by examples rather than a substitution property.
describe('organisation code (GB 11714-1997)', () => {
  it('accepts the example with or without the hyphen, in any case', () => {
    for (const written of ['M000100Y-4', 'M000100Y4', ' m000100y-4 ']) {
      expect(validateOrganizationCode(written), written).toEqual({ ok: true, value: 'M000100Y4' });
    }
  });

  it('maps a check of 10 to X and 11 to 0', () => {
    expect(organizationCodeCheckChar('00000001')).toBe('9');
    expect(organizationCodeCheckChar('00000005')).toBe('1');
    expect(organizationCodeCheckChar('00000006')).toBe('X');
    expect(organizationCodeCheckChar('00000000')).toBe('0');
    expect(validateOrganizationCode('00000006-x').ok).toBe(true);
    expect(validateOrganizationCode('00000000-0').ok).toBe(true);
  });

  it('refuses a wrong length', () => {
    expect(codesOf(validateOrganizationCode('M000100-4'))).toEqual(['org.length']);
    expect(codesOf(validateOrganizationCode('M000100Y44'))).toEqual(['org.length']);
    expect(codesOf(validateOrganizationCode('M000100Y-44'))).toEqual(['org.length', 'org.characters']);
    expect(codesOf(validateOrganizationCode('M0001-00Y4'))).toEqual(['org.length', 'org.characters']);
  });

  it('refuses characters outside digits and letters, and a check other than a digit or X', () => {
    expect(codesOf(validateOrganizationCode('M00010_Y-4'))).toEqual(['org.characters']);
    expect(codesOf(validateOrganizationCode('M000100Y-A'))).toEqual(['org.characters']);
  });

  it('refuses a wrong check character', () => {
    expect(codesOf(validateOrganizationCode('M000100Y-5'))).toEqual(['org.check_digit']);
    expect(codesOf(validateOrganizationCode('M000100Z-4'))).toEqual(['org.check_digit']);
  });

  it('gives reasons in Chinese and English', () => {
    const result = validateOrganizationCode('M000100Y-5');
    expect(result.ok ? undefined : result.reasons[0]).toMatchObject({ zh: expect.stringMatching(/校验码/) });
    expect(result.ok ? undefined : result.reasons[0]?.en).toMatch(/check character/);
  });
});
