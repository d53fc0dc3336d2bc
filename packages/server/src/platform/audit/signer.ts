import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeyError } from '../keys/keys.ts';

/**
 * Signs checkpoints. Kept this small so the key can later live elsewhere (the CA module re-certifies it; an
 * HSM could hold it) without touching the log. Signatures are ECDSA P-256 over SHA-256, DER-encoded.
 */
export interface CheckpointSigner {
  /** First 16 hex digits of SHA-256 of the public key's SPKI DER: names the key in every checkpoint. */
  readonly keyId: string;
  /** SPKI PEM: what a verifier or an outside auditor needs. */
  readonly publicKeyPem: string;
  sign(data: Uint8Array): Promise<Buffer>;
}

export function signingKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'audit-signing.pem');
}

/**
 * The checkpoint signing key from keyFile, or else from the data folder, where a single node generates it on
 * first use (PKCS#8 PEM, readable by its owner only). A given keyFile that does not exist is an error:
 * silently starting a second key would make every earlier checkpoint look foreign.
 */
export function loadCheckpointSigner(dataDir: string, keyFile?: string): CheckpointSigner {
  const file = keyFile ?? signingKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    if (keyFile) throw new KeyError(`the audit signing key file ${file} does not exist`);
    generateKeyFile(file);
  }
  return signerFromPrivateKey(readPrivateKey(file));
}

/** The public key of the platform's signing key, for verification; never generates one. */
export function loadCheckpointPublicKey(dataDir: string, keyFile?: string): string {
  const file = keyFile ?? signingKeyFile(dataDir);
  if (!fs.existsSync(file)) throw new KeyError(`the audit signing key file ${file} does not exist`);
  return publicPem(readPrivateKey(file));
}

/** A fresh signer held in memory only (tests; a one-off key). */
export function generateCheckpointSigner(): CheckpointSigner {
  return signerFromPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
}

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function signerFromPrivateKey(privateKey: KeyObject): CheckpointSigner {
  const publicKeyPem = publicPem(privateKey);
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: async (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }),
  };
}

function publicPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

function readPrivateKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyError(`the audit signing key file ${file} is not a readable private key: ${String(error)}`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new KeyError(`the audit signing key in ${file} must be an ECDSA P-256 key`);
  }
  return key;
}

function generateKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process generated it first; theirs is the key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** The checkpoint key's public half as SPKI DER (for the CA to certify), if this node has one yet. */
export function checkpointKeySpki(dataDir: string, keyFile?: string): Buffer | undefined {
  const file = keyFile ?? signingKeyFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  return createPublicKey(readPrivateKey(file)).export({ type: 'spki', format: 'der' });
}
