import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { consistencyProof, consistencyRanges, proveConsistency } from './consistency.ts';
import { inclusionProof, inclusionRanges, proveInclusion } from './inclusion.ts';
import { hashRangeFromPerfectSubtrees, memoizeHashRange, perfectSubtreesOf } from './subtrees.ts';
import { asyncHashRange, leavesWithPositionArb, sizeAndPositionArb } from './testKit.ts';
import { hashRangeOfLeaves, rootOf, subtreeRoot } from './tree.ts';

const isPerfectNode = ({ start, end }: { start: number; end: number }) => {
  const size = end - start;
  return Number.isInteger(Math.log2(size)) && start % size === 0;
};

describe('subtree hashes', () => {
  it('split [0, size) into perfect subtrees whose sizes are the binary digits of size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (size) => {
        const pieces = perfectSubtreesOf(0, size);
        expect(pieces.map(({ start, end }) => end - start).reduce((a, b) => a + b, 0)).toBe(size);
        expect(pieces.every(isPerfectNode)).toBe(true);
        for (const [i, piece] of pieces.entries()) expect(piece.start).toBe(pieces[i - 1]?.end ?? 0);
      }),
    );
  });

  it('every range a proof asks for is made of aligned tree nodes, so node hashes can be stored', () => {
    fc.assert(
      fc.property(sizeAndPositionArb(1), ([n, m]) => {
        const ranges = [...inclusionRanges(m - 1, n), ...consistencyRanges(m, n)];
        for (const { start, end } of ranges)
          expect(perfectSubtreesOf(start, end).every(isPerfectNode)).toBe(true);
      }),
    );
  });

  it('proofs built from perfect subtree hashes only equal the in-memory proofs', async () => {
    await fc.assert(
      fc.asyncProperty(leavesWithPositionArb(1), async ({ leaves, at }) => {
        const perfect = vi.fn(asyncHashRange(leaves));
        const hashRange = hashRangeFromPerfectSubtrees(perfect);
        const n = leaves.length;
        expect(await proveInclusion(at - 1, n, hashRange)).toEqual(inclusionProof(at - 1, leaves));
        expect(await proveConsistency(at, n, hashRange)).toEqual(consistencyProof(at, leaves));
        for (const [start, end] of perfect.mock.calls) expect(isPerfectNode({ start, end })).toBe(true);
        expect(await hashRange(0, n)).toEqual(rootOf(leaves));
      }),
    );
  });

  it('are looked up once when memoised, even when asked for concurrently', async () => {
    const leaves = [1, 2, 3, 4, 5].map((i) => Buffer.alloc(32, i));
    const source = vi.fn(hashRangeOfLeaves(leaves));
    const memoised = memoizeHashRange(source);
    const [a, b] = await Promise.all([memoised(1, 5), memoised(1, 5)]);
    expect(await memoised(1, 5)).toEqual(subtreeRoot(leaves, 1, 5));
    expect(a).toBe(b);
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('forget failed look-ups and the oldest entries past the limit', async () => {
    let failing = true;
    const source = vi.fn((start: number, end: number) => {
      if (failing) return Promise.reject(new Error('database unavailable'));
      return subtreeRoot([Buffer.alloc(32, 1), Buffer.alloc(32, 2)], start, end);
    });
    const memoised = memoizeHashRange(source, 1);
    await expect(memoised(0, 2)).rejects.toThrow('database unavailable');
    failing = false;
    await memoised(0, 2);
    await memoised(0, 1);
    await memoised(0, 2);
    expect(source.mock.calls).toEqual([
      [0, 2],
      [0, 2],
      [0, 1],
      [0, 2],
    ]);
  });

  it('must really be hashes: a callback returning anything else is an error', async () => {
    const text = () => 'ab'.repeat(32) as unknown as Uint8Array;
    await expect(proveInclusion(0, 2, text)).rejects.toThrow(TypeError);
    await expect(proveInclusion(0, 2, () => new Uint8Array(20))).rejects.toThrow(TypeError);
    expect(() => hashRangeOfLeaves([Buffer.alloc(32)])(0, 2)).toThrow(RangeError);
    expect(() => hashRangeOfLeaves([Buffer.alloc(32)])(1, 1)).toThrow(RangeError);
  });
});
