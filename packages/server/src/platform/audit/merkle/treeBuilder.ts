import { assertTreeSize, halve, isOdd, isTreeSize } from './bits.ts';
import { hashFromHex, hashToHex } from './encoding.ts';
import { HASH_SIZE, isHash, nodeHash } from './hash.ts';
import { foldSubtreeRoots, type HashRange, hashesOfRanges, perfectSubtreesOf } from './subtrees.ts';

/** A TreeBuilder's state as JSON: the leaf count and the compact range's subtree roots in hex, largest first. */
export interface TreeBuilderState {
  readonly size: number;
  readonly subtreeRoots: readonly string[];
}

/**
 * Appends leaf hashes one at a time and answers MTH(D[size]) (RFC 6962 §2.1) at any point, holding only the
 * "compact range" of the tree: the roots of the perfect subtrees that tile [0, size), one per set bit of size,
 * largest (leftmost) first. Memory and root() are O(log n); append() is amortised O(1) hashes.
 */
export class TreeBuilder {
  #size = 0;
  readonly #subtreeRoots: Buffer[] = [];

  /** Resumes from a snapshot made by toJSON(). Check root() against a trusted checkpoint before relying on it. */
  static fromJSON(state: unknown): TreeBuilder {
    const { size, subtreeRoots } = (typeof state === 'object' && state !== null ? state : {}) as {
      size?: unknown;
      subtreeRoots?: unknown;
    };
    if (!isTreeSize(size)) throw new TypeError('TreeBuilder state needs a non-negative safe integer size');
    if (
      !Array.isArray(subtreeRoots) ||
      !subtreeRoots.every((root): root is string => typeof root === 'string')
    ) {
      throw new TypeError('TreeBuilder state needs subtreeRoots, an array of hex hashes');
    }
    return TreeBuilder.#restore(size, subtreeRoots.map(hashFromHex));
  }

  /** Resumes at size leaves by asking for the compact range's subtree hashes, without reading every leaf. */
  static async fromHashRange(size: number, hashRange: HashRange): Promise<TreeBuilder> {
    assertTreeSize(size, 'size');
    return TreeBuilder.#restore(size, await hashesOfRanges(perfectSubtreesOf(0, size), hashRange));
  }

  static #restore(size: number, subtreeRoots: Buffer[]): TreeBuilder {
    if (subtreeRoots.length !== perfectSubtreesOf(0, size).length) {
      throw new TypeError(`A tree of ${size} leaves has ${perfectSubtreesOf(0, size).length} subtree roots`);
    }
    const builder = new TreeBuilder();
    builder.#size = size;
    builder.#subtreeRoots.push(...subtreeRoots);
    return builder;
  }

  get size(): number {
    return this.#size;
  }

  append(leafHash: Uint8Array): void {
    if (!isHash(leafHash)) throw new TypeError(`A leaf hash has ${HASH_SIZE} bytes`);
    // Like a binary counter increment: each trailing 1 bit of size is a perfect subtree the new leaf completes.
    let node: Buffer = Buffer.from(leafHash);
    // One stored root per set bit of size, so there is always a root to pop for each trailing 1 bit.
    for (let carry = this.#size; isOdd(carry); carry = halve(carry)) {
      node = nodeHash(this.#subtreeRoots.pop() as Buffer, node);
    }
    this.#subtreeRoots.push(node);
    this.#size += 1;
  }

  /** MTH of the leaves appended so far; does not change the builder. */
  root(): Buffer {
    return foldSubtreeRoots(this.#subtreeRoots);
  }

  toJSON(): TreeBuilderState {
    return { size: this.#size, subtreeRoots: this.#subtreeRoots.map(hashToHex) };
  }
}

/** MTH of a stream of leaf hashes (e.g. rows read from a database cursor) in O(log n) memory. */
export async function rootOfStream(
  leafHashes: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<Buffer> {
  const builder = new TreeBuilder();
  for await (const leaf of leafHashes) builder.append(leaf);
  return builder.root();
}
