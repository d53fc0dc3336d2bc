import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from '../../packages/server/src/platform/db/embedded.ts';

export type BenchServer = {
  url: string;
  database: string;
  /** The server's process, for its CPU time. */
  pid: number | undefined;
  output: () => string;
  stop(): Promise<void>;
};

/** The real `yiwang serve --demo` in its own process, on a temporary data folder. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-bench-'));
  const port = await freeLoopbackPort();
  const server: ChildProcess = spawn(
    process.execPath,
    ['packages/server/bin/yiwang.mjs', 'serve', '--demo'],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_ATTEMPTS_PER_MINUTE: '100000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const database = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/Database:\s+(.+)\n/);
      if (m?.[1] && out.includes('Demo accounts')) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  await new Promise((r) => setTimeout(r, 300));
  return {
    url: `http://127.0.0.1:${port}/`,
    database,
    pid: server.pid,
    output: () => out,
    stop: async () => {
      server.kill('SIGINT');
      await new Promise((r) => server.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function machine(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function saveReport(name: string, report: object): void {
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/${name}-${Date.now()}.json`, `${JSON.stringify(report, null, 2)}\n`);
}
