import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, type SigningKey, SUITES } from '../algorithms.ts';
import {
  algorithm,
  bigintOf,
  CMS_OID,
  CmsFormatError,
  encodedBytes,
  hashLength,
  parseDer,
  positiveInteger,
  raw,
  toDer,
} from './asn1.ts';
import {
  type CarriedCertificate,
  carriedCertificate,
  checkSignerInfo,
  readSignedData,
  signSignerInfo,
} from './signer.ts';

/**
 * The time-stamp authority of RFC 3161 (with the ESS update of RFC 5816): parses requests, issues tokens
 * signed with SM2 or ECDSA, wraps them in responses, and reads tokens back. Transport (HTTP,
 * application/timestamp-query) and the serial counter belong to the caller.
 */

/** PKIFailureInfo names (RFC 3161 §2.4.2) this TSA can answer with, and their bit numbers. */
const FAILURE_BITS = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
} as const;

export type TimeStampFailure = keyof typeof FAILURE_BITS;

/** A request the TSA must refuse; failure says which rejection to send (timeStampRejection). */
export class TimeStampRequestError extends Error {
  override readonly name = 'TimeStampRequestError';
  constructor(
    readonly failure: TimeStampFailure,
    message: string,
  ) {
    super(message);
  }
}

export type TimeStampRequest = {
  imprintAlgorithmOid: string;
  imprint: Buffer;
  nonce?: bigint | Buffer;
  certReq: boolean;
  policyOid?: string;
};

/** A request is about 60 bytes; anything near this is not one. */
const MAX_REQUEST_BYTES = 4 * 1024;
/** A token with its TSA certificate is 1-2 KiB; a foreign one with a chain stays far below this. */
const MAX_TOKEN_BYTES = 64 * 1024;

export function parseTimeStampRequest(der: Uint8Array): TimeStampRequest {
  let request: pkijs.TimeStampReq;
  try {
    request = new pkijs.TimeStampReq({ schema: parseDer(der, MAX_REQUEST_BYTES, 'the time-stamp request') });
  } catch (error) {
    throw new TimeStampRequestError('badDataFormat', `not a TimeStampReq: ${messageOf(error)}`);
  }
  if (request.version !== 1)
    throw new TimeStampRequestError('badDataFormat', `version ${request.version}, not 1`);
  // RFC 3161 §2.4.1: an extension the TSA does not know must be refused; it knows none.
  if (request.extensions?.length)
    throw new TimeStampRequestError('unacceptedExtension', 'extensions are not supported');
  const { hashAlgorithm, hashedMessage } = request.messageImprint;
  const oid = hashAlgorithm.algorithmId;
  const length = hashLength(oid);
  const params = hashAlgorithm.algorithmParams;
  // Parameters of these digests are absent, or NULL as OpenSSL writes them; anything else is another algorithm.
  if (length === undefined || (params !== undefined && !(params instanceof asn1js.Null))) {
    throw new TimeStampRequestError(
      'badAlg',
      `the digest ${oid} is not accepted (SM3, SHA-256, -384 or -512)`,
    );
  }
  const imprint = Buffer.from(hashedMessage.getValue());
  if (imprint.length !== length) {
    throw new TimeStampRequestError('badDataFormat', `the imprint is ${imprint.length} bytes, not ${length}`);
  }
  return {
    imprintAlgorithmOid: oid,
    imprint,
    certReq: request.certReq === true,
    ...(request.nonce ? { nonce: bigintOf(request.nonce) } : {}),
    ...(request.reqPolicy ? { policyOid: request.reqPolicy } : {}),
  };
}

export type TimeStampTokenInput = {
  /** DER of the TSA certificate: its key is tsaKey's, with the critical extended key usage timeStamping. */
  tsaCertificate: Uint8Array;
  tsaKey: SigningKey;
  imprintAlgorithmOid: string;
  imprint: Buffer;
  /** Unique per token of this TSA (RFC 3161 §2.4.2), positive. */
  serial: bigint;
  genTime: Date;
  policyOid: string;
  nonce?: bigint | Buffer;
  /** The request's certReq: whether the token carries the TSA certificate. */
  includeCertificate: boolean;
  accuracySeconds?: number;
};

/** A TimeStampToken: ContentInfo(SignedData) over a TSTInfo, signed with contentType, messageDigest and ESS. */
export async function issueTimeStampToken(o: TimeStampTokenInput): Promise<Buffer> {
  if (hashLength(o.imprintAlgorithmOid) !== o.imprint.length) {
    throw new TimeStampRequestError('badDataFormat', 'the imprint does not fit its digest algorithm');
  }
  const certificate = carriedCertificate(o.tsaCertificate);
  assertTimeStampingCertificate(certificate.certificate);
  const tstInfo = toDer(tstInfoOf(o, certificate));
  const suite = SUITES[o.tsaKey.algorithm];
  const signerInfo = await signSignerInfo({
    key: o.tsaKey,
    certificate,
    contentType: CMS_OID.tstInfo,
    contentDigest: digest(o.tsaKey.algorithm, tstInfo),
  });
  const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: CMS_OID.tstInfo });
  // Set after construction: given to the constructor, pkijs turns it into a constructed OCTET STRING (BER
  // chunks), which DER, and so a strict verifier, does not allow.
  encapContentInfo.eContent = new asn1js.OctetString({ valueHex: tstInfo });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [algorithm(suite.digestOid)],
    encapContentInfo,
    ...(o.includeCertificate ? { certificates: [certificate.certificate] } : {}),
    signerInfos: [signerInfo],
  });
  return toDer(new pkijs.ContentInfo({ contentType: CMS_OID.signedData, content: signedData.toSchema() }));
}

function tstInfoOf(o: TimeStampTokenInput, certificate: CarriedCertificate): pkijs.TSTInfo {
  // Whole seconds: asn1js writes milliseconds with trailing zeros (".500"), which DER forbids; the accuracy
  // field states the precision instead.
  const genTime = new Date(Math.floor(o.genTime.getTime() / 1000) * 1000);
  return new pkijs.TSTInfo({
    version: 1,
    policy: o.policyOid,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: algorithm(o.imprintAlgorithmOid),
      hashedMessage: new asn1js.OctetString({ valueHex: o.imprint }),
    }),
    serialNumber: positiveInteger(o.serial),
    genTime,
    ...(o.accuracySeconds !== undefined
      ? { accuracy: new pkijs.Accuracy({ seconds: o.accuracySeconds }) }
      : {}),
    ...(o.nonce !== undefined ? { nonce: nonceInteger(o.nonce) } : {}),
    // Names the TSA as its certificate does, so a verifier (openssl ts -verify) can match the two.
    tsa: new pkijs.GeneralName({ type: 4, value: certificate.certificate.subject }),
  });
}

function nonceInteger(nonce: bigint | Buffer): asn1js.Integer {
  // A Buffer is the request's INTEGER contents, echoed as they came.
  return typeof nonce === 'bigint'
    ? asn1js.Integer.fromBigInt(nonce)
    : new asn1js.Integer({ valueHex: nonce });
}

const EXT_KEY_USAGE = '2.5.29.37';
const KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/**
 * RFC 3161 §2.3: the TSA certificate has exactly one extended key usage, timeStamping, marked critical.
 * Verifiers reject tokens from any other certificate, so issuing them would only fail later, and silently.
 */
function assertTimeStampingCertificate(certificate: pkijs.Certificate): void {
  const usages = (certificate.extensions ?? []).filter((e) => e.extnID === EXT_KEY_USAGE);
  const purposes =
    usages[0]?.parsedValue instanceof pkijs.ExtKeyUsage ? usages[0].parsedValue.keyPurposes : [];
  if (
    usages.length !== 1 ||
    !usages[0]?.critical ||
    purposes.length !== 1 ||
    purposes[0] !== KP_TIME_STAMPING
  ) {
    throw new Error(
      'the TSA certificate must have the critical extended key usage timeStamping and no other',
    );
  }
}

/** TimeStampResp with status granted and the token. */
export function timeStampResponse(token: Buffer): Buffer {
  const status = new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted });
  return toDer(new asn1js.Sequence({ value: [status.toSchema(), raw(token)] }));
}

/** TimeStampResp with status rejection, the reason as PKIFailureInfo and, optionally, as text. */
export function timeStampRejection(failure: TimeStampFailure, text?: string): Buffer {
  const status = new pkijs.PKIStatusInfo({
    status: pkijs.PKIStatus.rejection,
    ...(text ? { statusStrings: [new asn1js.Utf8String({ value: text })] } : {}),
    failInfo: failureBits(failure),
  });
  return toDer(new asn1js.Sequence({ value: [status.toSchema()] }));
}

/** A named BIT STRING in DER: trailing zero bits, and so bytes, are dropped (X.690 §11.2.2). */
function failureBits(failure: TimeStampFailure): asn1js.BitString {
  const bit = FAILURE_BITS[failure];
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (bit & 7) });
}

export type TimeStampResponseInfo = { status: number; text?: string; token?: Buffer };

/** Status and token of a TimeStampResp, e.g. from another TSA; throws CmsFormatError on garbage. */
export function readTimeStampResponse(der: Uint8Array): TimeStampResponseInfo {
  const response = parseDer(der, MAX_TOKEN_BYTES, 'the time-stamp response');
  const fields = response instanceof asn1js.Sequence ? response.valueBlock.value : [];
  if (!fields[0]) throw new CmsFormatError('the time-stamp response is not a TimeStampResp');
  const status = new pkijs.PKIStatusInfo({ schema: fields[0] });
  const text = status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
  return {
    status: status.status,
    ...(text ? { text } : {}),
    ...(fields[1] ? { token: encodedBytes(fields[1]) } : {}),
  };
}

export type TimeStampTokenInfo = {
  /** An invalid Date when the token could not be read. */
  genTime: Date;
  /** The serial number in hexadecimal, without leading zeros. */
  serial: string;
  policyOid: string;
  imprintAlgorithmOid: string;
  imprint: Buffer;
  nonce?: bigint;
  /** The certificate the token was checked against: the given one, or the one it carries. */
  tsaCertificate?: Buffer;
  /** The signature holds over the TSTInfo (signature, messageDigest and contentType all check). */
  signatureOk: boolean;
  /** The ESS signingCertificateV2 attribute names tsaCertificate. */
  signingCertificateOk: boolean;
  problems: string[];
};

/**
 * Reads a TimeStampToken and checks its own signature, against tsaCertificate when given (a trusted copy),
 * else against the certificate inside. Never throws: whatever is wrong is in problems. Trust in the TSA
 * certificate (chain, key usage, validity at genTime) is the caller's question.
 */
export function readTimeStampToken(token: Uint8Array, tsaCertificate?: Uint8Array): TimeStampTokenInfo {
  const info: TimeStampTokenInfo = {
    genTime: new Date(Number.NaN),
    serial: '',
    policyOid: '',
    imprintAlgorithmOid: '',
    imprint: Buffer.alloc(0),
    signatureOk: false,
    signingCertificateOk: false,
    problems: [],
  };
  try {
    const { signedData, certificates } = readSignedData(token, MAX_TOKEN_BYTES, 'the time-stamp token');
    const content = signedData.encapContentInfo;
    if (content.eContentType !== CMS_OID.tstInfo || !content.eContent) {
      throw new CmsFormatError('the token does not hold a TSTInfo');
    }
    const tstInfo = Buffer.from(content.eContent.getValue());
    Object.assign(info, readTstInfo(tstInfo));
    const [signerInfo, ...others] = signedData.signerInfos;
    if (!signerInfo || others.length > 0) throw new CmsFormatError('a token has exactly one signer');
    const candidates = tsaCertificate ? [carriedCertificate(tsaCertificate)] : certificates;
    const check = checkSignerInfo(signerInfo, candidates, { contentType: CMS_OID.tstInfo, content: tstInfo });
    if (check.certificate) info.tsaCertificate = check.certificate.der;
    const contentTypeOk = !check.problems.some((p) => p.code === 'content-type-mismatch');
    info.signatureOk = check.signatureOk && check.digestOk && contentTypeOk;
    info.signingCertificateOk = check.signingCertificateOk;
    info.problems.push(...check.problems.map((p) => p.message));
  } catch (error) {
    info.problems.push(`malformed token: ${messageOf(error)}`);
  }
  return info;
}

function readTstInfo(der: Buffer): Partial<TimeStampTokenInfo> {
  const tstInfo = new pkijs.TSTInfo({ schema: parseDer(der, MAX_TOKEN_BYTES, 'the TSTInfo') });
  return {
    genTime: tstInfo.genTime,
    serial: bigintOf(tstInfo.serialNumber).toString(16),
    policyOid: tstInfo.policy,
    imprintAlgorithmOid: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    imprint: Buffer.from(tstInfo.messageImprint.hashedMessage.getValue()),
    ...(tstInfo.nonce ? { nonce: bigintOf(tstInfo.nonce) } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
