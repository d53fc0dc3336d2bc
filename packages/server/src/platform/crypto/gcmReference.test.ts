import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecbBlockCipher, referenceGcmSeal } from './gcmReference.ts';
import { GCM_SPEC_CASE_16, RFC8998_SM4_GCM } from './knownAnswers.ts';

const bytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((array) => Buffer.from(array));

/** The oracle must itself be right before it can vouch for sm-crypto-v2's SM4-GCM. */
describe('the reference GCM test oracle', () => {
  it('reproduces GCM specification test case 16 with AES-256', () => {
    const v = GCM_SPEC_CASE_16;
    const sealed = referenceGcmSeal(ecbBlockCipher('aes-256-ecb', v.key), v.nonce, v.plaintext, v.aad);
    expect(sealed.ciphertext.toString('hex')).toBe(v.ciphertext.toString('hex'));
    expect(sealed.tag.toString('hex')).toBe(v.tag.toString('hex'));
  });

  it("reproduces RFC 8998 A.1 with Node's SM4 block function", () => {
    const v = RFC8998_SM4_GCM;
    const sealed = referenceGcmSeal(ecbBlockCipher('sm4-ecb', v.key), v.nonce, v.plaintext, v.aad);
    expect(sealed.ciphertext.toString('hex')).toBe(v.ciphertext.toString('hex'));
    expect(sealed.tag.toString('hex')).toBe(v.tag.toString('hex'));
  });

  it("agrees with OpenSSL's AES-256-GCM on partial blocks and empty inputs", () => {
    fc.assert(
      fc.property(bytes(32, 32), bytes(12, 12), bytes(0, 70), bytes(0, 40), (key, nonce, plaintext, aad) => {
        const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad);
        const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
        const sealed = referenceGcmSeal(ecbBlockCipher('aes-256-ecb', key), nonce, plaintext, aad);
        expect(sealed.ciphertext.equals(ciphertext)).toBe(true);
        expect(sealed.tag.equals(cipher.getAuthTag())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
