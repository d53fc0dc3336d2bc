import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_ALGORITHMS } from '../algorithms.ts';
import { describeCertificate } from './certificates.ts';
import { buildCrl, CrlParseError, parseCrl, verifyCrl } from './crl.ts';
import { DAY, type Hierarchy, makeHierarchy, NOW } from './testFixtures.ts';

describe.each(SIGNATURE_ALGORITHMS)('CRLs (%s)', (algorithm) => {
  let h: Hierarchy;
  beforeAll(async () => {
    h = await makeHierarchy(algorithm);
  });

  const build = (entries: Parameters<typeof buildCrl>[0]['entries'], number: bigint | number = 42) =>
    buildCrl({
      issuerCertificate: h.issuing.certificate,
      issuerKey: h.issuing.key,
      number,
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + DAY),
      entries,
    });

  it('round-trips entries, number, times and the authority key identifier', async () => {
    const leafSerial = describeCertificate(h.leaf.certificate).serialHex;
    const crl = await build(
      [
        { serialHex: leafSerial, revokedAt: new Date(NOW.getTime() - 1000), reason: 'keyCompromise' },
        { serialHex: 'ABCDEF', revokedAt: NOW, reason: 'privilegeWithdrawn' },
        { serialHex: '0102', revokedAt: NOW, reason: 'unspecified' },
      ],
      2n ** 100n,
    );
    const parsed = parseCrl(crl);
    expect(parsed).toMatchObject({
      issuer: describeCertificate(h.issuing.certificate).subject,
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + DAY),
      number: 2n ** 100n,
      authorityKeyIdHex: describeCertificate(h.issuing.certificate).subjectKeyIdHex,
      signatureAlgorithm: algorithm,
    });
    expect(parsed.entries).toEqual([
      { serialHex: leafSerial, revokedAt: new Date(NOW.getTime() - 1000), reason: 'keyCompromise' },
      { serialHex: '00abcdef', revokedAt: NOW, reason: 'privilegeWithdrawn' },
      { serialHex: '0102', revokedAt: NOW, reason: 'unspecified' },
    ]);
    // 'unspecified' is said by leaving reasonCode out: only two entries carry the extension (2.5.29.21).
    expect(crl.toString('hex').split('0603551d15').length - 1).toBe(2);
    expect(verifyCrl(crl, h.issuing.certificate)).toBe(true);
  });

  it('leaves revokedCertificates out of an empty CRL', async () => {
    const crl = await build([]);
    expect(parseCrl(crl).entries).toEqual([]);
    expect(verifyCrl(crl, h.issuing.certificate)).toBe(true);
  });

  it('does not verify with another issuer, after tampering, or on garbage', async () => {
    const crl = await build([{ serialHex: '01', revokedAt: NOW, reason: 'superseded' }]);
    expect(verifyCrl(crl, h.root.certificate)).toBe(false);
    const tampered = Buffer.from(crl);
    const at = tampered.indexOf(Buffer.from('0a0104', 'hex')); // ENUMERATED superseded
    tampered[at + 2] = 1;
    expect(parseCrl(tampered).entries[0]?.reason).toBe('keyCompromise');
    expect(verifyCrl(tampered, h.issuing.certificate)).toBe(false);
    expect(verifyCrl(Buffer.from('garbage'), h.issuing.certificate)).toBe(false);
    expect(verifyCrl(crl, Buffer.from('garbage'))).toBe(false);
    expect(() => parseCrl(crl.subarray(0, 40))).toThrow(CrlParseError);
  });

  it('refuses to sign with a key that is not the issuer’s or for an end entity', async () => {
    const o = { number: 1, thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + DAY), entries: [] };
    await expect(
      buildCrl({ ...o, issuerCertificate: h.issuing.certificate, issuerKey: h.root.key }),
    ).rejects.toThrow(RangeError);
    await expect(
      buildCrl({ ...o, issuerCertificate: h.leaf.certificate, issuerKey: h.leaf.key }),
    ).rejects.toThrow(/cRLSign/);
  });
});
