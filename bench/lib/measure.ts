import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { closedLoop } from './database.ts';
import { activityPer, cpuPer, cpuSnapshot, dbActivity } from './postgres.ts';

/** One scenario's figures, as the HTTP benches report them. */
export type Figures = {
  scenario: string;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
};

export type Measured = {
  figures: Figures;
  cpu: ReturnType<typeof cpuPer>;
  db?: ReturnType<typeof activityPer>;
};

/** Where a bench measures: its database, its load, and the processes whose CPU it counts. */
export type MeasureContext = {
  database: { url: string; name: string };
  connections: number;
  seconds: number;
  warmSeconds: number;
  /** Backends publish their statistics after 10 s idle at the latest. */
  settleMs: number;
  serverPid: number | undefined;
  postmaster: number | undefined;
};

/**
 * The baseline of the HTTP benches: BEGIN; INSERT one row into bench_insert; COMMIT from
 * `connections` pg connections, no HTTP. With `settle`, also the database's work per insert.
 */
export async function measureRawInserts(ctx: MeasureContext, settle = true): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: ctx.database.url, max: ctx.connections });
  const payload = 'x'.repeat(200);
  const insert = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_insert (id, payload) VALUES ($1, $2)', [randomUUID(), payload]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  try {
    const dbBefore = settle ? await dbActivity(ctx.database.name) : undefined;
    const warm = await closedLoop(ctx.connections, ctx.warmSeconds, insert);
    const cpu0 = cpuSnapshot(ctx.serverPid, ctx.postmaster);
    const r = await closedLoop(ctx.connections, ctx.seconds, insert);
    const cpu1 = cpuSnapshot(ctx.serverPid, ctx.postmaster);
    const dbAfter = settle ? await dbActivity(ctx.database.name, ctx.settleMs) : undefined;
    return {
      figures: {
        scenario: 'raw INSERT tx (pg, no HTTP)',
        perSecond: r.perSecond,
        p50: r.p50,
        p99: r.p99,
        ok: r.count,
        non2xx: 0,
        errors: 0,
        seconds: ctx.seconds,
      },
      cpu: cpuPer(cpu0, cpu1, r.count),
      db: dbBefore && dbAfter ? activityPer(dbBefore, dbAfter, r.count + warm.count) : undefined,
    };
  } finally {
    await pool.end();
  }
}
