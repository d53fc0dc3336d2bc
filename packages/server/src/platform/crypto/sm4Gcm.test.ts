import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { sm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { DecryptionError } from './errors.ts';
import { ecbBlockCipher, referenceGcmSeal } from './gcmReference.ts';
import { RFC8998_SM4_GCM, SM4_BLOCK } from './knownAnswers.ts';
import { sm4Gcm } from './sm4Gcm.ts';

const bytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((array) => Buffer.from(array));

describe('the SM4 block cipher', () => {
  it("matches GB/T 32907 example 1 in Node's OpenSSL", () => {
    const cipher = createCipheriv('sm4-ecb', SM4_BLOCK.key, null).setAutoPadding(false);
    const block = Buffer.concat([cipher.update(SM4_BLOCK.plaintext), cipher.final()]);
    expect(block.toString('hex')).toBe(SM4_BLOCK.ciphertext.toString('hex'));
  });

  it('matches GB/T 32907 example 1 in sm-crypto-v2, whose block function SM4-GCM uses', () => {
    const block = sm4.encrypt(SM4_BLOCK.plaintext, SM4_BLOCK.key, { padding: 'none', output: 'array' });
    expect(Buffer.from(block).toString('hex')).toBe(SM4_BLOCK.ciphertext.toString('hex'));
  });
});

describe('SM4-GCM', () => {
  const v = RFC8998_SM4_GCM;

  it('seals the RFC 8998 A.1 vector', () => {
    const sealed = sm4Gcm.seal(v.key, v.nonce, v.plaintext, v.aad);
    expect(sealed.ciphertext.toString('hex')).toBe(v.ciphertext.toString('hex'));
    expect(sealed.tag.toString('hex')).toBe(v.tag.toString('hex'));
  });

  it('opens the RFC 8998 A.1 vector', () => {
    const opened = sm4Gcm.open(v.key, v.nonce, v.ciphertext, v.tag, v.aad);
    expect(opened.toString('hex')).toBe(v.plaintext.toString('hex'));
  });

  it("encrypts with the keystream of Node's sm4-ctr from counter nonce || 2", () => {
    fc.assert(
      fc.property(bytes(16, 16), bytes(12, 12), bytes(0, 100), bytes(0, 40), (key, nonce, plaintext, aad) => {
        const counter = Buffer.concat([nonce, Buffer.from([0, 0, 0, 2])]);
        const ctr = createCipheriv('sm4-ctr', key, counter);
        const expected = Buffer.concat([ctr.update(plaintext), ctr.final()]);
        expect(sm4Gcm.seal(key, nonce, plaintext, aad).ciphertext.equals(expected)).toBe(true);
      }),
    );
  });

  it('agrees with the independent SP 800-38D reference on every length of input', () => {
    fc.assert(
      fc.property(bytes(16, 16), bytes(12, 12), bytes(0, 70), bytes(0, 40), (key, nonce, plaintext, aad) => {
        const expected = referenceGcmSeal(ecbBlockCipher('sm4-ecb', key), nonce, plaintext, aad);
        const sealed = sm4Gcm.seal(key, nonce, plaintext, aad);
        expect(sealed.ciphertext.equals(expected.ciphertext)).toBe(true);
        expect(sealed.tag.equals(expected.tag)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(bytes(16, 16), bytes(12, 12), bytes(0, 300), bytes(0, 60), (key, nonce, plaintext, aad) => {
        const { ciphertext, tag } = sm4Gcm.seal(key, nonce, plaintext, aad);
        expect(sm4Gcm.open(key, nonce, ciphertext, tag, aad).equals(plaintext)).toBe(true);
      }),
    );
  });

  it('refuses any single changed bit of ciphertext, tag, nonce or AAD', () => {
    const parts = ['ciphertext', 'tag', 'nonce', 'aad'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...parts), fc.nat(), fc.integer({ min: 0, max: 7 }), (part, at, bit) => {
        const inputs = { ...v, ciphertext: Buffer.from(v.ciphertext), tag: Buffer.from(v.tag) };
        const changed = { ...inputs, [part]: Buffer.from(inputs[part]) };
        const target = changed[part];
        target[at % target.length] = (target[at % target.length] ?? 0) ^ (1 << bit);
        expect(() =>
          sm4Gcm.open(changed.key, changed.nonce, changed.ciphertext, changed.tag, changed.aad),
        ).toThrow(DecryptionError);
      }),
    );
  });

  it('refuses keys, nonces and tags of the wrong length instead of skipping verification', () => {
    expect(() => sm4Gcm.seal(Buffer.alloc(32), v.nonce, v.plaintext, v.aad)).toThrow(RangeError);
    expect(() => sm4Gcm.seal(v.key, Buffer.alloc(16), v.plaintext, v.aad)).toThrow(RangeError);
    expect(() => sm4Gcm.open(v.key, v.nonce, v.ciphertext, Buffer.alloc(0), v.aad)).toThrow(RangeError);
    expect(() => sm4Gcm.open(v.key, v.nonce, v.ciphertext, v.tag.subarray(0, 12), v.aad)).toThrow(RangeError);
  });

  it('reports a bad tag as tampering', () => {
    const wrongTag = Buffer.alloc(16);
    expect(() => sm4Gcm.open(v.key, v.nonce, v.ciphertext, wrongTag, v.aad)).toThrow(
      expect.objectContaining({ code: 'tampered' }),
    );
  });
});
