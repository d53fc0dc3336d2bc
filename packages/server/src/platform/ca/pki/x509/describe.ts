import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { algorithmOfSignatureOid, algorithmOfSpki, type SignatureAlgorithm } from '../algorithms.ts';
import { DerError, parseExact, serialHexOfInteger } from './der.ts';
import { type ExtensionSummary, readExtensions } from './extensions.ts';
import { type DistinguishedName, formatRdn, nameOf } from './names.ts';

/** The certificate bytes are not a certificate this module can read. */
export class CertificateParseError extends Error {
  override readonly name = 'CertificateParseError';
}

/** What a certificate says, for display, storage and the checks of other modules. */
export type CertificateInfo = {
  /** The serial as the hex of its DER INTEGER content octets, lowercase (see normalizeSerialHex). */
  serialHex: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** RFC 4514 form of the full names, including attributes DistinguishedName does not model. */
  subjectText: string;
  issuerText: string;
  notBefore: Date;
  notAfter: Date;
  /** The suite of the subject's key, or undefined for a key of another kind. */
  algorithm: SignatureAlgorithm | undefined;
  /** The suite the issuer signed with, or undefined for another signature algorithm. */
  signatureAlgorithm: SignatureAlgorithm | undefined;
  /** DER SubjectPublicKeyInfo, as it appears in the certificate. */
  spki: Buffer;
  isCa: boolean;
  pathLenConstraint?: number;
  /** KeyUsage bit names (digitalSignature, nonRepudiation, keyCertSign, cRLSign, …); [] when absent. */
  keyUsage: string[];
  /** ExtendedKeyUsage purpose OIDs. */
  extendedKeyUsage: string[];
  crlUrls: string[];
  ocspUrls: string[];
  caIssuersUrls: string[];
  /** SHA-256 of the whole DER, lowercase hex without separators. */
  sha256Fingerprint: string;
  subjectKeyIdHex?: string;
  authorityKeyIdHex?: string;
};

/** A certificate taken apart, with the exact bytes other modules hash and verify. */
export type ParsedCertificate = {
  der: Buffer;
  certificate: pkijs.Certificate;
  /** The TBSCertificate exactly as it appears in der: what the signature covers. */
  tbs: Buffer;
  subjectName: Buffer;
  issuerName: Buffer;
  spki: Buffer;
  /** OIDs of the inner (TBS) and outer signature algorithms, which RFC 5280 §4.1.1.2 requires to agree. */
  innerSignatureOid: string;
  signatureOid: string;
  signatureValue: Buffer;
  extensions: ExtensionSummary;
  info: CertificateInfo;
};

/** Takes a DER certificate apart; throws CertificateParseError for anything else, never a TypeError. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parseOrThrow(Buffer.from(der));
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CertificateParseError(`not a readable X.509 certificate: ${reason}`, { cause: error });
  }
}

/** What a DER certificate says; throws CertificateParseError for garbage. */
export function describeCertificate(der: Uint8Array): CertificateInfo {
  return parseCertificate(der).info;
}

function parseOrThrow(der: Buffer): ParsedCertificate {
  const root = parseExact(der, 'Certificate');
  const certificate = new pkijs.Certificate({ schema: root });
  if (certificate.version !== 2 && certificate.extensions)
    throw new DerError('extensions in a pre-v3 certificate');
  const raw = rawTbsFields(root);
  const bits = certificate.signatureValue.valueBlock;
  if (bits.unusedBits !== 0) throw new DerError('signature BIT STRING has unused bits');
  const extensions = readExtensions(certificate.extensions);
  const parsed = {
    der,
    certificate,
    tbs: Buffer.from(certificate.tbsView),
    ...raw,
    innerSignatureOid: certificate.signature.algorithmId,
    signatureOid: certificate.signatureAlgorithm.algorithmId,
    signatureValue: Buffer.from(bits.valueHexView),
    extensions,
  };
  return { ...parsed, info: infoOf(parsed) };
}

/**
 * The issuer, subject and SPKI as they appear in the TBS. pkijs keeps the raw bytes of names but not of the
 * SPKI, and re-encoding is not guaranteed to give back what was hashed, so read them off the parse tree.
 */
function rawTbsFields(root: asn1js.AsnType): { issuerName: Buffer; subjectName: Buffer; spki: Buffer } {
  const tbs = root instanceof asn1js.Sequence ? root.valueBlock.value[0] : undefined;
  if (!(tbs instanceof asn1js.Sequence)) throw new DerError('no TBSCertificate');
  const fields = tbs.valueBlock.value;
  const first = fields[0]?.idBlock.tagClass === 3 ? 1 : 0; // [0] version is present in v2/v3 certificates
  const bytes = (i: number) => {
    const field = fields[first + i];
    if (!field) throw new DerError('TBSCertificate is too short');
    return Buffer.from(field.valueBeforeDecodeView);
  };
  return { issuerName: bytes(2), subjectName: bytes(4), spki: bytes(5) };
}

function infoOf(p: Omit<ParsedCertificate, 'info'>): CertificateInfo {
  const { certificate: c, extensions: e } = p;
  const info: CertificateInfo = {
    serialHex: serialHexOfInteger(c.serialNumber),
    subject: nameOf(c.subject),
    issuer: nameOf(c.issuer),
    subjectText: formatRdn(c.subject),
    issuerText: formatRdn(c.issuer),
    notBefore: c.notBefore.value,
    notAfter: c.notAfter.value,
    algorithm: algorithmOfSpki(p.spki),
    signatureAlgorithm: algorithmOfSignatureOid(p.signatureOid),
    spki: p.spki,
    isCa: e.isCa,
    keyUsage: e.keyUsage ?? [],
    extendedKeyUsage: e.extendedKeyUsage,
    crlUrls: e.crlUrls,
    ocspUrls: e.ocspUrls,
    caIssuersUrls: e.caIssuersUrls,
    sha256Fingerprint: createHash('sha256').update(p.der).digest('hex'),
  };
  if (e.pathLenConstraint !== undefined) info.pathLenConstraint = e.pathLenConstraint;
  if (e.subjectKeyId) info.subjectKeyIdHex = e.subjectKeyId.toString('hex');
  if (e.authorityKeyId) info.authorityKeyIdHex = e.authorityKeyId.toString('hex');
  return info;
}
