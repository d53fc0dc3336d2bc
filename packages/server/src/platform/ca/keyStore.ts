import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { FieldCipher } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { OperatorError } from '../errors.ts';
import {
  generateKeyMaterial,
  type PrivateKeyMaterial,
  type SignatureAlgorithm,
  type SigningKey,
  softwareSigningKey,
  spkiOf,
} from './pki/algorithms.ts';

export class KeyUnavailableError extends OperatorError {}

/**
 * Where the CA's private keys live. Nothing outside a key store ever sees a private key: callers get
 * a `SigningKey` that signs and tells its public key. The software store below keeps keys in the
 * database sealed with the platform's data key; a hardware module (PKCS#11, GM/T 0018 SDF) is
 * another implementation of this interface, with `generate` creating the key inside the device and
 * `signingKey` returning a handle to it.
 */
export interface KeyStore {
  generate(tx: Tx, algorithm: SignatureAlgorithm): Promise<{ id: string; spki: Buffer }>;
  /** db may be the caller's transaction, so a signature inside one needs no second connection. */
  signingKey(db: Db | Tx, id: string): Promise<SigningKey>;
}

const context = (id: string) => `ca_key:${id}`;

export class SoftwareKeyStore implements KeyStore {
  readonly #cache = new Map<string, SigningKey>();

  constructor(private readonly cipher: FieldCipher) {}

  async generate(tx: Tx, algorithm: SignatureAlgorithm): Promise<{ id: string; spki: Buffer }> {
    const material = generateKeyMaterial(algorithm);
    const id = uuidv7();
    const spki = spkiOf(material);
    const sealed = this.cipher.encryptBytes(material.bytes, context(id));
    await tx
      .insertInto('ca_key')
      .values({ id, algorithm, store: 'software', sealed_private: sealed, spki })
      .execute();
    return { id, spki };
  }

  async signingKey(db: Db | Tx, id: string): Promise<SigningKey> {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = await db
      .selectFrom('ca_key')
      .select(['algorithm', 'store', 'sealed_private'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new KeyUnavailableError(`no CA key ${id}`);
    if (row.store !== 'software' || !row.sealed_private) {
      throw new KeyUnavailableError(`the CA key ${id} is kept offline; only a root ceremony may use it`);
    }
    const bytes = this.cipher.decryptBytes(row.sealed_private, context(id));
    const key = softwareSigningKey({ algorithm: row.algorithm, bytes });
    this.#cache.set(id, key);
    return key;
  }
}

/**
 * The root key kept offline (`yiwang ca init --offline-root FILE`): written once, at creation,
 * sealed with a passphrase (scrypt, AES-256-GCM), and never stored in the database. Only the
 * ceremonies that need the root (a new issuing CA, the root's CRL) read it back.
 */
const OFFLINE_FORMAT = 'yiwang-ca-offline-key/1';

export async function generateOfflineKey(
  tx: Tx,
  algorithm: SignatureAlgorithm,
  file: string,
  passphrase: string,
): Promise<{ id: string; spki: Buffer; key: SigningKey }> {
  if (passphrase.length < 12)
    throw new KeyUnavailableError('the offline root passphrase must have 12 characters or more');
  const material = generateKeyMaterial(algorithm);
  const id = uuidv7();
  const spki = spkiOf(material);
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32), nonce);
  cipher.setAAD(Buffer.from(id));
  const sealed = Buffer.concat([cipher.update(material.bytes), cipher.final()]);
  const document = {
    format: OFFLINE_FORMAT,
    id,
    algorithm,
    kdf: 'scrypt-N16384-r8-p1',
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  fs.writeFileSync(file, `${JSON.stringify(document)}\n`, { mode: 0o600, flag: 'wx' });
  await tx
    .insertInto('ca_key')
    .values({ id, algorithm, store: 'offline', sealed_private: null, spki })
    .execute();
  return { id, spki, key: softwareSigningKey(material) };
}

/** Opens an offline key file for a ceremony; the key lives in this process only. */
export function openOfflineKey(file: string, passphrase: string): { id: string; key: SigningKey } {
  let document: Record<string, string>;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyUnavailableError(`the offline key file ${file} cannot be read: ${(error as Error).message}`);
  }
  if (document.format !== OFFLINE_FORMAT) throw new KeyUnavailableError(`${file} is not an offline CA key`);
  const b = (name: string) => Buffer.from(document[name] ?? '', 'base64');
  const id = document.id ?? '';
  const decipher = createDecipheriv('aes-256-gcm', scryptSync(passphrase, b('salt'), 32), b('nonce'));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(b('tag'));
  let bytes: Buffer;
  try {
    bytes = Buffer.concat([decipher.update(b('sealed')), decipher.final()]);
  } catch {
    throw new KeyUnavailableError(`the passphrase does not open ${file}`);
  }
  const material: PrivateKeyMaterial = { algorithm: document.algorithm as SignatureAlgorithm, bytes };
  return { id, key: softwareSigningKey(material) };
}
