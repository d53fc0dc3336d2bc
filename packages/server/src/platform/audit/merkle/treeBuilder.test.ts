import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafHash, nodeHash } from './hash.ts';
import { asyncHashRange, leavesArb, leavesWithPositionArb, referenceRoot, tamper } from './testKit.ts';
import { rootOf } from './tree.ts';
import { rootOfStream, TreeBuilder } from './treeBuilder.ts';

function builderOf(leaves: readonly Uint8Array[]): TreeBuilder {
  const builder = new TreeBuilder();
  for (const leaf of leaves) builder.append(leaf);
  return builder;
}

const ones = (n: number) => n.toString(2).replaceAll('0', '').length;

describe('TreeBuilder, the incremental compact range', () => {
  it('has the root of the leaves so far at every size, keeping one subtree root per set bit', () => {
    fc.assert(
      fc.property(leavesArb(), (leaves) => {
        const builder = new TreeBuilder();
        for (const [i, leaf] of leaves.entries()) {
          builder.append(leaf);
          expect(builder.size).toBe(i + 1);
          expect(builder.root()).toEqual(rootOf(leaves.slice(0, i + 1)));
          expect(builder.toJSON().subtreeRoots).toHaveLength(ones(i + 1));
        }
        expect(builder.root()).toEqual(referenceRoot(leaves));
      }),
    );
  });

  it('answers root() without changing its state', () => {
    const leaves = [1, 2, 3].map((i) => leafHash(Uint8Array.of(i)));
    const builder = builderOf(leaves);
    const before = builder.toJSON();
    const root = builder.root();
    root.fill(0);
    expect(builder.toJSON()).toEqual(before);
    expect(builder.root()).toEqual(rootOf(leaves));
  });

  it('keeps its own copy of appended hashes', () => {
    const leaf = leafHash(Uint8Array.of(1));
    const builder = builderOf([leaf]);
    leaf.fill(0);
    expect(builder.root()).toEqual(leafHash(Uint8Array.of(1)));
  });

  it('resumes from a JSON snapshot and carries on appending', () => {
    fc.assert(
      fc.property(leavesWithPositionArb(1), ({ leaves, at }) => {
        const snapshot = JSON.parse(JSON.stringify(builderOf(leaves.slice(0, at)))) as unknown;
        const resumed = TreeBuilder.fromJSON(snapshot);
        expect(resumed.size).toBe(at);
        for (const leaf of leaves.slice(at)) resumed.append(leaf);
        expect(resumed.root()).toEqual(rootOf(leaves));
      }),
    );
  });

  it('resumes from subtree hashes alone, without reading every leaf', async () => {
    await fc.assert(
      fc.asyncProperty(leavesWithPositionArb(1), async ({ leaves, at }) => {
        const asked: [number, number][] = [];
        const hashRange = asyncHashRange(leaves);
        const resumed = await TreeBuilder.fromHashRange(at, (start, end) => {
          asked.push([start, end]);
          return hashRange(start, end);
        });
        expect(resumed.toJSON()).toEqual(builderOf(leaves.slice(0, at)).toJSON());
        expect(asked).toHaveLength(ones(at));
      }),
    );
    expect((await TreeBuilder.fromHashRange(0, asyncHashRange([]))).root()).toEqual(rootOf([]));
  });

  it('refuses snapshots that cannot be a compact range', () => {
    const valid = builderOf([1, 2, 3].map((i) => leafHash(Uint8Array.of(i)))).toJSON();
    expect(TreeBuilder.fromJSON(valid).toJSON()).toEqual(valid);
    expect(TreeBuilder.fromJSON({ size: 0, subtreeRoots: [] }).size).toBe(0);
    for (const broken of [
      null,
      'state',
      { ...valid, size: 4 },
      { ...valid, size: -1 },
      { ...valid, size: 2.5 },
      { ...valid, subtreeRoots: valid.subtreeRoots.slice(1) },
      { ...valid, subtreeRoots: [valid.subtreeRoots[0], 'zz'] },
      { ...valid, subtreeRoots: [valid.subtreeRoots[0], 7] },
      { size: 3 },
    ]) {
      expect(() => TreeBuilder.fromJSON(broken), JSON.stringify(broken)).toThrow(TypeError);
    }
  });

  it('refuses leaf hashes of the wrong length', () => {
    expect(() => new TreeBuilder().append(new Uint8Array(31))).toThrow(TypeError);
  });

  it('streams 100,000 leaves to the same roots as the recursive definition', () => {
    // Distinct 32-byte values stand in for leaf hashes: hashing them first would only slow the test down.
    const leaves = Array.from({ length: 100_000 }, (_, i) => {
      const leaf = Buffer.alloc(32);
      leaf.writeUInt32BE(i);
      return leaf;
    });
    const perfectRoot = rootOf(leaves.slice(0, 65_536));
    const checkpoints = new Map([
      [1, rootOf(leaves.slice(0, 1))],
      [65_536, perfectRoot],
      // MTH(D[65537]) splits into the first 65,536 leaves and the last one (RFC 6962 §2.1).
      [65_537, nodeHash(perfectRoot, leaves[65_536] as Buffer)],
      [100_000, rootOf(leaves)],
    ]);
    const builder = new TreeBuilder();
    for (const leaf of leaves) {
      builder.append(leaf);
      const expected = checkpoints.get(builder.size);
      if (expected !== undefined) expect(builder.root()).toEqual(expected);
    }
    expect(builder.toJSON().subtreeRoots).toHaveLength(ones(100_000));
  });

  it('computes the root of a synchronous or asynchronous stream', async () => {
    const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(Buffer.from(String(i))));
    async function* rows() {
      yield* leaves;
    }
    expect(await rootOfStream(rows())).toEqual(rootOf(leaves));
    expect(await rootOfStream(leaves)).toEqual(rootOf(leaves));
    expect(await rootOfStream([])).toEqual(rootOf([]));
    await expect(rootOfStream([tamper(leaves[0] as Buffer).subarray(1)])).rejects.toThrow(TypeError);
  });
});
