import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEnvelope, envelopeHeader, parseEnvelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';

const sample = {
  algorithm: 'SM4-GCM' as const,
  keyId: '2026-01',
  nonce: Buffer.alloc(12, 7),
  ciphertext: Buffer.from('ciphertext'),
  tag: Buffer.alloc(16, 9),
};

const malformed = expect.objectContaining({ name: 'DecryptionError', code: 'malformed' });

describe('the field envelope', () => {
  it('lays out version, algorithm, key id, nonce, ciphertext and tag in that order', () => {
    const stored = encodeEnvelope(sample);
    expect([...stored.subarray(0, 3)]).toEqual([1, 1, 7]);
    expect(stored.subarray(3, 10).toString()).toBe('2026-01');
    expect(stored.subarray(10, 22).equals(sample.nonce)).toBe(true);
    expect(stored.subarray(22, 32).toString()).toBe('ciphertext');
    expect(stored.subarray(32).equals(sample.tag)).toBe(true);
    expect(encodeEnvelope({ ...sample, algorithm: 'AES-256-GCM' })[1]).toBe(2);
  });

  it('parses back what it encodes, with the header ending before the nonce', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SM4-GCM' as const, 'AES-256-GCM' as const),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        fc.uint8Array({ maxLength: 64 }),
        (algorithm, keyId, ciphertext) => {
          const envelope = { ...sample, algorithm, keyId, ciphertext: Buffer.from(ciphertext) };
          const parsed = parseEnvelope(encodeEnvelope(envelope));
          expect(parsed).toEqual({ ...envelope, header: envelopeHeader(algorithm, keyId) });
        },
      ),
    );
  });

  it('accepts an empty ciphertext, the encryption of an empty string', () => {
    expect(parseEnvelope(encodeEnvelope({ ...sample, ciphertext: Buffer.alloc(0) })).ciphertext.length).toBe(
      0,
    );
  });

  it('refuses unknown versions and algorithms, missing key ids and truncation as malformed', () => {
    const stored = encodeEnvelope(sample);
    const withByte = (at: number, value: number) => Buffer.from(stored).fill(value, at, at + 1);
    expect(() => parseEnvelope(withByte(0, 2))).toThrow(malformed);
    expect(() => parseEnvelope(withByte(1, 0))).toThrow(malformed);
    expect(() => parseEnvelope(withByte(1, 3))).toThrow(malformed);
    expect(() => parseEnvelope(withByte(2, 0))).toThrow(malformed);
    expect(() => parseEnvelope(withByte(2, 255))).toThrow(malformed);
    expect(() => parseEnvelope(Buffer.alloc(0))).toThrow(malformed);
    expect(() => parseEnvelope(stored.subarray(0, 3 + 7 + 12 + 15))).toThrow(malformed);
  });

  it('refuses a key id that is not UTF-8 as malformed', () => {
    const stored = Buffer.from(encodeEnvelope(sample));
    stored[3] = 0xff;
    expect(() => parseEnvelope(stored)).toThrow(DecryptionError);
  });

  it('cannot write key ids that do not fit the length byte', () => {
    expect(() => envelopeHeader('SM4-GCM', '')).toThrow(RangeError);
    expect(() => envelopeHeader('SM4-GCM', 'k'.repeat(256))).toThrow(RangeError);
    expect(() => envelopeHeader('SM4-GCM', '钥'.repeat(86))).toThrow(RangeError);
    expect(envelopeHeader('SM4-GCM', '钥'.repeat(85)).length).toBe(3 + 255);
  });
});
