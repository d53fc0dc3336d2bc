/**
 * Where the sealed bytes of stored files live. A blob store only ever sees ciphertext, so a
 * bucket or folder that leaks leaks nothing readable; integrity is checked above it, too.
 */
export interface BlobStore {
  /** Writes the whole blob or nothing: a reader never sees half a file. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** Throws `BlobNotFoundError` when there is no blob under the key. */
  get(key: string): Promise<Buffer>;
  /** Removing a blob that is not there is not an error: deletes are retried after failures. */
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no blob is stored under ${key}`, options);
  }
}

/**
 * Lowercase letters, digits and hyphens (a UUID fits), the first four alphanumeric because they
 * name the shard folders. No dot and no slash can occur, so no key can climb out of its folder or
 * prefix, whatever a bug upstream passes in.
 */
const STORAGE_KEY = /^[0-9a-z]{4}[0-9a-z-]{4,124}$/;

export function checkStorageKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new RangeError(`not a valid storage key: ${JSON.stringify(key)}`);
  return key;
}
