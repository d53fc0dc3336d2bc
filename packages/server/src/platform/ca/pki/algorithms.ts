import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * The two signature suites of the CA. SM2 with SM3 (GB/T 32918, GM/T 0009) is the default, as the
 * Cryptography Law expects of government systems; ECDSA P-256 with SHA-256 is for tools and peers
 * that know no SM2 (poppler, browsers). Everything else in the CA goes through this file, so a
 * third suite, or a hardware module, changes nothing above it.
 */
export type SignatureAlgorithm = 'SM2-SM3' | 'ECDSA-P256-SHA256';

export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['SM2-SM3', 'ECDSA-P256-SHA256'];

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  sm2Curve: '1.2.156.10197.1.301',
  p256Curve: '1.2.840.10045.3.1.7',
  sm2WithSm3: '1.2.156.10197.1.501',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sm3: '1.2.156.10197.1.401',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** GM/T 0009-2012 §10: the signer's ID when none was agreed; openssl calls it distid. */
export const SM2_DEFAULT_ID = '1234567812345678';

type Suite = {
  /** OID of the signature algorithm (no parameters, RFC 5758 §3.2 and GM/T 0015). */
  signatureOid: string;
  /** OID of the digest used for messages (CMS digestAlgorithm, RFC 3161 messageImprint, CertID). */
  digestOid: string;
  digestName: 'sm3' | 'sha256';
  curveOid: string;
};

export const SUITES: Record<SignatureAlgorithm, Suite> = {
  'SM2-SM3': { signatureOid: OID.sm2WithSm3, digestOid: OID.sm3, digestName: 'sm3', curveOid: OID.sm2Curve },
  'ECDSA-P256-SHA256': {
    signatureOid: OID.ecdsaWithSha256,
    digestOid: OID.sha256,
    digestName: 'sha256',
    curveOid: OID.p256Curve,
  },
};

// SubjectPublicKeyInfo for an uncompressed point on each curve is a fixed 26-byte prefix and the point.
const SPKI_PREFIX: Record<SignatureAlgorithm, Buffer> = {
  'SM2-SM3': Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'),
  'ECDSA-P256-SHA256': Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'),
};

/** Signs data (the signer hashes it: Z‖M with SM3 for SM2, SHA-256 for ECDSA) and returns a DER signature. */
export interface SigningKey {
  readonly algorithm: SignatureAlgorithm;
  /** DER SubjectPublicKeyInfo of the matching public key. */
  readonly spki: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/**
 * A private key as the software key store keeps it (always encrypted at rest by the caller): the
 * 32-byte scalar for SM2, PKCS#8 DER for ECDSA. Never leaves the key store.
 */
export type PrivateKeyMaterial = { algorithm: SignatureAlgorithm; bytes: Buffer };

export function generateKeyMaterial(algorithm: SignatureAlgorithm): PrivateKeyMaterial {
  if (algorithm === 'SM2-SM3') {
    return { algorithm, bytes: Buffer.from(sm2.generateKeyPairHex().privateKey.padStart(64, '0'), 'hex') };
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { algorithm, bytes: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

/** The SubjectPublicKeyInfo (DER) of a private key. */
export function spkiOf(material: PrivateKeyMaterial): Buffer {
  if (material.algorithm === 'SM2-SM3') {
    const point = sm2.getPublicKeyFromPrivateKey(material.bytes.toString('hex'));
    return Buffer.concat([SPKI_PREFIX['SM2-SM3'], Buffer.from(point, 'hex')]);
  }
  const key = createPrivateKey({ key: material.bytes, format: 'der', type: 'pkcs8' });
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** A signing key held in this process's memory. */
export function softwareSigningKey(material: PrivateKeyMaterial): SigningKey {
  const spki = spkiOf(material);
  if (material.algorithm === 'SM2-SM3') {
    const privateHex = material.bytes.toString('hex');
    const publicHex = pointOf(spki, 'SM2-SM3').toString('hex');
    // hash: true computes Z (GM/T 0009 with the default ID) and SM3(Z‖M); der: true gives DER (r, s).
    const options = { hash: true, der: true, publicKey: publicHex, userId: SM2_DEFAULT_ID };
    return {
      algorithm: 'SM2-SM3',
      spki,
      sign: async (data) => Buffer.from(sm2.doSignature(data, privateHex, options), 'hex'),
    };
  }
  const key = createPrivateKey({ key: material.bytes, format: 'der', type: 'pkcs8' });
  return {
    algorithm: 'ECDSA-P256-SHA256',
    spki,
    sign: async (data) => sign('sha256', data, { key, dsaEncoding: 'der' }),
  };
}

/** Which suite a SubjectPublicKeyInfo belongs to, or undefined for any other key. */
export function algorithmOfSpki(spki: Uint8Array): SignatureAlgorithm | undefined {
  const bytes = Buffer.from(spki);
  for (const algorithm of SIGNATURE_ALGORITHMS) {
    const prefix = SPKI_PREFIX[algorithm];
    if (bytes.length === prefix.length + 65 && bytes.subarray(0, prefix.length).equals(prefix))
      return algorithm;
  }
  return undefined;
}

/** Which suite a signature algorithm OID names, or undefined. */
export function algorithmOfSignatureOid(oid: string): SignatureAlgorithm | undefined {
  return SIGNATURE_ALGORITHMS.find((a) => SUITES[a].signatureOid === oid);
}

/**
 * Whether signature (DER) is a valid signature of data under the key spki with the given suite.
 * False, never an exception, for a malformed key or signature or a key of another suite.
 */
export function verifySignature(
  algorithm: SignatureAlgorithm,
  spki: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (algorithmOfSpki(spki) !== algorithm) return false;
  try {
    if (algorithm === 'SM2-SM3') {
      const publicKey = sm2PublicKey(pointOf(spki, algorithm).toString('hex'));
      const sigHex = Buffer.from(signature).toString('hex');
      return sm2.doVerifySignature(data, sigHex, publicKey, {
        der: true,
        hash: true,
        userId: SM2_DEFAULT_ID,
      });
    }
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** The message digest of the suite: SM3 for SM2, SHA-256 for ECDSA. */
export function digest(algorithm: SignatureAlgorithm, data: Uint8Array): Buffer {
  return createHash(SUITES[algorithm].digestName).update(data).digest();
}

/** The digest named by an OID (SM3 or SHA-256), or undefined for any other. */
export function digestByOid(oid: string, data: Uint8Array): Buffer | undefined {
  const suite = Object.values(SUITES).find((s) => s.digestOid === oid);
  return suite ? createHash(suite.digestName).update(data).digest() : undefined;
}

/**
 * SM2 in JavaScript verifies about six times faster against a precomputed point, which costs
 * ~90 ms to make: worth it for the keys every verification meets again (issuing CA, TSA, root),
 * not for a one-off. So a key is precomputed on its second use, and a few dozen are kept.
 */
const PRECOMPUTED_KEYS = 32;
const seenOnce = new Set<string>();
const precomputed = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();

function sm2PublicKey(publicHex: string): string | ReturnType<typeof sm2.precomputePublicKey> {
  const ready = precomputed.get(publicHex);
  if (ready) return ready;
  if (!seenOnce.has(publicHex)) {
    if (seenOnce.size >= 4 * PRECOMPUTED_KEYS) seenOnce.clear();
    seenOnce.add(publicHex);
    return publicHex;
  }
  if (precomputed.size >= PRECOMPUTED_KEYS) precomputed.delete(precomputed.keys().next().value as string);
  const point = sm2.precomputePublicKey(publicHex);
  precomputed.set(publicHex, point);
  return point;
}

function pointOf(spki: Uint8Array, algorithm: SignatureAlgorithm): Buffer {
  return Buffer.from(spki).subarray(SPKI_PREFIX[algorithm].length);
}
