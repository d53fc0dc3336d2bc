import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { OperatorError } from '../errors.ts';
import { binariesFor, locateBinaries, type PgBinaries, type RunAs, serviceUser } from './pgBinaries.ts';

export class EmbeddedPostgresError extends OperatorError {}

export type EmbeddedPostgresOptions = {
  /** The folder that holds the cluster (created if missing). */
  dir: string;
  /** Where the password of the cluster's owner is kept (0600). */
  passwordFile: string;
  /** Throw-away clusters (tests) skip durability for speed. */
  fast?: boolean;
};

const OWNER = 'yiwang';
const DATABASE = 'yiwang';

/**
 * A PostgreSQL server that lives in the data folder and belongs to this process: loopback only,
 * a free port, its own process group (so Ctrl-C reaches the platform first and the database
 * stops after the last request), stopped with the platform.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly url: string,
    readonly adminUrl: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const runAs = serviceUser();
    const bins = binariesFor(await locateBinaries(), runAs);
    prepareClusterDir(options.dir, runAs);
    const password = readOrCreatePassword(options.passwordFile);
    if (!fs.existsSync(path.join(options.dir, 'PG_VERSION'))) {
      await initCluster(bins, options, runAs, password);
    }
    await stopOrphan(options.dir);
    const port = await freeLoopbackPort();
    const logFile = path.join(path.dirname(options.dir), 'postgres.log');
    const child = launch(bins, options, runAs, port, logFile);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const base = `postgres://${OWNER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    try {
      await waitUntilReady(`${base}/postgres`, exited, logFile);
      await ensureDatabase(`${base}/postgres`, DATABASE);
    } catch (error) {
      child.kill('SIGQUIT');
      await exited;
      throw error;
    }
    return new EmbeddedPostgres(child, exited, `${base}/${DATABASE}`, `${base}/postgres`);
  }

  /** Fast shutdown: running transactions are rolled back, everything committed is on disk. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGQUIT'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }
}

function prepareClusterDir(dir: string, runAs: RunAs): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  fs.chmodSync(dir, 0o700);
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/**
 * As root, the server runs as the service user, which may not be able to traverse the folders
 * above the data folder. The child enters the folder before it drops privileges, and names it
 * through /proc/self/cwd, which needs no traversal of the path above.
 */
function clusterArgs(dir: string, runAs: RunAs): { cwd: string; dataArg: string } {
  return runAs && os.platform() === 'linux'
    ? { cwd: dir, dataArg: '/proc/self/cwd' }
    : { cwd: dir, dataArg: dir };
}

async function initCluster(bins: PgBinaries, o: EmbeddedPostgresOptions, runAs: RunAs, password: string) {
  const pwfile = path.join(os.tmpdir(), `yiwang-pw-${randomBytes(8).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  const { cwd, dataArg } = clusterArgs(o.dir, runAs);
  const args = ['-D', dataArg, '-U', OWNER, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8'];
  args.push('--no-locale', ...(o.fast ? ['--no-sync'] : []));
  try {
    const output = await runToEnd(bins.initdb, args, { cwd, ...runAs });
    if (output.code !== 0) throw new EmbeddedPostgresError(`initdb failed: ${lastLines(output.text, 8)}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function runToEnd(cmd: string, args: string[], opts: { cwd: string; uid?: number; gid?: number }) {
  return new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('error', (e) => resolve({ code: -1, text: e.message }));
    child.on('close', (code) => resolve({ code, text }));
  });
}

/** A server left running by a platform process that was killed outright: stop it first. */
async function stopOrphan(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await sleep(100);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function launch(bins: PgBinaries, o: EmbeddedPostgresOptions, runAs: RunAs, port: number, logFile: string) {
  rotateLog(logFile);
  const log = fs.openSync(logFile, 'a', 0o640);
  const { cwd, dataArg } = clusterArgs(o.dir, runAs);
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200'];
  if (o.fast) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  const args = ['-D', dataArg, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
  const child = spawn(bins.postgres, args, { cwd, ...runAs, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

function rotateLog(logFile: string): void {
  try {
    if (fs.statSync(logFile).size > 10 * 1024 * 1024) fs.renameSync(logFile, `${logFile}.1`);
  } catch {
    // no log yet
  }
}

async function waitUntilReady(url: string, exited: Promise<void>, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) break;
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  const tail = lastLines(readSafe(logFile), 6);
  throw new EmbeddedPostgresError(`the embedded PostgreSQL did not start (${logFile}): ${tail}`);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readSafe(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
