// Load benchmark: a real API route (a database query, JSON out) next to a trivial route, in
// the same run on the same server, so the ratio says what the platform costs over Fastify.
//   npm run bench                      embedded PostgreSQL in a temporary data folder
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=100 npm run bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../packages/server/src/config.ts';
import { createLogger } from '../packages/server/src/platform/logger.ts';
import { startPlatform } from '../packages/server/src/serve.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Figures = {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

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

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-bench-'));
  const config = {
    ...loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', RATE_LIMIT_PER_MINUTE: '100000000' }),
    logLevel: 'warn' as const,
  };
  const platform = await startPlatform(config, createLogger({ level: 'warn', format: 'json' }), {
    demo: true,
  });
  try {
    const trivial = await measure(platform.url, 'healthz');
    const real = await measure(platform.url, 'api/v1/portal/articles?limit=10');
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      database: platform.databaseDescription,
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
    await platform.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
