import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../algorithms.ts';

/** Object identifiers of CMS (RFC 5652), ESS (RFC 2634, 5035), RFC 3161 and the certificate fields read here. */
export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  subjectKeyIdentifier: '2.5.29.14',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** The message digests accepted in a time-stamp request's imprint, by OID. No SHA-1: it no longer binds. */
const HASHES: Record<string, { name: string; length: number }> = {
  [OID.sm3]: { name: 'sm3', length: 32 },
  [OID.sha256]: { name: 'sha256', length: 32 },
  [CMS_OID.sha384]: { name: 'sha384', length: 48 },
  [CMS_OID.sha512]: { name: 'sha512', length: 64 },
};

/** Length in bytes of the digest an OID names, or undefined for a digest not accepted here. */
export function hashLength(oid: string): number | undefined {
  return HASHES[oid]?.length;
}

/** The digest an OID names (SM3, SHA-256, -384, -512), or undefined for any other. */
export function hashByOid(oid: string, data: Uint8Array): Buffer | undefined {
  const hash = HASHES[oid];
  return hash ? createHash(hash.name).update(data).digest() : undefined;
}

/** Thrown by the parsers below; callers turn it into a problem report or a rejection, never a 500. */
export class CmsFormatError extends Error {
  override readonly name = 'CmsFormatError';
}

/**
 * Parses one complete BER/DER element. Copies the input first, since pkijs rewrites bytes in place (it re-tags
 * the signed attributes) and the caller's buffer must stay as it was; refuses oversized input and trailing
 * bytes, except, with zeroPadding, the zeros a PDF /Contents placeholder leaves after the CMS.
 */
export function parseDer(
  bytes: Uint8Array,
  limit: number,
  what: string,
  zeroPadding = false,
): asn1js.AsnType {
  if (bytes.length === 0) throw new CmsFormatError(`${what} is empty`);
  if (bytes.length > limit)
    throw new CmsFormatError(`${what} is ${bytes.length} bytes, over the ${limit} allowed`);
  const copy = new Uint8Array(bytes);
  const parsed = asn1js.fromBER(copy);
  if (parsed.offset === -1) throw new CmsFormatError(`${what} is not BER/DER: ${parsed.result.error}`);
  const rest = copy.subarray(parsed.offset);
  if (rest.length > 0 && !(zeroPadding && rest.every((b) => b === 0))) {
    throw new CmsFormatError(`${what} has ${rest.length} bytes after it`);
  }
  return parsed.result;
}

/** DER of an asn1js or pkijs structure. */
export function toDer(value: asn1js.AsnType | { toSchema(): asn1js.AsnType }): Buffer {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return Buffer.from(schema.toBER(false));
}

/**
 * Bytes carried as they are inside a structure being encoded (certificates, tokens), so that a signature over
 * them, or their hash in an ESS attribute, still holds. asn1js's own RawData cannot sit inside a SEQUENCE: a
 * constructed block hands its children a writer, which RawData ignores.
 */
export function raw(der: Uint8Array): asn1js.AsnType {
  const bytes = new Uint8Array(der);
  const element = {
    toBER(_sizeOnly?: boolean, writer?: { write(buf: ArrayBuffer): void }): ArrayBuffer {
      const copy = bytes.slice().buffer;
      if (!writer) return copy;
      writer.write(copy);
      return new ArrayBuffer(0);
    },
  };
  return element as unknown as asn1js.AsnType;
}

/** A certificate that encodes to exactly the DER it came from (pkijs would rebuild parts of it). */
export function exactCertificate(der: Uint8Array): pkijs.Certificate {
  const certificate = new pkijs.Certificate({
    schema: parseDer(der, MAX_CERTIFICATE_BYTES, 'the certificate'),
  });
  certificate.toSchema = () => raw(der) as asn1js.Sequence;
  return certificate;
}

const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** The exact bytes an element was decoded from. */
export function encodedBytes(element: asn1js.AsnType): Buffer {
  return Buffer.from(element.valueBeforeDecodeView);
}

/** AlgorithmIdentifier with absent parameters, as RFC 5754 and GM/T 0010 want for SHA-2, SM3 and signatures. */
export function algorithm(oid: string): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: oid });
}

/**
 * Orders elements of a SET OF by their DER encodings (X.690 §11.6). A verifier that re-encodes the signed
 * attributes (OpenSSL does) sorts them, so an unsorted set would be signed over bytes it never sees.
 */
export function sortedForSetOf<T extends { toSchema(): asn1js.AsnType }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, der: toDer(item) }));
  keyed.sort((a, b) => compareSetOf(a.der, b.der));
  return keyed.map((k) => k.item);
}

function compareSetOf(a: Buffer, b: Buffer): number {
  // Shorter encodings compare as if padded with zero octets at the end.
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** A positive INTEGER (serial numbers), minimal two's complement as DER wants. */
export function positiveInteger(value: bigint): asn1js.Integer {
  if (value <= 0n) throw new RangeError('a serial number must be positive');
  return asn1js.Integer.fromBigInt(value);
}

/** The value of an INTEGER whatever its size; valueDec is only right up to 2^53. */
export function bigintOf(integer: asn1js.Integer): bigint {
  return integer.toBigInt();
}

/** Hex of an INTEGER's content octets: how serial numbers are shown and compared. */
export function integerHex(integer: asn1js.Integer): string {
  return Buffer.from(integer.valueBlock.valueHexView).toString('hex');
}

/** The single value of the attribute of a type, or undefined when it is absent, repeated or multi-valued. */
export function singleAttributeValue(attributes: pkijs.Attribute[] | undefined, type: string): unknown {
  const found = (attributes ?? []).filter((a) => a.type === type);
  if (found.length !== 1 || found[0]?.values.length !== 1) return undefined;
  return found[0].values[0];
}

/** The bytes of an OCTET STRING (primitive or constructed), or undefined for anything else. */
export function octets(value: unknown): Buffer | undefined {
  return value instanceof asn1js.OctetString ? Buffer.from(value.getValue()) : undefined;
}
