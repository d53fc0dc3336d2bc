import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckpointExport,
  type CheckpointRecord,
  checkpointSignedBytes,
  consistencyProofBetween,
  drainPending,
  exportCheckpoints,
  inclusionProofForEvent,
  loadCheckpointPublicKey,
  loadCheckpointSigner,
  makeCheckpoint,
  readWitness,
  recordEvent,
  runCheckpointer,
  signingKeyFile,
  verifyCheckpointSignature,
} from '../../src/platform/audit/index.ts';
import {
  hashFromHex,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../../src/platform/audit/merkle/index.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { type AuditTestBed, createAuditTestBed, leaves, publishAndSequence } from './kit.ts';

let bed: AuditTestBed;
beforeAll(async () => {
  bed = await createAuditTestBed();
});
afterAll(() => bed.destroy());

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the checkpoint signing key', () => {
  it('is generated once into the data folder, readable by its owner only, and named by its SPKI hash', () => {
    const file = signingKeyFile(bed.dataDir);
    expect(mode(file)).toBe(0o600);
    expect(loadCheckpointSigner(bed.dataDir).keyId).toBe(bed.signer.keyId);
    expect(loadCheckpointPublicKey(bed.dataDir)).toBe(bed.signer.publicKeyPem);
    const der = createPublicKey(bed.signer.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(bed.signer.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
  });

  it('is refused when a named key file does not exist', () => {
    expect(() => loadCheckpointSigner(bed.dataDir, path.join(bed.dataDir, 'none.pem'))).toThrow(
      /does not exist/,
    );
  });
});

describe('checkpoints', () => {
  let first: CheckpointRecord;
  let second: CheckpointRecord;

  it('are not made for an empty log', async () => {
    expect(await makeCheckpoint(bed.seq, bed.signer, bed.witness)).toBeNull();
    expect(fs.existsSync(bed.witness)).toBe(false);
  });

  it('sign the root of all leaves, and go to the database and the witness file', async () => {
    await publishAndSequence(bed, 7);
    const record = await makeCheckpoint(bed.seq, bed.signer, bed.witness);
    if (!record) throw new Error('no checkpoint');
    first = record;
    const hashes = (await leaves(bed.db)).map((l) => l.leaf_hash);
    expect(record.treeSize).toBe(14);
    expect(hashFromHex(record.rootHash)).toEqual(rootOf(hashes));
    expect(record.keyId).toBe(bed.signer.keyId);
    const signature = Buffer.from(record.signature, 'base64');
    expect(verify('sha256', checkpointSignedBytes(record), bed.signer.publicKeyPem, signature)).toBe(true);
    expect(checkpointSignedBytes(record).toString()).toBe(
      `{"keyId":"${record.keyId}","madeAt":"${record.madeAt}","rootHash":"${record.rootHash}","treeSize":14}`,
    );
    const row = await bed.db.selectFrom('audit_checkpoint').selectAll().executeTakeFirstOrThrow();
    expect(row.made_at.toISOString()).toBe(record.madeAt);
    expect(row.signature).toEqual(signature);
    expect(mode(bed.witness)).toBe(0o600);
    expect((await readWitness(bed.witness)).records).toEqual([{ ...record, line: 1 }]);
  });

  it('are not made again while nothing changed', async () => {
    expect(await makeCheckpoint(bed.seq, bed.signer, bed.witness)).toBeNull();
    expect((await readWitness(bed.witness)).records).toHaveLength(1);
  });

  it('follow the log as it grows', async () => {
    await publishAndSequence(bed, 5);
    const record = await makeCheckpoint(bed.seq, bed.signer, bed.witness);
    if (!record) throw new Error('no checkpoint');
    second = record;
    expect(second.treeSize).toBe(24);
    expect((await readWitness(bed.witness)).records.map((r) => r.treeSize)).toEqual([14, 24]);
  });

  it('prove that an event is in the log, against the signed root', async () => {
    const all = await leaves(bed.db);
    for (const leaf of [all[0], all[9], all[23]]) {
      const proof = await inclusionProofForEvent(bed.db, leaf?.event_id ?? '');
      if (!proof) throw new Error('no proof');
      expect(proof).toMatchObject({ leafIndex: leaf?.leaf_index, treeSize: 24, rootHash: second.rootHash });
      expect(proof.checkpoint).toEqual(second);
      const ok = verifyInclusion(
        proof.leafIndex,
        proof.treeSize,
        hashFromHex(proof.leafHash),
        proof.proof.map(hashFromHex),
        hashFromHex(second.rootHash),
      );
      expect(ok).toBe(true);
    }
  });

  it('prove inclusion in an earlier tree too, and not for what is not yet in it', async () => {
    const all = await leaves(bed.db);
    const at = (i: number) => all[i]?.event_id ?? '';
    const early = await inclusionProofForEvent(bed.db, at(3), 14);
    expect(early?.rootHash).toBe(first.rootHash);
    const unsigned = await inclusionProofForEvent(bed.db, at(3), 10);
    expect(unsigned?.checkpoint).toBeNull();
    expect(unsigned?.rootHash).toBe(
      Buffer.from(rootOf(all.slice(0, 10).map((l) => l.leaf_hash))).toString('hex'),
    );
    for (const p of [early, unsigned]) {
      if (!p) throw new Error('no proof');
      const root = hashFromHex(p.rootHash);
      expect(
        verifyInclusion(p.leafIndex, p.treeSize, hashFromHex(p.leafHash), p.proof.map(hashFromHex), root),
      ).toBe(true);
    }
    expect(await inclusionProofForEvent(bed.db, at(20), 14)).toBeNull();
    expect(await inclusionProofForEvent(bed.db, '00000000-0000-7000-8000-000000000000')).toBeNull();
    await expect(inclusionProofForEvent(bed.db, at(3), 1000)).rejects.toThrow(RangeError);
  });

  it('prove that a later checkpoint extends an earlier one', async () => {
    const proof = await consistencyProofBetween(bed.db, first.treeSize, second.treeSize);
    if (!proof) throw new Error('no proof');
    expect(proof).toMatchObject({ fromRoot: first.rootHash, toRoot: second.rootHash });
    const [rootM, rootN] = [hashFromHex(first.rootHash), hashFromHex(second.rootHash)];
    expect(verifyConsistency(14, 24, rootM, rootN, proof.proof.map(hashFromHex))).toBe(true);
    expect(verifyConsistency(14, 24, rootN, rootM, proof.proof.map(hashFromHex))).toBe(false);
    expect((await consistencyProofBetween(bed.db, 24, 24))?.proof).toEqual([]);
    expect(await consistencyProofBetween(bed.db, 10, 24)).toBeNull();
    await expect(consistencyProofBetween(bed.db, 24, 14)).rejects.toThrow(RangeError);
  });

  it('are exported with the public key for an outside auditor', async () => {
    const file = path.join(bed.dataDir, 'export.json');
    expect(await exportCheckpoints(bed.db, file, bed.signer)).toBe(2);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointExport;
    expect(exported.checkpoints).toEqual([first, second]);
    for (const c of exported.checkpoints)
      expect(verifyCheckpointSignature(c, exported.publicKeyPem)).toBe(true);
  });

  it('are made by the server loop as events arrive', async () => {
    const stop = new AbortController();
    const made: CheckpointRecord[] = [];
    const loop = runCheckpointer(bed.seq, bed.signer, bed.witness, {
      intervalMs: 5,
      signal: stop.signal,
      onCheckpoint: (record) => {
        made.push(record);
        stop.abort();
      },
    });
    await inTransaction(bed.db, {}, (tx) => recordEvent(tx, { action: 'test.loop', outcome: 'success' }));
    await loop;
    expect(made.map((c) => c.treeSize)).toEqual([25]);
    expect(await drainPending(bed.seq)).toBe(0);
  });
});

describe('proofs over a log larger than one page of leaves', () => {
  it('verify at every part of the tree', async () => {
    await inTransaction(bed.db, {}, (tx) =>
      sql`INSERT INTO audit_event (action, outcome) SELECT 'test.bulk', 'success' FROM generate_series(1, 21000)`.execute(
        tx,
      ),
    );
    await drainPending(bed.seq, { batchSize: 5000 });
    const checkpoint = await makeCheckpoint(bed.seq, bed.signer, bed.witness);
    if (!checkpoint) throw new Error('no checkpoint');
    const all = await leaves(bed.db);
    expect(hashFromHex(checkpoint.rootHash)).toEqual(rootOf(all.map((l) => l.leaf_hash)));
    for (const i of [0, 10_000, 16_383, 16_384, all.length - 1]) {
      const p = await inclusionProofForEvent(bed.db, all[i]?.event_id ?? '');
      if (!p) throw new Error('no proof');
      const root = hashFromHex(checkpoint.rootHash);
      expect(verifyInclusion(i, p.treeSize, hashFromHex(p.leafHash), p.proof.map(hashFromHex), root)).toBe(
        true,
      );
    }
    const c = await consistencyProofBetween(bed.db, 24, checkpoint.treeSize);
    const [from, to] = [hashFromHex(c?.fromRoot ?? ''), hashFromHex(c?.toRoot ?? '')];
    expect(verifyConsistency(24, checkpoint.treeSize, from, to, c?.proof.map(hashFromHex) ?? [])).toBe(true);
  });
});
