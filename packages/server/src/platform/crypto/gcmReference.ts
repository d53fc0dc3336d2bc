import { createCipheriv } from 'node:crypto';

/**
 * A from-the-specification GCM (NIST SP 800-38D, Algorithms 1 to 4) for TESTS ONLY: slow,
 * bit-by-bit, not constant time. It shares no code with sm-crypto-v2 or OpenSSL's GCM, so when
 * it agrees with OpenSSL's AES-256-GCM and with the library's SM4-GCM on random inputs, both the
 * oracle and the library are unlikely to share a mistake. Not exported from the package.
 */
export type BlockCipher = (block: Buffer) => Buffer;

const BLOCK = 16;
const R = 0xe1n << 120n;
const MASK_128 = (1n << 128n) - 1n;

/** Node's raw ECB block function for the given algorithm (`aes-256-ecb`, `sm4-ecb`). */
export function ecbBlockCipher(algorithm: string, key: Buffer): BlockCipher {
  return (block) => {
    const cipher = createCipheriv(algorithm, key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]);
  };
}

export function referenceGcmSeal(
  encryptBlock: BlockCipher,
  nonce: Buffer,
  plaintext: Buffer,
  aad: Buffer,
): { ciphertext: Buffer; tag: Buffer } {
  if (nonce.length !== 12) throw new RangeError('the reference GCM only takes 96-bit nonces');
  const h = toBigInt(encryptBlock(Buffer.alloc(BLOCK)));
  const j0 = Buffer.concat([nonce, Buffer.from([0, 0, 0, 1])]);
  const ciphertext = gctr(encryptBlock, inc32(j0), plaintext);
  const lengths = Buffer.alloc(BLOCK);
  lengths.writeBigUInt64BE(BigInt(aad.length * 8), 0);
  lengths.writeBigUInt64BE(BigInt(ciphertext.length * 8), 8);
  const s = ghash(h, Buffer.concat([zeroPad(aad), zeroPad(ciphertext), lengths]));
  const tag = gctr(encryptBlock, j0, fromBigInt(s));
  return { ciphertext, tag };
}

/** Algorithm 1: multiplication in GF(2^128) with GCM's reflected bit order. */
function multiply(x: bigint, y: bigint): bigint {
  let z = 0n;
  let v = y;
  for (let i = 127n; i >= 0n; i--) {
    if ((x >> i) & 1n) z ^= v;
    v = v & 1n ? (v >> 1n) ^ R : v >> 1n;
  }
  return z;
}

/** Algorithm 2, over input already padded to whole blocks. */
function ghash(h: bigint, padded: Buffer): bigint {
  let y = 0n;
  for (let offset = 0; offset < padded.length; offset += BLOCK) {
    y = multiply(y ^ toBigInt(padded.subarray(offset, offset + BLOCK)), h);
  }
  return y;
}

/** Algorithm 3, with inc32: only the low 32 bits of the counter block count. */
function gctr(encryptBlock: BlockCipher, initialCounter: Buffer, input: Buffer): Buffer {
  const output = Buffer.alloc(input.length);
  let counter = initialCounter;
  for (let offset = 0; offset < input.length; offset += BLOCK) {
    const keystream = encryptBlock(counter);
    for (let i = offset; i < Math.min(offset + BLOCK, input.length); i++) {
      output[i] = (input[i] ?? 0) ^ (keystream[i - offset] ?? 0);
    }
    counter = inc32(counter);
  }
  return output;
}

function inc32(block: Buffer): Buffer {
  const next = Buffer.from(block);
  next.writeUInt32BE((block.readUInt32BE(12) + 1) >>> 0, 12);
  return next;
}

function zeroPad(data: Buffer): Buffer {
  const remainder = data.length % BLOCK;
  return remainder === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - remainder)]);
}

function toBigInt(block: Buffer): bigint {
  return BigInt(`0x${block.toString('hex') || '0'}`) & MASK_128;
}

function fromBigInt(value: bigint): Buffer {
  return Buffer.from(value.toString(16).padStart(32, '0'), 'hex');
}
