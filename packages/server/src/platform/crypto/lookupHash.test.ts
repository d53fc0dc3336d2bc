import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AeadAlgorithm } from './aead.ts';
import { FieldCipher } from './fieldCipher.ts';
import { normaliseForLookup } from './lookupHash.ts';

const keyA = { id: 'a', key: randomBytes(32) };
const keyB = { id: 'b', key: randomBytes(32) };
const ID_NUMBER = 'app_user.id_number';
const algorithms: AeadAlgorithm[] = ['SM4-GCM', 'AES-256-GCM'];

const idNumbers = fc
  .tuple(fc.stringMatching(/^[1-9]\d{16}$/), fc.constantFrom(...'0123456789X'))
  .map(([body, check]) => body + check);
const mobileNumbers = fc.stringMatching(/^1[3-9]\d{9}$/);

describe("Node's SM3", () => {
  it('is the GB/T 32905 hash (example 1: "abc")', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
});

describe('normalising a value for lookup', () => {
  it('folds full-width digits, spaces and a lower-case check digit', () => {
    expect(normaliseForLookup(' １１０１０５ 1949 1231 002ｘ ')).toBe('11010519491231002X');
    expect(normaliseForLookup('138 0013\u30008000')).toBe('13800138000');
  });
});

describe.each(algorithms)('lookupHash with %s', (algorithm) => {
  const cipher = new FieldCipher({ current: keyA, algorithm });

  it('is deterministic, so a unique index finds the one account per ID number', () => {
    fc.assert(
      fc.property(idNumbers, (id) => {
        expect(cipher.lookupHash(id, ID_NUMBER).equals(cipher.lookupHash(id, ID_NUMBER))).toBe(true);
        expect(cipher.lookupHash(id, ID_NUMBER).length).toBe(32);
      }),
    );
  });

  it('hashes spellings of the same value alike', () => {
    const typed = cipher.lookupHash('１１０１０５１９４９１２３１００２ｘ', ID_NUMBER);
    expect(typed.equals(cipher.lookupHash('11010519491231002X', ID_NUMBER))).toBe(true);
  });

  it('differs across contexts and across keys', () => {
    fc.assert(
      fc.property(mobileNumbers, (mobile) => {
        const hash = cipher.lookupHash(mobile, 'app_user.mobile');
        const otherKey = new FieldCipher({ current: keyB, algorithm });
        expect(hash.equals(cipher.lookupHash(mobile, 'staff.mobile'))).toBe(false);
        expect(hash.equals(otherKey.lookupHash(mobile, 'app_user.mobile'))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('never equals or contains the plaintext, in bytes or in hex', () => {
    fc.assert(
      fc.property(fc.oneof(idNumbers, mobileNumbers), (value) => {
        const hash = cipher.lookupHash(value, ID_NUMBER);
        expect(hash.includes(Buffer.from(value))).toBe(false);
        expect(hash.toString('hex').toUpperCase().includes(value)).toBe(false);
      }),
    );
  });

  it('refuses an empty context and text that cannot round-trip', () => {
    expect(() => cipher.lookupHash('13800138000', '')).toThrow(TypeError);
    expect(() => cipher.lookupHash('\udc00', ID_NUMBER)).toThrow(TypeError);
  });
});

describe('lookup hashes during rotation', () => {
  it('use HMAC-SM3 for SM4-GCM and HMAC-SHA256 for AES-256-GCM, so the two differ', () => {
    const sm = new FieldCipher({ current: keyA, algorithm: 'SM4-GCM' });
    const aes = new FieldCipher({ current: keyA, algorithm: 'AES-256-GCM' });
    expect(sm.lookupHash('张三', ID_NUMBER).equals(aes.lookupHash('张三', ID_NUMBER))).toBe(false);
  });

  it('list the current key first, then each previous key, so rows hashed under A are still found', () => {
    const storedUnderA = new FieldCipher({ current: keyA }).lookupHash('11010519491231002X', ID_NUMBER);
    const rotating = new FieldCipher({ current: keyB, previous: [keyA] });
    const hashes = rotating.lookupHashes('11010519491231002X', ID_NUMBER);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]?.equals(rotating.lookupHash('11010519491231002X', ID_NUMBER))).toBe(true);
    expect(hashes[1]?.equals(storedUnderA)).toBe(true);
    expect(rotating.lookupHash('11010519491231002X', ID_NUMBER).equals(storedUnderA)).toBe(false);
  });
});
