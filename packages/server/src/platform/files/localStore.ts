import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BlobNotFoundError, type BlobStore, checkStorageKey } from './blobStore.ts';

/**
 * Blobs as files under one folder, two levels of shard folders from the key's first characters
 * (`ab/cd/abcd…`) so no folder grows to millions of entries. Files are 0600 and folders 0700:
 * only the server's account reads them, even though they hold ciphertext only.
 */
export function localBlobStore(root: string): BlobStore {
  const base = path.resolve(root);

  function pathOf(key: string): string {
    checkStorageKey(key);
    const file = path.resolve(base, key.slice(0, 2), key.slice(2, 4), key);
    // The key pattern already rules this out; the check stays so a pattern change cannot open it.
    if (!file.startsWith(base + path.sep)) throw new RangeError(`storage key ${key} leaves the store`);
    return file;
  }

  return {
    async put(key, bytes) {
      const file = pathOf(key);
      const folder = path.dirname(file);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // Written beside the target and renamed over it: rename is atomic within a file system, so
      // a crash leaves either no blob or the whole blob, never a torn one. The dot keeps temp
      // names outside the key pattern.
      const temp = path.join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await syncFolder(folder);
    },

    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key, { cause: error });
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The rename is durable only once the folder's entry is on disk too. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
