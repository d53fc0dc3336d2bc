import { createHmac } from 'node:crypto';
import type { LookupHashAlgorithm } from './keyring.ts';
import { contextBytes, utf8Exact } from './text.ts';

const HMAC_DIGEST: Record<LookupHashAlgorithm, string> = { 'HMAC-SM3': 'sm3', 'HMAC-SHA256': 'sha256' };

/**
 * The canonical spelling of an identifier before hashing, so the same person is found however the
 * value was typed: NFKC turns full-width digits and letters (common with Chinese input methods)
 * into ASCII, whitespace is dropped, and letters are upper-cased (the ID-number check digit `x`).
 * Domain formats (a `+86` prefix, hyphens in a phone number) are the caller's to canonicalise.
 */
export function normaliseForLookup(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/**
 * HMAC over `context length | context | normalised value`. The length prefix keeps the split
 * between context and value unambiguous, and the context makes equal values in different columns
 * hash differently, so hashes cannot be joined across tables.
 */
export function computeLookupHash(
  algorithm: LookupHashAlgorithm,
  key: Buffer,
  value: string,
  context: string,
): Buffer {
  const contextPart = contextBytes(context);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(contextPart.length);
  const valuePart = utf8Exact(normaliseForLookup(value), 'the value to hash');
  return createHmac(HMAC_DIGEST[algorithm], key)
    .update(length)
    .update(contextPart)
    .update(valuePart)
    .digest();
}
