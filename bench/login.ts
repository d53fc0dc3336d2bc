// Sign-ins per second on this machine: the password step of the demo citizen (argon2id, a
// session row, audit events), next to the bare argon2id verifications/s of this process, which
// bound it. `npm run bench:login`
import { hash, verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { machine, saveReport, startBenchServer } from './lib/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function argon2Baseline(): Promise<number> {
  // The same parameters as the platform (platform/auth/passwords.ts); 2 = Argon2id.
  const stored = await hash('Yiwang@2026', { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 5000) {
    await Promise.all(Array.from({ length: 8 }, () => verify(stored, 'Yiwang@2026')));
    n += 8;
  }
  return Math.round(n / ((performance.now() - started) / 1000));
}

const server = await startBenchServer();
try {
  const body = JSON.stringify({ identifier: '230102199001011230', password: 'Yiwang@2026' });
  const r = await autocannon({
    url: `${server.url}api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const baseline = await argon2Baseline();
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    database: server.database,
    loginsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    argon2VerifiesPerSecond: baseline,
    ratio: Number((r.requests.average / baseline).toFixed(3)),
  };
  console.table([report]);
  saveReport('login', report);
} finally {
  await server.stop();
}
