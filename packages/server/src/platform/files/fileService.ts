import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { FileSettings } from '../../config.ts';
import { recordEvent } from '../audit/record.ts';
import { DecryptionError, type FieldCipher } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { StoredFileTable } from '../db/tables/files.ts';
import { inTransaction, type Tx } from '../db/transaction.ts';
import { OperatorError } from '../errors.ts';
import { ValidationProblem } from '../http/problems.ts';
import { BlobNotFoundError, type BlobStore } from './blobStore.ts';
import { localBlobStore } from './localStore.ts';
import {
  FILE_FIELD,
  FileInfectedProblem,
  FileIntegrityError,
  FileMissingProblem,
  FileTooLargeProblem,
} from './problems.ts';
import { s3BlobStore } from './s3Store.ts';
import { clamdScanner, type MalwareScanner, noScanner } from './scanner.ts';
import { checkMaterialType } from './sniff.ts';

export type StoredFile = Selectable<StoredFileTable>;

/** Everything the file store needs, made once at start-up by `openFileStore`. */
export type FileStore = {
  blobs: BlobStore;
  scanner: MalwareScanner;
  cipher: FieldCipher;
  maxUploadBytes: number;
  /** Only for recording refusals, which must outlive the caller's transaction (see `storeFile`). */
  db: Db;
};

export function openFileStore(settings: FileSettings, cipher: FieldCipher, db: Db): FileStore {
  let blobs: BlobStore;
  if (settings.store === 's3') {
    if (!settings.s3) throw new OperatorError('FILE_STORE=s3 needs S3_BUCKET (and usually S3_ENDPOINT)');
    blobs = s3BlobStore(settings.s3);
  } else {
    blobs = localBlobStore(settings.dir);
  }
  const scanner = settings.clamd ? clamdScanner(settings.clamd) : noScanner;
  return { blobs, scanner, cipher, db, maxUploadBytes: settings.maxUploadBytes };
}

export type MaterialUpload = {
  ownerUserId: string;
  caseId?: string | null;
  /** The material's slot in the process's form, e.g. `id_card`. */
  purpose: string;
  fileName: string;
  declaredType: string;
  bytes: Buffer;
};

const PURPOSE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Checks an upload and stores it: size, type (declared must equal sniffed), SHA-256 of the
 * plaintext, malware scan, then the sealed bytes into the blob store and the row into
 * `stored_file` within the caller's transaction (its audit trigger records the insert).
 *
 * An infected file is refused before anything is written. The refusal is recorded in a
 * transaction of its own, with the caller's actor, because the caller's transaction rolls back
 * when the FileInfectedProblem propagates, and a refused attack must stay in the audit trail.
 *
 * If the caller's transaction rolls back for another reason after this returned, the blob stays
 * behind without a row: unreadable (no row names it), and a sweep can remove such blobs.
 */
export async function storeFile(tx: Tx, store: FileStore, input: MaterialUpload): Promise<StoredFile> {
  const { bytes } = input;
  if (!PURPOSE.test(input.purpose)) {
    throw new ValidationProblem([
      { field: 'body.purpose', code: 'pattern', message: 'Not a material slot name', params: {} },
    ]);
  }
  const fileName = cleanFileName(input.fileName);
  if (bytes.length > store.maxUploadBytes) throw new FileTooLargeProblem(store.maxUploadBytes);
  const sniffedType = await checkMaterialType(input.declaredType, bytes);
  const sha256 = createHash('sha256').update(bytes).digest();

  const verdict = await store.scanner.scan(bytes);
  if (!verdict.clean) {
    await recordRefusal(tx, store.db, sha256, verdict.signature, input.purpose);
    throw new FileInfectedProblem(verdict.signature);
  }

  const storageKey = randomUUID();
  const sealed = store.cipher.encryptBytes(bytes, sealingContext(storageKey));
  await store.blobs.put(storageKey, sealed);
  try {
    return await tx
      .insertInto('stored_file')
      .values({
        id: uuidv7(),
        owner_user_id: input.ownerUserId,
        case_id: input.caseId ?? null,
        purpose: input.purpose,
        file_name: fileName,
        declared_type: sniffedType,
        sniffed_type: sniffedType,
        size_bytes: bytes.length,
        sha256,
        storage_key: storageKey,
        key_id: store.cipher.currentKeyId,
        scan_status: verdict.scanned ? 'clean' : 'not_scanned',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    await store.blobs.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * A stored file with its plaintext, checked twice: the envelope's tag (the bytes and their
 * binding to this storage key) and the SHA-256 recorded at upload (the row and the blob agree).
 * Who may read it is the caller's decision; this only finds, opens and verifies.
 */
export async function readFile(
  db: Kysely<Database>,
  store: FileStore,
  id: string,
): Promise<{ row: StoredFile; bytes: Buffer }> {
  if (!UUID.test(id)) throw new FileMissingProblem(id);
  const row = await db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FileMissingProblem(id);

  let sealed: Buffer;
  try {
    sealed = await store.blobs.get(row.storage_key);
  } catch (error) {
    if (error instanceof BlobNotFoundError)
      throw new FileIntegrityError(id, 'blob_missing', { cause: error });
    throw error;
  }
  let bytes: Buffer;
  try {
    bytes = store.cipher.decryptBytes(sealed, sealingContext(row.storage_key));
  } catch (error) {
    // A retired key is a setting to fix, not an attack: let that one through as it is.
    if (error instanceof DecryptionError && error.code !== 'unknown_key') {
      throw new FileIntegrityError(id, 'envelope', { cause: error });
    }
    throw error;
  }
  const digest = createHash('sha256').update(bytes).digest();
  if (bytes.length !== row.size_bytes || !digest.equals(row.sha256))
    throw new FileIntegrityError(id, 'digest');
  return { row, bytes };
}

/** The materials of one case, oldest first, without their contents. */
export function listCaseFiles(db: Kysely<Database>, caseId: string): Promise<StoredFile[]> {
  return db
    .selectFrom('stored_file')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/**
 * Links files uploaded before their case existed (an application being filled in) to the case.
 * Only the owner's unattached files move; any other id makes the whole call fail, so a caller
 * cannot claim somebody else's upload by guessing its id.
 */
export async function attachFiles(
  tx: Tx,
  input: { fileIds: string[]; caseId: string; ownerUserId: string },
): Promise<void> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) return;
  const unknown = ids.filter((id) => !UUID.test(id));
  if (unknown.length > 0) throw new FileMissingProblem(unknown[0] as string);
  const moved = await tx
    .updateTable('stored_file')
    .set({ case_id: input.caseId })
    .where('id', 'in', ids)
    .where('owner_user_id', '=', input.ownerUserId)
    .where('case_id', 'is', null)
    .returning('id')
    .execute();
  if (moved.length !== ids.length) {
    const found = new Set(moved.map((r) => r.id));
    throw new FileMissingProblem(ids.find((id) => !found.has(id)) as string);
  }
}

/** The AAD of a blob: a blob copied under another key (another row) no longer opens. */
function sealingContext(storageKey: string): string {
  return `stored_file:${storageKey}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Path separators (some browsers send C:\fakepath\…), control characters, and the bidirectional
// overrides that make `gpj.exe` display as `exe.jpg`.
const UNSAFE_IN_NAME = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME_CHARS = 255;

/** The name to show for a file: its last path segment, without characters that could deceive. */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = [...last.normalize('NFC').replace(UNSAFE_IN_NAME, '').trim()]
    .slice(0, MAX_NAME_CHARS)
    .join('');
  if (clean === '' || clean === '.' || clean === '..') {
    throw new ValidationProblem([
      { field: `body.${FILE_FIELD}`, code: 'file_name_missing', message: 'The file has no name', params: {} },
    ]);
  }
  return clean;
}

async function recordRefusal(
  tx: Tx,
  db: Db,
  sha256: Buffer,
  signature: string,
  purpose: string,
): Promise<void> {
  const { rows } = await sql<{
    userId: string | null;
    orgUnitId: string | null;
    clientIp: string | null;
    requestId: string | null;
  }>`
    SELECT current_setting('yiwang.actor_user_id', true) AS "userId",
           current_setting('yiwang.actor_org_unit_id', true) AS "orgUnitId",
           current_setting('yiwang.client_ip', true) AS "clientIp",
           current_setting('yiwang.request_id', true) AS "requestId"`.execute(tx);
  await inTransaction(db, rows[0] ?? {}, (own) =>
    recordEvent(own, {
      action: 'file.refused',
      outcome: 'denied',
      targetType: 'file',
      targetId: sha256.toString('hex'),
      details: { reason: 'infected', signature, purpose },
    }),
  );
}

/**
 * Replaces a file's content by a new version of the same document (its sealed copy): new blob,
 * new hash, same id, so every link to the file now serves the new bytes. Only the platform's own
 * output goes this way; an upload is never replaced. The earlier blob stays, unreferenced, like a
 * blob of a rolled-back upload.
 */
export async function replaceFileContent(
  tx: Tx,
  store: FileStore,
  id: string,
  bytes: Buffer,
): Promise<StoredFile> {
  const storageKey = randomUUID();
  await store.blobs.put(storageKey, store.cipher.encryptBytes(bytes, sealingContext(storageKey)));
  return tx
    .updateTable('stored_file')
    .set({
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      storage_key: storageKey,
      key_id: store.cipher.currentKeyId,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
