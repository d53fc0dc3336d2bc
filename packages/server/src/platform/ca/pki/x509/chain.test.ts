import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_ALGORITHMS } from '../algorithms.ts';
import { describeCertificate, issueCertificate } from './certificates.ts';
import { type ChainProblemCode, verifyChain } from './chain.ts';
import {
  DAY,
  type Hierarchy,
  type Issued,
  issueUnder,
  makeHierarchy,
  NOW,
  newKey,
  SEAL_SUBJECT,
} from './testFixtures.ts';

describe.each(SIGNATURE_ALGORITHMS)('verifyChain (%s)', (algorithm) => {
  let h: Hierarchy;
  let other: Hierarchy;
  beforeAll(async () => {
    [h, other] = await Promise.all([makeHierarchy(algorithm), makeHierarchy(algorithm)]);
  });

  const verify = (certificate: Uint8Array, o: { at?: Date; intermediates?: Uint8Array[] } = {}) =>
    verifyChain({
      certificate,
      intermediates: o.intermediates ?? [h.issuing.certificate],
      trustAnchors: [h.root.certificate],
      at: o.at ?? NOW,
    });
  const codes = (result: { problems: { code: ChainProblemCode }[] }) => result.problems.map((p) => p.code);

  it('accepts a good chain and returns the path leaf first', () => {
    const result = verify(h.leaf.certificate);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.path.map((c) => c.subject.commonName)).toEqual([
      SEAL_SUBJECT.commonName,
      '一网签发CA',
      '一网根CA',
    ]);
  });

  it('accepts the trust anchor itself and an intermediate', () => {
    expect(verify(h.root.certificate).ok).toBe(true);
    expect(verify(h.issuing.certificate, { intermediates: [] }).ok).toBe(true);
  });

  it('reports bad_signature when one byte of the TBS changes', () => {
    const tampered = Buffer.from(h.leaf.certificate);
    // A byte inside the subject's commonName: the structure stays valid, the signature does not.
    const at = tampered.indexOf(Buffer.from('电子印章', 'utf8'));
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = (tampered[at + 1] ?? 0) ^ 0x01;
    const result = verify(tampered);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['bad_signature']);
    expect(result.problems[0]?.serialHex).toBe(describeCertificate(h.leaf.certificate).serialHex);
  });

  it('reports untrusted_issuer for a certificate of another CA, even with names alike', () => {
    const result = verify(other.leaf.certificate, {
      intermediates: [h.issuing.certificate, other.issuing.certificate],
    });
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['untrusted_issuer']);
    expect(verify(other.root.certificate).problems.map((p) => p.code)).toEqual(['untrusted_issuer']);
  });

  it('reports untrusted_issuer when the intermediate is missing', () => {
    expect(codes(verify(h.leaf.certificate, { intermediates: [] }))).toEqual(['untrusted_issuer']);
  });

  it('reports expired and not_yet_valid', () => {
    expect(codes(verify(h.leaf.certificate, { at: new Date(NOW.getTime() + 400 * DAY) }))).toEqual([
      'expired',
    ]);
    const everything = codes(verify(h.leaf.certificate, { at: new Date(NOW.getTime() + 4000 * DAY) }));
    expect(everything).toEqual(['expired', 'expired', 'expired']);
    expect(codes(verify(h.leaf.certificate, { at: new Date(NOW.getTime() - 2 * DAY) }))).toContain(
      'not_yet_valid',
    );
  });

  it('reports not_a_ca when an end entity signs a certificate', async () => {
    // issueCertificate refuses this, so forge it: sign with the seal key under the seal's name.
    const forged = await forgeUnder(h.leaf);
    const result = verify(forged.certificate, { intermediates: [h.issuing.certificate, h.leaf.certificate] });
    expect(result.path).toHaveLength(4);
    // The seal certificate is no CA; and the issuing CA (pathLen 0) now has a "CA" below it as well.
    expect(codes(result)).toEqual(['not_a_ca', 'not_a_ca']);
    expect(result.problems[0]?.serialHex).toBe(describeCertificate(h.leaf.certificate).serialHex);
    expect(result.problems[0]?.message).toMatch(/is not a CA/);
  });

  it('reports not_a_ca when an issuing CA (pathLen 0) issues another CA', async () => {
    const sub = await issueUnder(h.root, 'issuing_ca', { commonName: 'sub' });
    const forged = await forgeUnder(sub, 'issuing_ca');
    const leafOfSub = await issueUnder(forged, 'staff', { commonName: '李四' });
    const result = verify(leafOfSub.certificate, { intermediates: [sub.certificate, forged.certificate] });
    expect(codes(result)).toEqual(['not_a_ca']);
    expect(result.problems[0]?.message).toMatch(/allows 0/);
  });

  it('reports malformed for garbage without throwing', () => {
    const result = verify(Buffer.from('garbage'));
    expect(result).toMatchObject({ ok: false, path: [] });
    expect(codes(result)).toEqual(['malformed']);
    const withBadIntermediate = verify(h.leaf.certificate, {
      intermediates: [Buffer.from([0x30, 0x01]), h.issuing.certificate],
    });
    expect(codes(withBadIntermediate)).toEqual(['malformed']);
    expect(withBadIntermediate.path).toHaveLength(3);
  });
});

/**
 * A certificate signed by `signer` although issueCertificate would refuse that signer (not a CA, or its path
 * length used up). issueCertificate only looks at the issuer certificate it is given, so hand it a stand-in:
 * a self-signed CA certificate with the signer's name and key, which yields the same issuer name and key
 * identifier as the real signer certificate.
 */
async function forgeUnder(signer: Issued, profile: 'seal' | 'issuing_ca' = 'seal'): Promise<Issued> {
  const { subject } = describeCertificate(signer.certificate);
  const days = (n: number) => new Date(NOW.getTime() + n * DAY);
  const standIn = await issueCertificate({
    profile: 'root',
    subject,
    subjectSpki: signer.key.spki,
    serial: randomBytes(16),
    notBefore: days(-1),
    notAfter: days(3650),
    issuer: 'self',
    issuerKey: signer.key,
  });
  const key = newKey(signer.key.algorithm);
  const certificate = await issueCertificate({
    profile,
    subject: { commonName: `forged under ${subject.commonName}` },
    subjectSpki: key.spki,
    serial: randomBytes(16),
    notBefore: days(-1),
    notAfter: days(1000),
    issuer: { certificate: standIn },
    issuerKey: signer.key,
  });
  return { key, certificate };
}
