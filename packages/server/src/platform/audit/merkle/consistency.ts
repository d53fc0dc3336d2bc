import { assertTreeSize, halve, isOdd, isPowerOfTwo, isTreeSize, largestPowerOfTwoBelow } from './bits.ts';
import { emptyRoot, isHash, nodeHash, sameHash } from './hash.ts';
import { type HashRange, hashesOfRanges, type LeafRange } from './subtrees.ts';
import { subtreeRoot } from './tree.ts';

// Edge cases. RFC 6962 §2.1.2 and RFC 9162 §2.1.4 define proofs for 0 < m < n only. Here:
// - m = n: the proof is empty, and it verifies exactly when the two roots are equal.
// - m = 0: the empty tree is a prefix of every tree, so there is nothing to prove: the proof is empty and it
//   verifies exactly when rootM is the empty tree's hash. It says nothing at all about rootN.
// - m > n: no proof exists; generation throws RangeError and verification returns false.

/**
 * The subtrees whose hashes form PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 6962 §2.1.2, in proof order.
 * Walking down from the root towards the boundary m, each step records the half the boundary is not in; the
 * walk ends at the subtree whose right edge is m, which is recorded too unless it is the old root itself.
 */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  assertTreeSize(m, 'm');
  assertTreeSize(n, 'n');
  if (m > n) throw new RangeError(`No consistency proof from ${m} leaves to fewer (${n})`);
  if (m === 0 || m === n) return [];
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = n;
  let isOldRoot = true;
  while (end !== m) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (m <= split) {
      ranges.push({ start: split, end });
      end = split;
    } else {
      ranges.push({ start, end: split });
      start = split;
      isOldRoot = false;
    }
  }
  if (!isOldRoot) ranges.push({ start, end });
  return ranges.reverse();
}

/** The consistency proof between the first m leaves and all the given leaf hashes (RFC 6962 §2.1.2). */
export function consistencyProof(m: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return consistencyRanges(m, leafHashes.length).map(({ start, end }) => subtreeRoot(leafHashes, start, end));
}

/** The same proof as consistencyProof, for a tree of n leaves known only through hashRange. */
export async function proveConsistency(m: number, n: number, hashRange: HashRange): Promise<Buffer[]> {
  return hashesOfRanges(consistencyRanges(m, n), hashRange);
}

/**
 * Whether proof shows that the tree of m leaves with root rootM is a prefix of the tree of n leaves with root
 * rootN, by the algorithm of RFC 9162 §2.1.4.2 (edge cases above). Malformed input yields false.
 */
export function verifyConsistency(
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isTreeSize(m) || !isTreeSize(n) || m > n) return false;
  if (!isHash(rootM) || !isHash(rootN) || !proof.every(isHash)) return false;
  if (m === 0) return proof.length === 0 && sameHash(rootM, emptyRoot());
  if (m === n) return proof.length === 0 && sameHash(rootM, rootN);
  return verifyProperConsistency(m, n, rootM, rootN, proof);
}

// RFC 9162 §2.1.4.2 for 0 < m < n: rebuild both roots from the same path. fr folds in only the nodes left of
// the boundary (rebuilding rootM); sr folds in every node (rebuilding rootN).
function verifyProperConsistency(
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (proof.length === 0) return false; // step 1: an empty proof proves nothing when m < n
  // Step 2: when m is a power of two, the old root is itself a node of the new tree and is left out of the proof.
  const [seed, ...rest] = isPowerOfTwo(m) ? [rootM, ...proof] : proof;
  if (seed === undefined) return false; // unreachable after step 1; narrows the type
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) {
    fn = halve(fn);
    sn = halve(sn);
  }
  let fr = seed;
  let sr = seed;
  for (const c of rest) {
    if (sn === 0) return false; // the proof is longer than the path
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = halve(fn);
        sn = halve(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = halve(fn);
    sn = halve(sn);
  }
  return sn === 0 && sameHash(fr, rootM) && sameHash(sr, rootN);
}
