import zlib from 'node:zlib';
import { entry, nameOf, type PdfValue } from './lexer.ts';

/**
 * Decoding the few streams that carry file structure (object streams and cross-reference
 * streams, §7.5.7–7.5.8). Only FlateDecode, the filter writers use for them; anything else is
 * reported as undecodable rather than guessed at. Every inflate is capped by a budget shared by
 * the whole file, so a small zip bomb cannot make the server allocate gigabytes.
 */

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** How many decoded bytes one file may still produce. */
export type Budget = { remaining: number };

const intOf = (v: PdfValue | undefined, fallback: number) =>
  v?.kind === 'number' && v.integer ? v.value : fallback;

export function decodeStream(dict: PdfValue, data: Uint8Array, budget: Budget): Buffer {
  const filter = entry(dict, 'Filter');
  const filters = filter?.kind === 'array' ? filter.items.map(nameOf) : filter ? [nameOf(filter)] : [];
  if (filters.length === 0) return Buffer.from(data);
  if (filters.length > 1 || filters[0] !== 'FlateDecode') {
    throw new DecodeError(`filter ${filters.join(',')} is not supported here`);
  }
  let out: Buffer;
  try {
    out = zlib.inflateSync(data, { maxOutputLength: Math.max(1, budget.remaining) });
  } catch (e) {
    throw new DecodeError(`cannot inflate: ${(e as Error).message}`);
  }
  budget.remaining -= out.length;
  const parms = entry(dict, 'DecodeParms');
  const predictor = intOf(entry(parms?.kind === 'array' ? parms.items[0] : parms, 'Predictor'), 1);
  if (predictor === 1) return out;
  if (predictor < 10) throw new DecodeError(`predictor ${predictor} is not supported here`);
  const p = parms?.kind === 'array' ? parms.items[0] : parms;
  const colors = intOf(entry(p, 'Colors'), 1);
  const bits = intOf(entry(p, 'BitsPerComponent'), 8);
  return unpredictPng(out, intOf(entry(p, 'Columns'), 1), Math.max(1, Math.ceil((colors * bits) / 8)));
}

/** Undoes the PNG row filters (RFC 2083 §6), with which cross-reference streams are usually written. */
function unpredictPng(data: Buffer, columns: number, bpp: number): Buffer {
  const rowLength = columns * bpp;
  if (columns < 1 || rowLength > data.length) throw new DecodeError('bad predictor columns');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const at = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i] as number;
      const left = i >= bpp ? (out[at + i - bpp] as number) : 0;
      const up = r > 0 ? (out[at + i - rowLength] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[at + i - rowLength - bpp] as number) : 0;
      out[at + i] = (raw + predict(type, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(type: number | undefined, left: number, up: number, upLeft: number): number {
  switch (type) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    }
    default:
      throw new DecodeError(`unknown PNG filter ${type}`);
  }
}

export type XrefEntry = {
  num: number;
  gen: number;
  /** free; at a byte offset; or inside an object stream (`at` is then that stream's number). */
  type: 'free' | 'offset' | 'compressed';
  at: number;
};

/** The entries of a cross-reference stream (§7.5.8.3). */
export function xrefStreamEntries(dict: PdfValue, decoded: Buffer, max: number): XrefEntry[] {
  const w = entry(dict, 'W');
  const widths = w?.kind === 'array' ? w.items.map((x) => intOf(x, -1)) : [];
  if (widths.length !== 3 || widths.some((x) => x < 0 || x > 8)) throw new DecodeError('bad /W');
  const [w0, w1, w2] = widths as [number, number, number];
  const size = w0 + w1 + w2;
  if (size === 0) throw new DecodeError('bad /W');
  const index = entry(dict, 'Index');
  const ranges =
    index?.kind === 'array' ? index.items.map((x) => intOf(x, -1)) : [0, intOf(entry(dict, 'Size'), 0)];
  const field = (at: number, width: number) => {
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 256 + (decoded[at + i] as number);
    return n;
  };
  const entries: XrefEntry[] = [];
  let at = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const [first, count] = [ranges[r] as number, ranges[r + 1] as number];
    if (first < 0 || count < 0) throw new DecodeError('bad /Index');
    for (let i = 0; i < count && at + size <= decoded.length && entries.length < max; i++, at += size) {
      const type = w0 ? field(at, w0) : 1;
      const kind = type === 0 ? 'free' : type === 1 ? 'offset' : type === 2 ? 'compressed' : undefined;
      // Other types are to be ignored as references to the null object (§7.5.8.3).
      if (!kind) continue;
      const gen = kind === 'compressed' ? 0 : field(at + w0 + w1, w2);
      entries.push({ num: first + i, gen, type: kind, at: field(at + w0, w1) });
    }
  }
  return entries;
}
