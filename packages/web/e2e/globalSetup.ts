import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
    demoAccounts: DemoAccount[];
  }
}

/** One row of the demo accounts table the server prints at start in demo mode. */
export type DemoAccount = { login: string; kind: string; role: string; totpSecret: string | null };

const bin = fileURLToPath(new URL('../../server/bin/yiwang.mjs', import.meta.url));

/** Debian's chromium, or CHROMIUM_PATH; under CI a missing browser fails the run. */
function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => Boolean(c && fs.existsSync(c)));
  if (found) return found;
  const message = 'no chromium found (install Debian\'s "chromium" or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`browser suite: ${message}`);
  console.warn(`browser suite: SKIPPED, ${message}`);
  return null;
}

/** The real platform, started as an operator starts it, on a throw-away data folder. */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-e2e-'));
  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'serve', '--demo'], {
    // Checkpoints every 2 s, so the auditor's proofs cover what the tests just did.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      AUDIT_CHECKPOINT_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { baseUrl, demoAccounts } = await waitForBanner(server);
  project.provide('baseUrl', baseUrl);
  project.provide('demoAccounts', demoAccounts);
  project.provide('chromium', chromium);
  return async () => {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** The rows under "Demo accounts", up to the blank line that ends the table; undefined until it has. */
export function parseDemoAccounts(output: string): DemoAccount[] | undefined {
  const table = output.match(/Demo accounts[^\n]*\n[^\n]*sign in as[^\n]*\n((?:[^\n]*\S[^\n]*\n)*?)\s*\n/);
  if (!table?.[1]) return undefined;
  return table[1].split('\n').flatMap((line) => {
    const m = line.match(/^\s+(\S+)\s+(staff|citizen|business)\s+(\S+)(?:\s+([A-Z2-7]+))?\s*$/);
    if (!m?.[1] || !m[2] || !m[3]) return [];
    return [{ login: m[1], kind: m[2], role: m[3], totpSecret: m[4] ?? null }];
  });
}

function waitForBanner(server: ChildProcess): Promise<{ baseUrl: string; demoAccounts: DemoAccount[] }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/Open:\s+(\S+)/)?.[1];
      const demoAccounts = parseDemoAccounts(output);
      if (url && demoAccounts) {
        clearTimeout(timer);
        resolve({ baseUrl: url, demoAccounts });
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
