import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusionProof, inclusionRanges, proveInclusion, verifyInclusion } from './inclusion.ts';
import {
  asyncHashRange,
  leavesArb,
  leavesWithPositionArb,
  referencePath,
  sizeAndPositionArb,
  tamper,
} from './testKit.ts';
import { rootOf } from './tree.ts';

describe('inclusion proofs (RFC 6962 §2.1.1, RFC 9162 §2.1.3)', () => {
  it('every leaf of every tree has a proof that verifies, and it is the RFC audit path', () => {
    fc.assert(
      fc.property(leavesArb(), (leaves) => {
        const root = rootOf(leaves);
        for (const [index, leaf] of leaves.entries()) {
          const proof = inclusionProof(index, leaves);
          expect(verifyInclusion(index, leaves.length, leaf, proof, root)).toBe(true);
          expect(proof).toEqual(referencePath(index, leaves));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('fails for a different leaf, a different index, a tampered element or another root', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(0), fc.nat(), fc.nat(), ({ leaves, at: index }, pick, bit) => {
        const [n, root, leaf] = [leaves.length, rootOf(leaves), leaves[index] as Buffer];
        const proof = inclusionProof(index, leaves);
        const otherIndex = (index + 1 + (pick % Math.max(1, n - 1))) % n; // equals index only when n = 1
        if (n > 1) expect(verifyInclusion(index, n, leaves[otherIndex] as Buffer, proof, root)).toBe(false);
        expect(verifyInclusion(index, n, tamper(leaf, bit % 256), proof, root)).toBe(false);
        expect(verifyInclusion(otherIndex, n, leaf, proof, root)).toBe(n === 1);
        expect(verifyInclusion(index + n, n, leaf, proof, root)).toBe(false);
        expect(verifyInclusion(index, n, leaf, proof, tamper(root, bit % 256))).toBe(false);
        if (proof.length > 0) {
          const tampered = proof.map((p, i) => (i === pick % proof.length ? tamper(p, bit % 256) : p));
          expect(verifyInclusion(index, n, leaf, tampered, root)).toBe(false);
        }
      }),
    );
  });

  it('fails when the proof is cut short, extended, or claimed for another tree size', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(0), ({ leaves, at: index }) => {
        const [n, root, leaf] = [leaves.length, rootOf(leaves), leaves[index] as Buffer];
        const proof = inclusionProof(index, leaves);
        if (proof.length > 0) expect(verifyInclusion(index, n, leaf, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(index, n, leaf, [...proof, root], root)).toBe(false);
        expect(verifyInclusion(index, n + 1, leaf, proof, rootOf([...leaves, leaf]))).toBe(false);
      }),
    );
  });

  it('from an asynchronous subtree-hash source equals the in-memory proof', async () => {
    await fc.assert(
      fc.asyncProperty(leavesWithPositionArb(0), async ({ leaves, at: index }) => {
        const proof = await proveInclusion(index, leaves.length, asyncHashRange(leaves));
        expect(proof).toEqual(inclusionProof(index, leaves));
      }),
    );
  });

  it('asks for at most ceil(log2 n) disjoint subtrees, none holding the leaf', () => {
    fc.assert(
      fc.property(sizeAndPositionArb(0), ([n, index]) => {
        const ranges = inclusionRanges(index, n);
        expect(ranges.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        const covered = ranges.reduce((sum, { start, end }) => sum + end - start, 0);
        expect(covered).toBe(n - 1);
        for (const { start, end } of ranges) expect(index >= start && index < end).toBe(false);
      }),
    );
  });

  it('refuses to prove a leaf outside the tree, and verification rejects malformed input', async () => {
    expect(() => inclusionRanges(0, 0)).toThrow(RangeError);
    expect(() => inclusionRanges(3, 3)).toThrow(RangeError);
    expect(() => inclusionRanges(-1, 3)).toThrow(RangeError);
    expect(() => inclusionRanges(0.5, 3)).toThrow(RangeError);
    await expect(proveInclusion(5, 5, asyncHashRange([]))).rejects.toThrow(RangeError);
    const leaves = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const [root, proof] = [rootOf(leaves), inclusionProof(0, leaves)];
    expect(verifyInclusion(0, 2, leaves[0] as Buffer, proof, root)).toBe(true);
    expect(verifyInclusion(-2, 2, leaves[0] as Buffer, proof, root)).toBe(false);
    expect(verifyInclusion(0, 2, Buffer.alloc(31), proof, root)).toBe(false);
    expect(verifyInclusion(0, 2, leaves[0] as Buffer, [Buffer.alloc(33)], root)).toBe(false);
    expect(verifyInclusion(0, Number.NaN, leaves[0] as Buffer, proof, root)).toBe(false);
  });
});
