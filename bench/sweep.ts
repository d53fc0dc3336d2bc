// The deadline sweep over a large open caseload: N disclosure requests in handling are loaded in
// bulk with SQL (their reply clock running; 1% past due, 2% in their warning window, the rest
// later), then one sweep (runSweeps, what every server runs every SWEEP_SECONDS) is timed, and
// then idle sweeps, when nothing is due, which should only touch the partial indexes.
// A benchmark, not part of CI.
//   npm run bench:sweep                       1,000,000 cases
//   npm run bench:sweep -- --cases 100000
//   npm run bench:sweep -- --cases 100000 --unwarned   overdue clocks that were never warned
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   the server (a new database on it)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildCaseEngine, defaultCaseSettings } from '../packages/server/src/caseEngine.ts';
import { runSweeps, type SweepCounts } from '../packages/server/src/cases/sweeps.ts';
import { disclosureProcess } from '../packages/server/src/modules/disclosure/process.ts';
import { createDb, type Db } from '../packages/server/src/platform/db/database.ts';
import { migrateToLatest } from '../packages/server/src/platform/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed.ts';
import { benchServices, userIdOf } from './lib/platform.ts';
import { describeDurability, freshDatabase } from './lib/postgres.ts';
import { machine, saveReport } from './lib/server.ts';
import { labelOf, StatementRecorder } from './lib/statements.ts';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '1000000' }, unwarned: { type: 'boolean', default: false } },
  strict: true,
});
const N = Number(values.cases);
// By default an overdue clock was warned when its window opened, as the sweeps do; --unwarned
// loads them never warned (the sweeps were down through the whole window, or it was too short).
const UNWARNED = values.unwarned === true;
if (!Number.isInteger(N) || N < 100) throw new Error('--cases must be a whole number of at least 100');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// 20 working days are about 28 calendar days; the warning goes out with a fifth of that left.
const SPAN_MS = 28 * DAY_MS;
const WARN_MS = SPAN_MS * defaultCaseSettings.warnShare;

const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Rows of the tables a sweep writes to, to show what one pass left behind. */
async function counts(db: Db) {
  const r = await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM case_action) AS case_action,
           (SELECT count(*) FROM case_task) AS case_task,
           (SELECT count(*) FROM inbox_message) AS inbox_message,
           (SELECT count(*) FROM notification) AS notification,
           (SELECT count(*) FROM audit_event) AS audit_event`.execute(db);
  return Object.fromEntries(Object.entries(r.rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

async function dueNow(db: Db, now: Date) {
  const r = await sql<{ expire: string; warn: string }>`
    SELECT (SELECT count(*) FROM case_clock
             WHERE status = 'running' AND overdue_at IS NULL AND due_at <= ${now}) AS expire,
           (SELECT count(*) FROM case_clock
             WHERE status = 'running' AND warned_at IS NULL AND warn_at <= ${now} AND due_at > ${now}) AS warn`.execute(
    db,
  );
  return { toExpire: Number(r.rows[0]?.expire), toWarn: Number(r.rows[0]?.warn) };
}

/**
 * The bulk load, as the owner with triggers off (session_replication_role = replica): the rows
 * are what the engine would have written for a request submitted, then registered (the
 * correction window stopped, the reply clock running), without their audit events.
 */
async function load(owner: Db, now: Date) {
  const unit = await owner
    .selectFrom('org_unit')
    .select(['id', 'division_code'])
    .where('code', '=', '230100-SCJG')
    .executeTakeFirstOrThrow();
  const citizen = await owner
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .executeTakeFirstOrThrow();
  const business = await owner
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'business')
    .executeTakeFirstOrThrow();
  const clerk = await userIdOf(owner, 'clerk');
  const replyRule = JSON.stringify(disclosureProcess.clocks.reply?.rule);
  const correctionRule = JSON.stringify(disclosureProcess.clocks.correction_window?.rule);
  const steps: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<unknown>) => {
    const t = await timed(work);
    steps[name] = seconds(t.ms);
    console.log(`  ${name}: ${steps[name]} s`);
  };
  await owner.connection().execute(async (c) => {
    await sql`SET session_replication_role = replica`.execute(c);
    // The plan: when each case's reply clock falls due. i % 100 = 0: overdue by up to 3 days;
    // 1 or 2: inside the warning window; the rest: due later, up to 4 weeks on. A fixed hash of
    // i spreads them, so the data is the same on every run of the same size.
    await step('plan', () =>
      sql`
        CREATE TEMP TABLE bench_plan AS
        SELECT i, due, due - ${`${SPAN_MS} milliseconds`}::interval AS started
          FROM (SELECT i, ((i::bigint * 2654435761) % 1000003)::float8 / 1000003 AS r
                  FROM generate_series(1, ${N}) i) g,
               LATERAL (SELECT CASE
                 WHEN i % 100 = 0 THEN ${now}::timestamptz - interval '1 minute' - r * interval '3 days'
                 WHEN i % 100 IN (1, 2) THEN ${now}::timestamptz + interval '1 minute'
                      + r * (${`${WARN_MS} milliseconds`}::interval - interval '1 hour')
                 ELSE ${now}::timestamptz + ${`${WARN_MS} milliseconds`}::interval + interval '1 hour'
                      + r * interval '22 days'
               END AS due) d`.execute(c),
    );
    const iso = (column: string) =>
      sql.raw(`to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    await step('case_record', () =>
      sql`
        INSERT INTO case_record (id, process_code, process_version, form_version, tracking_number, lookup_hash,
                                 division_code, owning_unit_id, applicant_user_id, title, form_data, state,
                                 version, received_on, due_at, due_clock, overdue, provisional, created_at,
                                 updated_at, closed_at)
        SELECT md5('case' || i)::uuid, ${disclosureProcess.code}, ${disclosureProcess.version},
               ${disclosureProcess.formVersion},
               ${unit.division_code} || '-' || to_char(started AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'
                 || CASE WHEN i < 1000000 THEN lpad(i::text, 6, '0') ELSE i::text END,
               decode(md5('lookup' || i), 'hex'), ${unit.division_code}, ${unit.id},
               CASE WHEN i % 2 = 0 THEN ${citizen.id}::uuid ELSE ${business.id}::uuid END,
               '申请公开政府信息（基准测试）第' || i || '号',
               '{"description": "基准测试：所需政府信息的描述", "medium": "online"}'::jsonb,
               'handling', 2, (started AT TIME ZONE 'Asia/Shanghai')::date, due, 'reply', false, false,
               started, started + interval '1 day', NULL
          FROM bench_plan`.execute(c),
    );
    await step('case_clock', () =>
      sql`
        INSERT INTO case_clock (id, case_id, code, rule, events, status, due_at, warn_at, warned_at,
                                overdue_at, escalated_at, provisional, calendar_version)
        SELECT md5('reply' || i)::uuid, md5('case' || i)::uuid, 'reply', ${replyRule}::jsonb,
               jsonb_build_array(jsonb_build_object('kind', 'start', 'at', ${iso('started')})),
               'running', due, due - ${`${WARN_MS} milliseconds`}::interval,
               CASE WHEN due <= ${now} AND NOT ${UNWARNED} THEN due - ${`${WARN_MS} milliseconds`}::interval END,
               NULL::timestamptz, NULL::timestamptz, false, NULL::text
          FROM bench_plan
        UNION ALL
        SELECT md5('correction' || i)::uuid, md5('case' || i)::uuid, 'correction_window', ${correctionRule}::jsonb,
               jsonb_build_array(jsonb_build_object('kind', 'start', 'at', ${iso('started')}),
                                 jsonb_build_object('kind', 'stop', 'at', ${iso("started + interval '1 day'")},
                                                    'outcome', 'register')),
               'stopped', NULL::timestamptz, NULL::timestamptz, NULL::timestamptz, NULL::timestamptz,
               NULL::timestamptz, false, NULL::text
          FROM bench_plan`.execute(c),
    );
    await step('case_action', () =>
      sql`
        INSERT INTO case_action (id, case_id, seq, action, from_state, to_state, actor_user_id, actor_name, at, input)
        SELECT md5('submit' || i)::uuid, md5('case' || i)::uuid, 1, 'submit', NULL, 'submitted',
               CASE WHEN i % 2 = 0 THEN ${citizen.id}::uuid ELSE ${business.id}::uuid END, '申请人'::text, started, '{}'::jsonb
          FROM bench_plan
        UNION ALL
        SELECT md5('register' || i)::uuid, md5('case' || i)::uuid, 2, 'register', 'submitted', 'handling',
               ${clerk}::uuid, '王晓红', started + interval '1 day', '{}'::jsonb
          FROM bench_plan`.execute(c),
    );
    await sql`SET session_replication_role = origin`.execute(c);
    await sql`DROP TABLE bench_plan`.execute(c);
    await step('analyze', () => sql`ANALYZE case_record, case_clock, case_action`.execute(c));
    await step('checkpoint', () => sql`CHECKPOINT`.execute(c));
  });
  return steps;
}

function statementsPer(stats: Map<string, { count: number; ms: number }>, n: number) {
  const byLabel = new Map<string, { count: number; ms: number }>();
  for (const [text, s] of stats) {
    const label = labelOf(text);
    const l = byLabel.get(label) ?? { count: 0, ms: 0 };
    l.count += s.count;
    l.ms += s.ms;
    byLabel.set(label, l);
  }
  return [...byLabel.entries()]
    .map(([statement, s]) => ({
      statement,
      'per case': Number((s.count / Math.max(n, 1)).toFixed(2)),
      'total s': seconds(s.ms),
      'mean ms': Number((s.ms / s.count).toFixed(2)),
    }))
    .sort((a, b) => b['total s'] - a['total s']);
}

/** How PostgreSQL runs a batch's selection of due clocks in the state the sweeps left. */
async function explainBatch(db: Db, now: Date) {
  const plans: Record<string, string> = {};
  for (const [kind, query] of [
    [
      'expire',
      sql`SELECT case_id FROM case_clock WHERE status = 'running' AND overdue_at IS NULL AND due_at <= ${now} ORDER BY due_at LIMIT 200`,
    ],
    [
      'warn',
      sql`SELECT case_id FROM case_clock WHERE status = 'running' AND warned_at IS NULL AND warn_at <= ${now} AND due_at > ${now} ORDER BY warn_at LIMIT 200`,
    ],
  ] as const) {
    const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${query}`.execute(db);
    plans[kind] = r.rows.map((row) => row['QUERY PLAN']).join('\n');
  }
  return plans;
}

const fresh = await freshDatabase('sweep');
console.log(`database: ${describeDurability(fresh.durability)}`);
const owner = createDb(fresh.url, { max: 2 });
const services = benchServices(fresh.url, randomBytes(32), 4);
try {
  await migrateToLatest(owner);
  await seedDemo(services);
  const now = new Date();
  console.log(
    `loading ${N.toLocaleString('en')} open cases${UNWARNED ? ' (overdue ones never warned)' : ''}…`,
  );
  const loaded = await timed(() => load(owner, now));
  const sizes = await sql<{ table: string; size: string }>`
    SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS size
      FROM pg_class WHERE relname IN ('case_record', 'case_clock', 'case_action') ORDER BY relname`.execute(
    owner,
  );
  console.log(
    `loaded in ${seconds(loaded.ms)} s: ${sizes.rows.map((r) => `${r.table} ${r.size}`).join(', ')}`,
  );

  const engine = buildCaseEngine(services, defaultCaseSettings);
  const due = await dueNow(owner, now);
  console.log(`due at the sweep: ${due.toExpire} clocks to expire, ${due.toWarn} to warn`);
  const before = await counts(owner);
  const recorder = new StatementRecorder();
  const first = await timed(() => recorder.record(() => runSweeps(engine, services.db, now)));
  const firstCounts: SweepCounts = first.result.result;
  const after = await counts(owner);
  const handled = firstCounts.overdue + firstCounts.warned;
  const written = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
  console.log(
    `\nfirst sweep: ${seconds(first.ms)} s for ${JSON.stringify(firstCounts)} ` +
      `(${(handled / (first.ms / 1000)).toFixed(0)} cases/s; ${(first.ms / Math.max(handled, 1)).toFixed(2)} ms a case); ` +
      `the database was waited on for ${seconds(first.result.busyMs)} s`,
  );
  console.log(`rows written: ${JSON.stringify(written)}`);
  console.table(statementsPer(first.result.stats, handled));

  // One pass should leave nothing due at the same instant; if it did, further passes catch up
  // (as the next SWEEP_SECONDS would), timed, until one finds nothing.
  const catchUp: Array<{ seconds: number; counts: SweepCounts }> = [];
  for (;;) {
    const t = await timed(() => runSweeps(engine, services.db, now));
    if (!Object.values(t.result).some((v) => v > 0)) break;
    catchUp.push({ seconds: seconds(t.ms), counts: t.result });
    console.log(
      `  the first sweep left work: another pass took ${seconds(t.ms)} s for ${JSON.stringify(t.result)}`,
    );
    if (catchUp.length >= 1000) throw new Error('the sweeps do not converge');
  }
  const idle: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = await timed(() => runSweeps(engine, services.db, now));
    if (Object.values(t.result).some((v) => v > 0))
      throw new Error(`an idle sweep did work: ${JSON.stringify(t.result)}`);
    idle.push(Number(t.ms.toFixed(2)));
  }
  const idleSorted = [...idle].sort((a, b) => a - b);
  const idleMedian = idleSorted[Math.floor(idleSorted.length / 2)] ?? 0;
  console.log(`\nidle sweeps (nothing due), 5 runs: ${idle.join(', ')} ms; median ${idleMedian} ms`);
  const plans = await explainBatch(owner, now);
  for (const [kind, plan] of Object.entries(plans)) console.log(`\n${kind} batch query when idle:\n${plan}`);

  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    database: describeDurability(fresh.durability),
    cases: N,
    overdueNeverWarned: UNWARNED,
    loadSeconds: seconds(loaded.ms),
    loadSteps: loaded.result,
    sizes: sizes.rows,
    dueAtSweep: due,
    firstSweep: {
      seconds: seconds(first.ms),
      counts: firstCounts,
      databaseWaitSeconds: seconds(first.result.busyMs),
      rowsWritten: written,
      statements: statementsPer(first.result.stats, handled),
    },
    catchUpPasses: catchUp,
    idleSweepMs: idle,
    idleSweepMedianMs: idleMedian,
    idlePlans: plans,
  };
  saveReport('sweep', report);
} finally {
  await services.db.destroy();
  await owner.destroy();
  await fresh.drop();
}
