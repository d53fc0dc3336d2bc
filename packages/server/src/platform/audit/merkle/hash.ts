import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** Every hash in the tree is SHA-256 (RFC 6962 §2.1), 32 bytes. */
export const HASH_SIZE = 32;

// RFC 6962 §2.1 domain separation: leaves and interior nodes are hashed with different one-byte prefixes, so
// nobody can present an interior node as a leaf (a second-preimage attack on the tree).
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);
const EMPTY_ROOT = createHash('sha256').digest();

/** MTH({d}) = SHA-256(0x00 ‖ d) (RFC 6962 §2.1). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right) (RFC 6962 §2.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() (RFC 6962 §2.1). A fresh copy each call, because Buffers are mutable. */
export function emptyRoot(): Buffer {
  return Buffer.from(EMPTY_ROOT);
}

export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * The bytes an audit event contributes to the log: UTF-8 of its RFC 8785 (JCS) canonical JSON. Canonical
 * form makes the leaf independent of key order and whitespace, so anyone holding the event can recompute it.
 * Throws for values JSON cannot carry (undefined, functions, NaN, Infinity, BigInt, lone surrogates, cycles).
 */
export function eventLeafData(event: object): Buffer {
  const canonical = canonicalize(event);
  if (canonical === undefined) throw new TypeError('An audit event must be a JSON value');
  return Buffer.from(canonical, 'utf8');
}

export function eventLeafHash(event: object): Buffer {
  return leafHash(eventLeafData(event));
}
