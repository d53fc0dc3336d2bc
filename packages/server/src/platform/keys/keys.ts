import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeySource } from '../../config.ts';
import { OperatorError } from '../errors.ts';

export class KeyError extends OperatorError {}

export type PlatformKeys = {
  /** Signs session identifiers and CSRF tokens. */
  session: Buffer;
  /** Encrypts personal information at rest; its check value is kept in the database. */
  data: Buffer;
};

const KEY_BYTES = 32;

/**
 * Keys come from the environment or from key files that all nodes share. A single node given
 * neither generates them into its data folder on first start, readable by its owner only.
 */
export function loadKeys(sources: { session: KeySource; data: KeySource }, dataDir: string): PlatformKeys {
  return {
    session: loadKey('session', sources.session, dataDir),
    data: loadKey('data', sources.data, dataDir),
  };
}

function loadKey(name: string, source: KeySource, dataDir: string): Buffer {
  if (source.value) return decodeKey(name, source.value, `YIWANG_${name.toUpperCase()}_KEY`);
  const file = source.file ?? path.join(dataDir, 'keys', `${name}.key`);
  if (!fs.existsSync(file)) {
    if (source.file) throw new KeyError(`the ${name} key file ${file} does not exist`);
    generateKeyFile(file);
  }
  return decodeKey(name, fs.readFileSync(file, 'utf8').trim(), file);
}

function generateKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
}

function decodeKey(name: string, text: string, origin: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new KeyError(`the ${name} key from ${origin} must be ${KEY_BYTES} bytes in base64`);
  }
  return key;
}

/** A value that identifies a key without revealing it, to tell two nodes' keys apart. */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update('yiwang key check v1').digest('hex').slice(0, 32);
}
