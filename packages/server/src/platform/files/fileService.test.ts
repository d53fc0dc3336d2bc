import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, FieldCipher } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import { ValidationProblem } from '../http/problems.ts';
import { cleanFileName, openFileStore } from './fileService.ts';
import { noScanner } from './scanner.ts';

describe.each(['SM4-GCM', 'AES-256-GCM'] as const)('sealing bytes with %s', (algorithm) => {
  const cipher = new FieldCipher({ current: { id: 'k1', key: randomBytes(32) }, algorithm });

  it('round-trips any bytes, including non-UTF-8 ones', () => {
    const bytes = Buffer.concat([randomBytes(5000), Buffer.from([0xff, 0xfe, 0xd8, 0x00])]);
    expect(cipher.decryptBytes(cipher.encryptBytes(bytes, 'stored_file:a'), 'stored_file:a')).toEqual(bytes);
    expect(cipher.decryptBytes(cipher.encryptBytes(Buffer.alloc(0), 'c'), 'c')).toEqual(Buffer.alloc(0));
  });

  it('binds the envelope to its context', () => {
    const sealed = cipher.encryptBytes(Buffer.from('身份证'), 'stored_file:a');
    expect(() => cipher.decryptBytes(sealed, 'stored_file:b')).toThrow(DecryptionError);
  });

  it('writes the same envelope as the text methods, so one rotation serves both', () => {
    const sealed = cipher.encrypt('张三', 'ctx');
    expect(cipher.decryptBytes(sealed, 'ctx')).toEqual(Buffer.from('张三'));
    expect(cipher.decrypt(cipher.encryptBytes(Buffer.from('张三'), 'ctx'), 'ctx')).toBe('张三');
  });
});

describe('file names', () => {
  it.each([
    ['身份证正面.jpg', '身份证正面.jpg'],
    ['C:\\fakepath\\营业执照.pdf', '营业执照.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['photo\u202egpj.exe', 'photogpj.exe'],
    ['  line\nbreak.png  ', 'linebreak.png'],
    ['e\u0301.png', 'é.png'],
  ])('%j is shown as %j', (given, shown) => {
    expect(cleanFileName(given)).toBe(shown);
  });

  it('keeps at most 255 characters, counting CJK and astral characters as one', () => {
    expect([...cleanFileName('𠀀'.repeat(300))]).toHaveLength(255);
  });

  it.each(['', '   ', 'folder/', '..', '\u202e'])('refuses %j as no name', (given) => {
    expect(() => cleanFileName(given)).toThrow(ValidationProblem);
  });
});

describe('opening the file store', () => {
  const cipher = new FieldCipher({ current: { id: 'k1', key: randomBytes(32) } });
  const db = {} as Db;
  const base = { store: 'local' as const, dir: '/tmp/yiwang-files-unused', maxUploadBytes: 123 };

  it('uses the local folder and no scanner by default', () => {
    const store = openFileStore(base, cipher, db);
    expect(store.scanner).toBe(noScanner);
    expect(store.maxUploadBytes).toBe(123);
  });

  it('uses clamd when configured', () => {
    const store = openFileStore({ ...base, clamd: { host: '127.0.0.1', port: 3310 } }, cipher, db);
    expect(store.scanner).not.toBe(noScanner);
  });

  it('refuses the S3 store without its settings', () => {
    expect(() => openFileStore({ ...base, store: 's3' }, cipher, db)).toThrow(/S3_BUCKET/);
  });
});
