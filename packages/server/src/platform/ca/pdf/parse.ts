import { entry, isWhitespace, Lexer, nameOf, type PdfDict, type PdfValue, type Span } from './lexer.ts';
import { type Budget, decodeStream, type XrefEntry, xrefStreamEntries } from './streams.ts';

/**
 * Reads a PDF front to back, as the bytes stand, not as its cross-reference tables say. That is
 * the point: a shadow attack hides objects the tables never mention, or defines one object
 * twice, and the incremental updates after a signature must be told apart from the signed
 * revision by their position in the file. Every definition is kept, with its offset, so any
 * revision (the file up to some offset) can be looked at later.
 */

export type ObjectDef = {
  num: number;
  gen: number;
  /** The definition's first byte in the file (for a member of an object stream: the stream's). */
  offset: number;
  end: number;
  value: PdfValue;
  /** The bytes that value spans refer to: the file, or the decoded object stream. */
  buf: Uint8Array;
  /** The stream data, in `buf`. */
  stream?: Span;
  /** The object stream this object was read from. */
  container?: number;
};

export type TrailerDef = { offset: number; dict: PdfDict };
export type XrefSection = { offset: number; entries: XrefEntry[] };

export type ParsedPdf = {
  buf: Uint8Array;
  objects: ObjectDef[];
  trailers: TrailerDef[];
  xrefs: XrefSection[];
  /** Offsets just after each %%EOF marker. */
  eofs: number[];
  /** Where definitions start that could not be read (or decoded). */
  unreadable: number[];
  /** Where bytes start that are neither objects nor cross-reference sections nor trailers. */
  junk: number[];
  /** Set when the file holds more than MAX_OBJECTS; it was then read only in part. */
  tooManyObjects?: true;
  /** Set when more than MAX_UNREADABLE objects could not be read; the rest was not tried. */
  tooDamaged?: true;
  problems: string[];
};

/**
 * More than this many object definitions (or cross-reference entries) and the file is not read
 * on: a 20 MiB document of a thousand pages has tens of thousands; a million tiny objects would
 * cost the server seconds and hundreds of megabytes.
 */
export const MAX_OBJECTS = 200_000;
/** Damage beyond repair: each unreadable object costs an exception, so their number is capped too. */
const MAX_UNREADABLE = 10_000;
const MAX_PROBLEMS = 50;
const DECODE_BUDGET = 64 * 1024 * 1024;
const HEADER = Buffer.from('%PDF-');

const at = (buf: Uint8Array, pos: number, s: string) => {
  for (let i = 0; i < s.length; i++) if (buf[pos + i] !== s.charCodeAt(i)) return false;
  return true;
};
const indexOf = (buf: Uint8Array, s: string, from: number) =>
  Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(s, from, 'latin1');

/** Where the PDF header is, if it is in the first kilobyte (§7.5.2; readers allow leading junk). */
export const headerOffset = (buf: Uint8Array): number =>
  Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1024)).indexOf(HEADER);

export function parsePdf(buf: Uint8Array): ParsedPdf {
  const [objects, trailers, xrefs, eofs, unreadable, junk, problems] = [[], [], [], [], [], [], []];
  const out: ParsedPdf = { buf, objects, trailers, xrefs, eofs, unreadable, junk, problems };
  const problem = (p: string) => {
    if (out.problems.length < MAX_PROBLEMS) out.problems.push(p);
  };
  const budget: Budget = { remaining: DECODE_BUDGET };
  const nextEndobj = endobjFinder(buf);
  let pos = Math.max(0, headerOffset(buf));
  let entries = 0;
  while (pos < buf.length) {
    if (out.objects.length + entries > MAX_OBJECTS) {
      out.tooManyObjects = true;
      break;
    }
    if (out.unreadable.length > MAX_UNREADABLE) {
      out.tooDamaged = true;
      break;
    }
    const b = buf[pos] as number;
    if (isWhitespace(b)) pos++;
    else if (b === 0x25) {
      if (at(buf, pos, '%%EOF')) out.eofs.push(pos + 5);
      pos = lineEnd(buf, pos);
    } else if (b >= 0x30 && b <= 0x39) {
      const header = objectHeader(buf, pos);
      if (header) pos = readObject(header, nextEndobj(header.bodyStart));
      else {
        out.junk.push(pos);
        pos = lineEnd(buf, pos);
      }
    } else if (at(buf, pos, 'xref') && !at(buf, pos, 'xrefs')) pos = readXrefTable(pos);
    else if (at(buf, pos, 'trailer')) pos = readTrailer(pos);
    else if (at(buf, pos, 'startxref')) pos = skipStartxref(buf, pos);
    else {
      out.junk.push(pos);
      pos = lineEnd(buf, pos);
    }
  }
  return out;

  function readObject(h: Header, limit: number): number {
    const lex = new Lexer(buf, h.bodyStart, limit);
    let value: PdfValue;
    try {
      value = lex.value();
    } catch (e) {
      problem(`object ${h.num} ${h.gen} at ${h.offset} is unreadable: ${(e as Error).message}`);
      out.unreadable.push(h.offset);
      return Math.min(buf.length, limit + 6);
    }
    lex.skipSpace();
    let next = lex.pos;
    let stream: Span | undefined;
    if (value.kind === 'dict' && at(buf, next, 'stream')) {
      const data = streamData(buf, next + 6, value);
      if (!data) {
        problem(`object ${h.num} ${h.gen} at ${h.offset}: stream without endstream`);
        out.unreadable.push(h.offset);
        return buf.length;
      }
      stream = { start: data.start, end: data.end };
      next = data.after;
    }
    while (next < buf.length && isWhitespace(buf[next])) next++;
    if (at(buf, next, 'endobj')) next += 6;
    const def: ObjectDef = { num: h.num, gen: h.gen, offset: h.offset, end: next, value, buf };
    if (stream) def.stream = stream;
    out.objects.push(def);
    if (stream) structure(def);
    return next;
  }

  /** Object streams and cross-reference streams: their contents belong to the file's structure. */
  function structure(def: ObjectDef): void {
    const type = nameOf(entry(def.value, 'Type'));
    if (type !== 'ObjStm' && type !== 'XRef') return;
    try {
      const decoded = decodeStream(def.value, def.buf.subarray(def.stream?.start, def.stream?.end), budget);
      if (type === 'ObjStm') out.objects.push(...objectStreamMembers(def, decoded));
      else {
        out.trailers.push({ offset: def.offset, dict: def.value as PdfDict });
        out.xrefs.push({ offset: def.offset, entries: xrefStreamEntries(def.value, decoded, MAX_OBJECTS) });
        entries += out.xrefs.at(-1)?.entries.length ?? 0;
      }
    } catch (e) {
      problem(`${type} stream ${def.num} ${def.gen} at ${def.offset}: ${(e as Error).message}`);
      out.unreadable.push(def.offset);
    }
  }

  function readXrefTable(start: number): number {
    const lex = new Lexer(buf, start + 4);
    const list: XrefEntry[] = [];
    for (;;) {
      lex.skipSpace();
      const first = Number(lex.word(true));
      if (!/^\d+$/.test(lex.word(true))) break;
      lex.word();
      lex.skipSpace();
      const count = Number(lex.word());
      // An entry is 20 bytes; a count the rest of the file cannot hold is a lie.
      if (!Number.isSafeInteger(count) || count * 18 > buf.length - lex.pos) break;
      if (list.length + count > MAX_OBJECTS) {
        out.tooManyObjects = true;
        break;
      }
      for (let i = 0; i < count; i++) {
        const words = [0, 1, 2].map(() => {
          lex.skipSpace();
          return lex.word();
        });
        const [offset, gen, type] = words as [string, string, string];
        if (!/^\d+$/.test(offset) || !/^\d+$/.test(gen) || (type !== 'n' && type !== 'f')) {
          problem(`bad cross-reference entry at ${lex.pos}`);
          break;
        }
        const kind = type === 'n' ? 'offset' : 'free';
        list.push({ num: first + i, gen: Number(gen), type: kind, at: Number(offset) });
      }
    }
    out.xrefs.push({ offset: start, entries: list });
    entries += list.length;
    return Math.max(lex.pos, start + 4);
  }

  function readTrailer(start: number): number {
    const lex = new Lexer(buf, start + 7, Math.min(buf.length, start + 7 + 64 * 1024));
    try {
      const dict = lex.value();
      if (dict.kind === 'dict') out.trailers.push({ offset: start, dict });
      else problem(`trailer at ${start} is not a dictionary`);
      return lex.pos;
    } catch (e) {
      problem(`trailer at ${start} is unreadable: ${(e as Error).message}`);
      return start + 7;
    }
  }

  function objectStreamMembers(container: ObjectDef, decoded: Buffer): ObjectDef[] {
    const n = entry(container.value, 'N');
    const first = entry(container.value, 'First');
    if (n?.kind !== 'number' || first?.kind !== 'number' || n.value > decoded.length / 2) {
      throw new Error('bad /N or /First');
    }
    if (out.objects.length + n.value > MAX_OBJECTS) {
      out.tooManyObjects = true;
      return [];
    }
    const head = new Lexer(decoded, 0, Math.min(decoded.length, first.value));
    const pairs: number[] = [];
    for (let i = 0; i < 2 * n.value; i++) {
      head.skipSpace();
      pairs.push(Number(head.word()));
    }
    const members: ObjectDef[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const [num, off] = [pairs[i] as number, pairs[i + 1] as number];
      if (!Number.isSafeInteger(num) || !Number.isSafeInteger(off))
        throw new Error('bad object stream header');
      const next = pairs[i + 3] ?? Number.NaN;
      const limit = next > off ? first.value + next : decoded.length;
      try {
        const value = new Lexer(decoded, first.value + off, limit).value();
        members.push({ num, gen: 0, offset: container.offset, end: container.end, value, buf: decoded });
        (members.at(-1) as ObjectDef).container = container.num;
      } catch (e) {
        problem(`object ${num} in object stream ${container.num}: ${(e as Error).message}`);
      }
    }
    return members;
  }
}

type Header = { num: number; gen: number; offset: number; bodyStart: number };

/** "N G obj" at pos. */
function objectHeader(buf: Uint8Array, pos: number): Header | undefined {
  const text = Buffer.from(buf.buffer, buf.byteOffset + pos, Math.min(32, buf.length - pos)).toString(
    'latin1',
  );
  const m = /^(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]*obj(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(text);
  if (!m) return undefined;
  return { num: Number(m[1]), gen: Number(m[2]), offset: pos, bodyStart: pos + m[0].length };
}

function skipStartxref(buf: Uint8Array, pos: number): number {
  const lex = new Lexer(buf, pos + 9);
  lex.skipSpace();
  if (/^\d+$/.test(lex.word(true))) lex.word();
  return lex.pos;
}

function lineEnd(buf: Uint8Array, pos: number): number {
  let i = pos + 1;
  while (i < buf.length && buf[i] !== 10 && buf[i] !== 13) i++;
  return i;
}

/**
 * The next "endobj" at or after an offset. Each search starts past the previous result, so all
 * searches together read the file once: a file of a million unterminated objects is no slower.
 */
function endobjFinder(buf: Uint8Array): (from: number) => number {
  let found = -1;
  let exhausted = false;
  return (from) => {
    if (exhausted) return buf.length;
    if (found < from) found = indexOf(buf, 'endobj', from);
    if (found === -1) exhausted = true;
    return exhausted ? buf.length : found;
  };
}

/** The data of a stream whose keyword ends at `pos`: by /Length when endstream follows it, else by search. */
function streamData(buf: Uint8Array, pos: number, dict: PdfDict): (Span & { after: number }) | undefined {
  let start = pos;
  if (buf[start] === 13 && buf[start + 1] === 10) start += 2;
  else if (buf[start] === 10 || buf[start] === 13) start += 1;
  const length = entry(dict, 'Length');
  if (length?.kind === 'number' && length.integer && start + length.value <= buf.length) {
    let after = start + length.value;
    while (after < buf.length && isWhitespace(buf[after])) after++;
    if (at(buf, after, 'endstream')) return { start, end: start + length.value, after: after + 9 };
  }
  const i = indexOf(buf, 'endstream', start);
  if (i === -1) return undefined;
  let end = i;
  if (end > start && buf[end - 1] === 10) end--;
  if (end > start && buf[end - 1] === 13) end--;
  return { start, end, after: i + 9 };
}
