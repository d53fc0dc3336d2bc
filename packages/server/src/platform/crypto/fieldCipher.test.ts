import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AeadAlgorithm } from './aead.ts';
import { parseEnvelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';
import { FieldCipher } from './fieldCipher.ts';

const keyA = { id: '2025-a', key: randomBytes(32) };
const keyB = { id: '2026-b', key: randomBytes(32) };
const ID_NUMBER = 'app_user.id_number';
const algorithms: AeadAlgorithm[] = ['SM4-GCM', 'AES-256-GCM'];

const failure = (code: string) => expect.objectContaining({ name: 'DecryptionError', code });

describe.each(algorithms)('FieldCipher with %s', (algorithm) => {
  const cipher = new FieldCipher({ current: keyA, algorithm });

  it.each([
    ['a Chinese name', '张三'],
    ['a CJK Extension B character outside the BMP', '𠀀'],
    ['an ID number with its check digit', '11010519491231002X'],
    ['mixed scripts and emoji', '王𠮷 (Wáng) ☎ 13800138000 👩‍👩‍👧'],
    ['the empty string', ''],
  ])('round-trips %s', (_, text) => {
    expect(cipher.decrypt(cipher.encrypt(text, ID_NUMBER), ID_NUMBER)).toBe(text);
  });

  it('round-trips any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(cipher.decrypt(cipher.encrypt(text, ID_NUMBER), ID_NUMBER)).toBe(text);
      }),
    );
  });

  it('writes a self-describing envelope under the current key and configured algorithm', () => {
    const envelope = parseEnvelope(cipher.encrypt('张三', ID_NUMBER));
    expect(envelope).toMatchObject({ algorithm, keyId: '2025-a' });
    expect(envelope.nonce.length).toBe(12);
    expect(envelope.tag.length).toBe(16);
    expect(envelope.ciphertext.length).toBe(Buffer.byteLength('张三'));
  });

  it('refuses an envelope with any single byte changed', () => {
    const stored = cipher.encrypt('11010519491231002X', ID_NUMBER);
    fc.assert(
      fc.property(fc.nat({ max: stored.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const changed = Buffer.from(stored);
        changed[at] = (changed[at] ?? 0) ^ mask;
        expect(() => cipher.decrypt(changed, ID_NUMBER)).toThrow(DecryptionError);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every position flipped, checked exhaustively', () => {
    const stored = cipher.encrypt('13800138000', 'app_user.mobile');
    for (let at = 0; at < stored.length; at++) {
      const changed = Buffer.from(stored);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      expect(() => cipher.decrypt(changed, 'app_user.mobile')).toThrow(DecryptionError);
    }
  });

  it('refuses a truncated or extended envelope', () => {
    const stored = cipher.encrypt('张三', ID_NUMBER);
    expect(() => cipher.decrypt(stored.subarray(0, stored.length - 1), ID_NUMBER)).toThrow(DecryptionError);
    expect(() => cipher.decrypt(Buffer.concat([stored, Buffer.from([0])]), ID_NUMBER)).toThrow(
      DecryptionError,
    );
  });

  it('refuses a value copied into another column', () => {
    const stored = cipher.encrypt('11010519491231002X', ID_NUMBER);
    expect(() => cipher.decrypt(stored, 'app_user.mobile')).toThrow(failure('tampered'));
    expect(() => cipher.decrypt(stored, `${ID_NUMBER} `)).toThrow(failure('tampered'));
  });

  it('refuses a value sealed under a different key with the same id', () => {
    const impostor = new FieldCipher({ current: { id: keyA.id, key: randomBytes(32) }, algorithm });
    expect(() => cipher.decrypt(impostor.encrypt('张三', ID_NUMBER), ID_NUMBER)).toThrow(failure('tampered'));
  });

  it('never repeats a nonce across 10,000 encryptions', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      nonces.add(parseEnvelope(cipher.encrypt('13800138000', ID_NUMBER)).nonce.toString('hex'));
    }
    expect(nonces.size).toBe(10_000);
  });

  it('refuses text that cannot round-trip and an empty context', () => {
    expect(() => cipher.encrypt('\ud83d', ID_NUMBER)).toThrow(TypeError);
    expect(() => cipher.encrypt('张三', '')).toThrow(TypeError);
  });

  it('reports a non-envelope as malformed', () => {
    expect(() => cipher.decrypt(Buffer.from('11010519491231002X'), ID_NUMBER)).toThrow(failure('malformed'));
    expect(() => cipher.needsRotation(Buffer.alloc(0))).toThrow(failure('malformed'));
  });
});

describe('FieldCipher key rotation', () => {
  const underA = new FieldCipher({ current: keyA });
  const underB = new FieldCipher({ current: keyB, previous: [keyA] });

  it('still opens values sealed under a previous key', () => {
    const stored = underA.encrypt('张三', ID_NUMBER);
    expect(underB.decrypt(stored, ID_NUMBER)).toBe('张三');
  });

  it('flags values under a previous key, and only those, for rotation', () => {
    expect(underB.needsRotation(underA.encrypt('张三', ID_NUMBER))).toBe(true);
    expect(underB.needsRotation(underB.encrypt('张三', ID_NUMBER))).toBe(false);
  });

  it('re-seals under the current key, with a fresh nonce and the same plaintext', () => {
    const stored = underA.encrypt('𠀀', ID_NUMBER);
    const rotated = underB.rotate(stored, ID_NUMBER);
    expect(parseEnvelope(rotated).keyId).toBe(keyB.id);
    expect(parseEnvelope(rotated).nonce.equals(parseEnvelope(stored).nonce)).toBe(false);
    expect(underB.needsRotation(rotated)).toBe(false);
    expect(new FieldCipher({ current: keyB }).decrypt(rotated, ID_NUMBER)).toBe('𠀀');
  });

  it('does not rotate a value that fails to verify', () => {
    const stored = underA.encrypt('张三', ID_NUMBER);
    expect(() => underB.rotate(stored, 'app_user.mobile')).toThrow(failure('tampered'));
  });

  it('reports a value under a retired key that is no longer configured as unknown_key', () => {
    const stored = underA.encrypt('张三', ID_NUMBER);
    expect(() => new FieldCipher({ current: keyB }).decrypt(stored, ID_NUMBER)).toThrow(
      failure('unknown_key'),
    );
  });

  it('opens the other algorithm under the same key and flags it for rotation', () => {
    const aes = new FieldCipher({ current: keyA, algorithm: 'AES-256-GCM' });
    const stored = underA.encrypt('张三', ID_NUMBER);
    expect(aes.decrypt(stored, ID_NUMBER)).toBe('张三');
    expect(aes.needsRotation(stored)).toBe(true);
    expect(parseEnvelope(aes.rotate(stored, ID_NUMBER)).algorithm).toBe('AES-256-GCM');
  });
});
