import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, checkStorageKey } from './blobStore.ts';
import { localBlobStore } from './localStore.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'yiwang-files-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

describe('the local blob store', () => {
  it('keeps a blob in shard folders, readable only by the server, with no temp file left', async () => {
    const store = localBlobStore(root);
    const key = randomUUID();
    await store.put(key, Buffer.from('sealed bytes'));
    expect(await store.get(key)).toEqual(Buffer.from('sealed bytes'));
    expect(await filesUnder(root)).toEqual([path.join(key.slice(0, 2), key.slice(2, 4), key)]);
    const file = path.join(root, key.slice(0, 2), key.slice(2, 4), key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o077).toBe(0);
  });

  it('replaces a blob whole', async () => {
    const store = localBlobStore(root);
    const key = randomUUID();
    await store.put(key, Buffer.alloc(100_000, 1));
    await store.put(key, Buffer.from('short'));
    expect(await store.get(key)).toEqual(Buffer.from('short'));
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it('reports a missing blob as such, and deletes idempotently', async () => {
    const store = localBlobStore(root);
    const key = randomUUID();
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await store.put(key, Buffer.from('x'));
    await store.delete(key);
    await store.delete(key);
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it.each([
    '../../../etc/passwd',
    'ab/../../../etc/passwd',
    '..%2f..%2fetc',
    'abcd/../../outside',
    '....aaaa',
    'abcd..efgh',
    '/etc/passwd',
    'ABCD-upper-case',
    'abc',
    '',
    'abcd\0efgh',
    'abcd efgh',
    `${'a'.repeat(129)}`,
  ])('refuses the key %j before touching the disk', async (key) => {
    const store = localBlobStore(path.join(root, 'store'));
    await writeFile(path.join(root, 'outside'), 'not yours');
    await expect(store.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(RangeError);
    await expect(store.get(key)).rejects.toBeInstanceOf(RangeError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(RangeError);
    expect(await readFile(path.join(root, 'outside'), 'utf8')).toBe('not yours');
    expect(await filesUnder(root)).toEqual(['outside']);
  });

  it('accepts UUIDs as keys', () => {
    const key = randomUUID();
    expect(checkStorageKey(key)).toBe(key);
  });
});
