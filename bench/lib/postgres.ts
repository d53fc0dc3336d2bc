import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';

/** The machine's PostgreSQL server, as its superuser (trust auth on the loopback). */
export const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Durability = { version: string; fsync: string; synchronousCommit: string; walSync: string };

export type FreshDatabase = {
  name: string;
  /** The new database, as the owner (the superuser of adminUrl). */
  url: string;
  durability: Durability;
  drop(): Promise<void>;
};

async function adminQuery<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new, empty database on the machine's server for one run, dropped again by `drop()`. The
 * server's durability settings are read and returned, so every report says what it ran under.
 */
export async function freshDatabase(label: string): Promise<FreshDatabase> {
  const name = `yiwang_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const settings = await adminQuery<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')`,
  );
  const s = new Map(settings.rows.map((r) => [r.name, r.setting]));
  const durability = {
    version: s.get('server_version') ?? '?',
    fsync: s.get('fsync') ?? '?',
    synchronousCommit: s.get('synchronous_commit') ?? '?',
    walSync: s.get('wal_sync_method') ?? '?',
  };
  return {
    name,
    url: withDatabase(adminUrl, name),
    durability,
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function describeDurability(d: Durability): string {
  return `PostgreSQL ${d.version} at ${new URL(adminUrl).host}, fsync ${d.fsync}, synchronous_commit ${d.synchronousCommit}, wal_sync_method ${d.walSync}`;
}

/** What the database did: counters of one database and of the server's WAL. */
export type DbActivity = {
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
  walBytes: number;
  walRecords: number;
  walFullPages: number;
  walSyncs: number;
};

/**
 * The counters now. Backends publish their statistics at most once a second while busy and
 * after 10 s idle, so a caller waits `settleMs` after the load for the last of them.
 */
export async function dbActivity(database: string, settleMs = 0): Promise<DbActivity> {
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
  const { rows } = await adminQuery<{
    commits: string;
    rollbacks: string;
    inserted: string;
    updated: string;
    lsn: string;
    wal_records: string;
    wal_fpi: string;
    wal_sync: string;
  }>(
    `SELECT d.xact_commit AS commits, d.xact_rollback AS rollbacks, d.tup_inserted AS inserted,
            d.tup_updated AS updated, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS lsn,
            w.wal_records, w.wal_fpi, w.wal_sync
       FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = $1`,
    [database],
  );
  const r = rows[0];
  if (!r) throw new Error(`no statistics for ${database}`);
  return {
    commits: Number(r.commits),
    rollbacks: Number(r.rollbacks),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    walBytes: Number(r.lsn),
    walRecords: Number(r.wal_records),
    walFullPages: Number(r.wal_fpi),
    walSyncs: Number(r.wal_sync),
  };
}

export function activityPer(before: DbActivity, after: DbActivity, n: number) {
  const per = (k: keyof DbActivity) => Number(((after[k] - before[k]) / Math.max(n, 1)).toFixed(2));
  return {
    commits: per('commits'),
    rowsInserted: per('inserted'),
    rowsUpdated: per('updated'),
    walBytes: Math.round(per('walBytes')),
    walFullPages: per('walFullPages'),
    walSyncs: per('walSyncs'),
  };
}

// CPU time from /proc, in clock ticks (100 a second on Linux).
const TICK_MS = 10;

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The postmaster of the server at adminUrl: the parent of a backend of ours. */
export async function postmasterPid(): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = rows[0]?.pid;
    return backend ? parentOf(backend) : undefined;
  } finally {
    await client.end();
  }
}

/** The server's processes: the postmaster and its children (backends, WAL writer, checkpointer…). */
function postgresPids(postmaster: number | undefined): number[] {
  if (!postmaster) return [];
  const pids: number[] = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentOf(Number(entry)) === postmaster) pids.push(Number(entry));
  }
  return pids;
}

function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, ...values] = line.trim().split(/\s+/);
  const n = values.slice(0, 8).map(Number); // guest time is already counted in user
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export type CpuSnapshot = {
  at: number;
  server: number;
  postgres: Map<number, number>;
  bench: number;
  machine: { busy: number; total: number };
};

/**
 * CPU used so far by the platform's process, by the PostgreSQL server's processes (not those of
 * other servers on the machine), by this process, and by the whole machine.
 */
export function cpuSnapshot(serverPid: number | undefined, postmaster: number | undefined): CpuSnapshot {
  return {
    at: performance.now(),
    server: serverPid ? processTicks(serverPid) : 0,
    postgres: new Map(postgresPids(postmaster).map((pid) => [pid, processTicks(pid)])),
    bench: processTicks(process.pid),
    machine: machineTicks(),
  };
}

/**
 * CPU milliseconds per request for each party, and how busy the machine was (100% = all cores).
 * "other" is whatever else ran on the machine meanwhile (ideally near 0).
 */
export function cpuPer(before: CpuSnapshot, after: CpuSnapshot, n: number) {
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const server = after.server - before.server;
  const bench = after.bench - before.bench;
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  const perReq = (ticks: number) => Number(((ticks * TICK_MS) / Math.max(n, 1)).toFixed(3));
  return {
    serverMs: perReq(server),
    postgresMs: perReq(postgres),
    loadGeneratorMs: perReq(bench),
    otherMs: perReq(Math.max(0, busy - server - postgres - bench)),
    machineBusyPercent: total > 0 ? Math.round((100 * busy) / total) : 0,
    cores: os.cpus().length,
  };
}
