import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './db/embedded.ts';
import { OperatorError } from './errors.ts';

export class DataDirError extends OperatorError {}

/** The data folder holds the embedded database, the keys, uploaded files and the audit witness. */
export function prepareDataDir(dir: string): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new DataDirError(`DATA_DIR ${dir} exists and is not a folder`);
  }
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dir} cannot be created: ${reason(error)}`);
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dir} is not writable: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EEXIST' || e.code === 'ENOTDIR') return 'a file of that name is in the way';
  return e.code ?? e.message;
}

/**
 * One platform process owns an embedded database at a time. The lock names its owner so that a
 * second start can say who holds it, and a lock left by a killed process is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dir: string): DataDirLock {
    const file = path.join(dir, 'yiwang.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(fs.readFileSync(file, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
          throw new DataDirError(`Yiwang is already running on the data folder ${dir} (process ${owner})`);
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new DataDirError(`cannot lock the data folder ${dir}`);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}
