import { randomBytes } from 'node:crypto';
import { type Aead, type AeadAlgorithm, NONCE_BYTES } from './aead.ts';
import { aes256Gcm } from './aesGcm.ts';
import { encodeEnvelope, envelopeHeader, type ParsedEnvelope, parseEnvelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';
import { type DerivedKeys, Keyring, type LookupHashAlgorithm, type MasterKey } from './keyring.ts';
import { computeLookupHash } from './lookupHash.ts';
import { sm4Gcm } from './sm4Gcm.ts';
import { contextBytes, decodeUtf8, utf8Exact } from './text.ts';

export type FieldCipherOptions = {
  /** Seals every new value and keys the lookup hash. */
  current: MasterKey;
  /** Retired master keys, kept only so existing rows stay readable until they are rotated. */
  previous?: MasterKey[];
  /** SM4-GCM unless configured otherwise; it also picks HMAC-SM3 over HMAC-SHA256 for lookups. */
  algorithm?: AeadAlgorithm;
};

const AEADS: Record<AeadAlgorithm, Aead> = { 'SM4-GCM': sm4Gcm, 'AES-256-GCM': aes256Gcm };

/**
 * Encrypts personal-information fields (ID numbers, mobile numbers, TOTP secrets) for storage.
 *
 * Each value is bound to its context (`table.column`) through the AAD, so a ciphertext copied into
 * another column fails to open. Nonces are 96 random bits; SP 800-38D §8.3 caps one key at 2^32
 * such encryptions, far above what a province writes before its next key rotation.
 *
 * Envelopes written under an older key or the other algorithm still open: the envelope names both,
 * and every master key yields a subkey for each algorithm.
 */
export class FieldCipher {
  readonly algorithm: AeadAlgorithm;
  private readonly keyring: Keyring;

  constructor(options: FieldCipherOptions) {
    this.algorithm = options.algorithm ?? 'SM4-GCM';
    this.keyring = new Keyring(options.current, options.previous);
  }

  get currentKeyId(): string {
    return this.keyring.current.id;
  }

  encrypt(plaintext: string, context: string): Buffer {
    return this.encryptBytes(utf8Exact(plaintext, 'the plaintext'), context);
  }

  /** Throws `DecryptionError` (`tampered`, `unknown_key` or `malformed`) instead of returning bad data. */
  decrypt(stored: Buffer, context: string): string {
    return decodeUtf8(this.decryptBytes(stored, context));
  }

  /**
   * The same envelope for binary content (uploaded materials), so files share the key rotation
   * and the algorithm choice of fields instead of a second cipher.
   */
  encryptBytes(message: Buffer, context: string): Buffer {
    const { algorithm } = this;
    const keys = this.keyring.current;
    const aad = Buffer.concat([envelopeHeader(algorithm, keys.id), contextBytes(context)]);
    const nonce = randomBytes(NONCE_BYTES);
    const sealed = AEADS[algorithm].seal(keys.encryption[algorithm], nonce, message, aad);
    return encodeEnvelope({ algorithm, keyId: keys.id, nonce, ...sealed });
  }

  /** Throws `DecryptionError` like `decrypt`; the bytes returned are authenticated. */
  decryptBytes(stored: Buffer, context: string): Buffer {
    const envelope = parseEnvelope(stored);
    const keys = this.keysFor(envelope);
    const aad = Buffer.concat([envelope.header, contextBytes(context)]);
    const { algorithm, nonce, ciphertext, tag } = envelope;
    return AEADS[algorithm].open(keys.encryption[algorithm], nonce, ciphertext, tag, aad);
  }

  /**
   * True when the value was sealed under another key or the other algorithm, so `rotate` would
   * move it to the current configuration. Throws `DecryptionError('malformed')` on non-envelopes.
   */
  needsRotation(stored: Buffer): boolean {
    const { keyId, algorithm } = parseEnvelope(stored);
    return keyId !== this.keyring.current.id || algorithm !== this.algorithm;
  }

  /** Opens the value (verifying it) and seals it afresh, with a new nonce, under the current key. */
  rotate(stored: Buffer, context: string): Buffer {
    return this.encrypt(this.decrypt(stored, context), context);
  }

  /**
   * A deterministic keyed hash of the normalised value, for a unique index that finds the one
   * account per ID number without decrypting every row. It uses the CURRENT key only: rotating
   * the master key changes every hash, so rows must be re-hashed alongside re-encryption, and
   * switching algorithm (HMAC-SM3 / HMAC-SHA256) does the same. Until that finishes, look up
   * with `lookupHashes`.
   */
  lookupHash(value: string, context: string): Buffer {
    return this.hashUnder(this.keyring.current, value, context);
  }

  /** Hashes under the current key, then each previous one, for `WHERE hash = ANY(...)` during rotation. */
  lookupHashes(value: string, context: string): Buffer[] {
    return this.keyring.all().map((keys) => this.hashUnder(keys, value, context));
  }

  private get lookupAlgorithm(): LookupHashAlgorithm {
    return this.algorithm === 'SM4-GCM' ? 'HMAC-SM3' : 'HMAC-SHA256';
  }

  private hashUnder(keys: DerivedKeys, value: string, context: string): Buffer {
    const algorithm = this.lookupAlgorithm;
    return computeLookupHash(algorithm, keys.lookup[algorithm], value, context);
  }

  private keysFor(envelope: ParsedEnvelope): DerivedKeys {
    const keys = this.keyring.find(envelope.keyId);
    if (!keys) {
      const id = JSON.stringify(envelope.keyId);
      throw new DecryptionError(
        'unknown_key',
        `the value was sealed under data key ${id}, which is not configured`,
      );
    }
    return keys;
  }
}
