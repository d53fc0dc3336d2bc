import { describe, expect, it } from 'vitest';
import { DataKeyError } from './errors.ts';
import { deriveKeys, Keyring } from './keyring.ts';

const master = (id: string, fill: number) => ({ id, key: Buffer.alloc(32, fill) });

describe('data key derivation', () => {
  it('gives every purpose and algorithm its own subkey, none equal to the master key', () => {
    const keys = deriveKeys(master('a', 1));
    const subkeys = [...Object.values(keys.encryption), ...Object.values(keys.lookup)];
    const distinct = new Set(subkeys.map((key) => key.toString('hex')));
    expect(distinct.size).toBe(subkeys.length);
    expect(distinct.has(master('a', 1).key.toString('hex'))).toBe(false);
    expect(keys.encryption['SM4-GCM'].length).toBe(16);
    expect(keys.encryption['AES-256-GCM'].length).toBe(32);
  });

  it('is deterministic, so every node derives the same subkeys', () => {
    expect(deriveKeys(master('a', 1))).toEqual(deriveKeys(master('a', 1)));
  });

  it('depends on the key bytes, not on the id', () => {
    expect(deriveKeys(master('a', 1)).encryption).toEqual(deriveKeys(master('b', 1)).encryption);
    expect(deriveKeys(master('a', 1)).encryption).not.toEqual(deriveKeys(master('a', 2)).encryption);
  });
});

describe('the keyring', () => {
  it('finds the current and previous keys by id, current first', () => {
    const ring = new Keyring(master('new', 2), [master('old', 1)]);
    expect(ring.all().map((keys) => keys.id)).toEqual(['new', 'old']);
    expect(ring.find('old')?.id).toBe('old');
    expect(ring.find('other')).toBeUndefined();
  });

  it('refuses unusable key settings with an operator error', () => {
    expect(() => new Keyring({ id: 'a', key: Buffer.alloc(16) })).toThrow(DataKeyError);
    expect(() => new Keyring(master('', 1))).toThrow(DataKeyError);
    expect(() => new Keyring(master('k'.repeat(256), 1))).toThrow(DataKeyError);
    expect(() => new Keyring(master('a', 1), [master('a', 2)])).toThrow(DataKeyError);
    expect(() => new Keyring(master('\ud800', 1))).toThrow(TypeError);
  });
});
