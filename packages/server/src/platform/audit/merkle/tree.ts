import { largestPowerOfTwoBelow } from './bits.ts';
import { emptyRoot, nodeHash } from './hash.ts';

/** The Merkle Tree Hash MTH(D[n]) of RFC 6962 §2.1 over already-hashed leaves; the empty tree is SHA-256(). */
export function rootOf(leafHashes: readonly Uint8Array[]): Buffer {
  return leafHashes.length === 0 ? emptyRoot() : subtreeRoot(leafHashes, 0, leafHashes.length);
}

/**
 * MTH(D[start:end]) for 0 <= start < end <= leafHashes.length, by the recursive definition of RFC 6962 §2.1:
 * split at the largest power of two below the leaf count. Recursion depth is only log2(end - start).
 */
export function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  const count = end - start;
  if (count === 1) return Buffer.from(leafAt(leafHashes, start));
  const split = start + largestPowerOfTwoBelow(count);
  return nodeHash(subtreeRoot(leafHashes, start, split), subtreeRoot(leafHashes, split, end));
}

/** A HashRange over leaf hashes held in memory (tests, small logs). */
export function hashRangeOfLeaves(leafHashes: readonly Uint8Array[]): (start: number, end: number) => Buffer {
  return (start, end) => {
    if (!(start >= 0 && start < end && end <= leafHashes.length)) {
      throw new RangeError(`No leaves [${start}, ${end}) among ${leafHashes.length}`);
    }
    return subtreeRoot(leafHashes, start, end);
  };
}

function leafAt(leafHashes: readonly Uint8Array[], index: number): Uint8Array {
  const leaf = leafHashes[index];
  if (leaf === undefined) throw new RangeError(`No leaf ${index} among ${leafHashes.length}`);
  return leaf;
}
