// Load benchmark: a real API route (a database query, JSON out) next to a trivial route, in
// the same run against the same server, so the ratio says what the platform's work costs.
// The server is the real `yiwang serve` in its own process; the load comes from this one.
//   npm run bench                      embedded PostgreSQL in a temporary data folder
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=100 npm run bench
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freeLoopbackPort } from '../packages/server/src/platform/db/embedded.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Figures = { route: string; requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

async function measure(url: string, route: string): Promise<Figures> {
  await autocannon({ url: url + route, connections, duration: 2 }); // warm-up, not counted
  const r = await autocannon({ url: url + route, connections, duration: seconds });
  return {
    route,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function startServer(dataDir: string) {
  const port = await freeLoopbackPort();
  const server = spawn(process.execPath, ['packages/server/bin/yiwang.mjs', 'serve', '--demo'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const database = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/Database:\s+(.+)\n/);
      if (m?.[1]) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { server, url: `http://127.0.0.1:${port}/`, database };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-bench-'));
  const { server, url, database } = await startServer(dataDir);
  try {
    const trivial = await measure(url, 'healthz');
    const real = await measure(url, 'api/v1/portal/articles?limit=10');
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      database,
      seconds,
      connections,
      trivial,
      real,
      ratio: Number((real.requestsPerSecond / trivial.requestsPerSecond).toFixed(3)),
    };
    console.table([trivial, real]);
    console.log(`real/trivial throughput ratio: ${report.ratio}`);
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync(`bench/results/http-${Date.now()}.json`, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
