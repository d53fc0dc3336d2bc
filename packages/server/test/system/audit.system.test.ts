import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/platform/db/embedded.ts';
import { fakeWebDist, runYiwang, tempDir, waitForOutput } from './cli.ts';

const dataDir = path.join(tempDir(), 'data');
afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

/** The owner's connection to the embedded server of a running platform, as a superuser would have. */
async function ownerClient(): Promise<pg.Client> {
  const port = fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  const password = fs.readFileSync(path.join(dataDir, 'keys', 'postgres.password'), 'utf8').trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port: Number(port),
    user: 'yiwang',
    password,
    database: 'yiwang',
  });
  await client.connect();
  return client;
}

describe('yiwang audit verify', () => {
  it('passes an untouched trail, then names the event a superuser altered and exits 3', async () => {
    const serve = runYiwang(['serve', '--demo'], {
      DATA_DIR: dataDir,
      PORT: String(await freeLoopbackPort()),
      WEB_DIST_DIR: fakeWebDist(),
    });
    await waitForOutput(serve, /audit checkpoint signed/);
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);

    const clean = runYiwang(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(await clean.exited).toBe(0);
    expect(clean.output()).toMatch(/audit trail OK/);

    const again = runYiwang(['serve'], {
      DATA_DIR: dataDir,
      PORT: String(await freeLoopbackPort()),
      WEB_DIST_DIR: fakeWebDist(),
    });
    await waitForOutput(again, /Open:/);
    const client = await ownerClient();
    const { rows } = await client.query(
      `SELECT e.id, l.leaf_index FROM audit_event e JOIN audit_leaf l ON l.event_id = e.id ORDER BY l.leaf_index LIMIT 1 OFFSET 10`,
    );
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    await client.query(`UPDATE audit_event SET details = '{"fields":["forged"]}' WHERE id = $1`, [
      rows[0].id,
    ]);
    await client.query('COMMIT');
    await client.end();
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);

    const damaged = runYiwang(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(await damaged.exited).toBe(3);
    expect(damaged.output()).toContain('event_altered');
    expect(damaged.output()).toContain(`leaf=${rows[0].leaf_index}`);
    expect(damaged.output()).toContain(rows[0].id);
  });

  it('exports the checkpoints with the public key for an outside auditor', async () => {
    const out = path.join(path.dirname(dataDir), 'checkpoints.json');
    const run = runYiwang(['audit', 'export', '--out', out], { DATA_DIR: dataDir });
    expect(await run.exited).toBe(0);
    const exported = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(JSON.stringify(exported)).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(exported)).not.toContain('PRIVATE KEY');
  });
});
