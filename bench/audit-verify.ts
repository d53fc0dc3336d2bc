// How long `yiwang audit verify` takes over a large trail: EVENTS audit events (default
// 1,000,000) are written in bulk, sequenced and checkpointed, then verified; the time to
// stream the same leaves through the Merkle builder alone is the baseline measured in the
// same run. `npm run bench:audit-verify` (a few minutes; not part of CI)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import {
  drainPending,
  loadCheckpointSigner,
  makeCheckpoint,
  verifyAuditTrail,
  witnessFile,
} from '../packages/server/src/platform/audit/index.ts';
import { TreeBuilder } from '../packages/server/src/platform/audit/merkle/index.ts';
import { createDb } from '../packages/server/src/platform/db/database.ts';
import { benchDatabase } from './lib/database.ts';
import { machine, saveReport } from './lib/server.ts';

const events = Number(process.env.EVENTS ?? 1_000_000);
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(1));

const db = await benchDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-verify-bench-'));
const seq = createDb(db.url, { role: 'yiwang_sequencer', max: 2 });
try {
  let t0 = performance.now();
  for (let done = 0; done < events; done += 100_000) {
    const n = Math.min(100_000, events - done);
    await sql`
      INSERT INTO audit_event (action, target_type, target_id, outcome, details)
      SELECT 'bench.write', 'bench', g::text, 'success', jsonb_build_object('fields', jsonb_build_array('a', 'b'))
      FROM generate_series(1, ${n}) g`.execute(db.app);
  }
  const writeSeconds = seconds(t0);
  t0 = performance.now();
  await drainPending(seq, { batchSize: 5000 });
  const sequenceSeconds = seconds(t0);
  const signer = loadCheckpointSigner(dir);
  t0 = performance.now();
  await makeCheckpoint(seq, signer, witnessFile(dir));
  const checkpointSeconds = seconds(t0);
  t0 = performance.now();
  const report = await verifyAuditTrail(db.owner, {
    publicKeyPem: signer.publicKeyPem,
    witnessFile: witnessFile(dir),
  });
  const verifySeconds = seconds(t0);
  t0 = performance.now();
  const builder = new TreeBuilder();
  const { rows } = await sql<{
    leaf_hash: Buffer;
  }>`SELECT leaf_hash FROM audit_leaf ORDER BY leaf_index`.execute(db.owner);
  for (const r of rows) builder.append(r.leaf_hash);
  builder.root();
  const baselineSeconds = seconds(t0);
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    database: db.description,
    events: report.events,
    ok: report.ok,
    writeSeconds,
    sequenceSeconds,
    checkpointSeconds,
    verifySeconds,
    baselineLoadAndHashSeconds: baselineSeconds,
    ratio: Number((verifySeconds / baselineSeconds).toFixed(2)),
  };
  console.table([result]);
  saveReport('audit-verify', result);
} finally {
  await seq.destroy();
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
