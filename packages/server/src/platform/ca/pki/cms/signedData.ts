import * as pkijs from 'pkijs';
import { digest, type SignatureAlgorithm, type SigningKey, SUITES } from '../algorithms.ts';
import { algorithm, CMS_OID, encodedBytes, hashByOid, raw, sortedForSetOf, toDer } from './asn1.ts';
import {
  type CmsProblem,
  type CmsProblemCode,
  carriedCertificate,
  checkSignerInfo,
  readSignedData,
  signSignerInfo,
} from './signer.ts';
import { readTimeStampToken } from './tsa.ts';

/**
 * Detached CMS signatures for PDF (PAdES baseline B-B, and B-T with a time-stamp: ETSI EN 319 142-1, SubFilter
 * ETSI.CAdES.detached). The PDF layer hands over the signed byte ranges and puts the result in /Contents.
 */

/**
 * The room the PDF layer reserves for /Contents. signDetached refuses to produce more. A signature with the
 * signer certificate, two chain certificates and a time-stamp token carrying its TSA certificate is about
 * 3 KiB with these curves; the rest is margin for long names and extensions.
 */
export const MAX_CMS_BYTES = 16 * 1024;

/** What verifyDetached parses: signatures made elsewhere may carry long chains and revocation data. */
const MAX_VERIFY_BYTES = 1024 * 1024;

export type DetachedSignatureInput = {
  key: SigningKey;
  /** DER of the signer certificate; its public key is key's. */
  certificate: Uint8Array;
  /** DER of the issuing CA certificates, nearest first; carried so a verifier can build the path. */
  chain: Uint8Array[];
  /** The bytes signed: for a PDF, the byte ranges concatenated. */
  content: Uint8Array;
  /**
   * Gets a time-stamp token over the signature value (RFC 3161 Appendix A): the callback hashes it and asks
   * a TSA. Makes the signature PAdES B-T.
   */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
};

/** ContentInfo(SignedData) DER, without encapsulated content. */
export async function signDetached(o: DetachedSignatureInput): Promise<Buffer> {
  const certificate = carriedCertificate(o.certificate);
  const chain = o.chain.map(carriedCertificate);
  const signerInfo = await signSignerInfo({
    key: o.key,
    certificate,
    contentType: CMS_OID.data,
    contentDigest: digest(o.key.algorithm, o.content),
  });
  if (o.timestamp) {
    const signatureValue = Buffer.from(signerInfo.signature.getValue());
    const token = await o.timestamp(signatureValue);
    assertTokenCovers(token, signatureValue);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: CMS_OID.signatureTimeStampToken, values: [raw(token)] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [algorithm(SUITES[o.key.algorithm].digestOid)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: CMS_OID.data }),
    // A SET OF: DER (which ISO 32000 asks of /Contents) orders it by encoding, so not necessarily signer first.
    certificates: sortedForSetOf([certificate, ...chain].map((c) => c.certificate)),
    signerInfos: [signerInfo],
  });
  const der = toDer(
    new pkijs.ContentInfo({ contentType: CMS_OID.signedData, content: signedData.toSchema() }),
  );
  if (der.length > MAX_CMS_BYTES) {
    throw new Error(
      `the signature is ${der.length} bytes, more than the ${MAX_CMS_BYTES} reserved in the PDF`,
    );
  }
  return der;
}

/** A token that does not parse or covers something else would make the signature look time-stamped when it is not. */
function assertTokenCovers(token: Buffer, signatureValue: Buffer): void {
  const info = readTimeStampToken(token);
  if (Number.isNaN(info.genTime.getTime()))
    throw new Error(`the time-stamp token is unusable: ${info.problems[0]}`);
  if (!hashByOid(info.imprintAlgorithmOid, signatureValue)?.equals(info.imprint)) {
    throw new Error('the time-stamp token does not cover this signature');
  }
}

export type DetachedVerification = {
  signerCertificate?: Buffer;
  /** Every certificate the CMS carries, byte for byte, in the order carried (DER order for ours). */
  certificates: Buffer[];
  algorithm?: SignatureAlgorithm;
  /** The content matches the messageDigest attribute. */
  digestOk: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureOk: boolean;
  /** The ESS signingCertificateV2 attribute names the signer certificate. */
  signingCertificateOk: boolean;
  timestamp?: { genTime: Date; tsaCertificate?: Buffer; signatureOk: boolean; imprintOk: boolean };
  problems: CmsProblem[];
};

/**
 * Checks a detached CMS signature over content: the cryptography and the attributes, not trust (chain,
 * revocation, validity at the time-stamp), which the caller decides with the certificates returned. Never
 * throws; malformed, truncated or oversized input gives problems with code 'malformed'. Zero padding after the
 * CMS, as a PDF /Contents placeholder leaves, is accepted.
 */
export function verifyDetached(cms: Uint8Array, content: Uint8Array): DetachedVerification {
  const result: DetachedVerification = {
    certificates: [],
    digestOk: false,
    signatureOk: false,
    signingCertificateOk: false,
    problems: [],
  };
  const problem = (code: CmsProblemCode, message: string) => result.problems.push({ code, message });
  try {
    const { signedData, certificates } = readSignedData(cms, MAX_VERIFY_BYTES, 'the CMS signature', true);
    result.certificates = certificates.map((c) => c.der);
    if (signedData.encapContentInfo.eContent) problem('not-detached', 'the CMS encapsulates its content');
    const [signerInfo, ...others] = signedData.signerInfos;
    if (others.length > 0)
      problem('signer-count', `${signedData.signerInfos.length} signers; the first is checked`);
    if (!signerInfo) {
      problem('signer-count', 'the CMS has no signer');
      return result;
    }
    const check = checkSignerInfo(signerInfo, certificates, { contentType: CMS_OID.data, content });
    if (check.certificate) result.signerCertificate = check.certificate.der;
    if (check.algorithm) result.algorithm = check.algorithm;
    result.digestOk = check.digestOk;
    result.signatureOk = check.signatureOk;
    result.signingCertificateOk = check.signingCertificateOk;
    result.problems.push(...check.problems);
    const timestamp = checkTimestamp(signerInfo, result.problems);
    if (timestamp) result.timestamp = timestamp;
  } catch (error) {
    problem('malformed', error instanceof Error ? error.message : String(error));
  }
  return result;
}

/** The first signature time-stamp (the unsigned attribute), checked against the signature value it covers. */
function checkTimestamp(
  signerInfo: pkijs.SignerInfo,
  problems: CmsProblem[],
): DetachedVerification['timestamp'] {
  const attribute = signerInfo.unsignedAttrs?.attributes.find(
    (a) => a.type === CMS_OID.signatureTimeStampToken,
  );
  const value = attribute?.values[0];
  if (!value) return undefined;
  const info = readTimeStampToken(encodedBytes(value));
  const signatureValue = Buffer.from(signerInfo.signature.getValue());
  const imprintOk = hashByOid(info.imprintAlgorithmOid, signatureValue)?.equals(info.imprint) ?? false;
  if (Number.isNaN(info.genTime.getTime())) {
    problems.push({ code: 'timestamp-malformed', message: info.problems.join('; ') });
  } else if (!info.signatureOk || !info.signingCertificateOk) {
    problems.push({ code: 'timestamp-signature', message: info.problems.join('; ') });
  }
  if (!imprintOk)
    problems.push({ code: 'timestamp-imprint', message: 'the time-stamp covers another signature' });
  return {
    genTime: info.genTime,
    ...(info.tsaCertificate ? { tsaCertificate: info.tsaCertificate } : {}),
    signatureOk: info.signatureOk,
    imprintOk,
  };
}
