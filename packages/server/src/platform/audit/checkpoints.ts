import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs/promises';
import canonicalize from 'canonicalize';
import { externalKeyChain } from '../ca/authority.ts';
import { toPem } from '../ca/pki/x509/index.ts';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { hashFromHex, hashToHex, sameHash, TreeBuilder } from './merkle/index.ts';
import { runEvery, type ScheduleOptions } from './schedule.ts';
import { drainPending } from './sequencer.ts';
import type { CheckpointSigner } from './signer.ts';
import {
  type CheckpointRecord,
  type CheckpointRow,
  checkpointRecordOf,
  DamagedLogError,
  gapMessage,
  latestCheckpoint,
  leafHashPages,
  lockLog,
} from './store.ts';
import { appendWitness } from './witness.ts';

/**
 * The exact bytes a checkpoint signature covers: the UTF-8 of the RFC 8785 (JCS) canonical JSON of
 * { keyId, madeAt, rootHash, treeSize }, that is, keys in this order, no whitespace, e.g.
 *   {"keyId":"1f2e3d4c5b6a7988","madeAt":"2025-01-02T03:04:05.678Z","rootHash":"<64 lowercase hex>","treeSize":42}
 * Signed with ECDSA P-256 over SHA-256; the signature is DER, carried in base64.
 */
export function checkpointSignedBytes(c: Omit<CheckpointRecord, 'signature'>): Buffer {
  const body = { keyId: c.keyId, madeAt: c.madeAt, rootHash: c.rootHash, treeSize: c.treeSize };
  return Buffer.from(canonicalize(body) ?? '', 'utf8');
}

/** Whether record is signed by the key publicKeyPem; false for any malformed input. */
export function verifyCheckpointSignature(record: CheckpointRecord, publicKeyPem: string): boolean {
  try {
    const signature = Buffer.from(record.signature, 'base64');
    return verify(
      'sha256',
      checkpointSignedBytes(record),
      { key: publicKeyPem, dsaEncoding: 'der' },
      signature,
    );
  } catch {
    return false;
  }
}

export async function signCheckpoint(
  signer: CheckpointSigner,
  body: { treeSize: number; rootHash: string; madeAt: string },
): Promise<CheckpointRecord> {
  const unsigned = { ...body, keyId: signer.keyId };
  const signature = await signer.sign(checkpointSignedBytes(unsigned));
  return { ...unsigned, signature: signature.toString('base64') };
}

/**
 * Signs the current root of the log, stores the checkpoint and then appends it to the witness file. Returns
 * null when the log has not grown since the last checkpoint. Holds the log's lock while reading and signing,
 * so the tree cannot grow in between. The witness line follows the commit, so every witnessed checkpoint is
 * in the database by the time anyone can read the line (the verifier relies on that); if writing it fails,
 * the error propagates and that one checkpoint stays unwitnessed, which the next one covers.
 */
export async function makeCheckpoint(
  seqDb: Db,
  signer: CheckpointSigner,
  witnessFile: string,
): Promise<CheckpointRecord | null> {
  const record = await seqDb.transaction().execute(async (tx) => {
    await lockLog(tx);
    const last = await latestCheckpoint(tx);
    const { size, root } = await currentRoot(tx, last);
    if (size === (last?.tree_size ?? 0)) return null;
    const signed = await signCheckpoint(signer, {
      treeSize: size,
      rootHash: hashToHex(root),
      madeAt: new Date().toISOString(),
    });
    await insertCheckpoint(tx, signed, root);
    return signed;
  });
  if (record) await appendWitness(witnessFile, record);
  return record;
}

async function insertCheckpoint(tx: Tx, record: CheckpointRecord, root: Buffer): Promise<void> {
  await tx
    .insertInto('audit_checkpoint')
    .values({
      tree_size: record.treeSize,
      root_hash: root,
      made_at: new Date(record.madeAt),
      key_id: record.keyId,
      signature: Buffer.from(record.signature, 'base64'),
    })
    .execute();
}

/**
 * The root of all leaves, streamed through a TreeBuilder (O(log n) memory). Refuses to go on if the leaves
 * are not contiguous or no longer hash to the last checkpoint's root: signing over a damaged log would lend it
 * credibility. `yiwang audit verify` says what is wrong.
 */
async function currentRoot(tx: Tx, last: CheckpointRow | undefined): Promise<{ size: number; root: Buffer }> {
  const builder = new TreeBuilder();
  const checkLast = () => {
    if (last && builder.size === last.tree_size && !sameHash(builder.root(), last.root_hash)) {
      throw new DamagedLogError(`the audit log no longer matches its checkpoint at ${last.tree_size} leaves`);
    }
  };
  for await (const page of leafHashPages(tx, 0)) {
    for (const leaf of page) {
      if (leaf.leaf_index !== builder.size) throw new DamagedLogError(gapMessage(builder.size));
      builder.append(leaf.leaf_hash);
      checkLast();
    }
  }
  if (last && builder.size < last.tree_size) {
    throw new DamagedLogError(
      `the audit log has ${builder.size} leaves but was checkpointed at ${last.tree_size}`,
    );
  }
  return { size: builder.size, root: builder.root() };
}

/**
 * The server's checkpointer: every intervalMs, sequences what is pending and signs a checkpoint if the log
 * grew. Resolves after signal aborts.
 */
export async function runCheckpointer(
  seqDb: Db,
  signer: CheckpointSigner,
  witnessFile: string,
  options: ScheduleOptions & { onCheckpoint?: (record: CheckpointRecord) => void },
): Promise<void> {
  await runEvery(async () => {
    await drainPending(seqDb, { signal: options.signal });
    const record = await makeCheckpoint(seqDb, signer, witnessFile);
    if (record) options.onCheckpoint?.(record);
  }, options);
}

/** What exportCheckpoints writes: enough for an outside auditor to check every signature on their own. */
export type CheckpointExport = {
  format: 'yiwang-audit-checkpoints/1';
  signedBytes: string;
  publicKeyPem: string;
  keyId: string;
  /** The platform certificate of this key issued by the CA centre, then its issuers (PEM, leaf first). */
  certificates: string[];
  checkpoints: CheckpointRecord[];
};

/** Writes all checkpoints, oldest first, with the public key, as one JSON document. Returns their number. */
export async function exportCheckpoints(
  db: Db,
  file: string,
  signer: Pick<CheckpointSigner, 'publicKeyPem' | 'keyId'>,
): Promise<number> {
  const rows = await db.selectFrom('audit_checkpoint').selectAll().orderBy('tree_size').execute();
  const document: CheckpointExport = {
    format: 'yiwang-audit-checkpoints/1',
    signedBytes:
      'UTF-8 of RFC 8785 canonical JSON of {keyId, madeAt, rootHash, treeSize}; ECDSA P-256 SHA-256, DER, base64',
    publicKeyPem: signer.publicKeyPem,
    keyId: signer.keyId,
    certificates: (await externalKeyChain(db, spkiOfPem(signer.publicKeyPem))).map((c) => toPem(c.der)),
    checkpoints: rows.map(checkpointRecordOf),
  };
  await fs.writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return rows.length;
}

/** The checkpoint's root as bytes (records carry hex). */
export function checkpointRoot(record: CheckpointRecord): Buffer {
  return hashFromHex(record.rootHash);
}

const spkiOfPem = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
