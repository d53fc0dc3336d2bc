import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/platform/db/embedded.ts';
import { fakeWebDist, runYiwang, tempDir, waitForOutput } from './cli.ts';

describe('yiwang refuses bad settings with one clear line each', () => {
  it('a data folder that is a file', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const run = runYiwang(['serve'], { DATA_DIR: file });
    expect(await run.exited).toBe(1);
    expect(run.output()).toBe(`yiwang: DATA_DIR ${file} exists and is not a folder\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('several bad variables at once', async () => {
    const run = runYiwang(['serve'], { PORT: 'http', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://db' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines[0]).toBe('yiwang: invalid configuration:');
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().split(':')[0])
        .sort(),
    ).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
  });

  it('an unreachable PostgreSQL server', async () => {
    const port = await freeLoopbackPort();
    const run = runYiwang(['migrate'], {
      DATA_DIR: tempDir(),
      DATABASE_URL: `postgres://x:secretpw@127.0.0.1:${port}/db`,
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /^yiwang: cannot connect to postgres:\/\/x:\*\*\*@127\.0\.0\.1:\d+\/db: .*ECONNREFUSED/,
    );
    expect(run.output()).not.toContain('secretpw');
  });
});

describe('yiwang command line', () => {
  it('lists its commands', async () => {
    const run = runYiwang(['--help'], {});
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/serve[\s\S]*migrate[\s\S]*seed/);
  });

  it('explains each command', async () => {
    const run = runYiwang(['seed', '--help'], {});
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('yiwang seed --demo');
  });

  it('refuses an unknown command and an unknown flag with usage, exit 2', async () => {
    const cmd = runYiwang(['serv'], {});
    expect(await cmd.exited).toBe(2);
    expect(cmd.output()).toContain('yiwang: unknown command "serv"');
    const flag = runYiwang(['serve', '--dmeo'], {});
    expect(await flag.exited).toBe(2);
    expect(flag.output()).toMatch(/Unknown option '--dmeo'[\s\S]*Usage: yiwang serve/);
  });

  it('migrate and seed --demo work on the embedded database and are idempotent', async () => {
    const dataDir = tempDir();
    const migrate = runYiwang(['migrate'], { DATA_DIR: dataDir });
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain('migrations applied: 0001_platform, 0002_portal');
    const seed = runYiwang(['seed', '--demo'], { DATA_DIR: dataDir });
    expect(await seed.exited).toBe(0);
    expect(seed.output()).toContain('demo data seeded');
    const again = runYiwang(['seed', '--demo'], { DATA_DIR: dataDir });
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('demo data already present');
  });
});

describe.runIf(process.getuid?.() === 0)('as root', () => {
  it('runs the embedded database from a data folder under a home the postgres user cannot enter', async () => {
    const home = tempDir('yiwang-home-');
    fs.chmodSync(home, 0o700);
    const dataDir = path.join(home, 'checkout', 'data');
    const run = runYiwang(['serve'], {
      DATA_DIR: dataDir,
      PORT: String(await freeLoopbackPort()),
      WEB_DIST_DIR: fakeWebDist(),
    });
    const [, url] = await waitForOutput(run, /Open:\s+(\S+)/);
    expect((await fetch(`${url}readyz`)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
