import type { CertificateRow } from '../../src/platform/ca/authority.ts';
import { issuersOf } from '../../src/platform/ca/authority.ts';
import type { CaServices } from '../../src/platform/ca/index.ts';
import { embedSignature } from '../../src/platform/ca/pdf/index.ts';
import { digest, type SigningKey, SUITES } from '../../src/platform/ca/pki/algorithms.ts';
import { signDetached } from '../../src/platform/ca/pki/cms/index.ts';
import { issueTimeStamp } from '../../src/platform/ca/timestamps.ts';

/**
 * Signs a PDF that carries a placeholder with a given certificate, as the seal provider would but
 * without its checks: the verifier must judge what an attacker or a careless signer could make.
 */
export async function signWith(
  ca: CaServices,
  pdf: Buffer,
  signer: { certificate: Buffer; chain: Buffer[]; key: SigningKey },
): Promise<Buffer> {
  const { algorithm } = signer.key;
  return embedSignature(pdf, (content) =>
    signDetached({
      key: signer.key,
      certificate: signer.certificate,
      chain: signer.chain,
      content,
      timestamp: async (value) => {
        const made = await issueTimeStamp(ca.db, ca.keys, {
          imprintAlgorithmOid: SUITES[algorithm].digestOid,
          imprint: digest(algorithm, value),
          algorithm,
        });
        if (!made) throw new Error('no TSA');
        return made.token;
      },
    }),
  );
}

/** The signer of a certificate in the register: its key from the key store, its chain up to the root. */
export async function registeredSigner(ca: CaServices, row: CertificateRow) {
  const chain = (await issuersOf(ca.db, row)).map((c) => c.der);
  return { certificate: row.der, chain, key: await ca.keys.signingKey(ca.db, row.key_id) };
}
