import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyCheckValue, loadKeys } from '../src/platform/keys/keys.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-keys-'));

describe('platform keys', () => {
  it('are generated once into the data folder, readable by the owner only', () => {
    const dir = tmp();
    const first = loadKeys({ session: {}, data: {} }, dir);
    const again = loadKeys({ session: {}, data: {} }, dir);
    expect(again.data.equals(first.data)).toBe(true);
    expect(first.data.equals(first.session)).toBe(false);
    expect(fs.statSync(path.join(dir, 'keys', 'data.key')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'keys')).mode & 0o777).toBe(0o700);
  });

  it('come from the environment or a shared key file when given', () => {
    const dir = tmp();
    const value = Buffer.alloc(32, 7).toString('base64');
    const file = path.join(dir, 'shared.key');
    fs.writeFileSync(file, Buffer.alloc(32, 9).toString('base64'));
    const keys = loadKeys({ session: { value }, data: { file } }, dir);
    expect(keys.session.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(keys.data.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keys'))).toBe(false);
  });

  it('refuse a key of the wrong size or a missing key file', () => {
    expect(() => loadKeys({ session: { value: 'c2hvcnQ=' }, data: {} }, tmp())).toThrow(/32 bytes/);
    expect(() => loadKeys({ session: {}, data: { file: '/nonexistent/k' } }, tmp())).toThrow(
      /does not exist/,
    );
  });

  it('have a check value that identifies them without revealing them', () => {
    const key = Buffer.alloc(32, 1);
    expect(keyCheckValue(key)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyCheckValue(key)).toBe(keyCheckValue(Buffer.alloc(32, 1)));
    expect(keyCheckValue(key)).not.toBe(keyCheckValue(Buffer.alloc(32, 2)));
  });
});
