/**
 * Where the first BER/DER element of some bytes ends (X.690 §8.1). A signature's /Contents is a
 * hex string padded with zeros to the reserved size; the CMS inside is found by its own length,
 * never by stripping zeros, because a DER encoding may itself end in zero bytes. Indefinite
 * lengths (BER, which some signers emit) are followed through their end-of-contents markers.
 */

const MAX_DEPTH = 32;
const MAX_ELEMENTS = 100_000;

/** The length of the element at the start of `bytes`, or undefined when it is not one. */
export function berElementLength(bytes: Uint8Array): number | undefined {
  const budget = { elements: MAX_ELEMENTS };
  try {
    return elementEnd(bytes, 0, 0, budget);
  } catch {
    return undefined;
  }
}

function elementEnd(b: Uint8Array, at: number, depth: number, budget: { elements: number }): number {
  if (depth > MAX_DEPTH || --budget.elements < 0) throw new Error('too deep');
  let i = at;
  const tag = byte(b, i++);
  if ((tag & 0x1f) === 0x1f) while (byte(b, i++) & 0x80); // high tag number form
  const first = byte(b, i++);
  if (first === 0x80) {
    if (!(tag & 0x20)) throw new Error('indefinite length on a primitive');
    while (!(byte(b, i) === 0 && byte(b, i + 1) === 0)) i = elementEnd(b, i, depth + 1, budget);
    return i + 2;
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4) throw new Error('length too long');
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + byte(b, i++);
  }
  const end = i + length;
  if (end > b.length) throw new Error('element longer than the bytes');
  return end;
}

function byte(b: Uint8Array, i: number): number {
  const v = b[i];
  if (v === undefined) throw new Error('truncated');
  return v;
}
