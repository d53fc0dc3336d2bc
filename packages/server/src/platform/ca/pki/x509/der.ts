import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type SignatureAlgorithm, type SigningKey, SUITES } from '../algorithms.ts';

/**
 * DER plumbing shared by certificates, CRLs and OCSP. Signed structures are assembled here from the exact
 * to-be-signed bytes rather than re-encoded by pkijs, so the bytes that were signed are, by construction,
 * the bytes that are shipped.
 */

/** A structure that is not the DER it claims to be. Each parser wraps it in its own typed error. */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** One TLV: tag byte, DER length, content. */
export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

export function sequence(...content: Uint8Array[]): Buffer {
  return tlv(0x30, ...content);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/**
 * Parses exactly one BER element spanning all of bytes. asn1js reports trouble with offset -1 and happily
 * ignores trailing bytes, and both must be refused: trailing bytes after a signature are not signed.
 */
export function parseExact(bytes: Uint8Array, what: string): asn1js.AsnType {
  const view = new Uint8Array(bytes);
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1) throw new DerError(`${what}: ${parsed.result.error || 'not DER'}`);
  if (parsed.offset !== view.byteLength) throw new DerError(`${what}: trailing bytes after the structure`);
  return parsed.result;
}

/** Encodes an asn1js value (or a pkijs object's schema) as a Buffer. */
export function der(value: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(value.toBER(false));
}

/** Bytes as an ArrayBuffer of exactly their length, as pkijs/asn1js constructors want. */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

/**
 * The minimal two's-complement content of an INTEGER holding the unsigned big-endian bytes: leading zeros
 * dropped, one 0x00 put back when the top bit is set, so 16 random bytes never read as a negative serial.
 */
function unsignedContent(unsigned: Uint8Array): Buffer {
  let start = 0;
  while (start < unsigned.length && unsigned[start] === 0) start++;
  const trimmed = Buffer.from(unsigned.subarray(start));
  return trimmed.length === 0 || (trimmed[0] ?? 0) & 0x80
    ? Buffer.concat([Buffer.from([0]), trimmed])
    : trimmed;
}

/** Like unsignedContent, but refuses zero, which RFC 5280 §4.1.2.2 does not allow as a serial. */
export function positiveIntegerContent(unsigned: Uint8Array): Buffer {
  if (unsigned.every((b) => b === 0)) throw new RangeError('an INTEGER that must be positive is zero');
  return unsignedContent(unsigned);
}

/** The canonical lowercase hex of a serial given as unsigned bytes: its DER content octets. */
export function serialHexOf(serial: Uint8Array): string {
  return unsignedContent(serial).toString('hex');
}

/**
 * The canonical form of a serial written in hex (any case, optional colons, any leading zeros), read as an
 * unsigned number: the hex of its DER content octets. Every serialHex this module emits or compares is in
 * this form, so "00ab…" from a database and "AB…" from openssl compare equal.
 */
export function normalizeSerialHex(hex: string): string {
  const digits = hex.replace(/:/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(digits)) throw new RangeError(`not a hexadecimal serial: ${JSON.stringify(hex)}`);
  return serialHexOf(Buffer.from(digits.length % 2 ? `0${digits}` : digits, 'hex'));
}

/**
 * The serialHex of a parsed INTEGER: its content octets with redundant sign octets removed. A negative
 * serial (seen in the wild, never issued here) keeps its two's-complement form rather than failing.
 */
export function serialHexOfInteger(integer: asn1js.Integer): string {
  const bytes = Buffer.from(integer.valueBlock.valueHexView);
  let start = 0;
  const redundant = (i: number) =>
    (bytes[i] === 0 && !((bytes[i + 1] ?? 0) & 0x80)) || (bytes[i] === 0xff && (bytes[i + 1] ?? 0) & 0x80);
  while (start < bytes.length - 1 && redundant(start)) start++;
  return bytes.length === 0 ? '00' : bytes.subarray(start).toString('hex');
}

/** A positive INTEGER from unsigned bytes, minimally encoded. */
export function positiveInteger(unsigned: Uint8Array): asn1js.Integer {
  return new asn1js.Integer({ valueHex: arrayBuffer(positiveIntegerContent(unsigned)) });
}

/** A non-negative bigint as unsigned big-endian bytes (at least one byte). */
export function unsignedBytes(value: bigint): Buffer {
  if (value < 0n) throw new RangeError('negative number');
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/** The value of a DER INTEGER as a bigint (two's complement). */
export function integerValue(integer: asn1js.Integer): bigint {
  const bytes = Buffer.from(integer.valueBlock.valueHexView);
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(`0x${bytes.toString('hex')}`);
  return (bytes[0] ?? 0) & 0x80 ? unsigned - (1n << BigInt(bytes.length * 8)) : unsigned;
}

/** A Date cut to whole seconds: RFC 5280 times carry no fractions, and asn1js would write milliseconds. */
export function wholeSeconds(date: Date): Date {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid date');
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
export function x509Time(date: Date): pkijs.Time {
  const value = wholeSeconds(date);
  const year = value.getUTCFullYear();
  if (year < 1950 || year > 9999)
    throw new RangeError(`a certificate time cannot express ${value.toISOString()}`);
  return new pkijs.Time({ type: year < 2050 ? 0 : 1, value });
}

/** The AlgorithmIdentifier of a signature suite: the OID alone, no NULL (RFC 5758 §3.2, GM/T 0015). */
export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: SUITES[algorithm].signatureOid });
}

/**
 * Signs tbs with key and returns SEQUENCE { tbs, signatureAlgorithm, BIT STRING signature, ...trailer }, the
 * shape shared by Certificate, CertificateList and BasicOCSPResponse.
 */
export async function signEnvelope(
  tbs: Uint8Array,
  key: SigningKey,
  ...trailer: Uint8Array[]
): Promise<Buffer> {
  const signature = await key.sign(tbs);
  const bitString = new asn1js.BitString({ valueHex: arrayBuffer(signature) });
  return sequence(
    tbs,
    der(signatureAlgorithmIdentifier(key.algorithm).toSchema()),
    der(bitString),
    ...trailer,
  );
}

/** The subjectPublicKey BIT STRING contents of a DER SubjectPublicKeyInfo (for key identifiers and CertIDs). */
export function publicKeyBits(spki: Uint8Array): Buffer {
  const info = new pkijs.PublicKeyInfo({ schema: parseExact(spki, 'SubjectPublicKeyInfo') });
  return Buffer.from(info.subjectPublicKey.valueBlock.valueHexView);
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the public key bits. An identifier, not a security function. */
export function keyIdentifier(spki: Uint8Array): Buffer {
  return createHash('sha1').update(publicKeyBits(spki)).digest();
}

/** Standard base64 PEM with 64-character lines. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block of text (any label); throws DerError when there is none. */
export function fromPem(text: string): Buffer {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  const body = match?.[2]?.replace(/\s+/g, '');
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new DerError('no PEM block found');
  return Buffer.from(body, 'base64');
}
