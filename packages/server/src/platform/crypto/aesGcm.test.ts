import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aes256Gcm } from './aesGcm.ts';
import { DecryptionError } from './errors.ts';
import { GCM_SPEC_CASE_16 } from './knownAnswers.ts';

const bytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((array) => Buffer.from(array));

describe('AES-256-GCM', () => {
  const v = GCM_SPEC_CASE_16;

  it('seals and opens GCM specification test case 16', () => {
    const sealed = aes256Gcm.seal(v.key, v.nonce, v.plaintext, v.aad);
    expect(sealed.ciphertext.toString('hex')).toBe(v.ciphertext.toString('hex'));
    expect(sealed.tag.toString('hex')).toBe(v.tag.toString('hex'));
    expect(aes256Gcm.open(v.key, v.nonce, v.ciphertext, v.tag, v.aad).equals(v.plaintext)).toBe(true);
  });

  it('round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(bytes(32, 32), bytes(12, 12), bytes(0, 300), bytes(0, 60), (key, nonce, plaintext, aad) => {
        const { ciphertext, tag } = aes256Gcm.seal(key, nonce, plaintext, aad);
        expect(aes256Gcm.open(key, nonce, ciphertext, tag, aad).equals(plaintext)).toBe(true);
      }),
    );
  });

  it('refuses a changed tag or AAD as tampering', () => {
    const tag = Buffer.from(v.tag);
    tag[0] = (tag[0] ?? 0) ^ 1;
    expect(() => aes256Gcm.open(v.key, v.nonce, v.ciphertext, tag, v.aad)).toThrow(DecryptionError);
    const aad = Buffer.concat([v.aad, Buffer.from([0])]);
    expect(() => aes256Gcm.open(v.key, v.nonce, v.ciphertext, v.tag, aad)).toThrow(DecryptionError);
  });

  it('refuses a truncated tag rather than checking fewer bits', () => {
    expect(() => aes256Gcm.open(v.key, v.nonce, v.ciphertext, v.tag.subarray(0, 4), v.aad)).toThrow(
      RangeError,
    );
  });

  it('refuses a 128-bit key', () => {
    expect(() => aes256Gcm.seal(Buffer.alloc(16), v.nonce, v.plaintext, v.aad)).toThrow(RangeError);
  });
});
