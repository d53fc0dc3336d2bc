import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFromBase64, hashFromHex, hashToBase64, hashToHex } from './encoding.ts';
import { emptyRoot, eventLeafData, eventLeafHash, leafHash, nodeHash, sameHash } from './hash.ts';

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('RFC 6962 hashing', () => {
  it('hashes a leaf with the 0x00 prefix and a node with the 0x01 prefix', () => {
    const first = leafHash(new Uint8Array());
    const second = leafHash(Uint8Array.of(0x00));
    expect(hexOf(first)).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hexOf(nodeHash(first, second))).toBe(
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    );
  });

  it('keeps leaves and nodes apart: a leaf over left ‖ right is not their node', () => {
    const [left, right] = [leafHash(Uint8Array.of(1)), leafHash(Uint8Array.of(2))];
    expect(sameHash(leafHash(Buffer.concat([left, right])), nodeHash(left, right))).toBe(false);
  });

  it('gives the empty tree the hash of the empty string, as a fresh copy each time', () => {
    const root = emptyRoot();
    expect(hexOf(root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    root.fill(0);
    expect(hexOf(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('audit event leaves', () => {
  it('are the RFC 8785 canonical JSON of the event, in UTF-8', () => {
    const event = { b: 1, a: [1, 'x', { z: null, y: true }], c: '€', n: 1e21, m: 0.000001 };
    expect(eventLeafData(event).toString('utf8')).toBe(
      '{"a":[1,"x",{"y":true,"z":null}],"b":1,"c":"€","m":0.000001,"n":1e+21}',
    );
    expect(eventLeafData({ c: '€' })).toEqual(Buffer.from('7b2263223a22e282ac227d', 'hex'));
  });

  it('do not depend on the order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (event) => {
        const reversed = Object.fromEntries(Object.entries(event).reverse());
        expect(eventLeafData(reversed)).toEqual(eventLeafData(event));
        expect(eventLeafHash(reversed)).toEqual(leafHash(eventLeafData(event)));
      }),
    );
  });

  it('refuse values JSON cannot carry', () => {
    expect(() => eventLeafData({ amount: Number.NaN })).toThrow();
    expect(() => eventLeafData({ amount: 1n })).toThrow();
    expect(() => eventLeafData(() => 0)).toThrow(TypeError);
  });
});

describe('hash text encodings', () => {
  const hashArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

  it('round-trip through hex and base64', () => {
    fc.assert(
      fc.property(hashArb, (hash) => {
        expect(hashFromHex(hashToHex(hash))).toEqual(Buffer.from(hash));
        expect(hashFromHex(hashToHex(hash).toUpperCase())).toEqual(Buffer.from(hash));
        expect(hashFromBase64(hashToBase64(hash))).toEqual(Buffer.from(hash));
      }),
    );
  });

  it('encode only the viewed bytes of a subarray', () => {
    const hash = new Uint8Array(40).fill(7).subarray(4, 36);
    expect(hashToHex(hash)).toBe('07'.repeat(32));
  });

  it('refuse text that is not exactly one hash', () => {
    expect(() => hashFromHex('ab'.repeat(31))).toThrow(TypeError);
    expect(() => hashFromHex(`${'ab'.repeat(31)}zz`)).toThrow(TypeError);
    expect(() => hashFromHex(` ${'ab'.repeat(32)}`)).toThrow(TypeError);
    const zeros = hashToBase64(new Uint8Array(32));
    expect(zeros).toBe(`${'A'.repeat(43)}=`);
    expect(() => hashFromBase64(`${'A'.repeat(42)}B=`)).toThrow(TypeError); // non-zero padding bits
    expect(() => hashFromBase64('A'.repeat(43))).toThrow(TypeError); // missing padding
    expect(() => hashFromBase64(`${'_'.repeat(43)}=`)).toThrow(TypeError); // URL-safe alphabet
  });
});
