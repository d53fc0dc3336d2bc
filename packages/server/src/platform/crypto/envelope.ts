import { AEAD_ALGORITHMS, type AeadAlgorithm, NONCE_BYTES, TAG_BYTES } from './aead.ts';
import { DecryptionError } from './errors.ts';
import { decodeUtf8 } from './text.ts';

/**
 * The stored form of an encrypted field, self-describing so that keys and algorithms can change
 * while old rows stay readable:
 *
 *   version (1) | algorithm (1) | key id length (1) | key id (UTF-8) | nonce (12) | ciphertext | tag (16)
 *
 * Everything before the nonce is the header; it is authenticated as part of the AAD, so a changed
 * algorithm or key id byte cannot select a different reading of the same ciphertext.
 */
export const ENVELOPE_VERSION = 1;

export const MAX_KEY_ID_BYTES = 255;

/** Codes are stored in every row, so they are fixed forever; new algorithms get new codes. */
const ALGORITHM_CODES: Record<AeadAlgorithm, number> = { 'SM4-GCM': 1, 'AES-256-GCM': 2 };
const ALGORITHM_BY_CODE = new Map(
  AEAD_ALGORITHMS.map((algorithm) => [ALGORITHM_CODES[algorithm], algorithm]),
);

export type Envelope = {
  algorithm: AeadAlgorithm;
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
};

export type ParsedEnvelope = Envelope & { header: Buffer };

/** The header bytes alone, which are both written first and authenticated. */
export function envelopeHeader(algorithm: AeadAlgorithm, keyId: string): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  if (id.length === 0 || id.length > MAX_KEY_ID_BYTES) {
    throw new RangeError(`a key id must be 1 to ${MAX_KEY_ID_BYTES} bytes of UTF-8`);
  }
  return Buffer.concat([Buffer.from([ENVELOPE_VERSION, ALGORITHM_CODES[algorithm], id.length]), id]);
}

export function encodeEnvelope(envelope: Envelope): Buffer {
  if (envelope.nonce.length !== NONCE_BYTES || envelope.tag.length !== TAG_BYTES) {
    throw new RangeError(`an envelope needs a ${NONCE_BYTES}-byte nonce and a ${TAG_BYTES}-byte tag`);
  }
  const header = envelopeHeader(envelope.algorithm, envelope.keyId);
  return Buffer.concat([header, envelope.nonce, envelope.ciphertext, envelope.tag]);
}

/** Splits an envelope into its parts, or throws `DecryptionError('malformed')`. Verifies nothing. */
export function parseEnvelope(stored: Buffer): ParsedEnvelope {
  const version = stored[0];
  if (version !== ENVELOPE_VERSION) malformed(`unsupported envelope version ${version ?? '(empty)'}`);
  const algorithm = algorithmOf(stored[1]);
  const idLength = stored[2] ?? 0;
  if (idLength === 0) malformed('the envelope has no key id');
  const nonceStart = 3 + idLength;
  const tagStart = stored.length - TAG_BYTES;
  if (tagStart < nonceStart + NONCE_BYTES) malformed('the envelope is truncated');
  return {
    algorithm,
    keyId: keyIdOf(stored.subarray(3, nonceStart)),
    header: stored.subarray(0, nonceStart),
    nonce: stored.subarray(nonceStart, nonceStart + NONCE_BYTES),
    ciphertext: stored.subarray(nonceStart + NONCE_BYTES, tagStart),
    tag: stored.subarray(tagStart),
  };
}

function algorithmOf(code: number | undefined): AeadAlgorithm {
  const algorithm = code === undefined ? undefined : ALGORITHM_BY_CODE.get(code);
  return algorithm ?? malformed(`unknown algorithm code ${code ?? '(missing)'}`);
}

/** Key ids are written from strings, so bytes that are not UTF-8 cannot be one of ours. */
function keyIdOf(bytes: Buffer): string {
  try {
    return decodeUtf8(bytes);
  } catch (cause) {
    throw new DecryptionError('malformed', 'the envelope key id is not UTF-8', { cause });
  }
}

function malformed(message: string): never {
  throw new DecryptionError('malformed', message);
}
