// Merkle-tree machinery for the tamper-evident audit log, after RFC 6962 / RFC 9162 (Certificate
// Transparency). Pure functions: no database, no I/O. The database layer supplies subtree hashes through
// HashRange callbacks.
export { consistencyProof, consistencyRanges, proveConsistency, verifyConsistency } from './consistency.ts';
export { hashFromBase64, hashFromHex, hashToBase64, hashToHex } from './encoding.ts';
export {
  emptyRoot,
  eventLeafData,
  eventLeafHash,
  HASH_SIZE,
  isHash,
  leafHash,
  nodeHash,
  sameHash,
} from './hash.ts';
export { inclusionProof, inclusionRanges, proveInclusion, verifyInclusion } from './inclusion.ts';
export {
  foldSubtreeRoots,
  type HashRange,
  hashRangeFromPerfectSubtrees,
  type LeafRange,
  memoizeHashRange,
  perfectSubtreesOf,
} from './subtrees.ts';
export { hashRangeOfLeaves, rootOf, subtreeRoot } from './tree.ts';
export { rootOfStream, TreeBuilder, type TreeBuilderState } from './treeBuilder.ts';
