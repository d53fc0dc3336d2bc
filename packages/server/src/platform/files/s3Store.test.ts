import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError } from './blobStore.ts';
import { type FakeS3, startFakeS3 } from './fakeS3.ts';
import { s3BlobStore } from './s3Store.ts';

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3('materials');
});
afterAll(() => s3.close());

const settings = () => ({
  endpoint: s3.endpoint,
  region: 'cn-north-1',
  bucket: 'materials',
  accessKeyId: 'AKIDYIWANGTEST',
  secretAccessKey: 'not-a-real-secret',
  forcePathStyle: true,
});

describe('the S3 blob store', () => {
  it('puts, gets and deletes objects with signed path-style requests', async () => {
    const store = s3BlobStore(settings());
    const key = randomUUID();
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    await store.put(key, bytes);
    expect(s3.objects.get(`materials/${key}`)).toEqual(bytes);
    expect(await store.get(key)).toEqual(bytes);
    await store.delete(key);
    expect(s3.objects.has(`materials/${key}`)).toBe(false);
    await store.delete(key);

    const put = s3.requests.find((r) => r.method === 'PUT' && r.path === `/materials/${key}`);
    expect(put?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDYIWANGTEST\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/,
    );
    expect(put?.headers['x-amz-content-sha256']).toBeDefined();
    expect(put?.headers['content-length']).toBe(String(bytes.length));
    // No CRC trailers: S3-compatible stores that predate them must accept the request.
    expect(put?.headers['x-amz-checksum-crc32']).toBeUndefined();
    expect(put?.headers['content-encoding']).toBeUndefined();
    expect(JSON.stringify(s3.requests)).not.toContain('not-a-real-secret');
  });

  it('reports a missing object as a missing blob', async () => {
    await expect(s3BlobStore(settings()).get(randomUUID())).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('does not mistake a missing bucket for a missing blob', async () => {
    const store = s3BlobStore({ ...settings(), bucket: 'no-such-bucket' });
    const error = await store.get(randomUUID()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BlobNotFoundError);
    expect(error).toMatchObject({ name: 'NoSuchBucket' });
  });

  it('refuses keys outside the pattern before sending anything', async () => {
    const before = s3.requests.length;
    await expect(s3BlobStore(settings()).put('../other-bucket/x', Buffer.from('x'))).rejects.toBeInstanceOf(
      RangeError,
    );
    expect(s3.requests.length).toBe(before);
  });
});
