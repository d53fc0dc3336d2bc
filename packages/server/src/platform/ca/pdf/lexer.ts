/**
 * A small PDF object parser (ISO 32000-1 §7.2–7.3) for reading files someone uploads.
 *
 * Our own rather than pdf-lib's: pdf-lib parses asynchronously only, keeps every PDFName and
 * PDFRef it ever saw in process-wide pools (an upload full of distinct names would grow them for
 * good), and forgets where in the file a value stood. Signature checks need exactly those
 * positions (the /Contents hex string's bytes are what the ByteRange must leave out), so every
 * value here carries its span. Every step advances, nesting is capped, and input is bounded by a
 * limit, so a hostile file ends in a ParseError, never in a loop.
 */

export type Span = { start: number; end: number };

export type PdfValue = Span &
  (
    | { kind: 'number'; value: number; integer: boolean }
    | { kind: 'name'; value: string }
    | { kind: 'string'; bytes: Buffer; hex: boolean }
    | { kind: 'ref'; num: number; gen: number }
    | { kind: 'array'; items: PdfValue[] }
    | { kind: 'dict'; entries: Map<string, PdfValue> }
    | { kind: 'bool'; value: boolean }
    | { kind: 'null' }
    | { kind: 'keyword'; value: string }
  );

export type PdfDict = Extract<PdfValue, { kind: 'dict' }>;

export class ParseError extends Error {
  override name = 'ParseError';
}

const MAX_DEPTH = 64;
const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

export const isWhitespace = (b: number | undefined) => b !== undefined && WHITESPACE.has(b);
export const isRegular = (b: number | undefined) =>
  b !== undefined && !WHITESPACE.has(b) && !DELIMITERS.has(b);
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
const isOctal = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x37;
const hexValue = (b: number) =>
  b >= 0x30 && b <= 0x39
    ? b - 0x30
    : b >= 0x61 && b <= 0x66
      ? b - 0x57
      : b >= 0x41 && b <= 0x46
        ? b - 0x37
        : -1;
const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };

export class Lexer {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    /** Nothing at or after this offset is read. */
    readonly limit = buf.length,
  ) {}

  peek(offset = 0): number | undefined {
    const at = this.pos + offset;
    return at < this.limit ? this.buf[at] : undefined;
  }

  /** Skips whitespace and comments. */
  skipSpace(): void {
    while (this.pos < this.limit) {
      const b = this.buf[this.pos] as number;
      if (b === 0x25) {
        while (this.pos < this.limit && this.buf[this.pos] !== 10 && this.buf[this.pos] !== 13) this.pos++;
      } else if (WHITESPACE.has(b)) this.pos++;
      else return;
    }
  }

  /** A run of regular characters (a keyword, a number's text), without consuming it when `peekOnly`. */
  word(peekOnly = false): string {
    let end = this.pos;
    while (end < this.limit && isRegular(this.buf[end])) end++;
    const w = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.pos, end - this.pos).toString('latin1');
    if (!peekOnly) this.pos = end;
    return w;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new ParseError(`nesting deeper than ${MAX_DEPTH} at ${this.pos}`);
    this.skipSpace();
    const start = this.pos;
    const b = this.peek();
    if (b === undefined) throw new ParseError(`value expected at ${start}, end of input`);
    if (b === 0x2f) return { kind: 'name', value: this.name(), start, end: this.pos };
    if (b === 0x28) return { kind: 'string', bytes: this.literal(), hex: false, start, end: this.pos };
    if (b === 0x3c && this.peek(1) === 0x3c) return this.dict(depth);
    if (b === 0x3c) return { kind: 'string', bytes: this.hexString(), hex: true, start, end: this.pos };
    if (b === 0x5b) return this.array(depth);
    if (isDigit(b) || b === 0x2b || b === 0x2d || b === 0x2e) return this.numberOrRef();
    if (!isRegular(b)) throw new ParseError(`unexpected byte 0x${b.toString(16)} at ${start}`);
    const w = this.word();
    if (w === 'true' || w === 'false') return { kind: 'bool', value: w === 'true', start, end: this.pos };
    if (w === 'null') return { kind: 'null', start, end: this.pos };
    return { kind: 'keyword', value: w, start, end: this.pos };
  }

  private name(): string {
    this.pos++;
    const raw = this.word();
    // #xx escapes (§7.3.5); names are compared as Latin-1 strings of their bytes.
    return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  }

  /** A literal string (§7.3.4.2). Its end is found first, so a string costs no more than its bytes. */
  private literal(): Buffer {
    const from = ++this.pos;
    let depth = 0;
    let end = -1;
    for (let i = from; i < this.limit; i++) {
      const b = this.buf[i];
      if (b === 0x5c) i++;
      else if (b === 0x28) depth++;
      else if (b === 0x29 && depth-- === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new ParseError('unterminated string');
    this.pos = end + 1;
    const out = Buffer.allocUnsafe(end - from);
    let n = 0;
    for (let i = from; i < end; i++) {
      const b = this.buf[i] as number;
      if (b !== 0x5c) {
        out[n++] = b;
        continue;
      }
      const e = this.buf[++i] as number;
      if (ESCAPES[e] !== undefined) out[n++] = ESCAPES[e];
      else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && i + 1 < end && isOctal(this.buf[i + 1]); k++)
          v = v * 8 + (this.buf[++i] as number) - 0x30;
        out[n++] = v & 0xff;
      } else if (e === 13) {
        if (this.buf[i + 1] === 10) i++; // a backslash before an end of line continues the string
      } else if (e !== 10) out[n++] = e;
    }
    return out.subarray(0, n);
  }

  /** A hex string (§7.3.4.3); white space between the digits is allowed. */
  private hexString(): Buffer {
    const from = ++this.pos;
    let end = from;
    while (end < this.limit && this.buf[end] !== 0x3e) end++;
    if (end >= this.limit) throw new ParseError('unterminated hex string');
    this.pos = end + 1;
    const out = Buffer.alloc(Math.ceil((end - from) / 2));
    let n = 0;
    for (let i = from; i < end; i++) {
      const b = this.buf[i] as number;
      if (WHITESPACE.has(b)) continue;
      const v = hexValue(b);
      if (v < 0) throw new ParseError(`not a hex digit at ${i}`);
      // Digits fill high then low nibbles; an odd final digit is followed by an implied 0.
      out[n >> 1] = (out[n >> 1] as number) | (n % 2 ? v : v << 4);
      n++;
    }
    return out.subarray(0, Math.ceil(n / 2));
  }

  private array(depth: number): PdfValue {
    const start = this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === 0x5d) break;
      const item = this.value(depth + 1);
      // `R` only follows two integers, which numberOrRef already turned into a reference.
      if (item.kind === 'keyword') throw new ParseError(`unexpected ${item.value} in array at ${item.start}`);
      items.push(item);
    }
    this.pos++;
    return { kind: 'array', items, start, end: this.pos };
  }

  private dict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.peek() === 0x3e && this.peek(1) === 0x3e) break;
      const key = this.value(depth + 1);
      if (key.kind !== 'name') throw new ParseError(`dictionary key expected at ${key.start}`);
      entries.set(key.value, this.value(depth + 1));
    }
    this.pos += 2;
    return { kind: 'dict', entries, start, end: this.pos };
  }

  private numberOrRef(): PdfValue {
    const start = this.pos;
    const text = this.word();
    const value = Number(text);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(value)) {
      throw new ParseError(`bad number ${text.slice(0, 20)} at ${start}`);
    }
    const integer = /^\d+$/.test(text);
    const afterNumber = this.pos;
    if (integer) {
      // "N G R": look ahead for a generation number and R, and undo the look-ahead otherwise.
      this.skipSpace();
      const gen = this.word(true);
      if (/^\d{1,5}$/.test(gen)) {
        this.word();
        this.skipSpace();
        if (this.word(true) === 'R') {
          this.word();
          return { kind: 'ref', num: value, gen: Number(gen), start, end: this.pos };
        }
      }
      this.pos = afterNumber;
    }
    return { kind: 'number', value, integer, start, end: afterNumber };
  }
}

/** The entry of a dictionary, or undefined. */
export const entry = (v: PdfValue | undefined, key: string): PdfValue | undefined =>
  v?.kind === 'dict' ? v.entries.get(key) : undefined;

export const nameOf = (v: PdfValue | undefined): string | undefined =>
  v?.kind === 'name' ? v.value : undefined;

/** A PDF text string (§7.9.2.2): UTF-16BE after a byte order mark, else PDFDocEncoding (read as Latin-1). */
export function textOf(v: PdfValue | undefined): string | undefined {
  if (v?.kind !== 'string') return undefined;
  const b = v.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const units = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
    return units.swap16().toString('utf16le');
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

/** Structural equality of two values (their spans and formatting do not count). */
export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
      return b.kind === 'string' && a.bytes.equals(b.bytes);
    case 'ref':
      return b.kind === 'ref' && a.num === b.num && a.gen === b.gen;
    case 'array':
      return (
        b.kind === 'array' &&
        a.items.length === b.items.length &&
        a.items.every((x, i) => sameValue(x, b.items[i]))
      );
    case 'dict':
      return (
        b.kind === 'dict' &&
        a.entries.size === b.entries.size &&
        [...a.entries].every(([k, v]) => sameValue(v, b.entries.get(k)))
      );
    case 'null':
      return true;
    default:
      return 'value' in b && a.value === b.value;
  }
}
