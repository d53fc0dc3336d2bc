import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  algorithmOfSignatureOid,
  type SignatureAlgorithm,
  type SigningKey,
  verifySignature,
} from '../algorithms.ts';
import {
  arrayBuffer,
  DerError,
  der,
  integerValue,
  keyIdentifier,
  normalizeSerialHex,
  parseExact,
  serialHexOfInteger,
  signatureAlgorithmIdentifier,
  signEnvelope,
  unsignedBytes,
  x509Time,
} from './der.ts';
import { parseCertificate } from './describe.ts';
import { authorityKeyIdExtension, EXT } from './extensions.ts';
import { type DistinguishedName, formatRdn, nameOf, rdnFromDer } from './names.ts';

/** RFC 5280 §5.3.1 CRLReason values this CA uses (removeFromCRL and aACompromise are not). */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'privilegeWithdrawn';

export const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
};

export function reasonOfCode(code: number): RevocationReason | undefined {
  return (Object.keys(REASON_CODES) as RevocationReason[]).find((r) => REASON_CODES[r] === code);
}

export type CrlEntry = { serialHex: string; revokedAt: Date; reason: RevocationReason };

export type BuildCrlOptions = {
  issuerCertificate: Uint8Array;
  issuerKey: SigningKey;
  /** The cRLNumber: monotonically increasing per issuer (RFC 5280 §5.2.3). */
  number: bigint | number;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: CrlEntry[];
};

/** The CRL bytes cannot be read. */
export class CrlParseError extends Error {
  override readonly name = 'CrlParseError';
}

// encodeTBS is protected in pkijs's typings; a subclass is the typed way to reach it.
class UnsignedCrl extends pkijs.CertificateRevocationList {
  tbsBytes(): Buffer {
    return der(this.encodeTBS());
  }
}

/** A v2 CRL (RFC 5280 §5) with cRLNumber and authorityKeyIdentifier, signed by the issuer's key. */
export async function buildCrl(o: BuildCrlOptions): Promise<Buffer> {
  const ca = parseCertificate(o.issuerCertificate);
  if (!Buffer.from(o.issuerKey.spki).equals(ca.spki))
    throw new RangeError('issuerKey does not belong to the issuer');
  if (ca.extensions.keyUsage && !ca.extensions.keyUsage.includes('cRLSign')) {
    throw new RangeError(`${ca.info.subjectText} may not sign CRLs (no cRLSign)`);
  }
  if (!(o.thisUpdate.getTime() < o.nextUpdate.getTime()))
    throw new RangeError('thisUpdate must precede nextUpdate');
  const number = BigInt(o.number);
  if (unsignedBytes(number).length > 20) throw new RangeError('cRLNumber longer than 20 octets');
  const crl = new UnsignedCrl({
    version: 1, // v2
    signature: signatureAlgorithmIdentifier(o.issuerKey.algorithm),
    issuer: rdnFromDer(ca.subjectName),
    thisUpdate: x509Time(o.thisUpdate),
    nextUpdate: x509Time(o.nextUpdate),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        authorityKeyIdExtension(ca.extensions.subjectKeyId ?? keyIdentifier(ca.spki)),
        new pkijs.Extension({ extnID: EXT.cRLNumber, extnValue: arrayBuffer(der(integerOf(number))) }),
      ],
    }),
  });
  // An empty revokedCertificates SEQUENCE is not allowed (§5.1.2.6): leave the field out instead.
  if (o.entries.length > 0) crl.revokedCertificates = o.entries.map(revokedCertificate);
  return signEnvelope(crl.tbsBytes(), o.issuerKey);
}

function integerOf(value: bigint): asn1js.Integer {
  const bytes = unsignedBytes(value);
  const content = (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return new asn1js.Integer({ valueHex: arrayBuffer(content) });
}

function revokedCertificate(entry: CrlEntry): pkijs.RevokedCertificate {
  const serial = Buffer.from(normalizeSerialHex(entry.serialHex), 'hex');
  const revoked = new pkijs.RevokedCertificate({
    userCertificate: new asn1js.Integer({ valueHex: arrayBuffer(serial) }),
    revocationDate: x509Time(entry.revokedAt),
  });
  // §5.3.1: the reasonCode SHOULD be absent rather than say unspecified.
  if (entry.reason !== 'unspecified') {
    const code = new asn1js.Enumerated({ value: REASON_CODES[entry.reason] });
    const extension = new pkijs.Extension({ extnID: EXT.reasonCode, extnValue: arrayBuffer(der(code)) });
    revoked.crlEntryExtensions = new pkijs.Extensions({ extensions: [extension] });
  }
  return revoked;
}

export type ParsedCrl = {
  issuer: DistinguishedName;
  issuerText: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** The cRLNumber, when present. */
  number?: bigint;
  authorityKeyIdHex?: string;
  signatureAlgorithm: SignatureAlgorithm | undefined;
  entries: CrlEntry[];
};

/** Reads a DER CRL; throws CrlParseError for garbage. Does not check the signature: see verifyCrl. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  try {
    return readCrl(new pkijs.CertificateRevocationList({ schema: parseExact(der, 'CRL') }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CrlParseError(`not a readable CRL: ${reason}`, { cause: error });
  }
}

function readCrl(crl: pkijs.CertificateRevocationList): ParsedCrl {
  const parsed: ParsedCrl = {
    issuer: nameOf(crl.issuer),
    issuerText: formatRdn(crl.issuer),
    thisUpdate: crl.thisUpdate.value,
    signatureAlgorithm: algorithmOfSignatureOid(crl.signatureAlgorithm.algorithmId),
    entries: (crl.revokedCertificates ?? []).map(entryOf),
  };
  if (crl.nextUpdate) parsed.nextUpdate = crl.nextUpdate.value;
  for (const ext of crl.crlExtensions?.extensions ?? []) {
    const value = parseExact(ext.extnValue.valueBlock.valueHexView, `CRL extension ${ext.extnID}`);
    if (ext.extnID === EXT.cRLNumber && value instanceof asn1js.Integer) parsed.number = integerValue(value);
    if (ext.extnID === EXT.authorityKeyIdentifier) {
      const keyId = new pkijs.AuthorityKeyIdentifier({ schema: value }).keyIdentifier;
      if (keyId) parsed.authorityKeyIdHex = Buffer.from(keyId.valueBlock.valueHexView).toString('hex');
    }
  }
  return parsed;
}

function entryOf(revoked: pkijs.RevokedCertificate): CrlEntry {
  let reason: RevocationReason = 'unspecified';
  for (const ext of revoked.crlEntryExtensions?.extensions ?? []) {
    if (ext.extnID !== EXT.reasonCode) continue;
    const value = parseExact(ext.extnValue.valueBlock.valueHexView, 'reasonCode');
    if (!(value instanceof asn1js.Enumerated)) throw new DerError('reasonCode is not an ENUMERATED');
    reason = reasonOfCode(value.valueBlock.valueDec) ?? 'unspecified';
  }
  return {
    serialHex: serialHexOfInteger(revoked.userCertificate),
    revokedAt: revoked.revocationDate.value,
    reason,
  };
}

/**
 * Whether der is a CRL signed by the key of issuerCertificateDer, naming that certificate's subject as its
 * issuer, and the certificate may sign CRLs. False, never an exception, for anything malformed.
 */
export function verifyCrl(der: Uint8Array, issuerCertificateDer: Uint8Array): boolean {
  try {
    const crl = new pkijs.CertificateRevocationList({ schema: parseExact(der, 'CRL') });
    const ca = parseCertificate(issuerCertificateDer);
    if (ca.extensions.keyUsage && !ca.extensions.keyUsage.includes('cRLSign')) return false;
    const algorithm = algorithmOfSignatureOid(crl.signatureAlgorithm.algorithmId);
    if (!algorithm || crl.signature.algorithmId !== crl.signatureAlgorithm.algorithmId) return false;
    if (!crl.issuer.isEqual(ca.certificate.subject)) return false;
    const signature = crl.signatureValue.valueBlock.valueHexView;
    return verifySignature(algorithm, ca.spki, crl.tbsView, signature);
  } catch {
    return false;
  }
}
