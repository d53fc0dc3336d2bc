import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_ALGORITHMS } from '../algorithms.ts';
import { CertificateParseError, describeCertificate, issueCertificate } from './certificates.ts';
import { parseCertificate } from './describe.ts';
import { KEY_PURPOSE } from './extensions.ts';
import {
  DAY,
  type Hierarchy,
  issueUnder,
  makeHierarchy,
  NOW,
  newKey,
  SEAL_SUBJECT,
  URLS,
} from './testFixtures.ts';

describe.each(SIGNATURE_ALGORITHMS)('certificates (%s)', (algorithm) => {
  let h: Hierarchy;
  beforeAll(async () => {
    h = await makeHierarchy(algorithm);
  });

  it('describes a root', () => {
    const root = describeCertificate(h.root.certificate);
    expect(root).toMatchObject({
      isCa: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
      algorithm,
      signatureAlgorithm: algorithm,
    });
    expect(root.pathLenConstraint).toBeUndefined();
    expect(root.subjectText).toBe(root.issuerText);
    expect(root.authorityKeyIdHex).toBeUndefined();
    expect(root.spki).toEqual(Buffer.from(h.root.key.spki));
  });

  it('describes an issuing CA, chained by name and key identifiers', () => {
    const root = describeCertificate(h.root.certificate);
    const issuing = describeCertificate(h.issuing.certificate);
    expect(issuing).toMatchObject({ isCa: true, pathLenConstraint: 0, crlUrls: [URLS.rootCrl] });
    expect(issuing.issuer).toEqual(root.subject);
    expect(issuing.authorityKeyIdHex).toBe(root.subjectKeyIdHex);
    // The issuer name is copied byte for byte from the issuer's subject, not re-encoded.
    expect(parseCertificate(h.issuing.certificate).issuerName).toEqual(
      parseCertificate(h.root.certificate).subjectName,
    );
  });

  it('describes a seal certificate', () => {
    const leaf = describeCertificate(h.leaf.certificate);
    expect(leaf).toMatchObject({
      subject: SEAL_SUBJECT,
      isCa: false,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      extendedKeyUsage: [],
      crlUrls: [URLS.issuingCrl],
      ocspUrls: [URLS.ocsp],
      caIssuersUrls: [URLS.caIssuers],
    });
    expect(leaf.sha256Fingerprint).toBe(createHash('sha256').update(h.leaf.certificate).digest('hex'));
  });

  it('gives tsa, ocsp and platform certificates their purposes', async () => {
    const tsa = describeCertificate((await issueUnder(h.issuing, 'tsa', { commonName: 'TSA' })).certificate);
    expect(tsa).toMatchObject({
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [KEY_PURPOSE.timeStamping],
    });
    const ocsp = parseCertificate((await issueUnder(h.issuing, 'ocsp', { commonName: 'OCSP' })).certificate);
    expect(ocsp.extensions).toMatchObject({
      extendedKeyUsage: [KEY_PURPOSE.ocspSigning],
      ocspNoCheck: true,
      crlUrls: [],
    });
    const platform = describeCertificate(
      (await issueUnder(h.issuing, 'platform', { commonName: '审计' })).certificate,
    );
    expect(platform).toMatchObject({ keyUsage: ['digitalSignature'], extendedKeyUsage: [], isCa: false });
  });
});

describe('issueCertificate', () => {
  let h: Hierarchy;
  beforeAll(async () => {
    h = await makeHierarchy('ECDSA-P256-SHA256');
  });
  const base = () => {
    const key = newKey('ECDSA-P256-SHA256');
    return {
      profile: 'staff' as const,
      subject: { commonName: '张三' },
      subjectSpki: key.spki,
      serial: Buffer.from('ff'.repeat(16), 'hex'),
      notBefore: NOW,
      notAfter: new Date(NOW.getTime() + DAY),
      issuer: { certificate: h.issuing.certificate },
      issuerKey: h.issuing.key,
    };
  };

  it('keeps a serial with the top bit set positive, and strips leading zeros', async () => {
    expect(describeCertificate(await issueCertificate(base())).serialHex).toBe(`00${'ff'.repeat(16)}`);
    const padded = { ...base(), serial: Buffer.from(`0000${'11'.repeat(14)}`, 'hex') };
    expect(describeCertificate(await issueCertificate(padded)).serialHex).toBe('11'.repeat(14));
  });

  it('refuses a zero or over-long serial', async () => {
    await expect(issueCertificate({ ...base(), serial: Buffer.alloc(16) })).rejects.toThrow(RangeError);
    await expect(issueCertificate({ ...base(), serial: Buffer.alloc(20, 0x80) })).rejects.toThrow(
      /20 octets/,
    );
  });

  it('refuses a key that is not the issuer’s, an end entity as issuer, and outliving the issuer', async () => {
    await expect(issueCertificate({ ...base(), issuerKey: h.root.key })).rejects.toThrow(/does not belong/);
    await expect(
      issueCertificate({ ...base(), issuer: { certificate: h.leaf.certificate }, issuerKey: h.leaf.key }),
    ).rejects.toThrow(/not a CA/);
    await expect(
      issueCertificate({ ...base(), notAfter: new Date(NOW.getTime() + 5000 * DAY) }),
    ).rejects.toThrow(/issuer expires/);
    await expect(issueCertificate({ ...base(), notAfter: NOW })).rejects.toThrow(/precede/);
    await expect(issueCertificate({ ...base(), profile: 'root' })).rejects.toThrow(/only a root/);
  });

  it('writes GeneralizedTime from 2050 on', async () => {
    const key = newKey('ECDSA-P256-SHA256');
    const root = await issueCertificate({
      ...base(),
      profile: 'root',
      subjectSpki: key.spki,
      issuer: 'self',
      issuerKey: key,
      notAfter: new Date('2060-01-01T00:00:00.500Z'),
    });
    expect(describeCertificate(root).notAfter.toISOString()).toBe('2060-01-01T00:00:00.000Z');
    expect(root.includes(Buffer.from('20600101000000Z', 'latin1'))).toBe(true);
    expect(parseCertificate(root).certificate.notBefore.type).toBe(0);
  });
});

describe('describeCertificate on garbage', () => {
  let der: Buffer;
  beforeAll(async () => {
    der = (await makeHierarchy('ECDSA-P256-SHA256')).leaf.certificate;
  });

  it.each([
    ['empty', () => Buffer.alloc(0)],
    ['random bytes', () => Buffer.from('not a certificate at all')],
    ['truncated', () => der.subarray(0, der.length - 10)],
    ['cut in half', () => der.subarray(0, der.length >> 1)],
    ['trailing bytes', () => Buffer.concat([der, Buffer.from([0])])],
    ['an empty SEQUENCE', () => Buffer.from('3000', 'hex')],
    ['a CRL-shaped SEQUENCE of INTEGERs', () => Buffer.from('3006020101020101', 'hex')],
  ])('throws CertificateParseError for %s', (_, bytes) => {
    expect(() => describeCertificate(bytes())).toThrow(CertificateParseError);
  });

  it('never throws anything but CertificateParseError for a certificate with one byte changed', () => {
    for (let i = 0; i < der.length; i += 3) {
      const mutated = Buffer.from(der);
      mutated[i] = (mutated[i] ?? 0) ^ 0x5a;
      try {
        describeCertificate(mutated);
      } catch (error) {
        expect(error).toBeInstanceOf(CertificateParseError);
      }
    }
  });

  it('throws CertificateParseError for every truncation', () => {
    for (let length = 0; length < der.length; length += 7) {
      expect(() => describeCertificate(der.subarray(0, length))).toThrow(CertificateParseError);
    }
  });
});
