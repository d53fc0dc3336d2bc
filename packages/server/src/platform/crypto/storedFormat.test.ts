import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aes256Gcm } from './aesGcm.ts';
import { FieldCipher } from './fieldCipher.ts';
import { sm4Gcm } from './sm4Gcm.ts';

/**
 * Rows written today must open after any refactoring. These envelopes and hashes were produced by
 * this module (they pin its format, they do not prove it correct; the known-answer tests do that),
 * and each is also re-derived here from the documented recipe with Node primitives.
 */
const master = { id: 'golden', key: Buffer.alloc(32, 0x5a) };
const CONTEXT = 'app_user.id_number';
const PLAINTEXT = '张三 11010519491231002X';

const GOLDEN = {
  'SM4-GCM': {
    envelope:
      '010106676f6c64656e7a6584228746fc5598785f20cf4784e78e28597321e86c05801276877daf2348ba23434f856410c3a6c4ef29a89aa9d08453ad08da',
    lookupHash: '307a80e6154a190c2a260f670aed12ec4aa2622e512c955f0905266b3284dc7f',
  },
  'AES-256-GCM': {
    envelope:
      '010206676f6c64656ef4c79f7aac514a6f64bb8b563581bd075ffd6f45e47a30ece7e65bf7f56b258cef79dadb16393cfac2c1e48be08502a55658f5623f',
    lookupHash: '3dcc4823eeeeb1b7b9ad053ff82601c0a38968a6dcab51bd739a64f03d1a86e2',
  },
} as const;

const subkey = (label: string, length: number) =>
  Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), `yiwang/${label}/v1`, length));

describe.each([
  ['SM4-GCM', sm4Gcm],
  ['AES-256-GCM', aes256Gcm],
] as const)('the stored format under %s', (algorithm, aead) => {
  const golden = GOLDEN[algorithm];
  const cipher = new FieldCipher({ current: master, algorithm });

  it('still opens an envelope written by the first release', () => {
    expect(cipher.decrypt(Buffer.from(golden.envelope, 'hex'), CONTEXT)).toBe(PLAINTEXT);
  });

  it('is header | nonce | ciphertext | tag, sealed with the HKDF subkey and AAD = header | context', () => {
    const stored = Buffer.from(golden.envelope, 'hex');
    const header = stored.subarray(0, 3 + 'golden'.length);
    const nonce = stored.subarray(header.length, header.length + 12);
    const ciphertext = stored.subarray(header.length + 12, stored.length - 16);
    const key = subkey(`field-encryption/${algorithm}`, aead.keyBytes);
    const aad = Buffer.concat([header, Buffer.from(CONTEXT)]);
    const opened = aead.open(key, nonce, ciphertext, stored.subarray(stored.length - 16), aad);
    expect(opened.toString('utf8')).toBe(PLAINTEXT);
  });

  it('keeps the lookup hash: HMAC under the HKDF subkey over context length | context | value', () => {
    const hmac = algorithm === 'SM4-GCM' ? 'HMAC-SM3' : 'HMAC-SHA256';
    const digest = algorithm === 'SM4-GCM' ? 'sm3' : 'sha256';
    const length = Buffer.alloc(4);
    length.writeUInt32BE(Buffer.byteLength(CONTEXT));
    const expected = createHmac(digest, subkey(`lookup-hash/${hmac}`, 32))
      .update(Buffer.concat([length, Buffer.from(CONTEXT), Buffer.from('11010519491231002X')]))
      .digest('hex');
    expect(expected).toBe(golden.lookupHash);
    expect(cipher.lookupHash('11010519491231002x', CONTEXT).toString('hex')).toBe(golden.lookupHash);
  });
});
