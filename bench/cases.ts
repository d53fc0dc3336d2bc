// Load benchmark of the case engine: case creations and case actions per second through the
// real HTTP app (`yiwang serve --demo` in its own process) on the machine's PostgreSQL with its
// default durability, next to raw single-row INSERT transactions and the trivial /healthz in
// the same run. Then one request of each kind, in process, with every statement counted and
// timed: where an action's time goes.
//   npm run bench:cases
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   the server (a new database on it)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 BENCH_APPLICANTS=100 BENCH_PROFILE_REQUESTS=200
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../packages/server/src/app.ts';
import { type MeasureContext, type Measured, measureRawInserts } from './lib/measure.ts';
import { benchServices, type Caller, makeApplicants, sessionFor, userIdOf } from './lib/platform.ts';
import {
  activityPer,
  cpuPer,
  cpuSnapshot,
  dbActivity,
  describeDurability,
  freshDatabase,
  postmasterPid,
} from './lib/postgres.ts';
import { machine, saveReport, startBenchServer } from './lib/server.ts';
import { labelOf, StatementRecorder } from './lib/statements.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const applicantCount = Number(process.env.BENCH_APPLICANTS ?? 100);
const profileRequests = Number(process.env.BENCH_PROFILE_REQUESTS ?? 200);
// Creates used to be held below the server's pool size (a deadlock, fixed): now as many as the rest.
const createConnections = Number(process.env.BENCH_CREATE_CONNECTIONS ?? 50);
const WARM_SECONDS = 2;
// Backends publish their statistics after 10 s idle at the latest.
const SETTLE_MS = 11_000;

const postmaster = await postmasterPid();
const fresh = await freshDatabase('cases');
console.log(`database: ${describeDurability(fresh.durability)}`);
const dataKey = randomBytes(32);
const server = await startBenchServer({
  DATABASE_URL: fresh.url,
  YIWANG_DATA_KEY: dataKey.toString('base64'),
  YIWANG_SESSION_KEY: randomBytes(32).toString('base64'),
}).catch(async (error) => {
  await fresh.drop();
  throw error;
});
const services = benchServices(fresh.url, dataKey);
const base = server.url.replace(/\/$/, '');
const measuring: MeasureContext = {
  database: fresh,
  connections,
  seconds,
  warmSeconds: WARM_SECONDS,
  settleMs: SETTLE_MS,
  serverPid: server.pid,
  postmaster,
};

/** An autocannon run (after a warm-up), with the CPU and database work per successful request. */
async function measureHttp(
  scenario: string,
  options: Partial<autocannon.Options>,
  warm?: Partial<autocannon.Options>,
): Promise<Measured> {
  const dbBefore = await dbActivity(fresh.name);
  let warmOk = 0;
  if (warm) warmOk = (await autocannon({ url: base, connections, ...warm }))['2xx'];
  const cpu0 = cpuSnapshot(server.pid, postmaster);
  const r = await autocannon({ url: base, connections, duration: seconds, ...options });
  const cpu1 = cpuSnapshot(server.pid, postmaster);
  const dbAfter = await dbActivity(fresh.name, SETTLE_MS);
  const ok = r['2xx'];
  return {
    figures: {
      scenario,
      perSecond: Math.round(ok / r.duration),
      p50: r.latency.p50,
      p99: r.latency.p99,
      ok,
      non2xx: r.non2xx,
      errors: r.errors,
      seconds: Number(r.duration.toFixed(1)),
    },
    cpu: cpuPer(cpu0, cpu1, ok),
    db: activityPer(dbBefore, dbAfter, ok + warmOk),
  };
}

/** A disclosure request to the demo market regulator (230100-SCJG); set once the unit is read. */
let createBody = '';
const json = { 'content-type': 'application/json' };

/** Creates round-robin over the applicants, each with a fresh Idempotency-Key as the web app sends. */
function createRequests(applicants: Caller[], runId: string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/api/v1/cases',
      setupRequest: (req) => {
        const i = n++;
        const caller = applicants[i % applicants.length] as Caller;
        return {
          ...req,
          headers: { ...caller.headers, ...json, 'idempotency-key': `bench-${runId}-${i}` },
          body: createBody,
        };
      },
    },
  ];
}

/** `register` with expectedVersion 1, each request on the next submitted case of the queue. */
function registerRequests(queue: string[], clerk: Caller): autocannon.Request[] {
  return [
    {
      method: 'POST',
      setupRequest: (req) => {
        const id = queue.shift() ?? randomUUID(); // none left: a 404, counted as non-2xx
        return {
          ...req,
          path: `/api/v1/cases/${id}/actions/register`,
          headers: { ...clerk.headers, ...json },
          body: JSON.stringify({ expectedVersion: 1, input: {} }),
        };
      },
    },
  ];
}

type Slot = { id: string; version: number; consulting: boolean };
type SlotContext = { slot?: Slot };

const CONSULT_INPUT = { reason: '所需信息涉及第三方企业的商业信息，书面征求其意见。' };

/**
 * consult_third_party and third_party_replied in turn on a pool of cases in handling: each
 * request takes an idle case, sends the action its state allows with the version it is at, and
 * puts the case back once the answer came (a case whose action failed leaves the pool).
 */
function alternatingRequests(idle: Slot[], clerk: Caller, lost: { n: number }): autocannon.Request[] {
  return [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const slot = idle.shift();
        (context as SlotContext).slot = slot;
        if (!slot) {
          return {
            ...req,
            path: `/api/v1/cases/${randomUUID()}/actions/third_party_replied`,
            headers: { ...clerk.headers, ...json },
            body: JSON.stringify({ expectedVersion: 1, input: {} }),
          };
        }
        const action = slot.consulting ? 'third_party_replied' : 'consult_third_party';
        return {
          ...req,
          path: `/api/v1/cases/${slot.id}/actions/${action}`,
          headers: { ...clerk.headers, ...json },
          body: JSON.stringify({
            expectedVersion: slot.version,
            input: slot.consulting ? {} : CONSULT_INPUT,
          }),
        };
      },
      onResponse: (status, _body, context) => {
        const slot = (context as SlotContext).slot;
        (context as SlotContext).slot = undefined;
        if (!slot) return;
        if (status >= 200 && status < 300) {
          slot.version += 1;
          slot.consulting = !slot.consulting;
          idle.push(slot);
        } else lost.n += 1;
      },
    },
  ];
}

async function submittedCases(): Promise<string[]> {
  const rows = await services.db
    .selectFrom('case_record')
    .select('id')
    .where('process_code', '=', 'disclosure_request')
    .where('state', '=', 'submitted')
    .where('version', '=', 1)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

async function casesInHandling(): Promise<Slot[]> {
  const rows = await services.db
    .selectFrom('case_record')
    .select(['id', 'version'])
    .where('process_code', '=', 'disclosure_request')
    .where('state', '=', 'handling')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, consulting: false }));
}

// ---- where the time goes: one request at a time, in process, every statement counted ----

type Profile = {
  kind: string;
  requests: number;
  wallMs: number;
  dbWaitMs: number;
  statements: number;
  transactions: number;
  /** CPU per request: this process (the app in process), PostgreSQL, the idle server's background loops. */
  appCpuMs: number;
  postgresCpuMs: number;
  backgroundCpuMs: number;
  auditEvents: number;
  rowsInserted: Record<string, number>;
  byStatement: Array<{ statement: string; perRequest: number; meanMs: number }>;
};

const COUNTED_TABLES = [
  'case_record',
  'case_clock',
  'case_action',
  'idempotency_record',
  'tracking_counter',
  'inbox_message',
  'notification',
  'audit_event',
] as const;

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const r = await services.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(r.n);
  }
  return counts;
}

async function profileKind(
  recorder: StatementRecorder,
  kind: string,
  requests: Array<() => Promise<void>>,
): Promise<Profile> {
  const before = await tableCounts();
  const cpu0 = cpuSnapshot(server.pid, postmaster);
  const own0 = process.cpuUsage();
  const started = performance.now();
  const { stats, busyMs: dbWait } = await recorder.record(async () => {
    for (const request of requests) await request();
  });
  const wallMs = performance.now() - started;
  const own = process.cpuUsage(own0);
  const cpu = cpuPer(cpu0, cpuSnapshot(server.pid, postmaster), requests.length);
  const after = await tableCounts();
  const n = requests.length;
  const byLabel = new Map<string, { count: number; ms: number }>();
  let statements = 0;
  let transactions = 0;
  for (const [text, s] of stats) {
    const label = labelOf(text);
    const l = byLabel.get(label) ?? { count: 0, ms: 0 };
    l.count += s.count;
    l.ms += s.ms;
    byLabel.set(label, l);
    statements += s.count;
    if (label === 'BEGIN') transactions += s.count;
  }
  const rowsInserted: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const d = ((after[table] ?? 0) - (before[table] ?? 0)) / n;
    if (d !== 0 && table !== 'audit_event') rowsInserted[table] = Number(d.toFixed(2));
  }
  return {
    kind,
    requests: n,
    wallMs: Number((wallMs / n).toFixed(2)),
    dbWaitMs: Number((dbWait / n).toFixed(2)),
    statements: Number((statements / n).toFixed(1)),
    transactions: Number((transactions / n).toFixed(2)),
    appCpuMs: Number(((own.user + own.system) / 1000 / n).toFixed(2)),
    postgresCpuMs: cpu.postgresMs,
    backgroundCpuMs: cpu.serverMs,
    auditEvents: Number((((after.audit_event ?? 0) - (before.audit_event ?? 0)) / n).toFixed(2)),
    rowsInserted,
    byStatement: [...byLabel.entries()]
      .map(([statement, s]) => ({
        statement,
        perRequest: Number((s.count / n).toFixed(2)),
        meanMs: Number((s.ms / s.count).toFixed(2)),
      }))
      .sort((a, b) => b.perRequest - a.perRequest),
  };
}

async function profile(applicants: Caller[], clerk: Caller): Promise<Profile[]> {
  const recorder = new StatementRecorder();
  const app: FastifyInstance = await buildApp({
    config: {
      bodyLimitBytes: 1_048_576,
      rateLimitPerMinute: 1_000_000_000,
      trustProxy: false,
      webDistDir: '/nonexistent',
    },
    services,
    logger: pino({ level: 'silent' }),
  });
  try {
    const call = async (caller: Caller, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await app.inject({
        method,
        url,
        headers: { ...caller.headers, ...(payload ? json : {}) },
        payload: payload ? JSON.stringify(payload) : undefined,
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    // Warm the in-process app's code paths first; not counted.
    for (let i = 0; i < 20; i += 1) {
      const created = await call(applicants[i % applicants.length] as Caller, 'POST', '/api/v1/cases', {
        ...JSON.parse(createBody),
      });
      const id = created.json().case.id as string;
      await call(clerk, 'POST', `/api/v1/cases/${id}/actions/register`, { expectedVersion: 1, input: {} });
      await call(clerk, 'POST', `/api/v1/cases/${id}/actions/consult_third_party`, {
        expectedVersion: 2,
        input: CONSULT_INPUT,
      });
    }
    const ids: string[] = [];
    const out: Profile[] = [];
    out.push(
      await profileKind(
        recorder,
        'create (POST /api/v1/cases)',
        Array.from({ length: profileRequests }, (_, i) => async () => {
          const caller = applicants[i % applicants.length] as Caller;
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/cases',
            headers: { ...caller.headers, ...json, 'idempotency-key': `profile-${i}` },
            payload: createBody,
          });
          if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
          ids.push(res.json().case.id);
        }),
      ),
    );
    const act = (action: string, version: number, input: object) =>
      ids.map((id) => async () => {
        await call(clerk, 'POST', `/api/v1/cases/${id}/actions/${action}`, {
          expectedVersion: version,
          input,
        });
      });
    out.push(await profileKind(recorder, 'register', act('register', 1, {})));
    out.push(
      await profileKind(recorder, 'consult_third_party', act('consult_third_party', 2, CONSULT_INPUT)),
    );
    out.push(await profileKind(recorder, 'third_party_replied', act('third_party_replied', 3, {})));
    out.push(
      await profileKind(
        recorder,
        'GET /api/v1/cases/:id (staff)',
        ids.map((id) => async () => {
          await call(clerk, 'GET', `/api/v1/cases/${id}`);
        }),
      ),
    );
    return out;
  } finally {
    await app.close();
  }
}

// ---- the run ----

try {
  const unit = await services.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '230100-SCJG')
    .executeTakeFirstOrThrow();
  createBody = JSON.stringify({
    process: 'disclosure_request',
    unitId: unit.id,
    title: '申请公开2025年食品抽检结果',
    form: { description: '2025年度本市食品安全监督抽检结果', medium: 'online' },
  });
  const owner = new pg.Client({ connectionString: fresh.url });
  await owner.connect();
  await owner.query(
    'CREATE TABLE bench_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)',
  );
  await owner.end();
  console.log(`making ${applicantCount} applicants with sessions…`);
  const applicants = await makeApplicants(services, applicantCount);
  const clerk = await sessionFor(services, await userIdOf(services.db, 'clerk'));
  const runId = randomBytes(4).toString('hex');

  console.log('healthz…');
  const healthz = await measureHttp(
    'GET /healthz',
    { url: `${base}/healthz` },
    { url: `${base}/healthz`, duration: WARM_SECONDS },
  );
  console.log('raw INSERT transactions…');
  const rawFirst = await measureRawInserts(measuring);
  console.log('case creations…');
  const creates = await measureHttp(
    `POST /api/v1/cases (create), ${createConnections} clients`,
    { requests: createRequests(applicants, `${runId}m`), connections: createConnections },
    {
      requests: createRequests(applicants, `${runId}w`),
      duration: WARM_SECONDS,
      connections: createConnections,
    },
  );
  if (creates.figures.ok === 0) throw new Error('no case was created: the server is stuck (see above)');
  let submitted = await submittedCases();
  // The actions need cases: at least a warm-up's and four per client (short runs top up, unmeasured).
  const needed = connections * 5;
  if (submitted.length < needed) {
    console.log(`creating ${needed - submitted.length} more cases for the actions (not measured)…`);
    await autocannon({
      url: base,
      connections: Math.min(createConnections, needed - submitted.length),
      amount: needed - submitted.length,
      requests: createRequests(applicants, `${runId}t`),
    });
    submitted = await submittedCases();
  }
  const warmRegister = Math.max(connections, Math.min(200, Math.floor(submitted.length / 10)));
  console.log(`register on ${submitted.length - warmRegister} submitted cases (one request each)…`);
  const registers = await measureHttp(
    'POST …/actions/register',
    { requests: registerRequests(submitted, clerk), amount: submitted.length - warmRegister },
    { requests: registerRequests(submitted, clerk), amount: warmRegister },
  );
  const idle = await casesInHandling();
  const poolSize = idle.length;
  const lost = { n: 0 };
  console.log(`consult_third_party ↔ third_party_replied on ${poolSize} cases…`);
  const alternating = await measureHttp(
    'POST …/actions/{consult_third_party | third_party_replied}',
    { requests: alternatingRequests(idle, clerk, lost) },
    { requests: alternatingRequests(idle, clerk, lost), duration: WARM_SECONDS },
  );
  console.log('raw INSERT transactions again…');
  const rawSecond = await measureRawInserts(measuring);
  const raw = rawFirst.figures.perSecond >= rawSecond.figures.perSecond ? rawFirst : rawSecond;

  const all = [healthz, rawFirst, rawSecond, creates, registers, alternating];
  const ratio = (m: Measured) => Number((m.figures.perSecond / raw.figures.perSecond).toFixed(3));
  console.table(
    all.map((m) => ({
      scenario: m.figures.scenario,
      'req/s (2xx)': m.figures.perSecond,
      'p50 ms': m.figures.p50,
      'p99 ms': m.figures.p99,
      '2xx': m.figures.ok,
      non2xx: m.figures.non2xx,
      errors: m.figures.errors,
      s: m.figures.seconds,
      '÷ raw INSERT': ratio(m),
    })),
  );
  console.log(
    'per successful request (CPU from /proc over the measured run; database counters over warm-up and run):',
  );
  console.table(
    all.map((m) => ({
      scenario: m.figures.scenario,
      'server CPU ms': m.cpu.serverMs,
      'postgres CPU ms': m.cpu.postgresMs,
      'load gen CPU ms': m.cpu.loadGeneratorMs,
      'other CPU ms': m.cpu.otherMs,
      'machine busy %': m.cpu.machineBusyPercent,
      'xacts (incl. read-only)': m.db?.commits,
      'rows inserted': m.db?.rowsInserted,
      'rows updated': m.db?.rowsUpdated,
      'WAL bytes': m.db?.walBytes,
      'WAL full pages': m.db?.walFullPages,
      'WAL flushes': m.db?.walSyncs,
    })),
  );
  console.log(`cases that left the action pool after a non-2xx: ${lost.n} of ${poolSize}`);

  console.log(`profile: ${profileRequests} requests of each kind, one at a time, in process…`);
  const profiles = await profile(applicants, clerk);
  for (const p of profiles) {
    console.log(
      `\n${p.kind}: ${p.wallMs} ms a request, ${p.dbWaitMs} ms of it waiting on the database; CPU ms: ` +
        `app ${p.appCpuMs}, postgres ${p.postgresCpuMs}, the server's background loops ${p.backgroundCpuMs}; ` +
        `${p.statements} statements in ${p.transactions} transactions; ${p.auditEvents} audit events; ` +
        `rows inserted ${JSON.stringify(p.rowsInserted)}`,
    );
    console.table(
      p.byStatement.map((s) => ({
        statement: s.statement,
        'per request': s.perRequest,
        'mean ms': s.meanMs,
      })),
    );
  }

  saveReport('cases', {
    date: new Date().toISOString(),
    machine: machine(),
    database: describeDurability(fresh.durability),
    server: server.database,
    seconds,
    connections,
    applicants: applicantCount,
    actionPool: poolSize,
    actionPoolLost: lost.n,
    results: all.map((m) => ({ ...m, ratioToRawInsert: ratio(m) })),
    rawInsertBaseline: raw.figures.perSecond,
    profiles,
  });
} finally {
  await services.db.destroy();
  // A server whose pool is stuck never finishes stopping: after 20 s it is killed.
  const killer = setTimeout(() => server.pid && process.kill(server.pid, 'SIGKILL'), 20_000);
  await server.stop();
  clearTimeout(killer);
  await fresh.drop();
}
