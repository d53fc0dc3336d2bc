import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/platform/db/embedded.ts';
import { fakeWebDist, isAlive, postmasterPid, runYiwang, tempDir, waitForOutput } from './cli.ts';

const dataDir = path.join(tempDir(), 'data');
const webDist = fakeWebDist();
const env = (port: number, extra: Record<string, string> = {}) => ({
  DATA_DIR: dataDir,
  PORT: String(port),
  WEB_DIST_DIR: webDist,
  ...extra,
});

afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

async function startServe(port: number, extra: Record<string, string> = {}) {
  const run = runYiwang(['serve', '--demo'], env(port, extra));
  const [, url] = await waitForOutput(run, /Open:\s+(\S+)/);
  return { run, url: url as string };
}

describe('yiwang serve on the embedded database', () => {
  it('starts on a fresh data folder, seeds demo data, serves the app, and stops cleanly on Ctrl-C', async () => {
    const port = await freeLoopbackPort();
    const { run, url } = await startServe(port);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(run.output()).toMatch(/Database:\s+embedded PostgreSQL 1[5-9]/);
    const ready = await fetch(`${url}readyz`);
    expect(ready.status).toBe(200);
    const articles = (await (await fetch(`${url}api/v1/portal/articles?limit=50`)).json()) as {
      items: unknown[];
    };
    expect(articles.items.length).toBe(6);
    const page = await fetch(`${url}services`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('一网');
    const asset = await fetch(`${url}assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}assets/missing.js`)).status).toBe(404);

    const pgPid = postmasterPid(dataDir);
    expect(pgPid && isAlive(pgPid)).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(isAlive(pgPid as number)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'yiwang.lock'))).toBe(false);
    expect(fs.statSync(path.join(dataDir, 'keys', 'data.key')).mode & 0o777).toBe(0o600);
  });

  it('reuses the data on the next start without seeding twice, and stops on SIGTERM', async () => {
    const { run, url } = await startServe(await freeLoopbackPort());
    const articles = (await (await fetch(`${url}api/v1/portal/articles?limit=50`)).json()) as {
      items: unknown[];
    };
    expect(articles.items.length).toBe(6);
    expect(run.output()).not.toContain('migrations applied');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses a second start on the same data folder and leaves the first running', async () => {
    const first = await startServe(await freeLoopbackPort());
    const second = runYiwang(['serve'], env(await freeLoopbackPort()));
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(
      /^yiwang: Yiwang is already running on the data folder .* \(process \d+\)\n$/,
    );
    expect((await fetch(`${first.url}readyz`)).status).toBe(200);
    first.run.child.kill('SIGINT');
    expect(await first.run.exited).toBe(0);
  });

  it('says so in one line when the port is taken, and leaves no database running', async () => {
    const blocker = net.createServer();
    const port = await freeLoopbackPort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    const run = runYiwang(['serve'], env(port));
    const code = await run.exited;
    blocker.close();
    expect(code).toBe(1);
    expect(run.output()).toContain(`yiwang: port ${port} on 127.0.0.1 is already in use`);
    expect(run.output()).not.toMatch(/\n\s+at /);
    const pgPid = postmasterPid(dataDir);
    expect(pgPid === undefined || !isAlive(pgPid)).toBe(true);
  });

  it('recovers when the platform was killed outright and its database was left running', async () => {
    const { run } = await startServe(await freeLoopbackPort());
    const orphan = postmasterPid(dataDir) as number;
    run.child.kill('SIGKILL');
    await run.exited;
    expect(isAlive(orphan)).toBe(true);
    const again = await startServe(await freeLoopbackPort());
    expect(isAlive(orphan)).toBe(false);
    expect((await fetch(`${again.url}readyz`)).status).toBe(200);
    again.run.child.kill('SIGINT');
    expect(await again.run.exited).toBe(0);
  });

  it('refuses to start with a data-encryption key other than the one the database has', async () => {
    const run = runYiwang(
      ['serve'],
      env(await freeLoopbackPort(), { YIWANG_DATA_KEY: Buffer.alloc(32, 3).toString('base64') }),
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/yiwang: the data-encryption key differs/);
    expect(run.output()).not.toContain(Buffer.alloc(32, 3).toString('base64'));
  });
});
