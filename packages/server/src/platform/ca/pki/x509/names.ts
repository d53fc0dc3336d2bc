import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { der, parseExact } from './der.ts';

/**
 * The distinguished names the platform CA writes: a Chinese organisation, its department and a person or
 * system, and for organisations the unified social credit code (统一社会信用代码) as serialNumber.
 */
export type DistinguishedName = {
  country?: 'CN';
  province?: string;
  locality?: string;
  organization?: string;
  organizationalUnit?: string;
  commonName: string;
  serialNumber?: string;
};

type Field = keyof DistinguishedName;

// In the order the RDNs are written (most general first), with the short names RFC 4514 and openssl use.
const ATTRIBUTES: readonly { field: Field; oid: string; short: string }[] = [
  { field: 'country', oid: '2.5.4.6', short: 'C' },
  { field: 'province', oid: '2.5.4.8', short: 'ST' },
  { field: 'locality', oid: '2.5.4.7', short: 'L' },
  { field: 'organization', oid: '2.5.4.10', short: 'O' },
  { field: 'organizationalUnit', oid: '2.5.4.11', short: 'OU' },
  { field: 'commonName', oid: '2.5.4.3', short: 'CN' },
  { field: 'serialNumber', oid: '2.5.4.5', short: 'serialNumber' },
];

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/**
 * The DER Name: one attribute per RDN. Directory strings are UTF8String (RFC 5280 §4.1.2.6), so Chinese
 * names survive; countryName and serialNumber are PrintableString as X.520 defines them (a credit code is
 * digits and capitals), falling back to UTF8String for a serialNumber PrintableString cannot hold.
 */
export function encodeName(dn: DistinguishedName): Buffer {
  if (!dn.commonName) throw new RangeError('a distinguished name needs a commonName');
  const rdns: asn1js.Set[] = [];
  for (const { field, oid } of ATTRIBUTES) {
    const value = dn[field];
    if (value === undefined || value === '') continue;
    const printable = field === 'country' || (field === 'serialNumber' && PRINTABLE.test(value));
    const typed = printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    const atv = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), typed] });
    rdns.push(new asn1js.Set({ value: [atv] }));
  }
  return der(new asn1js.Sequence({ value: rdns }));
}

/**
 * The name as a pkijs object. Built from our own DER rather than from typesAndValues, because pkijs encodes
 * typesAndValues as ONE multi-valued RDN (all attributes in a single SET), which no one means.
 */
export function toRdn(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  return rdnFromDer(encodeName(dn));
}

/** A pkijs name that re-encodes to exactly these bytes (pkijs keeps them as valueBeforeDecode). */
export function rdnFromDer(name: Uint8Array): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({ schema: parseExact(name, 'Name') });
}

/**
 * The fields of a name that the platform knows; others are ignored (formatRdn shows them). A name without a
 * commonName (possible in certificates from elsewhere) gets ''. A countryName other than CN is dropped, as
 * the type allows only CN; formatRdn still shows it.
 */
export function nameOf(rdn: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const dn: DistinguishedName = { commonName: '' };
  for (const atv of rdn.typesAndValues) {
    const attribute = ATTRIBUTES.find((a) => a.oid === atv.type);
    const value = stringValue(atv);
    if (!attribute || value === undefined || dn[attribute.field]) continue;
    if (attribute.field === 'country') {
      if (value === 'CN') dn.country = 'CN';
    } else {
      dn[attribute.field] = value;
    }
  }
  return dn;
}

/** RFC 4514 one-line form, last RDN first: "serialNumber=…,CN=…,O=哈尔滨市…,C=CN". For display only. */
export function formatName(dn: DistinguishedName): string {
  const parts: string[] = [];
  for (const { field, short } of ATTRIBUTES) {
    const value = dn[field];
    if (value) parts.unshift(`${short}=${escapeValue(value)}`);
  }
  return parts.join(',');
}

/** Like formatName but for any name as it appears in a certificate, including attributes we do not model. */
export function formatRdn(rdn: pkijs.RelativeDistinguishedNames): string {
  const parts = rdn.typesAndValues.map((atv) => {
    const short = ATTRIBUTES.find((a) => a.oid === atv.type)?.short ?? atv.type;
    const value = stringValue(atv);
    return value === undefined
      ? `${atv.type}=#${Buffer.from(der(atv.value)).toString('hex')}`
      : `${short}=${escapeValue(value)}`;
  });
  return parts.reverse().join(',');
}

function stringValue(atv: pkijs.AttributeTypeAndValue): string | undefined {
  const value: unknown = atv.value;
  return value instanceof asn1js.BaseStringBlock ? value.getValue() : undefined;
}

// RFC 4514 §2.4: escape the specials anywhere, '#' and space at the start, space at the end.
function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}
