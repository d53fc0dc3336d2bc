import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../packages/server/src/platform/db/database.ts';
import { EmbeddedPostgres } from '../../packages/server/src/platform/db/embedded.ts';
import { migrateToLatest } from '../../packages/server/src/platform/db/migrate.ts';

export type BenchDatabase = { url: string; owner: Db; app: Db; description: string; stop(): Promise<void> };

/**
 * A migrated database with default durability (fsync on): the given server's (a new database
 * on it) via BENCH_DATABASE_URL, or an embedded server in a temporary folder.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-benchdb-'));
  const embedded = process.env.BENCH_DATABASE_URL
    ? undefined
    : await EmbeddedPostgres.start({ dir: path.join(dir, 'postgres'), passwordFile: path.join(dir, 'pw') });
  const url = process.env.BENCH_DATABASE_URL ?? (embedded as EmbeddedPostgres).url;
  const owner = createDb(url, { max: 4 });
  await migrateToLatest(owner);
  const app = createDb(url, { max: 60, role: 'yiwang_app' });
  return {
    url,
    owner,
    app,
    description: embedded ? 'embedded PostgreSQL, fsync on' : 'BENCH_DATABASE_URL',
    stop: async () => {
      await app.destroy();
      await owner.destroy();
      await embedded?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` from `clients` concurrent loops for `seconds`; returns rate and latency figures. */
export async function closedLoop(clients: number, seconds: number, work: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await work(n++);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(1));
  return {
    perSecond: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    count: latencies.length,
  };
}
