import { HASH_SIZE } from './hash.ts';

// Hashes leave the server as text (API responses, signed checkpoints). Parsing is strict because Buffer.from
// silently skips bad characters, which would turn a typo into a different hash instead of an error.

const HEX_HASH = new RegExp(`^[0-9a-fA-F]{${HASH_SIZE * 2}}$`);

export function hashToHex(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex');
}

/** Parses 64 hex digits (either case) into a 32-byte hash; throws TypeError otherwise. */
export function hashFromHex(hex: string): Buffer {
  if (!HEX_HASH.test(hex)) throw new TypeError(`Not a ${HASH_SIZE}-byte hex hash: ${JSON.stringify(hex)}`);
  return Buffer.from(hex, 'hex');
}

export function hashToBase64(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('base64');
}

/** Parses canonical padded standard base64 of a 32-byte hash; throws TypeError otherwise. */
export function hashFromBase64(base64: string): Buffer {
  const hash = Buffer.from(base64, 'base64');
  // The round trip rejects foreign characters, missing padding and non-zero unused bits alike.
  if (hash.length !== HASH_SIZE || hash.toString('base64') !== base64) {
    throw new TypeError(`Not a ${HASH_SIZE}-byte base64 hash: ${JSON.stringify(base64)}`);
  }
  return hash;
}
