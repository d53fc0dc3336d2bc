import { sm4 } from 'sm-crypto-v2';
import { type Aead, checkAeadInputs, type Sealed } from './aead.ts';
import { DecryptionError } from './errors.ts';

/**
 * SM4-GCM (GB/T 32907 block cipher in the GCM mode of NIST SP 800-38D, as in RFC 8998) from
 * sm-crypto-v2, because Node 20's OpenSSL has no `sm4-gcm`. The library is verified against the
 * RFC 8998 A.1 vector, against Node's `sm4-ctr` for the keystream and against an independent
 * GHASH for the tag (see the tests). Its loose inputs (hex strings, optional tag) are fenced off
 * here: only Buffers of checked lengths reach it, and a tag is always passed when opening.
 */
export const sm4Gcm: Aead = {
  algorithm: 'SM4-GCM',
  keyBytes: 16,

  seal(key, nonce, plaintext, aad): Sealed {
    checkAeadInputs(this, key, nonce);
    const sealed = sm4.encrypt(bytes(plaintext), bytes(key), {
      mode: 'gcm',
      iv: bytes(nonce),
      associatedData: bytes(aad),
      output: 'array',
      outputTag: true,
    });
    if (!sealed.tag) throw new Error('sm-crypto-v2 returned no SM4-GCM tag');
    return { ciphertext: toBuffer(sealed.output), tag: toBuffer(sealed.tag) };
  },

  open(key, nonce, ciphertext, tag, aad): Buffer {
    checkAeadInputs(this, key, nonce, tag);
    try {
      const plaintext = sm4.decrypt(bytes(ciphertext), bytes(key), {
        mode: 'gcm',
        iv: bytes(nonce),
        associatedData: bytes(aad),
        tag: bytes(tag),
        output: 'array',
      });
      return toBuffer(plaintext);
    } catch (cause) {
      // Inputs were validated above, so the library's only failure left is a tag mismatch.
      throw new DecryptionError('tampered', 'SM4-GCM authentication failed', { cause });
    }
  },
};

/** A plain Uint8Array, because the library inspects `typeof` and copies with Uint8Array.from. */
function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

function toBuffer(array: Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.length);
}
