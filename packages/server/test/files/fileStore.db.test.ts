import { createHash } from 'node:crypto';
import { mkdtemp, readFile as readDisk, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import type { BlobStore } from '../../src/platform/files/blobStore.ts';
import { type FakeS3, startFakeS3 } from '../../src/platform/files/fakeS3.ts';
import {
  attachFiles,
  type FileStore,
  listCaseFiles,
  type MaterialUpload,
  readFile,
  storeFile,
} from '../../src/platform/files/fileService.ts';
import { localBlobStore } from '../../src/platform/files/localStore.ts';
import { FileIntegrityError } from '../../src/platform/files/problems.ts';
import { s3BlobStore } from '../../src/platform/files/s3Store.ts';
import { EICAR, samples } from '../../src/platform/files/samples.ts';
import type { MalwareScanner } from '../../src/platform/files/scanner.ts';
import { testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let folder: string;
let s3: FakeS3;
let owner: string;
let stranger: string;
let caseId: string;

/** Answers like clamd would for the EICAR string, without a network. */
const eicarScanner: MalwareScanner = {
  scan: async (bytes) =>
    bytes.includes(EICAR)
      ? { clean: false, signature: 'Eicar-Test-Signature' }
      : { clean: true, scanned: true },
};

beforeAll(async () => {
  t = await createTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), 'yiwang-files-db-'));
  s3 = await startFakeS3('materials');
  [owner, stranger] = [uuidv7(), uuidv7()];
  for (const [id, username] of [
    [owner, 'filer'],
    [stranger, 'stranger'],
  ] as const) {
    await t.owner
      .insertInto('app_user')
      .values({ id, kind: 'staff', username, display_name: username, password_hash: 'unused' })
      .execute();
  }
  caseId = await insertCase();
});
afterAll(async () => {
  await t.destroy();
  await s3.close();
  await rm(folder, { recursive: true, force: true });
});

async function insertCase(): Promise<string> {
  const unitId = uuidv7();
  await t.owner
    .insertInto('org_unit')
    .values({
      id: unitId,
      code: `T${unitId.slice(-8)}`,
      kind: 'division',
      name_zh: '测试区',
      name_en: 'Test district',
      division_code: '230102',
      territorial_path: `/${unitId}/`,
      line_path: `/${unitId}/`,
      established_on: '2020-01-01',
    })
    .execute();
  const id = uuidv7();
  await t.owner
    .insertInto('case_record')
    .values({
      id,
      process_code: 'test',
      process_version: 1,
      form_version: 1,
      tracking_number: `T-${id}`,
      lookup_hash: Buffer.alloc(32),
      division_code: '230102',
      owning_unit_id: unitId,
      title: '测试',
      form_data: '{}',
      state: 'received',
      received_on: '2026-01-05',
    })
    .execute();
  return id;
}

type Backend = {
  name: string;
  blobs: () => BlobStore;
  raw: (key: string) => Promise<Buffer | undefined>;
  tamper: (key: string, bytes: Buffer) => Promise<void>;
  keys: () => Promise<string[]>;
};

const backends: Backend[] = [
  {
    name: 'local folder',
    blobs: () => localBlobStore(folder),
    raw: (key) => readDisk(path.join(folder, key.slice(0, 2), key.slice(2, 4), key)).catch(() => undefined),
    tamper: (key, bytes) => writeFile(path.join(folder, key.slice(0, 2), key.slice(2, 4), key), bytes),
    keys: async () =>
      (await readdir(folder, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => e.name),
  },
  {
    name: 'S3 bucket',
    blobs: () =>
      s3BlobStore({
        endpoint: s3.endpoint,
        region: 'cn-north-1',
        bucket: 'materials',
        accessKeyId: 'AKIDTEST',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      }),
    raw: async (key) => s3.objects.get(`materials/${key}`),
    tamper: async (key, bytes) => {
      s3.objects.set(`materials/${key}`, bytes);
    },
    keys: async () => [...s3.objects.keys()].map((k) => k.slice('materials/'.length)),
  },
];

describe.each(backends)('the file store on a $name', (backend) => {
  let store: FileStore;
  beforeAll(() => {
    const services = testServices(t.db);
    store = {
      blobs: backend.blobs(),
      scanner: eicarScanner,
      cipher: services.cipher,
      maxUploadBytes: 100_000,
      db: t.db,
    };
  });

  const upload = (over: Partial<MaterialUpload> = {}): MaterialUpload => ({
    ownerUserId: owner,
    purpose: 'id_card',
    fileName: '身份证.pdf',
    declaredType: 'application/pdf',
    bytes: samples.pdf('PLAINTEXT-MARKER 张三 230102199001011230'),
    ...over,
  });

  const store1 = (over: Partial<MaterialUpload> = {}) =>
    inTransaction(t.db, { userId: owner, requestId: 'req-files-1' }, (tx) =>
      storeFile(tx, store, upload(over)),
    );

  it('stores the row and a sealed blob that does not contain the plaintext', async () => {
    const input = upload();
    const row = await store1();
    expect(row).toMatchObject({
      owner_user_id: owner,
      case_id: null,
      purpose: 'id_card',
      file_name: '身份证.pdf',
      declared_type: 'application/pdf',
      sniffed_type: 'application/pdf',
      size_bytes: input.bytes.length,
      key_id: store.cipher.currentKeyId,
      scan_status: 'clean',
    });
    expect(typeof row.size_bytes).toBe('number');
    const blob = await backend.raw(row.storage_key);
    expect(blob).toBeDefined();
    expect(blob?.includes('PLAINTEXT-MARKER')).toBe(false);
    expect(blob?.includes('%PDF')).toBe(false);
    expect(blob?.includes(Buffer.from('230102199001011230'))).toBe(false);

    const audit = await t.owner
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'stored_file.insert')
      .where('target_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: owner, request_id: 'req-files-1' });
  });

  it('reads a file back, verified', async () => {
    const input = upload({ bytes: samples.png(), declaredType: 'image/png', fileName: 'a.png' });
    const row = await store1(input);
    const read = await readFile(t.db, store, row.id);
    expect(read.bytes).toEqual(input.bytes);
    expect(read.row.id).toBe(row.id);
    expect(read.row.sha256.toString('hex')).toBe(createHash('sha256').update(input.bytes).digest('hex'));
  });

  it('records files stored without a scanner as not scanned', async () => {
    const unscanned = { ...store, scanner: { scan: async () => ({ clean: true as const, scanned: false }) } };
    const row = await inTransaction(t.db, { userId: owner }, (tx) => storeFile(tx, unscanned, upload()));
    expect(row.scan_status).toBe('not_scanned');
  });

  it('detects a blob altered at rest', async () => {
    const row = await store1();
    const blob = (await backend.raw(row.storage_key)) as Buffer;
    const altered = Buffer.from(blob);
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1;
    await backend.tamper(row.storage_key, altered);
    const failure = await readFile(t.db, store, row.id).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FileIntegrityError);
    expect(failure).toMatchObject({ failure: 'envelope', fileId: row.id });
  });

  it('detects a blob swapped for another file’s sealed blob', async () => {
    const [a, b] = [await store1(), await store1({ bytes: samples.jpeg(), declaredType: 'image/jpeg' })];
    await backend.tamper(a.storage_key, (await backend.raw(b.storage_key)) as Buffer);
    await expect(readFile(t.db, store, a.id)).rejects.toMatchObject({ failure: 'envelope' });
  });

  it('detects a row whose digest no longer matches its blob', async () => {
    const row = await store1();
    await t.owner
      .updateTable('stored_file')
      .set({ sha256: Buffer.alloc(32) })
      .where('id', '=', row.id)
      .execute();
    await expect(readFile(t.db, store, row.id)).rejects.toMatchObject({
      name: 'FileIntegrityError',
      failure: 'digest',
    });
  });

  it('detects a blob that disappeared', async () => {
    const row = await store1();
    await store.blobs.delete(row.storage_key);
    await expect(readFile(t.db, store, row.id)).rejects.toMatchObject({ failure: 'blob_missing' });
  });

  it('answers file_missing for an unknown or malformed id', async () => {
    await expect(readFile(t.db, store, uuidv7())).rejects.toMatchObject({
      status: 404,
      code: 'file_missing',
    });
    await expect(readFile(t.db, store, 'not-a-uuid')).rejects.toMatchObject({ code: 'file_missing' });
  });

  it('refuses an infected file: no row, no blob, and the refusal stays in the audit trail', async () => {
    const blobsBefore = await backend.keys();
    const rowsBefore = await countRows();
    const bytes = Buffer.concat([samples.pdf(), Buffer.from(EICAR)]);
    const refusal = await inTransaction(t.db, { userId: owner, requestId: 'req-infected' }, (tx) =>
      storeFile(tx, store, upload({ bytes })),
    ).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ status: 422, code: 'file_infected', signature: 'Eicar-Test-Signature' });
    expect(await countRows()).toBe(rowsBefore);
    expect((await backend.keys()).sort()).toEqual(blobsBefore.sort());

    const sha = createHash('sha256').update(bytes).digest('hex');
    const event = await t.owner
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'file.refused')
      .where('target_id', '=', sha)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      outcome: 'denied',
      target_type: 'file',
      actor_user_id: owner,
      request_id: 'req-infected',
      details: { reason: 'infected', signature: 'Eicar-Test-Signature', purpose: 'id_card' },
    });
  });

  it('writes nothing for a refused type or size', async () => {
    const blobsBefore = await backend.keys();
    const rowsBefore = await countRows();
    await expect(store1({ declaredType: 'image/jpeg' })).rejects.toMatchObject({
      code: 'file_type_mismatch',
    });
    await expect(store1({ bytes: samples.exe() })).rejects.toMatchObject({ code: 'file_type_not_allowed' });
    await expect(
      store1({ bytes: Buffer.concat([samples.pdf(), Buffer.alloc(100_000)]) }),
    ).rejects.toMatchObject({
      code: 'file_too_large',
    });
    await expect(store1({ purpose: '../x' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await countRows()).toBe(rowsBefore);
    expect((await backend.keys()).sort()).toEqual(blobsBefore.sort());
  });

  it('removes the blob again when the row cannot be written', async () => {
    const blobsBefore = await backend.keys();
    await expect(store1({ ownerUserId: uuidv7() })).rejects.toThrow(/foreign key/);
    expect((await backend.keys()).sort()).toEqual(blobsBefore.sort());
  });

  it('attaches an owner’s loose files to a case, and no one else’s', async () => {
    const mine = await store1();
    const theirs = await inTransaction(t.db, { userId: stranger }, (tx) =>
      storeFile(tx, store, upload({ ownerUserId: stranger })),
    );
    await expect(
      inTransaction(t.db, { userId: owner }, (tx) =>
        attachFiles(tx, { fileIds: [mine.id, theirs.id], caseId, ownerUserId: owner }),
      ),
    ).rejects.toMatchObject({ code: 'file_missing' });
    expect((await listCaseFiles(t.db, caseId)).map((f) => f.id)).not.toContain(mine.id);

    await inTransaction(t.db, { userId: owner }, (tx) =>
      attachFiles(tx, { fileIds: [mine.id], caseId, ownerUserId: owner }),
    );
    expect((await listCaseFiles(t.db, caseId)).map((f) => f.id)).toContain(mine.id);
  });
});

async function countRows(): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stored_file`.execute(t.owner);
  return rows[0]?.n ?? 0;
}

it('gives stored_file the audit trigger', async () => {
  const { rows } = await sql<{ tgname: string }>`
    SELECT tgname FROM pg_trigger WHERE tgrelid = 'stored_file'::regclass AND NOT tgisinternal`.execute(
    t.owner,
  );
  expect(rows.map((r) => r.tgname)).toContain('audit');
});
