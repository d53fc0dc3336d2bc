import { type AppendedChanges, appendedChanges } from './changes.ts';
import { berElementLength } from './der.ts';
import { entry, nameOf, type PdfValue, textOf } from './lexer.ts';
import { headerOffset, MAX_OBJECTS, type ObjectDef, type ParsedPdf, parsePdf } from './parse.ts';
import { hiddenContent, keyOf, type View, viewUpTo } from './revision.ts';
import type { ByteRange } from './sign.ts';

/**
 * Inspects a PDF that someone uploads to have its seal verified: finds its signatures, what each
 * signs, and what the file does besides. The CMS itself is verified elsewhere (platform/ca/pki);
 * this says whether the bytes it signs are the document a reader shows.
 *
 * Never throws and never hangs: the input is untrusted. Size is capped, the parser's work is
 * linear in the input (see parse.ts), and any failure ends in kind 'malformed' with the reason.
 */

export const MAX_INSPECT_BYTES = 20 * 1024 * 1024;
const MAX_SIGNATURES = 10;
const MAX_REASONS = 20;

export type InspectedSignature = {
  /** The field's name (/T), when a field refers to the signature dictionary. */
  fieldName?: string;
  subFilter?: string;
  byteRange: ByteRange;
  /** The CMS: the /Contents bytes up to the end of their first DER element. */
  cms: Buffer;
  /** The bytes the ByteRange covers, range 1 then range 2: what the CMS signs. */
  signedBytes: Buffer;
  /** The ranges end exactly at the end of the file. */
  coversWholeFile: boolean;
  /** The ranges start at 0 and leave out exactly this signature's /Contents string, within the file. */
  byteRangeValid: boolean;
  /** Bytes after the signed range. */
  appendedAfter: number;
  appendedChanges: AppendedChanges;
  /** Shadow-attack indicators in the signed revision. */
  hiddenContent: string[];
};

export type PdfInspection = {
  kind: 'not_pdf' | 'malformed' | 'too_large' | 'unsigned' | 'signed';
  signatures: InspectedSignature[];
  problems: string[];
};

export function inspectPdf(bytes: Uint8Array): PdfInspection {
  try {
    return inspect(bytes);
  } catch (e) {
    return {
      kind: 'malformed',
      signatures: [],
      problems: [`the inspection failed: ${(e as Error)?.message}`],
    };
  }
}

function inspect(bytes: Uint8Array): PdfInspection {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    return { kind: 'not_pdf', signatures: [], problems: ['the file is empty'] };
  }
  if (headerOffset(bytes) < 0) {
    return { kind: 'not_pdf', signatures: [], problems: ['no %PDF- header in the first 1024 bytes'] };
  }
  if (bytes.length > MAX_INSPECT_BYTES) {
    const problem = `${bytes.length} bytes, more than the ${MAX_INSPECT_BYTES} this inspection reads`;
    return { kind: 'too_large', signatures: [], problems: [problem] };
  }
  const pdf = parsePdf(bytes);
  if (pdf.tooManyObjects) {
    const problem = `more than ${MAX_OBJECTS} objects and cross-reference entries, more than this inspection reads`;
    return { kind: 'too_large', signatures: [], problems: [problem] };
  }
  if (pdf.tooDamaged) {
    return { kind: 'malformed', signatures: [], problems: ['too many unreadable objects', ...pdf.problems] };
  }
  const problems = [...pdf.problems];
  let malformed = !wellFormed(pdf, problems);
  const latest = viewUpTo(pdf, bytes.length);
  const dictionaries = pdf.objects.filter((d) => entry(d.value, 'ByteRange') !== undefined);
  if (dictionaries.length > MAX_SIGNATURES)
    problems.push(`only the first ${MAX_SIGNATURES} signatures are read`);
  const signatures: InspectedSignature[] = [];
  for (const def of dictionaries.slice(0, MAX_SIGNATURES)) {
    const signature = readSignature(pdf, def, latest, problems);
    if (signature) signatures.push(signature);
    else malformed = true;
  }
  if (strayByteRanges(pdf, problems)) malformed = true;
  return { kind: malformed ? 'malformed' : signatures.length ? 'signed' : 'unsigned', signatures, problems };
}

/** A file with an end (%%EOF) and a trailer naming its catalog; otherwise it is broken or truncated. */
function wellFormed(pdf: ParsedPdf, problems: string[]): boolean {
  const hasCatalog = pdf.trailers.some((t) => t.dict.entries.has('Root'));
  const last = pdf.eofs.at(-1);
  if (!hasCatalog) problems.push('no trailer names a document catalog');
  if (last === undefined) problems.push('no %%EOF: the file is truncated or not a PDF');
  else if (!pdf.buf.subarray(last).every(isSpace)) problems.push(`bytes follow the last %%EOF (at ${last})`);
  return hasCatalog && last !== undefined;
}

const isSpace = (b: number) => b === 0 || b === 9 || b === 10 || b === 12 || b === 13 || b === 32;

function readSignature(pdf: ParsedPdf, def: ObjectDef, latest: View, problems: string[]) {
  const label = `signature dictionary ${keyOf(def.num, def.gen)}`;
  if (def.container !== undefined) {
    problems.push(`${label} is inside an object stream, where no byte range can leave out its /Contents`);
    return undefined;
  }
  const range = entry(def.value, 'ByteRange');
  const contents = entry(def.value, 'Contents');
  const numbers = range?.kind === 'array' ? range.items.map(nonNegativeInteger) : [];
  if (numbers.length !== 4 || numbers.some((n) => n === undefined)) {
    problems.push(`${label}: /ByteRange is not four non-negative integers (an unfilled placeholder?)`);
    return undefined;
  }
  if (contents?.kind !== 'string' || !contents.hex) {
    problems.push(`${label}: /Contents is not a hex string`);
    return undefined;
  }
  const byteRange = numbers as ByteRange;
  const [a, b, c, d] = byteRange;
  const length = pdf.buf.length;
  const signedEnd = Math.min(length, c + d);
  const signed = viewUpTo(pdf, signedEnd);
  const { changes, reasons } = appendedChanges(pdf, signed, latest);
  problems.push(...reasons.slice(0, MAX_REASONS).map((r) => `${label}: ${r}`));
  const signature: InspectedSignature = {
    subFilter: nameOf(entry(def.value, 'SubFilter')),
    byteRange,
    cms: cmsOf(contents.bytes, label, problems),
    // Copied when first read: ten signatures over a 20 MiB file would otherwise cost 200 MiB at once.
    get signedBytes() {
      const bytes = Buffer.concat([slice(pdf.buf, a, a + b), slice(pdf.buf, c, c + d)]);
      Object.defineProperty(this, 'signedBytes', { value: bytes, enumerable: true });
      return bytes;
    },
    coversWholeFile: c + d === length,
    byteRangeValid: a === 0 && b === contents.start && c === contents.end && c + d <= length,
    appendedAfter: Math.max(0, length - (c + d)),
    appendedChanges: changes,
    hiddenContent: hiddenContent(pdf, signed),
  };
  const fieldName = fieldNameOf(signed, def);
  if (fieldName !== undefined) signature.fieldName = fieldName;
  if (signature.subFilter === undefined) delete signature.subFilter;
  return signature;
}

const nonNegativeInteger = (v: PdfValue) =>
  v.kind === 'number' && v.integer && Number.isSafeInteger(v.value) ? v.value : undefined;

const slice = (buf: Uint8Array, start: number, end: number) =>
  Buffer.from(
    buf.buffer,
    buf.byteOffset + Math.min(start, buf.length),
    Math.max(0, Math.min(end, buf.length) - Math.min(start, buf.length)),
  );

/**
 * The CMS in a /Contents string. Its own length says where it ends; only the bytes after that
 * may be padding, and they must all be zero.
 */
function cmsOf(contents: Buffer, label: string, problems: string[]): Buffer {
  const length = contents[0] === 0x30 ? berElementLength(contents) : undefined;
  if (length === undefined) {
    problems.push(`${label}: /Contents does not hold a DER SEQUENCE (no CMS)`);
    return Buffer.from(contents);
  }
  if (!contents.subarray(length).every((b) => b === 0)) {
    problems.push(`${label}: non-zero bytes follow the CMS in /Contents`);
  }
  return Buffer.from(contents.subarray(0, length));
}

/** The name of the field whose value (/V) is the signature dictionary, with its parents' names. */
function fieldNameOf(view: View, sig: ObjectDef): string | undefined {
  for (const def of view.objects.values()) {
    const v = entry(def.value, 'V');
    if (v?.kind !== 'ref' || v.num !== sig.num || v.gen !== sig.gen) continue;
    const names: string[] = [];
    let field: PdfValue | undefined = def.value;
    for (let depth = 0; field && depth < 16; depth++) {
      const t = textOf(entry(field, 'T'));
      if (t !== undefined) names.unshift(t);
      const parent = entry(field, 'Parent');
      field = parent?.kind === 'ref' ? view.objects.get(keyOf(parent.num, parent.gen))?.value : undefined;
    }
    return names.length ? names.join('.') : undefined;
  }
  return undefined;
}

/**
 * "/ByteRange" in the file outside any signature dictionary that could be read: a signature
 * this inspection cannot account for (a dictionary broken beyond reading, say), unless the
 * words are merely the data of some stream.
 */
function strayByteRanges(pdf: ParsedPdf, problems: string[]): boolean {
  const buf = Buffer.from(pdf.buf.buffer, pdf.buf.byteOffset, pdf.buf.byteLength);
  const defs = pdf.objects.filter((d) => d.container === undefined);
  let stray = 0;
  for (
    let at = buf.indexOf('/ByteRange'), n = 0;
    at !== -1 && n < 1000;
    at = buf.indexOf('/ByteRange', at + 1), n++
  ) {
    const def = containing(defs, at);
    if (def && entry(def.value, 'ByteRange')) continue;
    if (def?.stream && at >= def.stream.start && at < def.stream.end) continue;
    if (++stray <= MAX_REASONS)
      problems.push(`a /ByteRange at ${at} is not part of a readable signature dictionary`);
  }
  if (stray > MAX_REASONS) problems.push(`… and ${stray - MAX_REASONS} more such /ByteRange`);
  return stray > 0;
}

/** The definition whose bytes hold an offset (definitions are in file order). */
function containing(defs: ObjectDef[], at: number): ObjectDef | undefined {
  let [lo, hi] = [0, defs.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = defs[mid] as ObjectDef;
    if (at < d.offset) hi = mid - 1;
    else if (at >= d.end) lo = mid + 1;
    else return d;
  }
  return undefined;
}
