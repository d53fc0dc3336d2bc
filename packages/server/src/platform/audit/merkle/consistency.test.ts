import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProof, consistencyRanges, proveConsistency, verifyConsistency } from './consistency.ts';
import { emptyRoot } from './hash.ts';
import {
  asyncHashRange,
  leavesArb,
  leavesWithPositionArb,
  referenceProof,
  sizeAndPositionArb,
  tamper,
} from './testKit.ts';
import { rootOf } from './tree.ts';

describe('consistency proofs (RFC 6962 §2.1.2, RFC 9162 §2.1.4)', () => {
  it('every earlier size of every tree has a proof that verifies, and it is the RFC proof', () => {
    fc.assert(
      fc.property(leavesArb(), (leaves) => {
        const [n, rootN] = [leaves.length, rootOf(leaves)];
        for (let m = 1; m <= n; m++) {
          const proof = consistencyProof(m, leaves);
          expect(verifyConsistency(m, n, rootOf(leaves.slice(0, m)), rootN, proof)).toBe(true);
          expect(proof).toEqual(referenceProof(m, leaves));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('fails when either root or any proof element is altered', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(1), fc.nat(), fc.nat(), ({ leaves, at: m }, pick, bit) => {
        const [n, rootM, rootN] = [leaves.length, rootOf(leaves.slice(0, m)), rootOf(leaves)];
        const proof = consistencyProof(m, leaves);
        expect(verifyConsistency(m, n, tamper(rootM, bit % 256), rootN, proof)).toBe(false);
        expect(verifyConsistency(m, n, rootM, tamper(rootN, bit % 256), proof)).toBe(false);
        if (proof.length > 0) {
          const tampered = proof.map((p, i) => (i === pick % proof.length ? tamper(p, bit % 256) : p));
          expect(verifyConsistency(m, n, rootM, rootN, tampered)).toBe(false);
        }
      }),
    );
  });

  it('fails for a history that was rewritten, even by one leaf', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(1), fc.nat(), ({ leaves, at: m }, pick) => {
        const rewritten = leaves.map((leaf, i) => (i === pick % m ? tamper(leaf) : leaf));
        const [n, rootM] = [leaves.length, rootOf(leaves.slice(0, m))];
        const proof = consistencyProof(m, rewritten);
        expect(verifyConsistency(m, n, rootM, rootOf(rewritten), proof)).toBe(false);
      }),
    );
  });

  it('fails when the proof is cut short, extended, or claimed for other sizes', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(1), ({ leaves, at: m }) => {
        const [n, rootM, rootN] = [leaves.length, rootOf(leaves.slice(0, m)), rootOf(leaves)];
        const proof = consistencyProof(m, leaves);
        if (proof.length > 0) expect(verifyConsistency(m, n, rootM, rootN, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, rootM, rootN, [...proof, rootN])).toBe(false);
        const grown = [...leaves, tamper(rootN)];
        expect(verifyConsistency(m, n + 1, rootM, rootOf(grown), proof)).toBe(false);
        if (m > 1) expect(verifyConsistency(m - 1, n, rootM, rootN, proof)).toBe(false);
      }),
    );
  });

  it('from an asynchronous subtree-hash source equals the in-memory proof', async () => {
    await fc.assert(
      fc.asyncProperty(leavesWithPositionArb(1), async ({ leaves, at: m }) => {
        const proof = await proveConsistency(m, leaves.length, asyncHashRange(leaves));
        expect(proof).toEqual(consistencyProof(m, leaves));
      }),
    );
  });

  it('asks for O(log n) subtrees, all inside the new tree', () => {
    fc.assert(
      fc.property(sizeAndPositionArb(1), ([n, m]) => {
        const ranges = consistencyRanges(m, n);
        expect(ranges.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 1);
        for (const { start, end } of ranges) expect(0 <= start && start < end && end <= n).toBe(true);
      }),
    );
  });

  it('between equal sizes is empty, and verifies only for equal roots', () => {
    const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3)];
    const root = rootOf(leaves);
    expect(consistencyProof(3, leaves)).toEqual([]);
    expect(verifyConsistency(3, 3, root, root, [])).toBe(true);
    expect(verifyConsistency(3, 3, root, tamper(root), [])).toBe(false);
    expect(verifyConsistency(3, 3, root, root, [root])).toBe(false);
  });

  it('from the empty tree is empty, and checks only that the old root is the empty tree', async () => {
    const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(consistencyProof(0, leaves)).toEqual([]);
    expect(await proveConsistency(0, 2, asyncHashRange(leaves))).toEqual([]);
    expect(verifyConsistency(0, 2, emptyRoot(), rootOf(leaves), [])).toBe(true);
    expect(verifyConsistency(0, 0, emptyRoot(), emptyRoot(), [])).toBe(true);
    expect(verifyConsistency(0, 2, rootOf(leaves), rootOf(leaves), [])).toBe(false);
    expect(verifyConsistency(0, 2, emptyRoot(), rootOf(leaves), [rootOf(leaves)])).toBe(false);
  });

  it('does not exist from a larger tree to a smaller one, and malformed input is rejected', () => {
    const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const [root1, root2] = [rootOf(leaves.slice(0, 1)), rootOf(leaves)];
    expect(() => consistencyRanges(3, 2)).toThrow(RangeError);
    expect(() => consistencyRanges(1, 2.5)).toThrow(RangeError);
    expect(verifyConsistency(2, 1, root2, root1, consistencyProof(1, leaves))).toBe(false);
    expect(verifyConsistency(1, 2, root1, root2, [])).toBe(false);
    expect(verifyConsistency(1, 2, root1.subarray(1), root2, consistencyProof(1, leaves))).toBe(false);
    expect(verifyConsistency(1, 2, root1, root2, [Buffer.alloc(8)])).toBe(false);
    expect(verifyConsistency(-1, 2, root1, root2, consistencyProof(1, leaves))).toBe(false);
  });
});
