import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningKey } from '../algorithms.ts';
import { REASON_CODES, type RevocationReason } from './crl.ts';
import {
  arrayBuffer,
  der,
  normalizeSerialHex,
  publicKeyBits,
  sequence,
  signEnvelope,
  tlv,
  wholeSeconds,
} from './der.ts';
import { type ParsedCertificate, parseCertificate } from './describe.ts';
import { KEY_PURPOSE } from './extensions.ts';
import { OCSP_NONCE_OID, type OcspCertId } from './ocspRequest.ts';

export {
  certIdMatches,
  type OcspCertId,
  OcspRequestError,
  type ParsedOcspRequest,
  parseOcspRequest,
} from './ocspRequest.ts';

const BASIC_RESPONSE_OID = '1.3.6.1.5.5.7.48.1.1';

export type OcspSingleStatus = {
  certId: OcspCertId;
  status: 'good' | 'revoked' | 'unknown';
  /** Required when revoked. */
  revokedAt?: Date;
  reason?: RevocationReason;
  thisUpdate: Date;
  nextUpdate?: Date;
};

export type BuildOcspResponseOptions = {
  /** The responder's certificate: the issuing CA itself, or a delegated responder (profile 'ocsp'). */
  responderCertificate: Uint8Array;
  responderKey: SigningKey;
  producedAt: Date;
  /** The request's nonce as parseOcspRequest returned it; echoed verbatim. */
  nonce?: Buffer;
  responses: OcspSingleStatus[];
  /** Certificates to send along (RFC 6960 §4.2.1 certs); default: the responder's certificate. */
  includeCertificates?: Uint8Array[];
};

/** A successful OCSPResponse (RFC 6960 §4.2.1) carrying a BasicOCSPResponse signed by the responder. */
export async function buildOcspResponse(o: BuildOcspResponseOptions): Promise<Buffer> {
  const responder = checkedResponder(o.responderCertificate, o.responderKey);
  if (o.responses.length === 0) throw new RangeError('an OCSP response needs at least one status');
  const data = new pkijs.ResponseData({
    // byKey (§4.2.2.3): SHA-1 of the responder's public key bits, stable across re-issued certificates.
    responderID: new asn1js.OctetString({ valueHex: arrayBuffer(sha1(publicKeyBits(responder.spki))) }),
    producedAt: wholeSeconds(o.producedAt),
    responses: o.responses.map(singleResponse),
  });
  if (o.nonce && o.nonce.length > 0) {
    data.responseExtensions = [
      new pkijs.Extension({ extnID: OCSP_NONCE_OID, extnValue: arrayBuffer(o.nonce) }),
    ];
  }
  const certs = o.includeCertificates ?? [o.responderCertificate];
  for (const certificate of certs) parseCertificate(certificate); // never embed what is not a certificate
  const trailer = certs.length > 0 ? [tlv(0xa0, sequence(...certs))] : [];
  const basic = await signEnvelope(der(data.toSchema(true)), o.responderKey, ...trailer);
  const bytes = sequence(der(new asn1js.ObjectIdentifier({ value: BASIC_RESPONSE_OID })), tlv(0x04, basic));
  return sequence(tlv(0x0a, Buffer.from([0])), tlv(0xa0, bytes));
}

/** The responder's certificate, once it is known to go with the key and to be allowed to answer. */
function checkedResponder(certificate: Uint8Array, key: SigningKey): ParsedCertificate {
  const responder = parseCertificate(certificate);
  if (!Buffer.from(key.spki).equals(responder.spki)) {
    throw new RangeError('responderKey does not belong to the responder certificate');
  }
  const { isCa, extendedKeyUsage } = responder.extensions;
  if (!isCa && !extendedKeyUsage.includes(KEY_PURPOSE.ocspSigning)) {
    throw new RangeError(`${responder.info.subjectText} is neither a CA nor an OCSP responder`);
  }
  return responder;
}

const ERROR_STATUS = { malformedRequest: 1, internalError: 2, unauthorized: 6 } as const;

/** An unsuccessful OCSPResponse: the status alone, unsigned (RFC 6960 §2.3). */
export function ocspErrorResponse(status: keyof typeof ERROR_STATUS): Buffer {
  return sequence(tlv(0x0a, Buffer.from([ERROR_STATUS[status]])));
}

function singleResponse(s: OcspSingleStatus): pkijs.SingleResponse {
  const response = new pkijs.SingleResponse({
    certID: certIdOf(s.certId),
    certStatus: certStatus(s),
    thisUpdate: wholeSeconds(s.thisUpdate),
  });
  if (s.nextUpdate) response.nextUpdate = wholeSeconds(s.nextUpdate);
  return response;
}

function certIdOf(id: OcspCertId): pkijs.CertID {
  const hashAlgorithm = new pkijs.AlgorithmIdentifier(
    id.hashAlgorithmParameters === 'absent'
      ? { algorithmId: id.hashAlgorithmOid }
      : { algorithmId: id.hashAlgorithmOid, algorithmParams: new asn1js.Null() },
  );
  const octets = (hex: string) => new asn1js.OctetString({ valueHex: arrayBuffer(Buffer.from(hex, 'hex')) });
  return new pkijs.CertID({
    hashAlgorithm,
    issuerNameHash: octets(id.issuerNameHashHex),
    issuerKeyHash: octets(id.issuerKeyHashHex),
    serialNumber: new asn1js.Integer({
      valueHex: arrayBuffer(Buffer.from(normalizeSerialHex(id.serialHex), 'hex')),
    }),
  });
}

/** CertStatus (§4.2.1): good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL. */
function certStatus(s: OcspSingleStatus): asn1js.BaseBlock {
  if (s.status !== 'revoked') {
    return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: s.status === 'good' ? 0 : 2 } });
  }
  if (!s.revokedAt) throw new RangeError('a revoked status needs revokedAt');
  const info: asn1js.BaseBlock[] = [new asn1js.GeneralizedTime({ valueDate: wholeSeconds(s.revokedAt) })];
  // As in the CRL, 'unspecified' is said by leaving the reason out.
  if (s.reason && s.reason !== 'unspecified') {
    const reason = new asn1js.Enumerated({ value: REASON_CODES[s.reason] });
    info.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [reason] }));
  }
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: info });
}

function sha1(data: Uint8Array): Buffer {
  return createHash('sha1').update(data).digest();
}
