import { describe, expect, it } from 'vitest';
import { fromPem, normalizeSerialHex, serialHexOf, toPem, x509Time } from './der.ts';

describe('DER helpers', () => {
  it('keeps serials positive and minimal', () => {
    expect(serialHexOf(Buffer.from('80', 'hex'))).toBe('0080');
    expect(serialHexOf(Buffer.from('00007f01', 'hex'))).toBe('7f01');
    expect(normalizeSerialHex('00:AB:CD')).toBe('00abcd');
    expect(normalizeSerialHex('1')).toBe('01');
    expect(() => normalizeSerialHex('xyz')).toThrow(RangeError);
  });

  it('switches from UTCTime to GeneralizedTime in 2050 and drops milliseconds', () => {
    const utc = x509Time(new Date('2049-12-31T23:59:59.999Z'));
    expect(utc.type).toBe(0);
    expect(utc.value.toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(Buffer.from(utc.toSchema().toBER()).toString('latin1')).toContain('491231235959Z');
    const generalized = x509Time(new Date('2050-01-01T00:00:00.250Z'));
    expect(generalized.type).toBe(1);
    expect(Buffer.from(generalized.toSchema().toBER()).toString('latin1')).toContain('20500101000000Z');
  });

  it('round-trips PEM and rejects text without a PEM block', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    const pem = toPem(bytes, 'X509 CRL');
    expect(pem.split('\n')[1]).toHaveLength(64);
    expect(fromPem(`junk before\n${pem}`)).toEqual(bytes);
    expect(() => fromPem('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----')).toThrow();
  });
});
