import type * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { parseExact } from './der.ts';
import { encodeName, formatName, nameOf, toRdn } from './names.ts';
import { SEAL_SUBJECT } from './testFixtures.ts';

describe('distinguished names', () => {
  it('round-trips a Chinese name through DER', () => {
    expect(nameOf(toRdn(SEAL_SUBJECT))).toEqual(SEAL_SUBJECT);
  });

  it('writes one attribute per RDN, UTF8String for text and PrintableString for C and serialNumber', () => {
    const name = parseExact(encodeName(SEAL_SUBJECT), 'Name') as asn1js.Sequence;
    const rdns = name.valueBlock.value as asn1js.Set[];
    expect(rdns).toHaveLength(6);
    const attributeValue = (rdn: asn1js.Set) => {
      expect(rdn.valueBlock.value).toHaveLength(1);
      return (rdn.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[1];
    };
    const types = rdns.map((rdn) => attributeValue(rdn)?.constructor.name);
    // C, ST, L, O, CN, serialNumber
    expect(types).toEqual([
      'PrintableString',
      'Utf8String',
      'Utf8String',
      'Utf8String',
      'Utf8String',
      'PrintableString',
    ]);
    expect(encodeName(SEAL_SUBJECT).includes(Buffer.from('哈尔滨市市场监督管理局', 'utf8'))).toBe(true);
  });

  it('falls back to UTF8String for a serialNumber PrintableString cannot hold', () => {
    const dn = { commonName: 'x', serialNumber: '编号_1' };
    expect(nameOf(toRdn(dn))).toEqual(dn);
  });

  it('refuses a name without commonName', () => {
    expect(() => encodeName({ commonName: '' })).toThrow(RangeError);
  });

  it('formats RFC 4514 style, last RDN first, escaping specials', () => {
    expect(formatName({ country: 'CN', organization: '哈尔滨市, 道里区', commonName: '#张三 ' })).toBe(
      'CN=\\#张三\\ ,O=哈尔滨市\\, 道里区,C=CN',
    );
  });
});
