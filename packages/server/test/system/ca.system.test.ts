import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runYiwang, tempDir } from './cli.ts';

const base = tempDir();
const dataDir = path.join(base, 'data');
const offline = path.join(base, 'offline');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('yiwang ca init', () => {
  it('needs the passphrase for an offline root, and says so in one line', async () => {
    const run = runYiwang(['ca', 'init', '--offline-root', offline], { DATA_DIR: dataDir });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('YIWANG_CA_ROOT_PASSPHRASE');
  });

  it('creates both hierarchies with the root keys offline, once', async () => {
    fs.mkdirSync(offline, { mode: 0o700 });
    const passphrase = 'correct horse battery staple';
    const run = runYiwang(['ca', 'init', '--offline-root', offline], {
      DATA_DIR: dataDir,
      YIWANG_CA_ROOT_PASSPHRASE: passphrase,
      CA_NAME: '黑龙江省电子政务认证中心',
    });
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/SM2-SM3:\n\s+root\s+[0-9a-f]+\s+CN=黑龙江省电子政务认证中心 根CA \(SM2\)/);
    expect(run.output()).toMatch(/ECDSA-P256-SHA256:/);
    for (const suite of ['SM2-SM3', 'ECDSA-P256-SHA256']) {
      const file = path.join(offline, `root-${suite}.key`);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const sealed = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(sealed).toMatchObject({ format: 'yiwang-ca-offline-key/1', algorithm: suite });
      expect(fs.readFileSync(file, 'utf8')).not.toContain(passphrase);
    }
    expect(run.output()).not.toContain(passphrase);
    const again = runYiwang(['ca', 'init'], { DATA_DIR: dataDir });
    expect(await again.exited).toBe(1);
    expect(again.output()).toMatch(/the CA is already set up: SM2-SM3 root [0-9a-f]+/);
  });
});
