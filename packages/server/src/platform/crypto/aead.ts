/** The two authenticated ciphers a field can be sealed with; SM4-GCM is the national default. */
export type AeadAlgorithm = 'SM4-GCM' | 'AES-256-GCM';

export const AEAD_ALGORITHMS: readonly AeadAlgorithm[] = ['SM4-GCM', 'AES-256-GCM'];

/** 96-bit nonces take the fast path of GCM (J0 = nonce || 0^31 || 1, SP 800-38D §7.1). */
export const NONCE_BYTES = 12;

/** Full-length tags only: truncated GCM tags weaken forgery resistance (SP 800-38D Appendix C). */
export const TAG_BYTES = 16;

export type Sealed = { ciphertext: Buffer; tag: Buffer };

/**
 * Authenticated encryption with associated data. `open` throws a `DecryptionError` with code
 * `tampered` when the tag does not verify, and returns no plaintext in that case.
 */
export interface Aead {
  readonly algorithm: AeadAlgorithm;
  readonly keyBytes: number;
  seal(key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer): Sealed;
  open(key: Buffer, nonce: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer;
}

/**
 * Wrong lengths are programming errors, not tampering, so they are RangeErrors. Checking them here
 * matters most for SM4-GCM: the library skips tag verification when no tag is passed.
 */
export function checkAeadInputs(aead: Aead, key: Buffer, nonce: Buffer, tag?: Buffer): void {
  if (key.length !== aead.keyBytes) {
    throw new RangeError(`${aead.algorithm} needs a ${aead.keyBytes}-byte key, got ${key.length}`);
  }
  if (nonce.length !== NONCE_BYTES) {
    throw new RangeError(`${aead.algorithm} needs a ${NONCE_BYTES}-byte nonce, got ${nonce.length}`);
  }
  if (tag !== undefined && tag.length !== TAG_BYTES) {
    throw new RangeError(`${aead.algorithm} needs a ${TAG_BYTES}-byte tag, got ${tag.length}`);
  }
}
