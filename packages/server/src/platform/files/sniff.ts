import { fileTypeFromBuffer } from 'file-type';
import { FileTypeMismatchProblem, FileTypeNotAllowedProblem } from './problems.ts';

/**
 * The kinds of material a case may carry: scans (JPEG, PNG), documents (PDF, DOCX) and OFD, the
 * national fixed-layout format (GB/T 33190) that e-licences and e-invoices are issued in.
 *
 * text/plain is left out on purpose: it has no signature to sniff, so "is text" could only be a
 * guess from the absence of other signatures, and an HTML or SVG page would pass that guess and
 * could later be served back to a browser. No material a form asks for is plain text.
 */
export const ALLOWED_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/ofd',
] as const;

export type AllowedType = (typeof ALLOWED_TYPES)[number];

const allowed = new Set<string>(ALLOWED_TYPES);

/** The media type the content shows, or undefined when no known signature matches. */
export async function sniffType(bytes: Buffer): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.mime === 'application/zip' && zipEntryNames(bytes).includes('OFD.xml')) return 'application/ofd';
  return found?.mime;
}

/**
 * The type a material is stored as. The declared type (the browser's or client's word) must name
 * an accepted type AND agree with the content, so a renamed executable or a PDF posing as a
 * photo is refused rather than stored under a label that is not true.
 */
export async function checkMaterialType(declaredType: string, bytes: Buffer): Promise<AllowedType> {
  const declared = normaliseMediaType(declaredType);
  const sniffed = await sniffType(bytes);
  if (!sniffed || !allowed.has(sniffed)) throw new FileTypeNotAllowedProblem(sniffed, ALLOWED_TYPES);
  if (declared !== sniffed) throw new FileTypeMismatchProblem(declared, sniffed);
  return sniffed as AllowedType;
}

/** `Image/JPEG; charset=x` and `image/jpeg` name the same type; parameters carry no type. */
export function normaliseMediaType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * The names in a zip's central directory (the authoritative list; local headers may lie or be
 * streamed without sizes). Returns [] for anything that is not a well-formed zip, never throws:
 * a broken archive simply is not an OFD document. Zip64 archives are not read: no OFD material
 * comes near 4 GiB.
 */
export function zipEntryNames(bytes: Buffer): string[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return [];
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const start = bytes.readUInt32LE(eocd + 16);
  if (start + size > eocd || count > MAX_ENTRIES) return [];
  const names: string[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return [];
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > eocd) return [];
    names.push(bytes.toString('utf8', at + 46, nameEnd));
    at = nameEnd + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - EOCD_BYTES; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}
