import * as pkijs from 'pkijs';
import { type SigningKey, verifySignature } from '../algorithms.ts';
import {
  der,
  keyIdentifier,
  parseExact,
  positiveInteger,
  positiveIntegerContent,
  signatureAlgorithmIdentifier,
  signEnvelope,
  x509Time,
} from './der.ts';
import { parseCertificate } from './describe.ts';
import {
  authorityInfoAccessExtension,
  authorityKeyIdExtension,
  basicConstraintsExtension,
  crlDistributionPointsExtension,
  extKeyUsageExtension,
  KEY_PURPOSE,
  type KeyUsage,
  keyUsageExtension,
  ocspNoCheckExtension,
  subjectKeyIdExtension,
} from './extensions.ts';
import { type DistinguishedName, encodeName, rdnFromDer } from './names.ts';

export { fromPem, toPem } from './der.ts';
export { type CertificateInfo, CertificateParseError, describeCertificate } from './describe.ts';

/** What a certificate is for; each profile fixes its extensions (RFC 5280 §4.2). */
export type CertificateProfile =
  | 'root'
  | 'issuing_ca'
  | 'seal'
  | 'staff'
  | 'business'
  | 'tsa'
  | 'ocsp'
  | 'platform';

type Profile = {
  /** basicConstraints cA, with the pathLenConstraint (undefined: none). */
  ca?: { pathLen: number | undefined };
  keyUsage: KeyUsage[];
  eku?: { purposes: string[]; critical: boolean };
  /** Whether the CRL distribution point and authority information access go in (when URLs are given). */
  revocationPointers: boolean;
  ocspNoCheck?: boolean;
};

// Document signers (seal, staff, business) get digitalSignature + nonRepudiation and no EKU: poppler and
// NSS accept that for PDF signatures, while an EKU would have to list a purpose every verifier knows.
const SIGNER: Profile = { keyUsage: ['digitalSignature', 'nonRepudiation'], revocationPointers: true };

const PROFILES: Record<CertificateProfile, Profile> = {
  root: { ca: { pathLen: undefined }, keyUsage: ['keyCertSign', 'cRLSign'], revocationPointers: false },
  issuing_ca: { ca: { pathLen: 0 }, keyUsage: ['keyCertSign', 'cRLSign'], revocationPointers: true },
  seal: SIGNER,
  staff: SIGNER,
  business: SIGNER,
  // RFC 3161 §2.3: the TSA certificate carries exactly one EKU, timeStamping, and it MUST be critical.
  tsa: {
    keyUsage: ['digitalSignature'],
    eku: { purposes: [KEY_PURPOSE.timeStamping], critical: true },
    revocationPointers: true,
  },
  // RFC 6960 §4.2.2.2: a delegated responder has id-kp-OCSPSigning; nocheck (§4.2.2.2.1) spares clients
  // from asking the responder about itself, so it carries no revocation pointers either.
  ocsp: {
    keyUsage: ['digitalSignature'],
    eku: { purposes: [KEY_PURPOSE.ocspSigning], critical: false },
    revocationPointers: false,
    ocspNoCheck: true,
  },
  // Signs the audit log's checkpoints.
  platform: { keyUsage: ['digitalSignature'], revocationPointers: true },
};

export type IssueCertificateOptions = {
  profile: CertificateProfile;
  subject: DistinguishedName;
  /** DER SubjectPublicKeyInfo of the subject's key. */
  subjectSpki: Uint8Array;
  /** Unsigned big-endian serial (callers pass 16 random bytes); at most 20 octets once encoded. */
  serial: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** The issuing CA's certificate (DER), or 'self' for a root. */
  issuer: { certificate: Uint8Array } | 'self';
  /** The issuer's key: the CA's key, or for 'self' the subject's own. */
  issuerKey: SigningKey;
  crlUrl?: string;
  ocspUrl?: string;
  caIssuersUrl?: string;
};

type Issuer = { name: Buffer; keyId: Buffer | undefined };

/** Issues a certificate and returns its DER. Throws RangeError for options a CA must refuse. */
export async function issueCertificate(o: IssueCertificateOptions): Promise<Buffer> {
  checkOptions(o);
  const issuer = resolveIssuer(o);
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: positiveInteger(o.serial),
    signature: signatureAlgorithmIdentifier(o.issuerKey.algorithm),
    issuer: rdnFromDer(issuer.name),
    notBefore: x509Time(o.notBefore),
    notAfter: x509Time(o.notAfter),
    subject: rdnFromDer(encodeName(o.subject)),
    subjectPublicKeyInfo: new pkijs.PublicKeyInfo({ schema: parseExact(o.subjectSpki, 'subject SPKI') }),
    extensions: extensionsFor(PROFILES[o.profile], o, issuer),
  });
  const issued = await signEnvelope(der(certificate.encodeTBS()), o.issuerKey);
  selfCheck(issued, o.issuerKey);
  return issued;
}

function checkOptions(o: IssueCertificateOptions): void {
  if (!(o.notBefore.getTime() < o.notAfter.getTime()))
    throw new RangeError('notBefore must precede notAfter');
  if ((o.profile === 'root') !== (o.issuer === 'self'))
    throw new RangeError('a root, and only a root, is self-signed');
  // RFC 5280 §4.1.2.2: positive, at most 20 octets as encoded.
  if (positiveIntegerContent(o.serial).length > 20) throw new RangeError('serial longer than 20 octets');
}

/** The issuer's name and key identifier, after checking the key and the issuing certificate go together. */
function resolveIssuer(o: IssueCertificateOptions): Issuer {
  const keySpki = Buffer.from(o.issuerKey.spki);
  if (o.issuer === 'self') {
    if (!keySpki.equals(Buffer.from(o.subjectSpki)))
      throw new RangeError('a self-signed certificate needs its own key');
    return { name: encodeName(o.subject), keyId: undefined };
  }
  const ca = parseCertificate(o.issuer.certificate);
  if (!ca.extensions.isCa || (ca.extensions.keyUsage && !ca.extensions.keyUsage.includes('keyCertSign'))) {
    throw new RangeError(`the issuer ${ca.info.subjectText} is not a CA`);
  }
  if (!keySpki.equals(ca.spki)) throw new RangeError('issuerKey does not belong to the issuer certificate');
  if (PROFILES[o.profile].ca && ca.extensions.pathLenConstraint === 0) {
    throw new RangeError(`${ca.info.subjectText} may not issue CA certificates (pathLenConstraint 0)`);
  }
  // Under the shell model a certificate outliving its issuer is invalid for the extra time: refuse it.
  if (o.notAfter.getTime() > ca.info.notAfter.getTime())
    throw new RangeError('notAfter is after the issuer expires');
  return { name: ca.subjectName, keyId: ca.extensions.subjectKeyId ?? keyIdentifier(ca.spki) };
}

function extensionsFor(profile: Profile, o: IssueCertificateOptions, issuer: Issuer): pkijs.Extension[] {
  const extensions: pkijs.Extension[] = [];
  if (profile.ca) extensions.push(basicConstraintsExtension(profile.ca.pathLen));
  extensions.push(keyUsageExtension(profile.keyUsage));
  if (profile.eku) extensions.push(extKeyUsageExtension(profile.eku.purposes, profile.eku.critical));
  extensions.push(subjectKeyIdExtension(keyIdentifier(o.subjectSpki)));
  if (issuer.keyId) extensions.push(authorityKeyIdExtension(issuer.keyId));
  if (profile.revocationPointers && o.crlUrl) extensions.push(crlDistributionPointsExtension(o.crlUrl));
  const aia = profile.revocationPointers
    ? authorityInfoAccessExtension(o.ocspUrl, o.caIssuersUrl)
    : undefined;
  if (aia) extensions.push(aia);
  if (profile.ocspNoCheck) extensions.push(ocspNoCheckExtension());
  return extensions;
}

/** A CA must never hand out a certificate it cannot itself read back and verify. */
function selfCheck(issued: Buffer, key: SigningKey): void {
  const parsed = parseCertificate(issued);
  if (!verifySignature(key.algorithm, key.spki, parsed.tbs, parsed.signatureValue)) {
    throw new Error('the signing key produced a signature that does not verify');
  }
}
