import { createCipheriv, createDecipheriv } from 'node:crypto';
import { type Aead, checkAeadInputs, type Sealed, TAG_BYTES } from './aead.ts';
import { DecryptionError } from './errors.ts';

/** AES-256-GCM from Node's OpenSSL: the interoperability option. */
export const aes256Gcm: Aead = {
  algorithm: 'AES-256-GCM',
  keyBytes: 32,

  seal(key, nonce, plaintext, aad): Sealed {
    checkAeadInputs(this, key, nonce);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { ciphertext, tag: cipher.getAuthTag() };
  },

  open(key, nonce, ciphertext, tag, aad): Buffer {
    checkAeadInputs(this, key, nonce, tag);
    // authTagLength pins the tag to 16 bytes; without it OpenSSL would accept a truncated tag.
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(ciphertext);
    try {
      return Buffer.concat([plaintext, decipher.final()]);
    } catch (cause) {
      // The unverified plaintext is discarded: GCM releases nothing until the tag checks out.
      plaintext.fill(0);
      throw new DecryptionError('tampered', 'AES-256-GCM authentication failed', { cause });
    }
  },
};
