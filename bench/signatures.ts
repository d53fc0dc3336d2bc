// Seals on a one-page decision: signatures/s and verifications/s, SM2/SM3 and ECDSA P-256.
// A signature = byte range + CMS (signed attributes, signing-certificate-v2) + an RFC 3161 token
// from the TSA, embedded in the PDF; a verification = parse the PDF (byte range, appended updates,
// hidden objects) + CMS + time-stamp + certificate chain. The baseline, in the same run, is the
// bare signature primitive over the same bytes: the ratio is what PAdES and the checks cost.
// No database: the CA's register and revocation lookups are not in these figures.
// `npm run bench:signatures` (BENCH_SECONDS=3)
import { createHash } from 'node:crypto';
import {
  addSignatureField,
  embedSignature,
  inspectPdf,
} from '../packages/server/src/platform/ca/pdf/index.ts';
import {
  digest,
  generateKeyMaterial,
  type SignatureAlgorithm,
  type SigningKey,
  SUITES,
  softwareSigningKey,
  verifySignature,
} from '../packages/server/src/platform/ca/pki/algorithms.ts';
import {
  issueTimeStampToken,
  signDetached,
  verifyDetached,
} from '../packages/server/src/platform/ca/pki/cms/index.ts';
import {
  type CertificateProfile,
  issueCertificate,
  verifyChain,
} from '../packages/server/src/platform/ca/pki/x509/index.ts';
import { issue, samples } from '../packages/server/src/platform/documents/fixtures.ts';
import { renderDocument } from '../packages/server/src/platform/documents/index.ts';
import { machine, saveReport } from './lib/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const code = 'licensing.refusal_to_accept';
const params = { ...samples[code], refusal: { ground: 'not_licensing_matter' } };

type Party = { key: SigningKey; der: Buffer };
/** Each certificate ends before its issuer's. */
const DAYS: Partial<Record<CertificateProfile, number>> = { root: 4, issuing_ca: 3 };

async function hierarchy(algorithm: SignatureAlgorithm) {
  const now = Date.now();
  let serial = 1;
  const make = async (profile: CertificateProfile, issuer: Party | 'self', cn: string): Promise<Party> => {
    const key = softwareSigningKey(generateKeyMaterial(algorithm));
    const der = await issueCertificate({
      profile,
      subject: { country: 'CN', organization: issue.issuingUnit, commonName: cn },
      subjectSpki: key.spki,
      serial: Buffer.from([0x10, serial++]),
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + (DAYS[profile] ?? 2) * 86_400_000),
      issuer: issuer === 'self' ? 'self' : { certificate: issuer.der },
      issuerKey: issuer === 'self' ? key : issuer.key,
    });
    return { key, der };
  };
  const root = await make('root', 'self', 'bench root');
  const issuing = await make('issuing_ca', root, 'bench issuing');
  return {
    root,
    issuing,
    seal: await make('seal', issuing, 'bench seal'),
    tsa: await make('tsa', issuing, 'bench tsa'),
  };
}

async function draft(): Promise<Buffer> {
  return renderDocument(code, 'latest', params, {
    ...issue,
    seal: {
      verificationCode: 'ABCD-EFGH-JKMN-PQRS',
      verificationUrl: 'https://zwfw.hlj.gov.cn/verify?code=ABCD-EFGH-JKMN-PQRS',
      beforeEnd: (doc, where) =>
        addSignatureField(doc, { name: issue.issuingUnit, reason: '加盖电子印章', widget: where }),
    },
  });
}

async function rate(label: string, work: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await work();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await work();
    n++;
  }
  const perSecond = Number(((n * 1000) / (performance.now() - t0)).toFixed(1));
  console.log(`${label.padEnd(52)} ${String(perSecond).padStart(8)} /s`);
  return perSecond;
}

const pdf = await draft();
const results: Record<string, object> = {};
for (const algorithm of ['SM2-SM3', 'ECDSA-P256-SHA256'] as const) {
  const h = await hierarchy(algorithm);
  let serial = 0n;
  const seal = () =>
    embedSignature(pdf, (content) =>
      signDetached({
        key: h.seal.key,
        certificate: h.seal.der,
        chain: [h.issuing.der, h.root.der],
        content,
        timestamp: (value) =>
          issueTimeStampToken({
            tsaCertificate: h.tsa.der,
            tsaKey: h.tsa.key,
            imprintAlgorithmOid: SUITES[algorithm].digestOid,
            imprint: digest(algorithm, value),
            serial: ++serial,
            genTime: new Date(),
            policyOid: '2.25.1',
            includeCertificate: true,
          }),
      }),
    );
  const sealed = await seal();
  const verify = () => {
    const inspected = inspectPdf(sealed);
    const s = inspected.signatures[0];
    if (!s) throw new Error('no signature');
    const cms = verifyDetached(s.cms, s.signedBytes);
    const chain = verifyChain({
      certificate: h.seal.der,
      intermediates: cms.certificates,
      trustAnchors: [h.root.der],
      at: new Date(),
    });
    if (!cms.digestOk || !cms.signatureOk || !cms.timestamp?.signatureOk || !chain.ok)
      throw new Error('verification failed');
  };
  console.log(
    `${algorithm}: ${Math.round(pdf.length / 1024)} KiB draft, ${Math.round(sealed.length / 1024)} KiB sealed`,
  );
  const signatures = await rate(`  seal a one-page decision (PAdES B-T)`, seal);
  const verifications = await rate(`  verify it (structure, CMS, time-stamp, chain)`, verify);
  const hash = createHash('sha256').update(pdf).digest();
  const rawSign = await rate(`  baseline: bare ${algorithm} signature`, () => h.seal.key.sign(hash));
  const raw = await h.seal.key.sign(hash);
  const rawVerify = await rate(`  baseline: bare ${algorithm} verification`, () =>
    verifySignature(algorithm, h.seal.key.spki, hash, raw),
  );
  const ratios = {
    sign: Number((signatures / rawSign).toFixed(3)),
    verify: Number((verifications / rawVerify).toFixed(3)),
  };
  console.log(`  ratio sealed/bare: signing ${ratios.sign}, verifying ${ratios.verify}`);
  results[algorithm] = { sealedBytes: sealed.length, signatures, verifications, rawSign, rawVerify, ratios };
}
saveReport('signatures', { date: new Date().toISOString(), machine: machine(), seconds, results });
