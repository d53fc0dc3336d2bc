import { describe, expect, it } from 'vitest';
import { type MobileValidation, maskMobile, validateMobile } from './mobile.ts';

const codesOf = (result: MobileValidation) => (result.ok ? [] : result.reasons.map((reason) => reason.code));

describe('mobile numbers', () => {
  it('accepts 11 digits with any 1[3-9] prefix', () => {
    for (const number of ['13012345678', '14512345678', '16612345678', '19912345678']) {
      expect(validateMobile(number), number).toEqual({ ok: true, value: number });
    }
  });

  it('removes the country code, spaces and hyphens', () => {
    for (const written of ['+86 138 1234 5678', '0086-138-1234-5678', '8613812345678', ' 138-1234-5678 ']) {
      expect(validateMobile(written), written).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('refuses the wrong number of digits', () => {
    expect(codesOf(validateMobile('1381234567'))).toEqual(['mobile.length']);
    expect(codesOf(validateMobile('+86 138123456789'))).toEqual(['mobile.length']);
    expect(codesOf(validateMobile(''))).toEqual(['mobile.length']);
  });

  it('refuses anything but digits', () => {
    expect(codesOf(validateMobile('1381234567a'))).toEqual(['mobile.characters']);
    expect(codesOf(validateMobile('(138)12345678'))).toEqual(['mobile.characters', 'mobile.length']);
  });

  it('refuses numbers not starting 13 to 19', () => {
    expect(codesOf(validateMobile('12812345678'))).toEqual(['mobile.prefix']);
    expect(codesOf(validateMobile('04512345678'))).toEqual(['mobile.prefix']);
  });

  it('reports every problem at once', () => {
    expect(codesOf(validateMobile('2812345x'))).toEqual([
      'mobile.characters',
      'mobile.length',
      'mobile.prefix',
    ]);
  });
});

describe('masking mobile numbers', () => {
  it('hides the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('hides anything that is not a mobile number entirely', () => {
    expect(maskMobile('1234567')).toBe('*******');
  });
});
