import { hkdfSync } from 'node:crypto';
import type { AeadAlgorithm } from './aead.ts';
import { MAX_KEY_ID_BYTES } from './envelope.ts';
import { DataKeyError } from './errors.ts';
import { utf8Exact } from './text.ts';

/** A master data key as configured (`YIWANG_DATA_KEY`), named so envelopes can say which one sealed them. */
export type MasterKey = { id: string; key: Buffer };

export type LookupHashAlgorithm = 'HMAC-SM3' | 'HMAC-SHA256';

/** The subkeys one master key yields; the master key itself is never used directly. */
export type DerivedKeys = {
  id: string;
  encryption: Record<AeadAlgorithm, Buffer>;
  lookup: Record<LookupHashAlgorithm, Buffer>;
};

export const MASTER_KEY_BYTES = 32;

const ENCRYPTION_KEY_BYTES: Record<AeadAlgorithm, number> = { 'SM4-GCM': 16, 'AES-256-GCM': 32 };
const LOOKUP_KEY_BYTES = 32;

/**
 * Subkeys come from HKDF-SHA256 (RFC 5869) over the master key, one `info` label per purpose and
 * algorithm. Separate keys mean a lookup hash reveals nothing about the encryption key, and the
 * SM4 and AES keys are unrelated, so switching algorithm never reuses a key across ciphers.
 * SHA-256 HKDF is used even for the SM profile because it comes from OpenSSL as a one-shot
 * primitive; the master key is uniformly random, so the salt is empty (RFC 5869 §3.1).
 * The labels are part of the stored data's meaning: changing one makes every row unreadable.
 */
export function deriveKeys(master: MasterKey): DerivedKeys {
  const derive = (label: string, length: number) =>
    Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), `yiwang/${label}/v1`, length));
  return {
    id: master.id,
    encryption: {
      'SM4-GCM': derive('field-encryption/SM4-GCM', ENCRYPTION_KEY_BYTES['SM4-GCM']),
      'AES-256-GCM': derive('field-encryption/AES-256-GCM', ENCRYPTION_KEY_BYTES['AES-256-GCM']),
    },
    lookup: {
      'HMAC-SM3': derive('lookup-hash/HMAC-SM3', LOOKUP_KEY_BYTES),
      'HMAC-SHA256': derive('lookup-hash/HMAC-SHA256', LOOKUP_KEY_BYTES),
    },
  };
}

/** The current master key, which seals, and the previous ones, which only open during rotation. */
export class Keyring {
  readonly current: DerivedKeys;
  readonly previous: readonly DerivedKeys[];
  private readonly byId: ReadonlyMap<string, DerivedKeys>;

  constructor(current: MasterKey, previous: readonly MasterKey[] = []) {
    checkMasterKeys([current, ...previous]);
    this.current = deriveKeys(current);
    this.previous = previous.map(deriveKeys);
    this.byId = new Map(this.all().map((keys) => [keys.id, keys]));
  }

  find(id: string): DerivedKeys | undefined {
    return this.byId.get(id);
  }

  /** Current first, so a caller that stops at the first match prefers the newest key. */
  all(): readonly DerivedKeys[] {
    return [this.current, ...this.previous];
  }
}

function checkMasterKeys(keys: readonly MasterKey[]): void {
  const seen = new Set<string>();
  for (const { id, key } of keys) {
    const idLength = utf8Exact(id, 'a data key id').length;
    if (idLength === 0 || idLength > MAX_KEY_ID_BYTES) {
      throw new DataKeyError(`a data key id must be 1 to ${MAX_KEY_ID_BYTES} bytes, got ${idLength}`);
    }
    if (seen.has(id)) throw new DataKeyError(`the data key id '${id}' is given twice`);
    seen.add(id);
    if (key.length !== MASTER_KEY_BYTES) {
      throw new DataKeyError(`the data key '${id}' must be ${MASTER_KEY_BYTES} bytes, got ${key.length}`);
    }
  }
}
