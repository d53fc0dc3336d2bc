// Load benchmark: a real API route (a database query, JSON out) next to a trivial route, in
// the same run against the same server, so the ratio says what the platform's work costs.
// The server is the real `yiwang serve` in its own process; the load comes from this one.
//   npm run bench                      embedded PostgreSQL in a temporary data folder
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=100 npm run bench
import autocannon from 'autocannon';
import { machine, saveReport, startBenchServer } from './lib/server.ts';

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
  const server = await startBenchServer();
  const { url, database } = server;
  try {
    const trivial = await measure(url, 'healthz');
    const real = await measure(url, 'api/v1/portal/articles?limit=10');
    const report = {
      date: new Date().toISOString(),
      machine: machine(),
      database,
      seconds,
      connections,
      trivial,
      real,
      ratio: Number((real.requestsPerSecond / trivial.requestsPerSecond).toFixed(3)),
    };
    console.table([trivial, real]);
    console.log(`real/trivial throughput ratio: ${report.ratio}`);
    saveReport('http', report);
  } finally {
    await server.stop();
  }
}

await main();
