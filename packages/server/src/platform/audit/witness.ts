import fs from 'node:fs/promises';
import path from 'node:path';
import type { CheckpointRecord } from './store.ts';

// The witness is a copy of every checkpoint outside the database: a superuser who rewrites the log and
// re-signs fresh checkpoints in the database cannot also rewrite what this file recorded earlier (DESIGN §5).
// Copy it off the machine (or have another party tail it) for the strongest guarantee.

export function witnessFile(dataDir: string): string {
  return path.join(dataDir, 'audit', 'witness.jsonl');
}

/** Appends one checkpoint as one JSON line, and waits until it is on disk. */
export async function appendWitness(file: string, record: CheckpointRecord): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.write(`${JSON.stringify(record)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type WitnessLine = CheckpointRecord & { line: number };
export type WitnessContents = { records: WitnessLine[]; malformed: Array<{ line: number; message: string }> };

/** The witnessed checkpoints, with their line numbers. A missing file has none (no checkpoint made here yet). */
export async function readWitness(file: string): Promise<WitnessContents> {
  const contents: WitnessContents = { records: [], malformed: [] };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return contents;
    throw error;
  }
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const record = parseRecord(raw);
    if (typeof record === 'string') contents.malformed.push({ line: i + 1, message: record });
    else contents.records.push({ ...record, line: i + 1 });
  });
  return contents;
}

function parseRecord(raw: string): CheckpointRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'not JSON';
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { treeSize, rootHash, madeAt, keyId, signature } = v;
  if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 0) return 'treeSize is not a tree size';
  if (typeof rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(rootHash)) return 'rootHash is not a hex hash';
  if (typeof madeAt !== 'string' || typeof keyId !== 'string' || typeof signature !== 'string') {
    return 'madeAt, keyId or signature missing';
  }
  return { treeSize: treeSize as number, rootHash, madeAt, keyId, signature };
}
