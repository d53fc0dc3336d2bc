import { assertTreeSize, halve, isOdd, isTreeSize, largestPowerOfTwoBelow } from './bits.ts';
import { isHash, nodeHash, sameHash } from './hash.ts';
import { type HashRange, hashesOfRanges, type LeafRange } from './subtrees.ts';
import { subtreeRoot } from './tree.ts';

/**
 * The subtrees whose hashes form the audit path PATH(index, D[treeSize]) of RFC 6962 §2.1.1, leaf end first.
 * Walking down from the root, each step keeps the half holding the leaf and records the other half.
 */
export function inclusionRanges(index: number, treeSize: number): LeafRange[] {
  assertTreeSize(treeSize, 'treeSize');
  assertTreeSize(index, 'index');
  if (index >= treeSize) throw new RangeError(`Leaf ${index} is not in a tree of ${treeSize} leaves`);
  const siblings: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (index < split) {
      siblings.push({ start: split, end });
      end = split;
    } else {
      siblings.push({ start, end: split });
      start = split;
    }
  }
  return siblings.reverse();
}

/** The inclusion proof of leaf index in the tree of all the given leaf hashes (RFC 6962 §2.1.1). */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return inclusionRanges(index, leafHashes.length).map(({ start, end }) =>
    subtreeRoot(leafHashes, start, end),
  );
}

/** The same proof as inclusionProof, for a tree of treeSize leaves known only through hashRange. */
export async function proveInclusion(
  index: number,
  treeSize: number,
  hashRange: HashRange,
): Promise<Buffer[]> {
  return hashesOfRanges(inclusionRanges(index, treeSize), hashRange);
}

/**
 * Whether proof shows that leafHash is leaf index of the tree of treeSize leaves whose root is root, by the
 * algorithm of RFC 9162 §2.1.3.2. Malformed input (bad sizes, wrong hash lengths) yields false, not an error.
 */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isTreeSize(index) || !isTreeSize(treeSize) || index >= treeSize) return false;
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  const computed = rootFromInclusionProof(index, treeSize, leafHash, proof);
  return computed !== undefined && sameHash(computed, root);
}

// RFC 9162 §2.1.3.2 steps 2-5: fn is the node's position and sn the last position on the current level; a
// node with fn == sn on an even position is a right-edge node without a sibling, so it is carried up as is.
function rootFromInclusionProof(
  index: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | undefined {
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return undefined; // the proof is longer than the path
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = halve(fn);
        sn = halve(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = halve(fn);
    sn = halve(sn);
  }
  return sn === 0 ? r : undefined; // otherwise the proof is shorter than the path
}
