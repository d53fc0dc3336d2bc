import { largestPowerOfTwoAtMost } from './bits.ts';
import { emptyRoot, HASH_SIZE, isHash, nodeHash } from './hash.ts';

/** The leaves D[start:end] (half-open, 0-based) of the log; MTH(D[start:end]) is their subtree hash. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Supplies MTH(D[start:end]) (RFC 6962 §2.1) of the log's leaves, for 0 <= start < end <= the tree size being
 * proven. Every proof element of RFC 6962 §2.1.1 and §2.1.2 is such a subtree hash, so a caller backed by a
 * database can produce proofs without loading the whole log. The log is append-only, so the answer for a
 * given (start, end) never changes and may be cached for ever (see memoizeHashRange).
 */
export type HashRange = (start: number, end: number) => Uint8Array | Promise<Uint8Array>;

/**
 * The perfect (power-of-two sized) subtrees that make up MTH(D[start:end]), largest first. MTH splits n leaves
 * at the largest power of two below n (RFC 6962 §2.1), so the pieces' sizes are the binary digits of the leaf
 * count. For the ranges proofs ask about, and for [0, size), start is a multiple of each piece's size: every
 * piece is a node of the full tree at level log2(end - start), position start / (end - start).
 */
export function perfectSubtreesOf(start: number, end: number): LeafRange[] {
  const pieces: LeafRange[] = [];
  for (let at = start; at < end; ) {
    const size = largestPowerOfTwoAtMost(end - at);
    pieces.push({ start: at, end: at + size });
    at += size;
  }
  return pieces;
}

/** MTH of consecutive perfect subtrees given their roots, largest first: each split has them on its left. */
export function foldSubtreeRoots(roots: readonly Uint8Array[]): Buffer {
  if (roots.length === 0) return emptyRoot();
  return Buffer.from(roots.reduceRight((right, left) => nodeHash(left, right)));
}

/**
 * A HashRange built from a source of perfect subtree hashes only. Perfect subtrees never change once complete,
 * so a database can store them as tree nodes, and any proof element then costs O(log n) look-ups.
 */
export function hashRangeFromPerfectSubtrees(perfectSubtreeHash: HashRange): HashRange {
  return async (start, end) =>
    foldSubtreeRoots(await hashesOfRanges(perfectSubtreesOf(start, end), perfectSubtreeHash));
}

/**
 * Caches a HashRange's answers (as promises, so concurrent requests share one look-up). Safe because the log
 * is append-only; a failed look-up is forgotten so it can be retried. Oldest entries go first past maxEntries.
 */
export function memoizeHashRange(hashRange: HashRange, maxEntries = 4096): HashRange {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (start, end) => {
    const key = `${start}:${end}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const pending = Promise.resolve(hashRange(start, end));
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    if (cache.size > maxEntries) forgetOldest(cache);
    return pending;
  };
}

function forgetOldest(cache: Map<string, unknown>): void {
  const oldest = cache.keys().next();
  if (!oldest.done) cache.delete(oldest.value);
}

/** Asks for every range's hash at once and checks that each answer really is a hash. */
export async function hashesOfRanges(ranges: readonly LeafRange[], hashRange: HashRange): Promise<Buffer[]> {
  return Promise.all(
    ranges.map(async ({ start, end }) => checkedHash(await hashRange(start, end), start, end)),
  );
}

function checkedHash(value: unknown, start: number, end: number): Buffer {
  if (!isHash(value)) {
    throw new TypeError(`hashRange(${start}, ${end}) did not return a ${HASH_SIZE}-byte hash`);
  }
  return Buffer.from(value);
}
