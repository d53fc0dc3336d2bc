import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestByOid } from '../algorithms.ts';
import { normalizeSerialHex, parseExact, publicKeyBits, serialHexOfInteger } from './der.ts';
import { parseCertificate } from './describe.ts';

export const SHA1_OID = '1.3.14.3.2.26';
export const OCSP_NONCE_OID = '1.3.6.1.5.5.7.48.1.2';

/** An RFC 6960 §4.1.1 CertID, in hex. */
export type OcspCertId = {
  /** SHA-1 (what openssl sends by default), SHA-256 or SM3. */
  hashAlgorithmOid: string;
  issuerNameHashHex: string;
  issuerKeyHashHex: string;
  /** Canonical serial (see normalizeSerialHex). */
  serialHex: string;
  /**
   * How the request wrote the hash AlgorithmIdentifier: with NULL parameters (OpenSSL, Bouncy Castle) or
   * none. The response echoes it, since some clients compare CertIDs byte for byte. Default 'null'.
   */
  hashAlgorithmParameters?: 'null' | 'absent';
};

export type ParsedOcspRequest = {
  certIds: OcspCertId[];
  /**
   * The nonce extension's value as sent (for RFC 8954 clients such as openssl, the DER of an OCTET STRING
   * holding the random bytes). Opaque: buildOcspResponse echoes it unchanged, which is what clients check.
   */
  nonce?: Buffer;
};

/** The request is not an OCSP request this responder can answer: reply with malformedRequest. */
export class OcspRequestError extends Error {
  override readonly name = 'OcspRequestError';
}

// One request may ask about several certificates; bound the work a single request can cause.
const MAX_CERT_IDS = 100;
// RFC 8954 §2.1: nonces are 1 to 32 octets (34 with the inner OCTET STRING header), and a responder may
// answer a longer one without echoing it, which keeps clients from making us sign arbitrary bytes.
const MAX_NONCE = 34;

/** Reads a DER OCSPRequest (any signature on it is ignored); throws OcspRequestError for garbage. */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  let request: pkijs.OCSPRequest;
  try {
    request = new pkijs.OCSPRequest({ schema: parseExact(der, 'OCSPRequest') });
  } catch (error) {
    throw new OcspRequestError(`not an OCSP request: ${(error as Error).message}`, { cause: error });
  }
  const list = request.tbsRequest.requestList;
  if (list.length === 0) throw new OcspRequestError('the request asks about no certificate');
  if (list.length > MAX_CERT_IDS)
    throw new OcspRequestError(`more than ${MAX_CERT_IDS} certificates in one request`);
  const parsed: ParsedOcspRequest = { certIds: list.map((r) => certIdOf(r.reqCert)) };
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OCSP_NONCE_OID);
  if (nonce) {
    const value = Buffer.from(nonce.extnValue.valueBlock.valueHexView);
    if (value.length > 0 && value.length <= MAX_NONCE) parsed.nonce = value;
  }
  return parsed;
}

function certIdOf(id: pkijs.CertID): OcspCertId {
  const params = id.hashAlgorithm.algorithmParams;
  const hasParams = params !== undefined && !(params instanceof asn1js.Any);
  if (hasParams && !(params instanceof asn1js.Null))
    throw new OcspRequestError('unexpected hash parameters in CertID');
  return {
    hashAlgorithmOid: id.hashAlgorithm.algorithmId,
    issuerNameHashHex: Buffer.from(id.issuerNameHash.valueBlock.valueHexView).toString('hex'),
    issuerKeyHashHex: Buffer.from(id.issuerKeyHash.valueBlock.valueHexView).toString('hex'),
    serialHex: serialHexOfInteger(id.serialNumber),
    hashAlgorithmParameters: hasParams ? 'null' : 'absent',
  };
}

/** The CertID hash (SHA-1, SHA-256 or SM3) of data, or undefined for another algorithm. */
export function certIdHash(oid: string, data: Uint8Array): Buffer | undefined {
  return oid === SHA1_OID ? createHash('sha1').update(data).digest() : digestByOid(oid, data);
}

/**
 * Whether certId names the certificate with serialHex issued by issuerCertificate: issuerNameHash over the
 * issuer's DER subject name, issuerKeyHash over its public key BIT STRING contents (RFC 6960 §4.1.1).
 * False for an unknown hash algorithm or unreadable certificate.
 */
export function certIdMatches(
  certId: OcspCertId,
  o: { issuerCertificate: Uint8Array; serialHex: string },
): boolean {
  try {
    if (normalizeSerialHex(certId.serialHex) !== normalizeSerialHex(o.serialHex)) return false;
    const issuer = parseCertificate(o.issuerCertificate);
    const nameHash = certIdHash(certId.hashAlgorithmOid, issuer.subjectName);
    const keyHash = certIdHash(certId.hashAlgorithmOid, publicKeyBits(issuer.spki));
    return (
      nameHash?.toString('hex') === certId.issuerNameHashHex.toLowerCase() &&
      keyHash?.toString('hex') === certId.issuerKeyHashHex.toLowerCase()
    );
  } catch {
    return false;
  }
}
