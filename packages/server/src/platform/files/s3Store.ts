import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { FileSettings } from '../../config.ts';
import { BlobNotFoundError, type BlobStore, checkStorageKey } from './blobStore.ts';

export type S3Settings = NonNullable<FileSettings['s3']>;

/**
 * Blobs as objects in an S3-compatible bucket (AWS, MinIO, Ceph, the cloud vendors' object
 * stores). An object PUT is atomic by itself, so no temp-and-rename is needed here.
 */
export function s3BlobStore(settings: S3Settings, client: S3Client = s3ClientFor(settings)): BlobStore {
  const Bucket = settings.bucket;
  return {
    async put(key, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checkStorageKey(key),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
        }),
      );
    },

    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkStorageKey(key) }));
        if (!object.Body) throw new BlobNotFoundError(key);
        return Buffer.from(await object.Body.transformToByteArray());
      } catch (error) {
        if (isMissing(error)) throw new BlobNotFoundError(key, { cause: error });
        throw error;
      }
    },

    async delete(key) {
      // S3 answers 204 for a key that is not there, which is what the interface promises.
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkStorageKey(key) }));
    },
  };
}

export function s3ClientFor(settings: S3Settings): S3Client {
  const { accessKeyId, secretAccessKey } = settings;
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Without keys in the settings the SDK's usual chain applies (environment, instance role).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Many S3-compatible stores refuse the CRC trailers newer SDKs add by default; the bytes are
    // authenticated by the envelope's GCM tag anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

function isMissing(error: unknown): boolean {
  if (error instanceof BlobNotFoundError || error instanceof NoSuchKey) return true;
  // A bare 404 is not enough: NoSuchBucket is a setting to fix, not a file that went missing.
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}
