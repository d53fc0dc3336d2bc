import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEILONGJIANG_DIVISIONS } from '../divisions/index.ts';
import {
  CREDIT_CODE_ALPHABET,
  type CreditCodeValidation,
  creditCodeCheckChar,
  validateCreditCode,
} from './creditCode.ts';
import { findOrganisationType, ORGANISATION_TYPES } from './creditCodeTypes.ts';
import { organizationCodeCheckChar } from './organizationCode.ts';

const codesOf = (result: CreditCodeValidation) =>
  result.ok ? [] : result.reasons.map((reason) => reason.code);
const withCheck = (body: string) => body + creditCodeCheckChar(body);

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the published example and reads it', () => {
    const result = validateCreditCode('91350100M000100Y43');
    expect(result).toMatchObject({ ok: true, value: '91350100M000100Y43', region: '350100' });
    expect(result.ok && result.organizationCode).toBe('M000100Y4');
    expect(result.ok && [result.type.zh, result.type.en, result.type.department.zh]).toEqual([
      '企业',
      'Enterprise',
      '工商',
    ]);
  });

  it('accepts lower case and surrounding spaces, normalising to upper case', () => {
    const result = validateCreditCode(' 91350100m000100y43 ');
    expect(result.ok && result.value).toBe('91350100M000100Y43');
  });

  it('refuses a wrong length, and names bad characters too', () => {
    expect(codesOf(validateCreditCode('91350100M000100Y4'))).toEqual(['uscc.length']);
    expect(codesOf(validateCreditCode('91350100M000100Y433'))).toEqual(['uscc.length']);
    expect(codesOf(validateCreditCode('91350100-M000100Y43'))).toEqual(['uscc.length', 'uscc.characters']);
  });

  it('refuses I, O, S, V, Z and anything outside the alphabet', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z', '-']) {
      expect(codesOf(validateCreditCode(`91350100M000100${letter}43`)), letter).toEqual(['uscc.characters']);
    }
  });

  it('refuses an unknown department and type', () => {
    expect(codesOf(validateCreditCode(withCheck('94350100M000100Y4')))).toEqual(['uscc.type']);
    expect(codesOf(validateCreditCode(withCheck('B1350100M000100Y4')))).toEqual(['uscc.type']);
  });

  it('accepts every known department and type', () => {
    for (const { code } of ORGANISATION_TYPES) {
      expect(validateCreditCode(withCheck(`${code}350100M000100Y4`)).ok, code).toBe(true);
    }
  });

  it('refuses a region that is not a division', () => {
    expect(codesOf(validateCreditCode(withCheck('91160100M000100Y4')))).toEqual(['uscc.region']);
    expect(codesOf(validateCreditCode(withCheck('912301A0M000100Y4')))).toEqual(['uscc.region']);
    expect(codesOf(validateCreditCode(withCheck('91230671M000100Y4')))).toEqual(['uscc.region']);
  });

  it('accepts retired Heilongjiang regions and the national level', () => {
    expect(validateCreditCode(withCheck('92230833M000100Y4')).ok).toBe(true);
    expect(validateCreditCode(withCheck('11100000M000100Y4')).ok).toBe(true);
  });

  it('refuses an organisation code whose own check fails', () => {
    expect(codesOf(validateCreditCode(withCheck('91350100M000100Y5')))).toEqual(['uscc.org_code']);
  });

  it('refuses a wrong check character', () => {
    expect(codesOf(validateCreditCode('91350100M000100Y44'))).toEqual(['uscc.check_digit']);
  });

  it('reports every problem at once', () => {
    expect(codesOf(validateCreditCode('94160100M000100Y50'))).toEqual([
      'uscc.type',
      'uscc.region',
      'uscc.org_code',
      'uscc.check_digit',
    ]);
  });

  it('names the main organisation types in Chinese and English', () => {
    const names = ['11', '12', '51', '52', '53', '91', '92', '93'].map(
      (code) => findOrganisationType(code)?.zh,
    );
    expect(names).toEqual([
      '机关',
      '事业单位',
      '社会团体',
      '民办非企业单位',
      '基金会',
      '企业',
      '个体工商户',
      '农民专业合作社',
    ]);
    for (const type of ORGANISATION_TYPES) {
      expect(type.code.charAt(0)).toBe(type.department.code);
      expect(type.en).not.toBe('');
    }
  });
});

const regions = HEILONGJIANG_DIVISIONS.map((division) => division.code);
const organizationCode = fc
  .string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 8, maxLength: 8 })
  .map((body) => body + organizationCodeCheckChar(body));

const validCreditCode = fc
  .tuple(
    fc.constantFrom(...ORGANISATION_TYPES.map((type) => type.code)),
    fc.constantFrom(...regions),
    organizationCode,
  )
  .map((parts) => withCheck(parts.join('')));

describe('credit code properties', () => {
  it('accepts every well-built code', () => {
    fc.assert(fc.property(validCreditCode, (code) => validateCreditCode(code).ok));
  });

  it('refuses every single-character substitution', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        for (let i = 0; i < code.length; i++) {
          for (const replacement of CREDIT_CODE_ALPHABET.replace(code.charAt(i), '')) {
            const altered = code.slice(0, i) + replacement + code.slice(i + 1);
            expect(validateCreditCode(altered).ok, altered).toBe(false);
          }
        }
      }),
    );
  });
});
