/**
 * UTF-8 bytes of a string that must survive a round trip exactly. A lone surrogate would be
 * encoded as U+FFFD and come back as a different value, silently corrupting personal data (and
 * making two different strings hash alike), so it is refused instead.
 */
export function utf8Exact(text: string, what: string): Buffer {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.toString('utf8') !== text) {
    throw new TypeError(`${what} is not well-formed Unicode (it contains a lone surrogate)`);
  }
  return encoded;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes that this module encoded; invalid UTF-8 here means a bug, so it throws. */
export function decodeUtf8(bytes: Buffer): string {
  return strictDecoder.decode(bytes);
}

/** A context names where a value lives (`table.column`); an empty one would bind nothing. */
export function contextBytes(context: string): Buffer {
  if (context.length === 0) throw new TypeError('an encryption context must not be empty');
  return utf8Exact(context, 'the encryption context');
}
