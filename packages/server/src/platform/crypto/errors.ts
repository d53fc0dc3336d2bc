import { OperatorError } from '../errors.ts';

/**
 * Why a stored value could not be decrypted. Stable strings, so callers and alerts can branch on
 * them without parsing messages:
 * - `tampered`: the tag did not verify; the bytes were changed, or the value was copied from
 *   another column (its context differs), or it was sealed under a different key with the same id.
 * - `unknown_key`: the envelope names a key id this process was not given (a retired key).
 * - `malformed`: not an envelope of a version and algorithm this code writes.
 */
export type DecryptionFailure = 'tampered' | 'unknown_key' | 'malformed';

/** A stored value could not be opened. The message never contains key, plaintext or ciphertext bytes. */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  readonly code: DecryptionFailure;

  constructor(code: DecryptionFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The data keys handed to the field cipher are unusable; an operator fixes the key settings. */
export class DataKeyError extends OperatorError {}
