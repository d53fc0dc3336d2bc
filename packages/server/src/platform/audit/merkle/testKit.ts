// Shared by the *.test.ts files beside it; not part of the public API.
import fc from 'fast-check';
import { largestPowerOfTwoBelow } from './bits.ts';
import { leafHash, nodeHash } from './hash.ts';
import type { HashRange } from './subtrees.ts';
import { rootOf } from './tree.ts';

/** The RFC 6962 / Certificate Transparency test tree: eight leaf inputs, in hex. */
export const CT_LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];

export const CT_LEAVES: readonly Buffer[] = CT_LEAF_INPUTS.map((hex) => leafHash(Buffer.from(hex, 'hex')));

/** Random leaf hashes, all distinct: the leaf's position is part of its data. */
export function leavesArb(maxLength = 200): fc.Arbitrary<Buffer[]> {
  return fc
    .array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength })
    .map((datas) => datas.map((data, i) => leafHash(Buffer.concat([Buffer.from(`${i}:`), data]))));
}

/** Leaves together with a position among them: a leaf index, or a tree size m in 1..n. */
export function leavesWithPositionArb(firstPosition: 0 | 1): fc.Arbitrary<{ leaves: Buffer[]; at: number }> {
  return leavesArb().chain((leaves) =>
    fc.record({
      leaves: fc.constant(leaves),
      at: fc.integer({ min: firstPosition, max: leaves.length - 1 + firstPosition }),
    }),
  );
}

/** A tree size n up to 2^40 (no leaves) and a position in it: an index in 0..n-1 or a size in 1..n. */
export function sizeAndPositionArb(firstPosition: 0 | 1): fc.Arbitrary<[number, number]> {
  return fc
    .integer({ min: 1, max: 2 ** 40 })
    .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: firstPosition, max: n - 1 + firstPosition })));
}

/** A copy of hash with one bit flipped. */
export function tamper(hash: Uint8Array, bit = 0): Buffer {
  const copy = Buffer.from(hash);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

/** An asynchronous HashRange over in-memory leaves, answering on a later turn like a database would. */
export function asyncHashRange(leaves: readonly Buffer[]): HashRange {
  return async (start, end) => {
    await new Promise((resolve) => setImmediate(resolve));
    return rootOf(leaves.slice(start, end));
  };
}

// Oracles written as literally as possible from RFC 6962 §2.1.1 and §2.1.2, with array slices, to check the
// iterative range-based versions against.

export function referencePath(m: number, leaves: readonly Buffer[]): Buffer[] {
  const n = leaves.length;
  if (n <= 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

export function referenceProof(m: number, leaves: readonly Buffer[]): Buffer[] {
  return referenceSubproof(m, leaves, true);
}

function referenceSubproof(m: number, leaves: readonly Buffer[], isOldRoot: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return isOldRoot ? [] : [referenceRoot(leaves)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...referenceSubproof(m, leaves.slice(0, k), isOldRoot), referenceRoot(leaves.slice(k))]
    : [...referenceSubproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}

/** MTH by RFC 6962 §2.1's recursion over slices, independent of tree.ts. */
export function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

export function hex(hashes: readonly Uint8Array[]): string[] {
  return hashes.map((hash) => Buffer.from(hash).toString('hex'));
}
