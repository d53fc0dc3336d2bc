// Test-only: a small CA hierarchy per signature suite, shared by the *.test.ts files of this folder.
import { randomBytes } from 'node:crypto';
import {
  generateKeyMaterial,
  type SignatureAlgorithm,
  type SigningKey,
  softwareSigningKey,
} from '../algorithms.ts';
import { type CertificateProfile, issueCertificate } from './certificates.ts';
import type { DistinguishedName } from './names.ts';

export const DAY = 86_400_000;
/** The tests' "now": the real time (openssl checks OCSP freshness against the clock), to the second. */
export const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

export const URLS = {
  rootCrl: 'http://ca.yiwang.example/crl/root.crl',
  issuingCrl: 'http://ca.yiwang.example/crl/issuing.crl',
  ocsp: 'http://ca.yiwang.example/ocsp',
  caIssuers: 'http://ca.yiwang.example/certs/issuing.cer',
};

export const SEAL_SUBJECT: DistinguishedName = {
  country: 'CN',
  province: '黑龙江省',
  locality: '哈尔滨市',
  organization: '哈尔滨市市场监督管理局',
  commonName: '哈尔滨市市场监督管理局电子印章',
  serialNumber: '11230100MB1957460K',
};

export type Issued = { key: SigningKey; certificate: Buffer };

export type Hierarchy = { algorithm: SignatureAlgorithm; root: Issued; issuing: Issued; leaf: Issued };

export function newKey(algorithm: SignatureAlgorithm): SigningKey {
  return softwareSigningKey(generateKeyMaterial(algorithm));
}

export async function issueRoot(algorithm: SignatureAlgorithm, commonName = '一网根CA'): Promise<Issued> {
  const key = newKey(algorithm);
  const certificate = await issueCertificate({
    profile: 'root',
    subject: { country: 'CN', organization: '黑龙江省人民政府', commonName },
    subjectSpki: key.spki,
    serial: randomBytes(16),
    notBefore: new Date(NOW.getTime() - DAY),
    notAfter: new Date(NOW.getTime() + 3650 * DAY),
    issuer: 'self',
    issuerKey: key,
  });
  return { key, certificate };
}

/** Issues a certificate of the profile under issuer, with a fresh key of the issuer's suite. */
export async function issueUnder(
  issuer: Issued,
  profile: CertificateProfile,
  subject: DistinguishedName,
  validity: { notBefore?: Date; notAfter?: Date } = {},
): Promise<Issued> {
  const key = newKey(issuer.key.algorithm);
  const certificate = await issueCertificate({
    profile,
    subject,
    subjectSpki: key.spki,
    serial: randomBytes(16),
    notBefore: validity.notBefore ?? new Date(NOW.getTime() - DAY),
    notAfter: validity.notAfter ?? new Date(NOW.getTime() + (profile === 'issuing_ca' ? 1825 : 365) * DAY),
    issuer: { certificate: issuer.certificate },
    issuerKey: issuer.key,
    crlUrl: profile === 'issuing_ca' ? URLS.rootCrl : URLS.issuingCrl,
    ocspUrl: URLS.ocsp,
    caIssuersUrl: URLS.caIssuers,
  });
  return { key, certificate };
}

/** Root → issuing CA → seal certificate of 哈尔滨市市场监督管理局. */
export async function makeHierarchy(algorithm: SignatureAlgorithm): Promise<Hierarchy> {
  const root = await issueRoot(algorithm);
  const issuing = await issueUnder(root, 'issuing_ca', {
    country: 'CN',
    organization: '黑龙江省人民政府',
    commonName: '一网签发CA',
  });
  const leaf = await issueUnder(issuing, 'seal', SEAL_SUBJECT);
  return { algorithm, root, issuing, leaf };
}
