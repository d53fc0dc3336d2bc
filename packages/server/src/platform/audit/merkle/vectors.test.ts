// Known answers from the Certificate Transparency reference implementation's tests (RFC 6962 tree of eight
// leaves), which every RFC 6962 / RFC 9162 implementation reproduces.
import { describe, expect, it } from 'vitest';
import { consistencyProof, proveConsistency, verifyConsistency } from './consistency.ts';
import { emptyRoot } from './hash.ts';
import { inclusionProof, proveInclusion, verifyInclusion } from './inclusion.ts';
import { CT_LEAVES, hex } from './testKit.ts';
import { hashRangeOfLeaves, rootOf } from './tree.ts';
import { TreeBuilder } from './treeBuilder.ts';

const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const INCLUSION: readonly { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const CONSISTENCY: readonly { m: number; n: number; proof: string[] }[] = [
  { m: 1, n: 1, proof: [] },
  {
    m: 1,
    n: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    m: 2,
    n: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const rootAt = (size: number) => rootOf(CT_LEAVES.slice(0, size));

describe('RFC 6962 test vectors', () => {
  it.each(ROOTS.map((root, size) => ({ size, root })))('MTH of the first $size leaves', ({ size, root }) => {
    expect(rootAt(size).toString('hex')).toBe(root);
  });

  it('the incremental builder reaches every known root', () => {
    const builder = new TreeBuilder();
    expect(builder.root()).toEqual(emptyRoot());
    for (const [i, leaf] of CT_LEAVES.entries()) {
      builder.append(leaf);
      expect(builder.root().toString('hex')).toBe(ROOTS[i + 1]);
    }
  });

  it.each(INCLUSION)('inclusion proof of leaf $index in a tree of $size', async ({ index, size, proof }) => {
    const leaves = CT_LEAVES.slice(0, size);
    expect(hex(inclusionProof(index, leaves))).toEqual(proof);
    expect(hex(await proveInclusion(index, size, hashRangeOfLeaves(leaves)))).toEqual(proof);
    const given = proof.map((h) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(index, size, CT_LEAVES[index] as Buffer, given, rootAt(size))).toBe(true);
  });

  it.each(CONSISTENCY)('consistency proof from $m to $n leaves', async ({ m, n, proof }) => {
    const leaves = CT_LEAVES.slice(0, n);
    expect(hex(consistencyProof(m, leaves))).toEqual(proof);
    expect(hex(await proveConsistency(m, n, hashRangeOfLeaves(leaves)))).toEqual(proof);
    const given = proof.map((h) => Buffer.from(h, 'hex'));
    expect(verifyConsistency(m, n, rootAt(m), rootAt(n), given)).toBe(true);
  });
});
