import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  algorithmOfSignatureOid,
  algorithmOfSpki,
  digest,
  OID,
  type SignatureAlgorithm,
  type SigningKey,
  SUITES,
  verifySignature,
} from '../algorithms.ts';
import {
  algorithm,
  CMS_OID,
  CmsFormatError,
  encodedBytes,
  exactCertificate,
  hashByOid,
  integerHex,
  octets,
  parseDer,
  singleAttributeValue,
  sortedForSetOf,
  toDer,
} from './asn1.ts';

/**
 * One SignerInfo (RFC 5652 §5.3), made and checked without pkijs's crypto engine, which knows no SM2: the
 * signed attributes are encoded here and signed by a SigningKey, and checked over the exact bytes received.
 * Shared by detached signatures (signedData.ts) and time-stamp tokens (tsa.ts).
 */

export type CmsProblemCode =
  | 'malformed'
  | 'signer-count'
  | 'signer-certificate-missing'
  | 'unsupported-algorithm'
  | 'signed-attributes-missing'
  | 'content-type-mismatch'
  | 'digest-mismatch'
  | 'bad-signature'
  | 'signing-certificate-missing'
  | 'signing-certificate-mismatch'
  | 'not-detached'
  | 'timestamp-malformed'
  | 'timestamp-signature'
  | 'timestamp-imprint';

export type CmsProblem = { code: CmsProblemCode; message: string };

/** A certificate as a SignedData carries it: parsed, and the exact DER that its hash and signature cover. */
export type CarriedCertificate = { der: Buffer; certificate: pkijs.Certificate };

export function carriedCertificate(der: Uint8Array): CarriedCertificate {
  return { der: Buffer.from(der), certificate: exactCertificate(der) };
}

/** The DER SubjectPublicKeyInfo of a certificate. */
export function spkiOfCertificate(certificate: pkijs.Certificate): Buffer {
  return toDer(certificate.subjectPublicKeyInfo);
}

export type SignerInput = {
  key: SigningKey;
  certificate: CarriedCertificate;
  /** eContentType: id-data for a detached signature, id-ct-TSTInfo for a time-stamp token. */
  contentType: string;
  /** The content's digest with the key's suite (SM3 or SHA-256). */
  contentDigest: Buffer;
};

/**
 * A signed SignerInfo with the attributes every signature here carries: contentType, messageDigest and
 * signingCertificateV2. No signingTime: PAdES takes the time from the time-stamp, and RFC 3161 from TSTInfo.
 */
export async function signSignerInfo(input: SignerInput): Promise<pkijs.SignerInfo> {
  const { key, certificate } = input;
  if (!spkiOfCertificate(certificate.certificate).equals(Buffer.from(key.spki))) {
    throw new Error('the signing key does not belong to the certificate');
  }
  const suite = SUITES[key.algorithm];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: sortedForSetOf([
      new pkijs.Attribute({
        type: CMS_OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: input.contentType })],
      }),
      new pkijs.Attribute({
        type: CMS_OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: input.contentDigest })],
      }),
      signingCertificateV2(certificate, key.algorithm),
    ]),
  });
  const signature = await key.sign(signedAttributesDer(signedAttrs));
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.certificate.issuer,
      serialNumber: certificate.certificate.serialNumber,
    }),
    digestAlgorithm: algorithm(suite.digestOid),
    signedAttrs,
    signatureAlgorithm: algorithm(suite.signatureOid),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
}

/** RFC 5652 §5.4: the signature covers the DER of the attributes with the SET OF tag, not the [0] they travel in. */
function signedAttributesDer(attributes: pkijs.SignedAndUnsignedAttributes): Buffer {
  const der = toDer(attributes);
  der[0] = 0x31;
  return der;
}

/**
 * ESS signingCertificateV2 (RFC 5035) naming the signer's certificate, so that another certificate for the
 * same key cannot be substituted. The hash uses the suite's digest; SHA-256 is the DEFAULT and DER omits it.
 * issuerSerial is included: OpenSSL and most validators check it when present.
 */
function signingCertificateV2(certificate: CarriedCertificate, alg: SignatureAlgorithm): pkijs.Attribute {
  const hashOid = SUITES[alg].digestOid;
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({
      names: [new pkijs.GeneralName({ type: 4, value: certificate.certificate.issuer })],
    }),
    serialNumber: certificate.certificate.serialNumber,
  });
  const essCertId = new asn1js.Sequence({
    value: [
      ...(hashOid === OID.sha256 ? [] : [algorithm(hashOid).toSchema()]),
      new asn1js.OctetString({ valueHex: digest(alg, certificate.der) }),
      issuerSerial.toSchema(),
    ],
  });
  return new pkijs.Attribute({
    type: CMS_OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })],
  });
}

/** A parsed ContentInfo(SignedData) and the certificates it carries, each with its exact DER. */
export type ParsedSignedData = { signedData: pkijs.SignedData; certificates: CarriedCertificate[] };

export function readSignedData(
  bytes: Uint8Array,
  limit: number,
  what: string,
  zeroPadding = false,
): ParsedSignedData {
  const contentInfo = new pkijs.ContentInfo({ schema: parseDer(bytes, limit, what, zeroPadding) });
  if (contentInfo.contentType !== CMS_OID.signedData) {
    throw new CmsFormatError(`${what} is a ${contentInfo.contentType}, not a SignedData`);
  }
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  return { signedData, certificates: carriedCertificates(contentInfo.content) };
}

function carriedCertificates(signedData: asn1js.Sequence): CarriedCertificate[] {
  // certificates [0] IMPLICIT CertificateSet: the only context-tagged [0] directly inside SignedData.
  const set = signedData.valueBlock.value.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0);
  if (!(set instanceof asn1js.Constructed)) return [];
  // Other choices (attribute certificates, other formats) are tagged; plain certificates are SEQUENCEs.
  return set.valueBlock.value
    .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16)
    .map((c) => carriedCertificate(encodedBytes(c)));
}

export type SignerCheck = {
  certificate?: CarriedCertificate;
  algorithm?: SignatureAlgorithm;
  digestOk: boolean;
  signatureOk: boolean;
  signingCertificateOk: boolean;
  problems: CmsProblem[];
};

/**
 * Checks one SignerInfo against the content it should cover. Finds the signer among the given certificates,
 * then reports each property separately, so a caller can tell a changed document (digest) from a forged or
 * damaged signature, or a substituted certificate (ESS).
 */
export function checkSignerInfo(
  signerInfo: pkijs.SignerInfo,
  certificates: CarriedCertificate[],
  expected: { contentType: string; content: Uint8Array },
): SignerCheck {
  const check: SignerCheck = {
    digestOk: false,
    signatureOk: false,
    signingCertificateOk: false,
    problems: [],
  };
  const problem = (code: CmsProblemCode, message: string) => check.problems.push({ code, message });
  const certificate = findSigner(signerInfo.sid, certificates);
  if (!certificate) {
    problem('signer-certificate-missing', 'no certificate matches the signer identifier');
    return check;
  }
  check.certificate = certificate;
  const spki = spkiOfCertificate(certificate.certificate);
  const alg = suiteOf(signerInfo, spki);
  if (!alg) {
    problem('unsupported-algorithm', 'the signer key and algorithms are not SM2/SM3 nor ECDSA P-256/SHA-256');
    return check;
  }
  check.algorithm = alg;
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!signerInfo.signedAttrs || !attributes) {
    problem('signed-attributes-missing', 'the signature has no signed attributes');
    return check;
  }
  const type = singleAttributeValue(attributes, CMS_OID.contentType);
  if (!(type instanceof asn1js.ObjectIdentifier) || type.valueBlock.toString() !== expected.contentType) {
    problem('content-type-mismatch', `the contentType attribute is not ${expected.contentType}`);
  }
  const messageDigest = octets(singleAttributeValue(attributes, CMS_OID.messageDigest));
  check.digestOk = messageDigest?.equals(digest(alg, expected.content)) ?? false;
  if (!check.digestOk) problem('digest-mismatch', 'the content does not match the messageDigest attribute');
  // pkijs keeps the attributes exactly as received, re-tagged to SET OF (RFC 5652 §5.4): what was signed.
  const signed = Buffer.from(signerInfo.signedAttrs.encodedValue);
  const signature = Buffer.from(signerInfo.signature.getValue());
  check.signatureOk = verifySignature(alg, spki, signed, signature);
  if (!check.signatureOk)
    problem('bad-signature', 'the signature does not verify with the signer certificate');
  const ess = checkSigningCertificate(attributes, certificate);
  check.signingCertificateOk = ess === undefined;
  if (ess) check.problems.push(ess);
  return check;
}

function findSigner(sid: unknown, certificates: CarriedCertificate[]): CarriedCertificate | undefined {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = toDer(sid.issuer);
    const serial = integerHex(sid.serialNumber);
    return certificates.find(
      (c) => integerHex(c.certificate.serialNumber) === serial && toDer(c.certificate.issuer).equals(issuer),
    );
  }
  // subjectKeyIdentifier [0] IMPLICIT OCTET STRING
  if (sid instanceof asn1js.Primitive) {
    const keyId = Buffer.from(sid.valueBlock.valueHexView);
    return certificates.find((c) => subjectKeyIdentifier(c.certificate)?.equals(keyId));
  }
  return undefined;
}

function subjectKeyIdentifier(certificate: pkijs.Certificate): Buffer | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === CMS_OID.subjectKeyIdentifier);
  if (!extension) return undefined;
  return octets(parseDer(Buffer.from(extension.extnValue.getValue()), 1024, 'the subjectKeyIdentifier'));
}

/** The suite, when the key, the signature algorithm and the digest algorithm all agree on one. */
function suiteOf(signerInfo: pkijs.SignerInfo, spki: Buffer): SignatureAlgorithm | undefined {
  const keyAlgorithm = algorithmOfSpki(spki);
  if (!keyAlgorithm) return undefined;
  const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
  // Some signers name the key type (id-ecPublicKey) rather than the signature algorithm; the key decides then.
  const named = signatureOid === OID.ecPublicKey ? keyAlgorithm : algorithmOfSignatureOid(signatureOid);
  if (named !== keyAlgorithm) return undefined;
  return signerInfo.digestAlgorithm.algorithmId === SUITES[keyAlgorithm].digestOid ? keyAlgorithm : undefined;
}

/** Undefined when the first ESSCertIDv2 names the certificate (RFC 5035 §5.4), else the problem. */
function checkSigningCertificate(
  attributes: pkijs.Attribute[],
  certificate: CarriedCertificate,
): CmsProblem | undefined {
  const value = singleAttributeValue(attributes, CMS_OID.signingCertificateV2);
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) {
    return { code: 'signing-certificate-missing', message: 'there is no signingCertificateV2 attribute' };
  }
  const fields = first.valueBlock.value;
  const explicitHash = fields[0] instanceof asn1js.Sequence;
  const hashOid = explicitHash
    ? new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId
    : OID.sha256;
  const certHash = octets(fields[explicitHash ? 1 : 0]);
  const issuerSerial = fields[explicitHash ? 2 : 1];
  const hash = hashByOid(hashOid, certificate.der);
  const ok =
    hash !== undefined &&
    certHash?.equals(hash) === true &&
    (issuerSerial === undefined || issuerSerialMatches(issuerSerial, certificate.certificate));
  return ok
    ? undefined
    : { code: 'signing-certificate-mismatch', message: 'signingCertificateV2 names another certificate' };
}

function issuerSerialMatches(schema: asn1js.AsnType, certificate: pkijs.Certificate): boolean {
  try {
    const issuerSerial = new pkijs.IssuerSerial({ schema });
    const issuer = toDer(certificate.issuer);
    return (
      integerHex(issuerSerial.serialNumber) === integerHex(certificate.serialNumber) &&
      issuerSerial.issuer.names.some((n) => n.type === 4 && toDer(n.value).equals(issuer))
    );
  } catch {
    return false; // not an IssuerSerial at all
  }
}
