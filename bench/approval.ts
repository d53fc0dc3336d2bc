// Load benchmark of licensing (行政审批) through the real HTTP app (`yiwang serve --demo` in its own
// process, TRUST_PROXY=true) on the machine's PostgreSQL with its default durability, next to raw
// single-row INSERT transactions and the trivial /healthz in the same run:
// - submissions: POST /api/v1/approval/applications (a three-field form, to a benchmark service
//   made for it) and then the upload of a 1 MiB PDF to the new case, two requests a submission
//   on the same connection; submissions/s and the p50/p99 of the pair, and of each request;
// - the service guide (办事指南) of the demo 230100-SCJG-XK-001, GET /api/v1/services/{id};
// - the public status lookup, GET /api/v1/track?number=&code=, on the cases the submissions
//   opened, each request from another X-Forwarded-For address (the route allows 10 a minute per
//   address: this measures the lookup, not the 429).
//   npm run bench:approval
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   the server (a new database on it)
//   BENCH_SECONDS=10 BENCH_SUBMIT_SECONDS=20 BENCH_CONNECTIONS=50 BENCH_APPLICANTS=100
//   BENCH_UPLOAD_BYTES=1048576
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { createServiceSchema } from '@yiwang/contracts';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  createService,
  lockService,
  publishDraft,
} from '../packages/server/src/modules/approval/catalogue/service.ts';
import { inTransaction } from '../packages/server/src/platform/db/transaction.ts';
import { createFieldCipher } from '../packages/server/src/platform/keys/fieldCipher.ts';
import { type MeasureContext, type Measured, measureRawInserts } from './lib/measure.ts';
import { paddedPdf } from './lib/pdf.ts';
import { benchServices, type Caller, makeApplicants } from './lib/platform.ts';
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

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// Submissions are slow (seconds a pair at 50 clients): a longer window, so the pairs under way at
// its start and end weigh less.
const submitSeconds = Number(process.env.BENCH_SUBMIT_SECONDS ?? 2 * seconds);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const applicantCount = Number(process.env.BENCH_APPLICANTS ?? 100);
const uploadBytes = Number(process.env.BENCH_UPLOAD_BYTES ?? 1_048_576);
const WARM_SECONDS = 2;
// Backends publish their statistics after 10 s idle at the latest.
const SETTLE_MS = 11_000;
// A 1 MiB upload from 50 clients can queue for seconds: wait longer than autocannon's 10 s.
const TIMEOUT_SECONDS = 30;
const FOOD_LICENCE = '230100-SCJG-XK-001';
const BENCH_SERVICE = '230100-SCJG-BENCH-001';

const postmaster = await postmasterPid();
const fresh = await freshDatabase('approval');
console.log(`database: ${describeDurability(fresh.durability)}`);
const loadAt = (when: string) =>
  console.log(
    `${when}: ${machine()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
loadAt('before');
const dataKey = randomBytes(32);
const server = await startBenchServer({
  DATABASE_URL: fresh.url,
  YIWANG_DATA_KEY: dataKey.toString('base64'),
  YIWANG_SESSION_KEY: randomBytes(32).toString('base64'),
  TRUST_PROXY: 'true',
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
const json = { 'content-type': 'application/json' };

const say = (what: string, perSecond: number, p50: number, p99: number) =>
  console.log(`  ${what}: ${perSecond}/s, p50 ${p50} ms, p99 ${p99} ms`);

/** Latencies in ms, sorted on read. */
class Samples {
  readonly ms: number[] = [];
  add(ms: number) {
    this.ms.push(ms);
  }
  at(q: number): number {
    const s = [...this.ms].sort((a, b) => a - b);
    return Number((s[Math.floor(q * (s.length - 1))] ?? 0).toFixed(1));
  }
}

/**
 * An autocannon run after a warm-up, with the CPU per counted unit and, unless `settle` is false,
 * the database's work per unit (its statistics arrive up to 10 s late, hence the wait after).
 * `count` turns autocannon's result into the units counted (2xx responses unless given).
 */
async function measureHttp(
  scenario: string,
  options: Partial<autocannon.Options>,
  warm: Partial<autocannon.Options>,
  settle = true,
  count: (r: autocannon.Result) => { ok: number; p50: number; p99: number; warmOk?: number } = (r) => ({
    ok: r['2xx'],
    p50: r.latency.p50,
    p99: r.latency.p99,
  }),
): Promise<Measured & { raw: autocannon.Result }> {
  const dbBefore = settle ? await dbActivity(fresh.name) : undefined;
  const warmResult = await autocannon({ url: base, connections, duration: WARM_SECONDS, ...warm });
  const cpu0 = cpuSnapshot(server.pid, postmaster);
  const r = await autocannon({ url: base, connections, duration: seconds, ...options });
  const cpu1 = cpuSnapshot(server.pid, postmaster);
  const dbAfter = settle ? await dbActivity(fresh.name, SETTLE_MS) : undefined;
  const c = count(r);
  const warmOk = c.warmOk ?? warmResult['2xx'];
  say(scenario, Math.round(c.ok / r.duration), c.p50, c.p99);
  return {
    raw: r,
    figures: {
      scenario,
      perSecond: Math.round(c.ok / r.duration),
      p50: c.p50,
      p99: c.p99,
      ok: c.ok,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      seconds: Number(r.duration.toFixed(1)),
    },
    cpu: cpuPer(cpu0, cpu1, c.ok),
    db: dbBefore && dbAfter ? activityPer(dbBefore, dbAfter, c.ok + warmOk) : undefined,
  };
}

// ---- submissions: the application, then its material, on one connection ----

const boundary = '----yiwangbench';
/** The multipart body of one upload: slot `application_form` and the padded PDF (the same bytes each time). */
function uploadBody(pdf: Buffer): Buffer {
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\napplication_form\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="申请书.pdf"\r\n` +
    'Content-Type: application/pdf\r\n\r\n';
  return Buffer.concat([Buffer.from(head), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
}

type Tracked = { number: string; code: string };
type SubmissionStats = {
  applied: number;
  uploaded: number;
  applyFailed: Record<number, number>;
  uploadFailed: Record<number, number>;
  pair: Samples;
  apply: Samples;
  upload: Samples;
  firstFailure?: string;
};
type PairContext = { t0?: number; t1?: number; caseId?: string; caller?: Caller };

/**
 * Each connection applies, then uploads the PDF to the case the answer names, then applies again.
 * Times are taken when autocannon builds a request (it writes it at once) and when its answer is
 * complete; a pair is counted when both answered 2xx. The cases' numbers and lookup codes go to
 * `tracked` for the lookups.
 */
function submissionRequests(
  applicants: Caller[],
  serviceId: string,
  body: Buffer,
  runId: string,
  tracked: Tracked[],
): { requests: autocannon.Request[]; stats: SubmissionStats } {
  const stats: SubmissionStats = {
    applied: 0,
    uploaded: 0,
    applyFailed: {},
    uploadFailed: {},
    pair: new Samples(),
    apply: new Samples(),
    upload: new Samples(),
  };
  let n = 0;
  const form = (i: number) => ({
    applicantName: `基准测试申请人${i}`,
    address: `哈尔滨市道里区中央大街${(i % 500) + 1}号`,
    purpose: '申请办理基准测试许可事项，材料见申请书。',
  });
  const fail = (bucket: Record<number, number>, status: number, text: string) => {
    bucket[status] = (bucket[status] ?? 0) + 1;
    stats.firstFailure ??= `${status} ${text.slice(0, 300)}`;
  };
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/v1/approval/applications',
      setupRequest: (req, context) => {
        const i = n++;
        const caller = applicants[i % applicants.length] as Caller;
        const c = context as PairContext;
        c.t0 = performance.now();
        c.caseId = undefined;
        c.caller = caller;
        return {
          ...req,
          headers: { ...caller.headers, ...json, 'idempotency-key': `bench-${runId}-${i}` },
          body: JSON.stringify({ serviceId, form: form(i) }),
        };
      },
      onResponse: (status, text, context) => {
        const c = context as PairContext;
        if (status !== 201) {
          fail(stats.applyFailed, status, text);
          return;
        }
        stats.apply.add(performance.now() - (c.t0 as number));
        stats.applied += 1;
        const created = JSON.parse(text) as {
          case: { id: string; trackingNumber: string };
          lookupCode: string;
        };
        c.caseId = created.case.id;
        tracked.push({ number: created.case.trackingNumber, code: created.lookupCode });
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const c = context as PairContext;
        // No case (the application failed): autocannon goes back to the first request.
        if (!c.caseId || !c.caller) return undefined as unknown as autocannon.Request;
        c.t1 = performance.now();
        return {
          ...req,
          path: `/api/v1/cases/${c.caseId}/attachments`,
          headers: { ...c.caller.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
          body,
        };
      },
      onResponse: (status, text, context) => {
        const c = context as PairContext;
        if (status !== 201) {
          fail(stats.uploadFailed, status, text);
          return;
        }
        const now = performance.now();
        stats.upload.add(now - (c.t1 as number));
        stats.pair.add(now - (c.t0 as number));
        stats.uploaded += 1;
      },
    },
  ];
  return { requests, stats };
}

// ---- lookups: a different case and a different client address each time ----

function trackRequests(
  pool: Tracked[],
  tally: Record<number, number>,
  firstAddress: number,
): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => {
        const i = n++;
        const t = pool[i % pool.length] as Tracked;
        // 10.x.y.z: 16 million addresses, each used once (the limit is 10 a minute each).
        const a = firstAddress + i;
        const ip = `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`;
        return {
          ...req,
          path: `/api/v1/track?number=${encodeURIComponent(t.number)}&code=${encodeURIComponent(t.code)}`,
          headers: { 'x-forwarded-for': ip },
        };
      },
      onResponse: (status) => {
        tally[status] = (tally[status] ?? 0) + 1;
      },
    },
  ];
}

/** The benchmark service: exactly three form fields and one PDF material of up to 2 MiB. */
async function benchService(unitId: string): Promise<string> {
  const input = createServiceSchema.parse({
    code: BENCH_SERVICE,
    unitId,
    name: { zh: '基准测试许可事项', en: 'Benchmark licence' },
    legalBasis: '《中华人民共和国行政许可法》第十二条（基准测试用，非真实事项）',
    conditions: '基准测试用事项，无实际条件。',
    contact: '基准测试，无咨询电话',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '申请书', en: 'Application form' },
        required: true,
        formats: ['application/pdf'],
        maxBytes: 2 * 1024 * 1024,
      },
    ],
    formSchema: {
      type: 'object',
      required: ['applicantName', 'address', 'purpose'],
      properties: {
        applicantName: { type: 'string', title: '申请人', maxLength: 100 },
        address: { type: 'string', title: '地址', maxLength: 200 },
        purpose: { type: 'string', title: '申请事项说明', maxLength: 500 },
      },
    },
  });
  return inTransaction(services.db, {}, async (tx) => {
    const draft = await createService(tx, null, input);
    await publishDraft(tx, await lockService(tx, draft.service_id), draft.version, null);
    return draft.service_id;
  });
}

// ---- one request at a time: what each costs without queueing ----

type Single = { kind: string; requests: number; wallMs: number; serverCpuMs: number; postgresCpuMs: number };

/** `work` run `n` times in a row (after 3 unmeasured), with the server's and PostgreSQL's CPU. */
async function oneAtATime(kind: string, n: number, work: (i: number) => Promise<void>): Promise<Single> {
  for (let i = 0; i < 3; i += 1) await work(n + i);
  const cpu0 = cpuSnapshot(server.pid, postmaster);
  const started = performance.now();
  for (let i = 0; i < n; i += 1) await work(i);
  const wallMs = (performance.now() - started) / n;
  const cpu = cpuPer(cpu0, cpuSnapshot(server.pid, postmaster), n);
  return {
    kind,
    requests: n,
    wallMs: Number(wallMs.toFixed(1)),
    serverCpuMs: cpu.serverMs,
    postgresCpuMs: cpu.postgresMs,
  };
}

async function expect2xx(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** Mean ms of sealing `bytes` as a stored file is sealed, with each AEAD the platform offers. */
function sealTimes(bytes: Buffer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const algorithm of ['SM4-GCM', 'AES-256-GCM'] as const) {
    const cipher = createFieldCipher(dataKey, algorithm);
    for (let i = 0; i < 2; i += 1) cipher.encryptBytes(bytes, `stored_file:${randomUUID()}`);
    const runs = 10;
    const t0 = performance.now();
    for (let i = 0; i < runs; i += 1) cipher.encryptBytes(bytes, `stored_file:${randomUUID()}`);
    out[algorithm] = Number(((performance.now() - t0) / runs).toFixed(1));
  }
  const t0 = performance.now();
  for (let i = 0; i < 10; i += 1) createHash('sha256').update(bytes).digest();
  out['SHA-256'] = Number(((performance.now() - t0) / 10).toFixed(1));
  return out;
}

// ---- the run ----

try {
  const unit = await services.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '230100-SCJG')
    .executeTakeFirstOrThrow();
  const food = await services.db
    .selectFrom('service')
    .select('id')
    .where('code', '=', FOOD_LICENCE)
    .executeTakeFirstOrThrow();
  const foodForm = await services.db
    .selectFrom('service_version')
    .select('form_schema')
    .where('service_id', '=', food.id)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const required = (foodForm.form_schema as { required?: string[] }).required ?? [];
  console.log(
    `${FOOD_LICENCE} asks for ${required.length} required fields (${required.join(', ')}): ` +
      `the submissions go to ${BENCH_SERVICE}, made here with three`,
  );
  const serviceId = await benchService(unit.id);
  const owner = new pg.Client({ connectionString: fresh.url });
  await owner.connect();
  await owner.query(
    'CREATE TABLE bench_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)',
  );
  await owner.end();
  console.log(`making ${applicantCount} applicants with sessions…`);
  const applicants = await makeApplicants(services, applicantCount);
  const runId = randomBytes(4).toString('hex');
  const pdf = paddedPdf(uploadBytes);
  const upload = uploadBody(pdf);

  console.log('healthz…');
  const healthz = await measureHttp(
    'GET /healthz',
    { url: `${base}/healthz` },
    { url: `${base}/healthz` },
    false,
  );
  console.log('raw INSERT transactions…');
  const rawFirst = await measureRawInserts(measuring, true);
  say('raw INSERT tx', rawFirst.figures.perSecond, rawFirst.figures.p50, rawFirst.figures.p99);

  console.log(`submissions (application + ${pdf.length}-byte PDF)…`);
  const tracked: Tracked[] = [];
  const warmSubmit = submissionRequests(applicants, serviceId, upload, `${runId}w`, tracked);
  const submit = submissionRequests(applicants, serviceId, upload, `${runId}m`, tracked);
  const submissions = await measureHttp(
    `submission: POST application + POST ${Math.round(pdf.length / 1024)} KiB PDF`,
    { requests: submit.requests, timeout: TIMEOUT_SECONDS, duration: submitSeconds },
    // Warm-up by count (10 pairs), not time: every warm-up pair finishes, and none is still
    // running in the server when the measured run starts.
    { requests: warmSubmit.requests, timeout: TIMEOUT_SECONDS, connections: 10, amount: 20 },
    true,
    () => ({
      ok: submit.stats.uploaded,
      p50: submit.stats.pair.at(0.5),
      p99: submit.stats.pair.at(0.99),
      warmOk: warmSubmit.stats.uploaded,
    }),
  );
  if (submit.stats.uploaded === 0) {
    throw new Error(
      `no submission went through: ${submit.stats.firstFailure ?? warmSubmit.stats.firstFailure}`,
    );
  }
  const submissionDetail = {
    seconds: submitSeconds,
    applications: submit.stats.applied,
    uploads: submit.stats.uploaded,
    applyFailed: submit.stats.applyFailed,
    uploadFailed: submit.stats.uploadFailed,
    firstFailure: submit.stats.firstFailure ?? null,
    applyP50: submit.stats.apply.at(0.5),
    applyP99: submit.stats.apply.at(0.99),
    uploadP50: submit.stats.upload.at(0.5),
    uploadP99: submit.stats.upload.at(0.99),
    autocannon: {
      requestsPerSecond: Math.round(submissions.raw['2xx'] / submissions.raw.duration),
      p50: submissions.raw.latency.p50,
      p99: submissions.raw.latency.p99,
    },
    megabytesUploadedPerSecond: Number(
      ((submit.stats.uploaded * pdf.length) / 2 ** 20 / submissions.raw.duration).toFixed(1),
    ),
  };

  console.log(`guide of ${FOOD_LICENCE}…`);
  const guideUrl = `${base}/api/v1/services/${food.id}`;
  const guide = await measureHttp(
    `GET /api/v1/services/{id} (${FOOD_LICENCE})`,
    { url: guideUrl },
    { url: guideUrl },
  );

  // The lookups want cases: top up (applications only, not measured) when the submissions made few.
  const MIN_POOL = connections * 2;
  if (tracked.length < MIN_POOL) {
    console.log(`${MIN_POOL - tracked.length} more applications for the lookups (not measured)…`);
    const top = submissionRequests(applicants, serviceId, upload, `${runId}t`, tracked);
    const amount = MIN_POOL - tracked.length;
    await autocannon({
      url: base,
      connections: Math.min(connections, amount),
      amount,
      requests: [top.requests[0] as autocannon.Request],
      timeout: TIMEOUT_SECONDS,
    });
  }
  console.log(`lookups over ${tracked.length} cases…`);
  const trackTally: Record<number, number> = {};
  const warmTally: Record<number, number> = {};
  const track = await measureHttp(
    'GET /api/v1/track?number=&code= (1 address a request)',
    { requests: trackRequests(tracked, trackTally, 1) },
    { requests: trackRequests([...tracked].reverse(), warmTally, 1 << 23) },
  );

  console.log('raw INSERT transactions again…');
  const rawSecond = await measureRawInserts(measuring, false);
  say('raw INSERT tx', rawSecond.figures.perSecond, rawSecond.figures.p50, rawSecond.figures.p99);
  const raw = rawFirst.figures.perSecond >= rawSecond.figures.perSecond ? rawFirst : rawSecond;

  const SINGLE = 20;
  console.log(`one request at a time, ${SINGLE} of each…`);
  const caller = applicants[0] as Caller;
  const singleCases: string[] = [];
  const singles: Single[] = [
    await oneAtATime('POST /api/v1/approval/applications', SINGLE, async (i) => {
      const text = await expect2xx(
        await fetch(`${base}/api/v1/approval/applications`, {
          method: 'POST',
          headers: { ...caller.headers, ...json, 'idempotency-key': `bench-${runId}-single-${i}` },
          body: JSON.stringify({
            serviceId,
            form: {
              applicantName: '基准测试申请人',
              address: '哈尔滨市道里区中央大街1号',
              purpose: '基准测试',
            },
          }),
        }),
        'application',
      );
      singleCases.push((JSON.parse(text) as { case: { id: string } }).case.id);
    }),
    await oneAtATime(`POST …/attachments (${Math.round(pdf.length / 1024)} KiB PDF)`, SINGLE, async () => {
      const id = singleCases.shift() as string;
      await expect2xx(
        await fetch(`${base}/api/v1/cases/${id}/attachments`, {
          method: 'POST',
          headers: { ...caller.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
          body: upload,
        }),
        'upload',
      );
    }),
    await oneAtATime('GET /api/v1/services/{id}', SINGLE, async () => {
      await expect2xx(await fetch(guideUrl), 'guide');
    }),
    await oneAtATime('GET /api/v1/track', SINGLE, async (i) => {
      const t = tracked[i % tracked.length] as Tracked;
      await expect2xx(
        await fetch(`${base}/api/v1/track?number=${t.number}&code=${encodeURIComponent(t.code)}`, {
          headers: { 'x-forwarded-for': `10.200.0.${i + 1}` },
        }),
        'lookup',
      );
    }),
    await oneAtATime('GET /healthz', SINGLE, async () => {
      await expect2xx(await fetch(`${base}/healthz`), 'healthz');
    }),
  ];
  const seal = sealTimes(pdf);
  loadAt('after');
  const all: Measured[] = [healthz, rawFirst, rawSecond, submissions, guide, track];
  const ratio = (m: Measured) => Number((m.figures.perSecond / raw.figures.perSecond).toFixed(3));
  console.table(
    all.map((m) => ({
      scenario: m.figures.scenario,
      '2xx/s (pairs for submissions)': m.figures.perSecond,
      'p50 ms': m.figures.p50,
      'p99 ms': m.figures.p99,
      counted: m.figures.ok,
      non2xx: m.figures.non2xx,
      'errors+timeouts': m.figures.errors,
      s: m.figures.seconds,
      '÷ raw INSERT': ratio(m),
    })),
  );
  console.log(
    `submissions: ${submissionDetail.applications} applications and ${submissionDetail.uploads} uploads answered 2xx; ` +
      `application p50 ${submissionDetail.applyP50} ms p99 ${submissionDetail.applyP99} ms; ` +
      `upload p50 ${submissionDetail.uploadP50} ms p99 ${submissionDetail.uploadP99} ms; ` +
      `${submissionDetail.megabytesUploadedPerSecond} MiB/s of PDF stored; ` +
      `autocannon over both kinds: ${submissionDetail.autocannon.requestsPerSecond} req/s, p50 ${submissionDetail.autocannon.p50} ms, p99 ${submissionDetail.autocannon.p99} ms; ` +
      `failures: application ${JSON.stringify(submissionDetail.applyFailed)}, upload ${JSON.stringify(submissionDetail.uploadFailed)}` +
      (submissionDetail.firstFailure ? `; first: ${submissionDetail.firstFailure}` : ''),
  );
  console.log(
    `lookup answers by status: ${JSON.stringify(trackTally)} (warm-up ${JSON.stringify(warmTally)})`,
  );
  console.log(
    'per counted unit (CPU from /proc over the measured run; database counters over warm-up and run, none for /healthz and the second raw run):',
  );
  console.table(
    all.map((m) => ({
      scenario: m.figures.scenario,
      'server CPU ms': m.cpu.serverMs,
      'postgres CPU ms': m.cpu.postgresMs,
      'load gen CPU ms': m.cpu.loadGeneratorMs,
      'other CPU ms': m.cpu.otherMs,
      'machine busy %': m.cpu.machineBusyPercent,
      xacts: m.db?.commits ?? '',
      'rows inserted': m.db?.rowsInserted ?? '',
      'rows updated': m.db?.rowsUpdated ?? '',
      'WAL bytes': m.db?.walBytes ?? '',
      'WAL flushes': m.db?.walSyncs ?? '',
    })),
  );

  console.log('one at a time (wall and CPU per request):');
  console.table(
    singles.map((x) => ({
      request: x.kind,
      'wall ms': x.wallMs,
      'server CPU ms': x.serverCpuMs,
      'postgres CPU ms': x.postgresCpuMs,
    })),
  );
  console.log(
    `sealing the ${pdf.length}-byte PDF in this process (ms): ${Object.entries(seal)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (stored files are sealed with the data cipher, SM4-GCM unless configured)`,
  );

  saveReport('approval', {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: os.loadavg(),
    database: describeDurability(fresh.durability),
    server: server.database,
    seconds,
    connections,
    applicants: applicantCount,
    uploadBytes: pdf.length,
    results: all.map((m) => ({ ...m, raw: undefined, ratioToRawInsert: ratio(m) })),
    rawInsertBaseline: raw.figures.perSecond,
    submissions: submissionDetail,
    lookups: { pool: tracked.length, byStatus: trackTally },
    oneAtATime: singles,
    sealMs: seal,
  });
} finally {
  await services.db.destroy();
  // A server whose pool is stuck never finishes stopping: after 20 s it is killed.
  const killer = setTimeout(() => server.pid && process.kill(server.pid, 'SIGKILL'), 20_000);
  await server.stop();
  clearTimeout(killer);
  await fresh.drop();
}
